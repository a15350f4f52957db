import { transform } from 'ol/proj.js';
import type { MapContext } from '../context/types.js';
import { permalinkOf, usesZoom, writePermalink, type Permalink, type PermalinkView } from '../state/permalink.js';
import type { MapState, MapStore, ViewState } from '../state/store.js';
import type { MapAdapter } from './adapter.js';

export interface PermalinkSyncOptions {
  readonly context: MapContext;
  readonly store: MapStore;
  readonly adapter: MapAdapter;
  /** Whether the layer panel is open now. */
  readonly panel: () => boolean;
  /** Puts a URL in the address bar (history.replaceState); none: the URL is only computed. */
  readonly write?: (url: URL) => void;
  /** The URL whose other parameters are kept (default: the page's). */
  readonly base?: () => URL;
  /** Delay after a view move before writing (a pan fires many moves). */
  readonly viewDelay?: number;
  /** The state the map opened in, when this starts later: what changed since then is written at once. */
  readonly since?: { readonly state: MapState; readonly panel: boolean };
}

export interface PermalinkSync {
  /** The permalink of the state now. */
  current(): Permalink;
  /** The base URL with the state now. */
  url(): URL;
  /** Writes the URL soon (something outside the store changed, e.g. the panel). */
  schedule(): void;
  dispose(): void;
}

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

/**
 * Keeps the page's URL in step with the map's state (history.replaceState, never a new history entry):
 * at once for layers, basemap and panel, after a pause for view moves. Nothing is written before the
 * state first changes, so the link a person opened stays as it was until they act.
 */
export function syncPermalink(options: PermalinkSyncOptions): PermalinkSync {
  const { context, store, adapter } = options;
  const base = options.base ?? ((): URL => new URL(location.href));
  const current = (): Permalink => permalinkOf({ context, state: store.state, view: viewOf(context, adapter), panel: options.panel() });
  const url = (): URL => writePermalink(base(), current(), context);
  const { since } = options;
  let written = since
    ? writePermalink(base(), permalinkOf({ context, state: since.state, view: since.state.view && viewOf(context, adapter, since.state.view), panel: since.panel }), context).href
    : url().href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const next = url();
    if (next.href === written) return;
    written = next.href;
    options.write?.(next);
  };
  const schedule = (delay = 0): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.view !== previous.view) schedule(options.viewDelay ?? 400);
    else if (next.layers !== previous.layers || next.basemap !== previous.basemap || next.order !== previous.order) schedule();
  });
  if (since) schedule(); // Whatever changed before this started.
  return {
    current,
    url,
    schedule: () => schedule(),
    dispose() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
