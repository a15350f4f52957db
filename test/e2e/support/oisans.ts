/**
 * Bourg-d'Oisans (INSEE 38052) computed independently of the product, for the commune tests: the shared
 * INPG records (those marked « Réservé » ship only in the restricted copy) and the commune's outline
 * from the shared file of Isère, with even-odd ray casting.
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { sharedFile } from '../../support/shared-data.js';

export type Site = { id: string; name: string; at: [number, number]; reserved: boolean };
/** The shared INPG records (the build ships the public ones on the Géosites map). */
export const SITES: Site[] = (
  JSON.parse(readFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), 'utf8')) as {
    features: Array<{ properties: Record<string, string>; geometry: { coordinates: [number, number] } }>;
  }
).features.map((f) => ({ id: f.properties['id_site']!, name: f.properties['nom_site']!, at: f.geometry.coordinates, reserved: f.properties['confidentialite'] === 'Réservé' }));
export const PUBLIC = SITES.filter((s) => !s.reserved);

/** The outline of Bourg-d'Oisans (38052) as the shared file holds it: its polygons' rings, lon/lat. */
export const OISANS: Position[][][] = (() => {
  const communes = JSON.parse(readFileSync(sharedFile('admin/communes-38-isere.geojson'), 'utf8')) as {
    features: Array<{ properties: { code: string }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: any } }>;
  };
  const { geometry } = communes.features.find((f) => f.properties.code === '38052')!;
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
})();

/** Even-odd ray casting over a polygon's rings (holes count as outside). */
function inside(rings: Position[][], [lon, lat]: readonly number[]): boolean {
  let within = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > lat! !== yj! > lat! && lon! < ((xj! - xi!) * (lat! - yi!)) / (yj! - yi!) + xi!) within = !within;
    }
  return within;
}

export const inOisans = (site: Site): boolean => OISANS.some((rings) => inside(rings, site.at));
/** The westmost, eastmost, southmost and northmost points of the outline: the framing must show them. */
export const OISANS_EXTREMES: Array<[number, number]> = (() => {
  const points = OISANS.flat(2) as Array<[number, number]>;
  const by = (f: (p: [number, number]) => number, max: boolean) => points.reduce((a, b) => ((max ? f(b) > f(a) : f(b) < f(a)) ? b : a));
  return [by((p) => p[0], false), by((p) => p[0], true), by((p) => p[1], false), by((p) => p[1], true)];
})();
