/**
 * The report on real data: which of the 71 INPG geosites fall in the communes of Isère and in the
 * Auvergne-Rhône-Alpes départements, and which lie within a radius of a point; and, with the
 * communes of Isère and Puy-de-Dôme as a polygon layer, which communes a commune report lists (not
 * its neighbours, which only touch it). Each is checked against an independent computation written
 * here (ray casting, haversine, scanline areas over the raw GeoJSON numbers), not the code under
 * test. Run in Web Mercator and in Lambert-93: the answer must not change.
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
import { AREA_SHARE } from '../../../src/report/overlap.js';
import type { Place } from '../../../src/report/types.js';
import { haversine } from '../../support/geodesy.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';
import { seededRandom as seeded } from '../../support/seeded.js';

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
describe.skipIf(!present)('report on real data: geosites in communes and départements', () => {
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


// ---------------------------------------------------------------- touching communes

type Polygons = Ring[][];
type Box = [number, number, number, number];

function boxOf(polygons: Polygons): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) for (const ring of polygon) for (const [x, y] of ring as [number, number][]) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
}

/** The edges [x0, y0, x1, y1, x0, y0…] of (multi)polygons within a box (horizontal ones left out). */
function edgesWithin(polygons: Polygons, [minX, minY, maxX, maxY]: Box): number[] {
  const edges: number[] = [];
  for (const polygon of polygons) for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi !== yj && Math.max(yi, yj) >= minY && Math.min(yi, yj) <= maxY && Math.max(xi, xj) >= minX && Math.min(xi, xj) <= maxX) edges.push(xj, yj, xi, yi);
    }
  }
  return edges;
}

/** Where the horizontal line at y crosses the edges, sorted: even-odd intervals. */
function crossings(e: number[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < e.length; i += 4) if (e[i + 1]! > y !== e[i + 3]! > y) xs.push(e[i]! + ((y - e[i + 1]!) * (e[i + 2]! - e[i]!)) / (e[i + 3]! - e[i + 1]!));
  return xs.sort((a, b) => a - b);
}

/**
 * The area common to two (multi)polygons in square degrees of latitude (longitude scaled by the
 * cosine of the latitude), by scanlines: slabs are cut at every vertex latitude of either polygon and
 * at every latitude where an edge of one crosses an edge of the other, so that within a slab the
 * common width varies linearly and its value on the middle line times the slab's height is exact.
 * A method of its own: neither the boundary integral nor the band index of the code under test.
 */
function scanOverlap(a: Polygons, b: Polygons, boxA: Box, boxB: Box): number {
  const common: Box = [Math.max(boxA[0], boxB[0]), Math.max(boxA[1], boxB[1]), Math.min(boxA[2], boxB[2]), Math.min(boxA[3], boxB[3])];
  const [x0, y0, x1, y1] = common;
  if (y0 >= y1 || x0 >= x1) return 0;
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  // Parity needs every edge at a latitude, whatever its longitude.
  const ea = edgesWithin(a, [-Infinity, y0, Infinity, y1]), eb = edgesWithin(b, [-Infinity, y0, Infinity, y1]);
  const ys = [y0, y1];
  for (const e of [ea, eb]) for (let i = 1; i < e.length; i += 2) if (e[i]! > y0 && e[i]! < y1) ys.push(e[i]!);
  const ca = edgesWithin(a, common), cb = edgesWithin(b, common);
  for (let i = 0; i < ca.length; i += 4) {
    const px = ca[i]!, py = ca[i + 1]!, qx = ca[i + 2]!, qy = ca[i + 3]!;
    for (let j = 0; j < cb.length; j += 4) {
      const rx = cb[j]!, ry = cb[j + 1]!, sx = cb[j + 2]!, sy = cb[j + 3]!;
      const d = (qx - px) * (sy - ry) - (qy - py) * (sx - rx);
      if (d === 0) continue;
      const t = ((rx - px) * (sy - ry) - (ry - py) * (sx - rx)) / d;
      const u = ((rx - px) * (qy - py) - (ry - py) * (qx - px)) / d;
      if (t > 0 && t < 1 && u > 0 && u < 1) ys.push(py + t * (qy - py));
    }
  }
  ys.sort((p, q) => p - q);
  let area = 0;
  for (let i = 0; i + 1 < ys.length; i++) {
    const h = ys[i + 1]! - ys[i]!;
    if (h <= 0) continue;
    const y = ys[i]! + h / 2;
    const xa = crossings(ea, y), xb = crossings(eb, y);
    for (let p = 0; p + 1 < xa.length; p += 2) for (let q = 0; q + 1 < xb.length; q += 2) area += Math.max(0, Math.min(xa[p + 1]!, xb[q + 1]!) - Math.max(xa[p]!, xb[q]!)) * k * h;
  }
  return area;
}

/** Shoelace area of (multi)polygons with holes, in the same units as scanOverlap. */
function shoelace(polygons: Polygons): number {
  const lat = (boxOf(polygons)[1] + boxOf(polygons)[3]) / 2;
  const k = Math.cos((lat * Math.PI) / 180);
  let area = 0;
  for (const polygon of polygons) polygon.forEach((ring, r) => {
    let twice = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += ring[j]![0]! * k * ring[i]![1]! - ring[i]![0]! * k * ring[j]![1]!;
    area += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
  });
  return area;
}

const communeFiles = ['admin/communes-38-isere.geojson', 'admin/communes-63-puy-de-dome.geojson'];
const communesPresent = communeFiles.every((f) => hasSharedData(f));

