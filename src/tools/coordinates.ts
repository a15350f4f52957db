import { transform, type ProjectionLike } from 'ol/proj.js';
import type { Coordinate } from 'ol/coordinate.js';
import { ensureProjections } from '../proj/register.js';
import type { ParsedCoordinates } from './parse-coordinates.js';

/** One system's reading of a point. */
export type CoordinateLine =
  | { readonly system: 'EPSG:4326'; readonly lon: number; readonly lat: number }
  | { readonly system: string; readonly x: number; readonly y: number };

const SHOWN = ['EPSG:4326', 'EPSG:2154'];

/** Loads what reprojecting to Lambert-93 needs (proj4, ≈ 50 KB gzip: only when the tool opens). */
export const loadLambert93 = (): Promise<void> => ensureProjections(['EPSG:2154']);

/**
 * A point of the map in WGS 84 (lon/lat), Lambert-93 and, when it is another one, the map's own
 * projection. Call loadLambert93() first.
 */
export function coordinateLines(coordinate: Coordinate, viewProjection: string): CoordinateLine[] {
  const [lon, lat] = transform(coordinate, viewProjection, 'EPSG:4326') as [number, number];
  const [x, y] = transform(coordinate, viewProjection, 'EPSG:2154') as [number, number];
  const lines: CoordinateLine[] = [{ system: 'EPSG:4326', lon, lat }, { system: 'EPSG:2154', x, y }];
  if (!SHOWN.includes(viewProjection)) lines.push({ system: viewProjection, x: coordinate[0]!, y: coordinate[1]! });
  return lines;
}

/** Where parsed coordinates lie in the map's projection. */
export function toView(parsed: Extract<ParsedCoordinates, { ok: true }>, viewProjection: ProjectionLike): Coordinate {
  return parsed.kind === 'degrees'
    ? transform([parsed.lon, parsed.lat], 'EPSG:4326', viewProjection)
    : transform([parsed.x, parsed.y], 'EPSG:2154', viewProjection);
}
