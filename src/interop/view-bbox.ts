import proj4 from 'proj4';
import type { ViewSettings } from '../context/types.js';
import { PROJ4_DEFINITIONS, isKnownProjection } from '../proj/definitions.js';

/**
 * The map's view as a lon/lat box (for formats that describe an area, such as OWS Context), and
 * back. proj4 comes with the converters only: the viewer's first map never loads this module.
 */

export type Bbox = [number, number, number, number];

/** Window assumed when a view is a centre and a zoom: a common desktop map. */
const WINDOW = { width: 1024, height: 768 };
const WEB_MERCATOR_RESOLUTION_Z0 = 156543.03392804097;
const OGC_PIXEL_METRES = 0.00028;
const METRES_PER_DEGREE = (2 * Math.PI * 6378137) / 360;

const canonical = (code: string): string => (code === 'CRS:84' || code === 'OGC:CRS84' ? 'EPSG:4326' : code === 'EPSG:900913' || code === 'EPSG:102100' ? 'EPSG:3857' : code);

function transformer(from: string, to: string): (xy: [number, number]) => [number, number] {
  const [a, b] = [canonical(from), canonical(to)];
  for (const code of [a, b]) {
    if (code in PROJ4_DEFINITIONS && !proj4.defs(code)) proj4.defs(code, PROJ4_DEFINITIONS[code]!);
  }
  if (a === b) return (xy) => xy;
  const converter = proj4(a, b);
  return (xy) => converter.forward(xy) as [number, number];
}

/** A box of `crs` coordinates turned into `to` coordinates (by its corners and edge midpoints). */
export function transformBbox(bbox: Bbox, from: string, to: string): Bbox {
  const forward = transformer(from, to);
  const [x0, y0, x1, y1] = bbox;
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  const points = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [xm, y0], [xm, y1], [x0, ym], [x1, ym]].map((p) => forward(p as [number, number]));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The lon/lat box a view shows (at a 1024×768 window for a centred view); undefined when it cannot say. */
export function viewToLonLatBbox(view: ViewSettings): Bbox | undefined {
  if (!isKnownProjection(view.projection) || !isKnownProjection(view.crs)) return undefined;
  if (view.extent) return roundBbox(transformBbox([...view.extent] as Bbox, view.crs, 'EPSG:4326'));
  if (!view.center) return undefined;
  const projection = canonical(view.projection);
  const metresPerUnit = projection === 'EPSG:4326' ? METRES_PER_DEGREE : 1;
  const resolution =
    view.resolution ??
    (view.scale !== undefined ? (view.scale * OGC_PIXEL_METRES) / metresPerUnit : undefined) ??
    (view.zoom !== undefined && projection === 'EPSG:3857' ? WEB_MERCATOR_RESOLUTION_Z0 / 2 ** view.zoom : undefined);
  if (resolution === undefined) return undefined;
  const [cx, cy] = transformer(view.crs, view.projection)([view.center[0], view.center[1]]);
  const [hw, hh] = [(WINDOW.width / 2) * resolution, (WINDOW.height / 2) * resolution];
  return roundBbox(transformBbox([cx - hw, cy - hh, cx + hw, cy + hh], view.projection, 'EPSG:4326'));
}

const roundBbox = (bbox: Bbox): Bbox => bbox.map((v) => Math.round(v * 1e6) / 1e6) as Bbox;

/** True for a box in lon/lat degrees with its minimum below its maximum. */
export const isLonLatBbox = (bbox: unknown): bbox is Bbox =>
  Array.isArray(bbox) &&
  bbox.length >= 4 &&
  bbox.slice(0, 4).every((v) => typeof v === 'number' && Number.isFinite(v)) &&
  bbox[0] >= -180.5 && bbox[2] <= 180.5 && bbox[1] >= -90.5 && bbox[3] <= 90.5 && bbox[0] < bbox[2] && bbox[1] < bbox[3];

/** A Web-Mercator view that fits a lon/lat box (latitudes kept within what Web Mercator draws). */
export const lonLatBboxView = (bbox: Bbox): Record<string, unknown> => ({
  projection: 'EPSG:3857',
  crs: 'EPSG:4326',
  extent: [Math.max(bbox[0], -180), Math.max(bbox[1], -85), Math.min(bbox[2], 180), Math.min(bbox[3], 85)],
});