/** Every coordinate of a geometry moved by f. */
const moved = (geometry: { type: string; coordinates: unknown }, f: (c: number[]) => number[]) => {
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? f(c as number[]) : (c as unknown[]).map(walk));
  return { type: geometry.type, coordinates: walk(geometry.coordinates) };
};

// About 1,000 commune reports per case over a layer of 500 communes: seconds (a bound, not a wait).
describe.skipIf(!communesPresent)('report on real data: a commune report lists no merely touching commune', { timeout: 120_000 }, () => {
  const variants = {
    // The same file as the layer: neighbours share their boundary vertex for vertex.
    same: (g: { type: string; coordinates: unknown }) => g,
    // Another source of the same outlines: each vertex moved by up to ±0.5e-5° (the 5th decimal).
    jittered: (g: { type: string; coordinates: unknown }) => {
      const random = seeded(19);
      return moved(g, ([x, y]) => [x! + (random() - 0.5) * 1e-5, y! + (random() - 0.5) * 1e-5]);
    },
    // Outlines moved 300 m east: each commune now really overlaps its eastern and western neighbours.
    shifted: (g: { type: string; coordinates: unknown }) => moved(g, ([x, y]) => [x! + 300 / (111_320 * Math.cos((y! * Math.PI) / 180)), y!]),
  };
  const cases = [
    ['same', 'EPSG:3857'],
    ['jittered', 'EPSG:3857'],
    ['shifted', 'EPSG:2154'],
  ] as const;

  type Variant = keyof typeof variants;
  interface Expected {
    /** Per file: the layer's raw features, and per commune the codes it really overlaps and those too close to call. */
    files: Array<{ raw: Raw['features']; layerRaw: Raw['features']; perCommune: Array<{ expected: string[]; ambiguous: string[] }> }>;
    touching: number;
    overlapping: number;
    undecided: number;
  }
  const memo = new Map<Variant, Expected>();

  /** The independent answer for a layer variant (the same in every projection: computed once). */
  function independent(variant: Variant): Expected {
    const known = memo.get(variant);
    if (known) return known;
    const result: Expected = { files: [], touching: 0, overlapping: 0, undecided: 0 };
    for (const file of communeFiles) {
      const raw = read(file).features;
      const layerRaw = raw.map((c) => ({ ...c, geometry: variants[variant](c.geometry) }));
      const outlines = raw.map((c) => polygonsOf(c.geometry));
      const layerOutlines = layerRaw.map((c) => polygonsOf(c.geometry));
      const boxes = outlines.map(boxOf);
      const layerBoxes = layerOutlines.map(boxOf);
      const areas = outlines.map(shoelace);
      const layerAreas = layerOutlines.map(shoelace);
      const vertices = outlines.map((o) => new Set(o.flat(2).map((c) => `${c[0]} ${c[1]}`)));
      const perCommune = raw.map((_, i) => {
        const expected: string[] = [];
        const ambiguous: string[] = [];
        layerRaw.forEach((other, j) => {
          const [a, b] = [boxes[i]!, layerBoxes[j]!];
          if (a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1]) return;
          const share = scanOverlap(outlines[i]!, layerOutlines[j]!, a, b) / Math.min(areas[i]!, layerAreas[j]!);
          const code = String(other.properties['code']);
          // Too close to the threshold for two methods to be sure to agree (their areas differ by
          // the projection's change of scale across a commune, under 1 %): not compared, counted.
          if (Math.abs(share / AREA_SHARE - 1) < 0.02) ambiguous.push(code);
          else if (share > AREA_SHARE) expected.push(code);
          if (i !== j && share > AREA_SHARE) result.overlapping++;
          if (i !== j && variant === 'same') {
            let shared = 0;
            for (const v of vertices[j]!) if (vertices[i]!.has(v)) shared++;
            if (shared >= 2) result.touching++;
          }
        });
        result.undecided += ambiguous.length;
        return { expected: expected.sort(), ambiguous };
      });
      result.files.push({ raw, layerRaw, perCommune });
    }
    memo.set(variant, result);
    return result;
  }

  for (const [variant, projection] of cases) {
    it(`lists, for each commune of Isère and Puy-de-Dôme, exactly the communes of the ${variant} layer it really overlaps (${projection})`, async () => {
      await ensureProjections([projection]);
      const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });
      const truth = independent(variant);
      let places = 0;
      for (const { raw, layerRaw, perCommune } of truth.files) {
        const layer = format.readFeatures({ type: 'FeatureCollection', features: layerRaw.map((c) => ({ type: 'Feature', ...c })) }) as Feature[];
        raw.forEach((commune, i) => {
          places++;
          const geometry = format.readGeometry(commune.geometry) as Polygon | MultiPolygon;
          const { expected, ambiguous } = perCommune[i]!;
          const listed = matchFeatures(candidatesOf(layer), preparePlace({ kind: 'area', geometry, label: '' }, projection), (p) => ({ label: String(p['nom']), fields: [] }), { idField: 'code', near: false })
            .map((item) => String(item.id))
            .filter((code) => !ambiguous.includes(code))
            .sort();
          expect(listed, `${String(commune.properties['nom'])} (${String(commune.properties['code'])})`).toEqual(expected);
        });
      }
      expect(places).toBe(988);
      if (variant === 'same') {
        // Not vacuous: 2,800 pairs of neighbours share part of their boundary (each pair seen twice).
        expect(truth.touching).toBeGreaterThan(5000);
        expect(truth.overlapping).toBe(0);
      }
      if (variant === 'jittered') expect(truth.overlapping).toBe(0); // slivers all under AREA_SHARE
      if (variant === 'shifted') expect(truth.overlapping).toBeGreaterThan(2000);
      expect(truth.undecided).toBeLessThan(places / 100);
    });
  }
});
