import { transform, transformExtent } from 'ol/proj.js';
import type { MapContext } from '../context/types.js';
import type { MapAdapter } from '../map/adapter.js';

/** A place to show, in the document's CRS: a centre with a zoom or a resolution. */
export interface ViewTarget {
  readonly center: readonly [number, number];
  readonly zoom?: number;
  readonly resolution?: number;
}

/** Centres the map on a place given in the document's CRS; false when it lies outside the map's projection. */
export function showCenter(context: MapContext, adapter: MapAdapter, target: ViewTarget): boolean {
  const view = adapter.map.getView();
  const center = transform([...target.center], context.view.crs, view.getProjection());
  if (!center.every(Number.isFinite)) return false;
  view.setCenter(center);
  if (target.zoom !== undefined) view.setZoom(target.zoom);
  else if (target.resolution !== undefined) view.setResolution(target.resolution);
  return true;
}

/** Frames a box given in the document's CRS; false when it lies outside the map's projection. */
export function showExtent(context: MapContext, adapter: MapAdapter, extent: readonly [number, number, number, number]): boolean {
  const view = adapter.map.getView();
  const box = transformExtent([...extent], context.view.crs, view.getProjection());
  if (!box.every(Number.isFinite)) return false;
  view.fit(box, { size: adapter.map.getSize() });
  return true;
}

/** A box of the map's projection, in the document's CRS. */
export function extentInDocument(context: MapContext, adapter: MapAdapter, extent: readonly [number, number, number, number]): number[] {
  return transformExtent([...extent], adapter.map.getView().getProjection(), context.view.crs);
}
