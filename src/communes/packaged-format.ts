/**
 * The packaged communes (written by the build from GeoJSON files, plugin/communes.ts): one list for
 * suggestions and one outline per commune, beside it in a content-hashed folder.
 * - list.json: { "format": "cartable-communes", "version": 1, "communes": [[name, code, department, population|null, lon, lat], …] }
 *   (lon/lat: a point of the commune's box centre, rounded, to prefer those inside the map's territory);
 * - <code>.json: a GeoJSON Feature, its properties { name, code, department, population? }, its geometry in lon/lat.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CommuneCandidate } from './rank.js';
import type { CommuneOutline, CommuneSuggestion } from './types.js';

export const PACKAGED_FORMAT = 'cartable-communes';

export type PackagedRow = [name: string, code: string, department: string | null, population: number | null, lon: number, lat: number];

export interface PackagedList {
  readonly format: typeof PACKAGED_FORMAT;
  readonly version: 1;
  readonly communes: readonly PackagedRow[];
}

/** The rows of a packaged list as ranking candidates; throws when it is not one. */
export function readPackagedList(value: unknown): CommuneCandidate[] {
  const list = value as Partial<PackagedList> | null;
  if (list?.format !== PACKAGED_FORMAT || list.version !== 1 || !Array.isArray(list.communes)) throw new Error('not a list of communes');
  return list.communes.map(([name, code, department, population, lon, lat]) => {
    const commune: CommuneSuggestion = { name, code, ...(department ? { department } : {}), ...(population !== null ? { population } : {}) };
    return { commune, at: [lon, lat] as const };
  });
}

const isPolygonal = (geometry: unknown): geometry is Polygon | MultiPolygon => {
  const type = (geometry as { type?: unknown } | null)?.type;
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray((geometry as Polygon).coordinates);
};

/** One outline from the polygons of several features (a commune may come in parts): undefined when none is polygonal. */
export function mergeOutlines(geometries: readonly unknown[]): Polygon | MultiPolygon | undefined {
  const parts = geometries.filter(isPolygonal);
  if (parts.length <= 1) return parts[0];
  return { type: 'MultiPolygon', coordinates: parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) };
}

/** The outline a packaged file (or a feature) holds; throws when it holds none. */
export function readOutlineFeature(value: unknown, fallback: CommuneSuggestion): CommuneOutline {
  const feature = value as { properties?: Partial<CommuneSuggestion> | null; geometry?: unknown } | null;
  const geometry = mergeOutlines([feature?.geometry]);
  if (!geometry) throw new Error('not a commune outline');
  const p = feature?.properties ?? {};
  const commune: CommuneSuggestion =
    typeof p.name === 'string' && typeof p.code === 'string'
      ? { name: p.name, code: p.code, ...(p.department ? { department: p.department } : {}), ...(typeof p.population === 'number' ? { population: p.population } : {}) }
      : fallback;
  return { commune, geometry };
}
