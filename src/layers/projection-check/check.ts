/**
 * Data in another projection than the one declared shows nothing, without an error: Lambert-93 metres
 * read as degrees land nowhere. This check runs on the coordinates as read, before any reprojection,
 * in every reader that knows its data's projection (GeoJSON, CSV, WFS, FlatGeobuf): when none of them
 * lies where the declared projection can place anything, it says so and names the projection the
 * numbers fit, when they fit one. OpenLayers geometries and whole-file boxes are checked in
 * geometries.ts (kept apart: the first map, GeoJSON only, does not load it).
 */
import { PROJECTION_EXTENTS } from '../../proj/definitions.js';

export type Extent = readonly [number, number, number, number];

export const DEGREES: Extent = [-180, -90, 180, 90];
const WEB_MERCATOR: Extent = [-20037508.35, -20048966.11, 20037508.35, 20048966.11];
export const DEGREE_CODES = new Set(['EPSG:4326', 'CRS:84', 'OGC:CRS84']);
const WEB_MERCATOR_CODES = new Set(['EPSG:3857', 'EPSG:900913', 'EPSG:102100']);

/** The projections a misdeclared file is usually in, the narrowest area first. */
const LIKELY: ReadonlyArray<readonly [string, Extent]> = [
  ['EPSG:4326', DEGREES],
  ['EPSG:2154', PROJECTION_EXTENTS['EPSG:2154']!],
  ['EPSG:3857', WEB_MERCATOR],
];

/** All coordinates lie outside the declared projection's area; `likely`: the projection they fit. */
export class OutsideProjectionError extends Error {
  constructor(
    readonly projection: string,
    readonly likely?: string,
  ) {
    super(`every coordinate lies outside ${projection}${likely ? `: the data seems to be in ${likely}` : ''}`);
    this.name = 'OutsideProjectionError';
  }
}

const widen = ([minX, minY, maxX, maxY]: Extent, ratio: number): Extent => {
  const dx = (maxX - minX) * ratio;
  const dy = (maxY - minY) * ratio;
  return [minX - dx, minY - dy, maxX + dx, maxY + dy];
};

/** Where a projection places data (the area of use, a tenth wider), for the projections we know. */
export function areaOf(code: string): Extent | undefined {
  if (DEGREE_CODES.has(code)) return DEGREES;
  if (WEB_MERCATOR_CODES.has(code)) return WEB_MERCATOR;
  const extent = PROJECTION_EXTENTS[code];
  return extent ? widen(extent, 0.1) : undefined;
}

const contains = (area: Extent, x: number, y: number): boolean => x >= area[0] && x <= area[2] && y >= area[1] && y <= area[3];
export const within = (inner: Extent, outer: Extent): boolean => contains(outer, inner[0], inner[1]) && contains(outer, inner[2], inner[3]);

/**
 * In a projection in metres, numbers that all fit within ±180/±90 are degrees: nothing real lies
 * within 180 m of where a projected CRS puts its origin.
 */
function isPlausible(projection: string, area: Extent, x: number, y: number): boolean {
  return contains(area, x, y) && (DEGREE_CODES.has(projection) || !contains(DEGREES, x, y));
}

/** The verdict on a box holding every coordinate (which all fell outside the area). */
export function outside(projection: string, box: Extent): OutsideProjectionError {
  const likely = LIKELY.find(([code, extent]) => code !== projection && within(box, extent));
  return new OutsideProjectionError(projection, likely?.[0]);
}

/**
 * Feeds coordinates one at a time: `add` returns false as soon as one is plausible (nothing to say,
 * stop reading), `verdict` gives the error once all were added. Projections whose area is unknown,
 * and data without coordinates, give no verdict.
 */
export function projectionCheck(projection: string): { add(x: number, y: number): boolean; verdict(): OutsideProjectionError | undefined } {
  const area = areaOf(projection);
  let plausible = area === undefined;
  let box: [number, number, number, number] | undefined;
  return {
    add(x, y) {
      if (plausible) return false;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return true;
      if (isPlausible(projection, area!, x, y)) {
        plausible = true;
        return false;
      }
      if (!box) box = [x, y, x, y];
      else {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
      return true;
    },
    verdict: () => (plausible || !box ? undefined : outside(projection, box)),
  };
}

/** Adds the x, y of each position of flat coordinates; false once one was plausible. */
export function addFlat(check: ReturnType<typeof projectionCheck>, flat: ArrayLike<number>, stride: number): boolean {
  for (let i = 0; i + 1 < flat.length; i += stride) if (!check.add(flat[i]!, flat[i + 1]!)) return false;
  return true;
}

/** Calls `visit` with each position of GeoJSON coordinates of any depth; stops when it returns false. */
function eachPosition(coordinates: unknown, visit: (x: number, y: number) => boolean): boolean {
  if (!Array.isArray(coordinates)) return true;
  if (typeof coordinates[0] === 'number') return visit(coordinates[0], coordinates[1] as number);
  for (const child of coordinates) if (!eachPosition(child, visit)) return false;
  return true;
}

interface GeoJsonGeometry {
  readonly coordinates?: unknown;
  readonly geometries?: readonly GeoJsonGeometry[];
}

/** Throws OutsideProjectionError when every position of the features' geometries lies outside `projection`. */
export function checkGeoJsonFeatures(features: readonly unknown[], projection: string): void {
  const check = projectionCheck(projection);
  const visit = (geometry: GeoJsonGeometry | null | undefined): boolean =>
    !geometry || (geometry.geometries ? geometry.geometries.every(visit) : eachPosition(geometry.coordinates, check.add));
  for (const feature of features) if (!visit((feature as { geometry?: GeoJsonGeometry } | null)?.geometry)) return;
  const verdict = check.verdict();
  if (verdict) throw verdict;
}
