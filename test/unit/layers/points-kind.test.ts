import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromLonLat } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import { buildMaps } from '../../../plugin/maps.js';
import type { VectorStyle } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { readCompactPoints } from '../../../src/layers/points/compact.js';
import { NO_SYMBOL, compileStyle, coreForScale } from '../../../src/layers/points/compact-style.js';
import { buildPointGrid, nearestPoint } from '../../../src/layers/points/grid.js';
import { attributeFieldsOf, isCompactAttributes, prepareCompactPoints } from '../../../src/layers/points/prepare.js';
import { minimalDocument } from '../context/fixtures.js';

const place = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});

const PLACES = {
  type: 'FeatureCollection',
  features: [
    place(5.7245, 45.1885, { id: 1, nom: 'Grenoble', region: '84', pop: 158000, extra: 'x' }),
    place(2.3522, 48.8566, { id: 2, nom: 'Paris', region: '11', pop: 2100000, extra: 'y' }),
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: { id: 3 } },
    place(-1.5536, 47.2184, { id: 4, nom: 'Nantes', region: '52', pop: 320000, extra: 'z' }),
    { type: 'Feature', geometry: { type: 'Point', coordinates: ['a', 1] }, properties: { id: 5 } },
    place(4.8357, 45.764, { id: 6, nom: 'Lyon', region: '84', extra: 'w' }),
  ],
};

describe('points: preparing GeoJSON', () => {
  it('writes the points sorted by x with their attributes in the same order, and counts what it left out', () => {
    const { points, attributes } = prepareCompactPoints(PLACES, ['id', 'nom', 'region']);
    const read = readCompactPoints(points.buffer as ArrayBuffer);
    expect(read.count).toBe(4);
    expect(attributes.skipped).toBe(2);
    expect(isCompactAttributes(attributes, 4)).toBe(true);
    expect(isCompactAttributes(attributes, 5)).toBe(false);
    // West to east: Nantes, Paris, Lyon, Grenoble.
    expect(attributes.columns.nom).toEqual(['Nantes', 'Paris', 'Lyon', 'Grenoble']);
    expect(attributes.columns.id).toEqual([4, 2, 6, 1]);
    expect(Object.keys(attributes.columns)).toEqual(['id', 'nom', 'region']);
    // Each point where its attributes say (float32: within a metre or two).
    const grenoble = fromLonLat([5.7245, 45.1885]);
    expect(read.xy[6]).toBeCloseTo(grenoble[0]!, -1);
    expect(read.xy[7]).toBeCloseTo(grenoble[1]!, -1);
    const paris = fromLonLat([2.3522, 48.8566]);
    expect(read.xy[2]).toBeCloseTo(paris[0]!, -1);
    expect(read.xy[3]).toBeCloseTo(paris[1]!, -1);
  });

  it('keeps every property when no field list is given; missing values become null', () => {
    const { attributes } = prepareCompactPoints(PLACES, undefined);
    expect(Object.keys(attributes.columns).sort()).toEqual(['extra', 'id', 'nom', 'pop', 'region']);
    expect(attributes.columns.pop).toEqual([320000, 2100000, null, 158000]);
  });

  it('refuses what is not a FeatureCollection of lon/lat points', () => {
    expect(() => prepareCompactPoints({ type: 'Feature' }, undefined)).toThrow(/FeatureCollection/);
    const lambert = { ...PLACES, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } };
    expect(() => prepareCompactPoints(lambert, undefined)).toThrow(/lon\/lat/);
  });

  it('keeps the declared fields, the id, the style fields and the fields popups and tooltips name', () => {
    const fields = attributeFieldsOf({
      idField: 'code',
      fields: [{ name: 'nom', type: 'text' }],
      style: {
        categories: { field: 'region', values: [] },
        rules: [{ maxScale: 1000, classes: { field: 'pop', ranges: [] }, label: { field: 'libelle', color: '#000', haloColor: '#fff', size: 12 } }],
      },
      popup: { title: '{{titre}}', fields: ['surface'], sections: [{ text: '{{#lien}}voir{{/lien}}' }] },
      tooltip: { fr: '{{court}}' },
    });
    expect(fields?.sort()).toEqual(['code', 'court', 'libelle', 'lien', 'nom', 'pop', 'region', 'surface', 'titre']);
    expect(attributeFieldsOf({ fields: [], style: {} })).toBeUndefined();
  });
});

