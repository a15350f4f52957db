/**
 * The report on real data: which of the 71 INPG geosites fall in the communes of Isère and in the
 * Auvergne-Rhône-Alpes départements, and which lie within a radius of a point — each checked against
 * an independent computation written here (ray casting and haversine over the raw GeoJSON numbers),
 * not the code under test. Run in Web Mercator and in Lambert-93: the answer must not change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Feature from 'ol/Feature.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { candidatesOf, matchFeatures } from '../../../src/report/compute.js';
import { preparePlace } from '../../../src/report/geometry.js';
import type { Place } from '../../../src/report/types.js';
import { haversine } from '../../support/geodesy.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

type Ring = number[][];
type Raw = { type: 'FeatureCollection'; features: Array<{ properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }> };

const present = hasSharedData('geosites/inpg-geosites-ecrins.geojson') && hasSharedData('admin/communes-38-isere.geojson');
if (!present) console.warn(SKIP_NO_SHARED_DATA);
const read = (path: string): Raw => JSON.parse(readFileSync(sharedFile(path), 'utf8')) as Raw;

// ---------------------------------------------------------------- the independent computation

/** Crossing-number test of a point against a polygon given as rings of [lon, lat] (holes included). */
function rayCast(polygon: Ring[], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function polygonsOf(geometry: { type: string; coordinates: unknown }): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates as Ring[]] : (geometry.coordinates as Ring[][]);
}

// ---------------------------------------------------------------- the code under test

const describeSite = (p: Readonly<Record<string, unknown>>) => ({ label: String(p['nom_site']), fields: [] });

async function inProjection(projection: string) {
  await ensureProjections([projection]);
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });
  const sites = format.readFeatures(read('geosites/inpg-geosites-ecrins.geojson')) as Feature[];
  const areaIds = (geometry: Polygon | MultiPolygon): string[] =>
    matchFeatures(candidatesOf(sites), preparePlace({ kind: 'area', geometry, label: '' }, projection), describeSite, { idField: 'id_site', near: false })
      .map((i) => String(i.id))
      .sort();
  return { format, sites, areaIds };
}

// 521 communes in two projections: seconds on a busy 2-core machine (a bound, not a wait).
describe.skipIf(!present)('report on real data: geosites in communes and départements', { timeout: 60_000 }, () => {
  const sitesRaw = present ? read('geosites/inpg-geosites-ecrins.geojson') : undefined;
  const communesRaw = present ? read('admin/communes-38-isere.geojson') : undefined;
  const expectedIn = (geometry: { type: string; coordinates: unknown }): string[] =>
    sitesRaw!.features
      .filter((s) => {
        const [lon, lat] = s.geometry.coordinates as number[];
        return polygonsOf(geometry).some((polygon) => rayCast(polygon, lon!, lat!));
      })
      .map((s) => String(s.properties['id_site']))
      .sort();

  for (const projection of ['EPSG:3857', 'EPSG:2154']) {
    it(`finds, for each of the 521 communes of Isère, the same geosites as ray casting (${projection})`, async () => {
      const { format, areaIds } = await inProjection(projection);
      let found = 0;
      const withSites: string[] = [];
      for (const commune of communesRaw!.features) {
        const expected = expectedIn(commune.geometry);
        const geometry = format.readGeometry(commune.geometry) as Polygon | MultiPolygon;
        expect(areaIds(geometry), `commune ${String(commune.properties['nom'])}`).toEqual(expected);
        found += expected.length;
        if (expected.length) withSites.push(String(commune.properties['nom']));
      }
      // Not a vacuous comparison: the Isère part of the Écrins holds geosites, in several communes.
      expect(found).toBeGreaterThanOrEqual(5);
      expect(withSites.length).toBeGreaterThanOrEqual(3);
    });

    it(`finds the geosites of each AURA département, and none of the PACA ones (${projection})`, async () => {
      const { format, areaIds } = await inProjection(projection);
      const departements = read('admin/aura-departements.geojson');
      const inAura: string[] = [];
      for (const departement of departements.features) {
        const expected = expectedIn(departement.geometry);
        expect(areaIds(format.readGeometry(departement.geometry) as Polygon | MultiPolygon), String(departement.properties['nom'])).toEqual(expected);
        inAura.push(...expected);
      }
      const isere = departements.features.find((d) => d.properties['code'] === '38')!;
      expect(expectedIn(isere.geometry).length).toBeGreaterThan(0);
      // The records say which region each site is in: the AURA ones are exactly those found in AURA.
      // The records name their region: the 14 Rhône-Alpes sites are all found in AURA, plus one PACA
      // record, the gypsum dome of the col du Galibier, which lies on the line and falls in Savoie.
      const rha = sitesRaw!.features.filter((s) => s.properties['code_region'] === 'RHA').map((s) => String(s.properties['id_site']));
      expect(rha).toHaveLength(14);
      expect(inAura.filter((id) => !rha.includes(id))).toEqual(['PAC0095']);
      expect(rha.every((id) => inAura.includes(id))).toBe(true);
    });
  }

  for (const [projection, km] of [['EPSG:3857', 5], ['EPSG:3857', 12], ['EPSG:2154', 12]] as const) {
    it(`lists the geosites within ${km} km of La Grave, nearest first, at haversine distances (${projection})`, async () => {
      const { sites } = await inProjection(projection);
      const center = [6.3066, 45.0458];
      const expected = sitesRaw!.features
        .map((s) => ({ id: String(s.properties['id_site']), d: haversine(center, s.geometry.coordinates as number[]) }))
        .filter((s) => s.d <= km * 1000)
        .sort((a, b) => a.d - b.d);
      const place: Place = { kind: 'circle', center: projection === 'EPSG:3857' ? fromLonLat(center) : (await import('ol/proj.js')).fromLonLat(center, projection), distance: km * 1000, label: '' };
      const items = matchFeatures(candidatesOf(sites), preparePlace(place, projection), describeSite, { idField: 'id_site', near: true });
      expect(items.map((i) => String(i.id))).toEqual(expected.map((e) => e.id));
      items.forEach((item, i) => expect(Math.abs(item.distance! - expected[i]!.d)).toBeLessThan(1));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(71);
    });
  }
});

