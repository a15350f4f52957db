import { transform } from 'ol/proj.js';
import type { MapContext } from '../context/types.js';
import { permalinkOf, usesZoom, writePermalink, type PermalinkView } from '../state/permalink.js';
import type { MapState, ViewState } from '../state/store.js';
import type { MapAdapter } from './adapter.js';

/** The view of the map now (or of a view state), in the document's CRS (zoom for Web Mercator, resolution otherwise). */
export function viewOf(context: MapContext, adapter: MapAdapter, state?: ViewState): PermalinkView | undefined {
  const view = adapter.map.getView();
  const center = state ? [...state.center] : view.getCenter();
  const resolution = state ? state.resolution : view.getResolution();
  if (!center || resolution === undefined) return undefined;
  const [x, y] = transform(center, view.getProjection(), context.view.crs);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return usesZoom(context) ? { center: [x!, y!], zoom: view.getZoomForResolution(resolution) ?? view.getZoom() } : { center: [x!, y!], resolution };
}

/** Writes the permalink parameters of a state (view, visible layers, basemap, panel, added layers) into a URL. */
export type PermalinkWriter = (url: URL, state: MapState) => URL;

/**
 * The permalink part of the map's URL (the session's URL writer loads it after the first frame: the
 * first map never waits for it). The view is the state's (else the map's now), in the document's CRS.
 */
export function permalinkWriter(context: MapContext, adapter: MapAdapter): PermalinkWriter {
  return (url, state) => writePermalink(url, permalinkOf({ context, state, view: viewOf(context, adapter, state.view), panel: state.panel }), context);
}
