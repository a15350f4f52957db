/**
 * Benchmark (prints figures, never pass/fail): the « Qu'y a-t-il ici ? » report for a commune polygon
 * over three layers totalling 100,000 generated features (60,000 points, 30,000 small polygons, 10,000
 * lines, seeded, spread over Isère), held in OpenLayers vector sources (their R-tree answers the box
 * query), through the same makeReport the viewer runs. Places: the commune of Grenoble (real outline
 * from ../shared/data when present, else a generated 400-vertex outline), the whole Isère
 * département, a point with a 5 km radius and a 20 km line with a 1 km distance.
 * Run: npm run bench:report
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import LineString from 'ol/geom/LineString.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat, get as getProjection } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { MapContext } from '../src/context/types.js';
import { makeReport } from '../src/report/gather.js';
import type { Place } from '../src/report/types.js';
import { hasSharedData, sharedFile } from '../test/support/shared-data.js';
import { percentile as pct } from './support/stats.js';
import { seededRandom as seeded } from '../test/support/seeded.js';

const random = seeded(20261129);
// Isère's box, roughly: features fall around and inside the place.
const lon = (): number => 4.7 + random() * 1.7;
const lat = (): number => 44.7 + random() * 1.3;

const field = (i: number) => ({ code: `F${i}`, nom: `Objet ${i}`, type: ['ZNIEFF', 'Natura 2000', 'APB'][i % 3], surface: Math.round(random() * 1e4) });
const points: Feature[] = [];
for (let i = 0; i < 60_000; i++) points.push(new Feature({ geometry: new Point(fromLonLat([lon(), lat()])), ...field(i) }));
const polygons: Feature[] = [];
for (let i = 0; i < 30_000; i++) {
  const [cx, cy, r, n] = [lon(), lat(), 0.002 + random() * 0.02, 6 + Math.floor(random() * 10)];
  const ring = Array.from({ length: n }, (_, k) => fromLonLat([cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * 0.7 * Math.sin((2 * Math.PI * k) / n)]));
  polygons.push(new Feature({ geometry: new Polygon([[...ring, ring[0]!]]), ...field(i) }));
}
const lines: Feature[] = [];
for (let i = 0; i < 10_000; i++) {
  let [x, y] = [lon(), lat()];
  const coordinates = Array.from({ length: 5 + Math.floor(random() * 6) }, () => fromLonLat([(x += (random() - 0.5) * 0.02), (y += (random() - 0.5) * 0.02)]));
  lines.push(new Feature({ geometry: new LineString(coordinates), ...field(i) }));
}
const sources: Record<string, VectorSource> = {
  points: new VectorSource({ features: points }),
  polygons: new VectorSource({ features: polygons }),
  lines: new VectorSource({ features: lines }),
};

const layer = (id: string, geometry: 'point' | 'polygon' | 'line') => ({
  type: 'geojson', id, title: id, visible: true, opacity: 1, attributions: [], legend: { hidden: false }, geometry, style: {}, idField: 'code',
  fields: [{ name: 'code', type: 'text' }, { name: 'nom', type: 'text' }, { name: 'type', type: 'text' }, { name: 'surface', type: 'integer' }],
  popup: { title: '{{nom}}', fields: ['type', 'surface'] },
});
const context = { layers: [layer('points', 'point'), layer('polygons', 'polygon'), layer('lines', 'line')] } as unknown as MapContext;
const viewProjection = getProjection('EPSG:3857')!;
const env = {
  context, language: 'fr', viewProjection, resolution: 20,
  requester: { prepare: () => ({ url: '', headers: {} }), fetch: () => Promise.reject(new Error('no network in the bench')) },
  resolveUrl: (u: string) => u,
  visible: () => true,
  loaded: async (id: string) => ({ candidates: (extent: number[]) => sources[id]!.getFeaturesInExtent(extent) }),
};

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const shared = hasSharedData('admin/communes-38-isere.geojson');
type Raw = { features: Array<{ properties: Record<string, string>; geometry: object }> };
const outline = (file: string, key: string, value: string) =>
  format.readGeometry((JSON.parse(readFileSync(sharedFile(file), 'utf8')) as Raw).features.find((f) => f.properties[key] === value)!.geometry) as Polygon | MultiPolygon;
const generatedOutline = (cx: number, cy: number, r: number, n: number): Polygon =>
  new Polygon([Array.from({ length: n + 1 }, (_, k) => fromLonLat([cx + r * (1 + 0.2 * Math.sin(7 * k)) * Math.cos((2 * Math.PI * k) / n), cy + r * 0.7 * Math.sin((2 * Math.PI * k) / n)]))]);

const places: Array<[string, Place]> = [
  [
    shared ? 'commune of Grenoble (real outline)' : 'commune (generated 400-vertex outline)',
    { kind: 'area', label: 'Grenoble', geometry: shared ? outline('admin/communes-38-isere.geojson', 'nom', 'Grenoble') : generatedOutline(5.72, 45.18, 0.05, 400) },
  ],
  [
    shared ? 'département of Isère (real outline)' : 'département (generated 3,000-vertex outline)',
    { kind: 'area', label: 'Isère', geometry: shared && existsSync(sharedFile('admin/aura-departements.geojson')) ? outline('admin/aura-departements.geojson', 'code', '38') : generatedOutline(5.55, 45.25, 0.6, 3000) },
  ],
  ['point with a 5 km radius', { kind: 'circle', label: 'Grenoble', center: fromLonLat([5.7245, 45.1885]), distance: 5000 }],
  ['20 km line, 1 km either side', { kind: 'line', label: 'route', geometry: new LineString([fromLonLat([5.6, 45.1]), fromLonLat([5.85, 45.2])]), distance: 1000 }],
];


console.log(`report over ${(points.length + polygons.length + lines.length).toLocaleString('en')} features in 3 layers (Node ${process.version}, this machine; goal < 500 ms for a commune)`);
for (const [name, place] of places) {
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < 12; run++) {
    const start = performance.now();
    const report = await makeReport(place, env as never);
    times.push(performance.now() - start);
    found = report.layers.reduce((n, l) => n + l.items.length, 0);
  }
  times.shift(); // the first run warms the JIT
  console.log(`${name.padEnd(40)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms   p95 ${pct(times, 95).toFixed(1).padStart(7)} ms   (${found.toLocaleString('en')} found; n=${times.length})`);
}