describe('points: style compiled per point', () => {
  const marker = (color: string, radius = 3) => ({ marker: { shape: 'circle' as const, radius, fill: { color } } });
  const style: VectorStyle = {
    categories: { field: 'region', values: [{ value: '84', symbol: marker('#1f77b4') }, { value: '11', symbol: marker('#4d4d4d') }] },
    symbol: marker('#9e9e9e'),
    rules: [
      { maxScale: 300000, classes: { field: 'pop', ranges: [{ min: 1000000, symbol: marker('#ff0000', 8) }] } },
    ],
  };
  const columns = { region: ['84', '11', '52', '84'], pop: [158000, 2100000, null, '1500000'] };

  it('gives each point the symbol of its category, the base symbol otherwise, and follows scale rules', () => {
    const cores = compileStyle(style, columns, 4);
    const base = coreForScale(cores, 5_000_000);
    expect([...base.symbolOf].map((s) => base.symbols[s]!.fill)).toEqual(['#1f77b4', '#4d4d4d', '#9e9e9e', '#1f77b4']);
    const near = coreForScale(cores, 100_000);
    expect(near).toBe(cores[0]);
    // Classes: ≥ 1 000 000 only; no base symbol in the rule → the others are neither drawn nor identified.
    expect([...near.symbolOf]).toEqual([NO_SYMBOL, 0, NO_SYMBOL, 0]);
    expect(near.maxExtent).toBe(8);
  });
});

describe('points: grid index', () => {
  it('finds the nearest point within reach, and none beyond', () => {
    const xy: number[] = [];
    for (let i = 0; i < 1000; i++) xy.push((i % 40) * 10, Math.floor(i / 40) * 10);
    const grid = buildPointGrid(xy, 1000);
    const reach = () => 3;
    expect(nearestPoint(grid, xy, { x: 101, y: 52, radius: 3, reach })).toBe(5 * 40 + 10);
    expect(nearestPoint(grid, xy, { x: 394, y: 244, radius: 6, reach: () => 6 })).toBe(24 * 40 + 39);
    expect(nearestPoint(grid, xy, { x: 105, y: 55, radius: 3, reach })).toBe(-1);
    expect(nearestPoint(grid, xy, { x: -50, y: -50, radius: 3, reach })).toBe(-1);
    // A point that may not be hit (no symbol) lets the next nearest win.
    expect(nearestPoint(grid, xy, { x: 104, y: 50, radius: 8, reach: (i) => (i === 5 * 40 + 10 ? -1 : 8) })).toBe(5 * 40 + 11);
  });

  it('agrees with a brute-force search on clustered random points', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const xy: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const cluster = i % 3 === 0;
      xy.push(cluster ? 500 + random() * 20 : random() * 10000, cluster ? 500 + random() * 20 : random() * 8000);
    }
    const grid = buildPointGrid(xy, 5000);
    for (let q = 0; q < 300; q++) {
      const x = q % 2 ? 490 + random() * 40 : random() * 10000;
      const y = q % 2 ? 490 + random() * 40 : random() * 8000;
      const radius = q % 2 ? 1 : 150;
      let best = -1;
      let bestDistance = Infinity;
      for (let i = 0; i < 5000; i++) {
        const d = Math.hypot(xy[2 * i]! - x, xy[2 * i + 1]! - y);
        if (d <= radius && d < bestDistance) [best, bestDistance] = [i, d];
      }
      expect(nearestPoint(grid, xy, { x, y, radius, reach: () => radius })).toBe(best);
    }
  });
});

describe('points: the build', () => {
  function project(files: Record<string, unknown>): string {
    const root = mkdtempSync(join(tmpdir(), 'cartable-points-'));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return root;
  }
  const pointsDoc = (extra: Record<string, unknown> = {}) => {
    const doc = minimalDocument();
    doc.layers[0] = {
      type: 'points',
      id: 'lieux',
      title: 'Lieux',
      file: 'data/places.geojson',
      idField: 'id',
      fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'text' }, { name: 'region', type: 'text' }],
      style: { categories: { field: 'region', values: [{ value: '84', symbol: { marker: { shape: 'circle', radius: 3, fill: { color: '#1f77b4' } } } }] } },
      ...extra,
    };
    return doc;
  };

  it('turns the file into hashed compact points and attributes, and points the document at them', () => {
    const root = project({ 'maps/essai.json': pointsDoc(), 'maps/data/places.geojson': PLACES });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    const outputs = maps[0]!.outputs;
    const points = outputs.find((o) => o.path.endsWith('.points'))!;
    const attributes = outputs.find((o) => o.path.endsWith('.attributes.json'))!;
    expect(points.path).toMatch(/^data\/places\.[0-9a-f]{10}\.points$/);
    expect(attributes.path).toMatch(/^data\/places\.[0-9a-f]{10}\.attributes\.json$/);
    const written = JSON.parse(String(outputs.find((o) => o.path === 'maps/essai.json')!.source));
    expect(written.layers[0].file).toBeUndefined();
    expect(written.layers[0].prepared).toEqual({ points: `../${points.path}`, attributes: `../${attributes.path}`, count: 4 });
    // The written document is valid as it is (the viewer may validate it again).
    expect(validateContext(written).ok).toBe(true);
    expect(readCompactPoints((points.source as Uint8Array).slice().buffer as ArrayBuffer).count).toBe(4);
    const columns = JSON.parse(String(attributes.source)).columns;
    // The declared fields only (not "pop" nor "extra").
    expect(Object.keys(columns).sort()).toEqual(['id', 'nom', 'region']);
    expect(columns.nom).toEqual(['Nantes', 'Paris', 'Lyon', 'Grenoble']);
    expect(maps[0]!.entry.online).toBe(false);
  });

  it('gets the search index the build writes for packaged files', () => {
    const root = project({ 'maps/essai.json': pointsDoc({ search: { fields: ['nom'] } }), 'maps/data/places.geojson': PLACES });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    const written = JSON.parse(String(maps[0]!.outputs.find((o) => o.path === 'maps/essai.json')!.source));
    expect(written.layers[0].search.index).toMatch(/^\.\.\/data\//);
    expect(maps[0]!.outputs.some((o) => `../${o.path}` === written.layers[0].search.index)).toBe(true);
    expect(written.layers[0].prepared.count).toBe(4);
  });

  it('reports a file that is not points in lon/lat, a missing file and icon markers, with their paths', () => {
    const icon = { marker: { shape: 'icon', src: 'pin.svg', scale: 1 } };
    const root = project({
      'maps/essai.json': pointsDoc({ file: 'data/missing.geojson' }),
      'maps/autre.json': { ...pointsDoc({ file: 'data/bad.geojson' }), id: 'autre' },
      'maps/icones.json': { ...pointsDoc({ style: { symbol: icon } }), id: 'icones' },
      'maps/data/bad.geojson': { type: 'Feature', geometry: null, properties: {} },
      'maps/data/places.geojson': PLACES,
    });
    const { problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([
      'maps/autre.json: /layers/0/file: "data/bad.geojson": not a GeoJSON FeatureCollection',
      'maps/essai.json: /layers/0/file: no such file "data/missing.geojson" under maps/',
      'maps/icones.json: /layers/0/style/symbol/marker: a "points" layer draws circle markers: use { "shape": "circle", … } (icons need a "geojson" layer)',
    ]);
  });

  it('validates: a points layer needs "file" or "prepared", not both', () => {
    const doc = pointsDoc({ prepared: { points: 'a.points', attributes: 'a.json', count: 1 } });
    expect(validateContext(doc).ok).toBe(false);
    const neither = pointsDoc();
    delete neither.layers[0].file;
    expect(validateContext(neither).ok).toBe(false);
    expect(validateContext(pointsDoc()).ok).toBe(true);
    const table = validateContext(pointsDoc({ table: {} }));
    expect(table.ok ? [] : table.problems.map((p) => p.path)).toContain('/layers/0/table');
  });
});
