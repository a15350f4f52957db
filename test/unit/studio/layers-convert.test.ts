/** The « Couches » section's converters: CSV and FlatGeobuf to GeoJSON in WGS84, field types, the new layer's edit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection, Point } from 'geojson';
import { csvToGeoJson, guessCsv } from '../../../src/studio/layers/convert/csv.js';
import { guessFieldType, guessFields } from '../../../src/studio/layers/convert/fields.js';
import { MAX_FILE_BYTES, readDropped } from '../../../src/studio/layers/convert/dropped.js';
import { newFileLayer } from '../../../src/studio/layers/new-layer.js';
import { StudioStore, emptyDocument } from '../../../src/studio/model/store.js';
import { getAt } from '../../../src/studio/model/json.js';
import { geometryOf } from '../../../src/studio/layers/new-layer.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/studio');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const text = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

describe('CSV to GeoJSON', () => {
  it('finds longitude/latitude columns and reads decimal commas', () => {
    const guess = guessCsv(text('refuges-virgule.csv'));
    expect(guess).toMatchObject({ sure: true, choice: { x: 'longitude', y: 'latitude', projection: 'EPSG:4326', decimal: ',' } });
    if ('problem' in guess) throw new Error('unexpected');
    const read = csvToGeoJson(text('refuges-virgule.csv'), guess.choice);
    if ('problem' in read) throw new Error(read.problem);
    expect(read.skipped).toBe(1);
    expect(read.collection.features.map((f) => f.geometry.coordinates)).toEqual([
      [6.4011, 44.9389],
      [6.3859, 44.9702],
    ]);
    // Numbers become numbers; codes with a leading zero stay text; empty cells are null.
    expect(read.collection.features[0]!.properties).toEqual({ nom: 'Refuge du Glacier Blanc', altitude: 2542, code: '05038', 'site web': 'https://example.org/refuge' });
    expect(read.collection.features[1]!.properties!['site web']).toBeNull();
  });

  it('recognises Lambert 93 x/y and converts them to WGS84', async () => {
    const result = await readDropped('points-l93.csv', fixture('points-l93.csv'));
    expect(result.kind).toBe('layer');
    if (result.kind !== 'layer') return;
    const [lon, lat] = (result.collection.features[0]!.geometry as Point).coordinates;
    // Lambert 93 (944000, 6430000) is about 6.09° E, 44.93° N (west of Briançon).
    expect(lon).toBeCloseTo(6.09, 1);
    expect(lat).toBeCloseTo(44.9, 1);
    expect(result.collection.features[0]!.properties).toEqual({ id: 1, nom: 'Briançon' });
  });

  it('asks when the columns do not say where the points are', async () => {
    const result = await readDropped('colonnes-inconnues.csv', fixture('colonnes-inconnues.csv'));
    expect(result).toMatchObject({ kind: 'ask', guess: { columns: ['a', 'b', 'nom'], sure: false } });
    const chosen = await readDropped('colonnes-inconnues.csv', fixture('colonnes-inconnues.csv'), { x: 'a', y: 'b', projection: 'EPSG:4326', decimal: '.' });
    expect(chosen.kind === 'layer' && chosen.collection.features.length).toBe(2);
  });

  it('says which problem a bad CSV has', async () => {
    expect(await readDropped('vide.csv', new TextEncoder().encode('nom\n'))).toMatchObject({ kind: 'problem', problem: 'csv-empty' });
    const words = new TextEncoder().encode('longitude,latitude\nnord,sud\n');
    expect(await readDropped('mots.csv', words, { x: 'longitude', y: 'latitude', projection: 'EPSG:4326', decimal: '.' })).toMatchObject({ problem: 'csv-columns' });
  });
});

describe('FlatGeobuf to GeoJSON', () => {
  const lambert: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { nom: 'Briançon', surface: 12.5 }, geometry: { type: 'Polygon', coordinates: [[[944000, 6430000], [945000, 6430000], [945000, 6431000], [944000, 6430000]]] } },
    ],
  };

  it('reads the features and converts the header CRS to WGS84', async () => {
    const result = await readDropped('zones.fgb', serialize(lambert, 2154));
    expect(result.kind).toBe('layer');
    if (result.kind !== 'layer') return;
    const feature = result.collection.features[0]!;
    expect(feature.properties).toEqual({ nom: 'Briançon', surface: 12.5 });
    const [lon, lat] = (feature.geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
    expect(lon).toBeCloseTo(6.09, 1);
    expect(lat).toBeCloseTo(44.9, 1);
    // The packaged bytes are the GeoJSON text.
    expect(JSON.parse(new TextDecoder().decode(result.bytes)).type).toBe('FeatureCollection');
  });

  it('refuses unreadable bytes with its own problem', async () => {
    const bytes = serialize(lambert, 2154).slice(0, 40);
    expect(await readDropped('coupé.fgb', bytes)).toMatchObject({ kind: 'problem', problem: 'fgb-unreadable' });
  });
});

describe('dropped GeoJSON', () => {
  it('says what is wrong: not JSON, not GeoJSON, no features, too big', async () => {
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(await readDropped('a.geojson', encode('{ pas du json'))).toMatchObject({ problem: 'not-json' });
    expect(await readDropped('a.geojson', encode('{"nom": 1}'))).toMatchObject({ problem: 'not-geojson' });
    expect(await readDropped('a.geojson', encode('{"type":"FeatureCollection","features":[]}'))).toMatchObject({ problem: 'no-features' });
    expect(await readDropped('a.geojson', new Uint8Array(MAX_FILE_BYTES + 1))).toMatchObject({ problem: 'too-big' });
    expect(await readDropped('a.docx', encode('PK'))).toMatchObject({ problem: 'unknown-format' });
  });

  it('keeps a FeatureCollection byte for byte; wraps a lone feature', async () => {
    const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[6,45]}}]}');
    const kept = await readDropped('a.geojson', bytes);
    expect(kept.kind === 'layer' && kept.bytes).toBe(bytes);
    const lone = await readDropped('b.json', new TextEncoder().encode('{"type":"Point","coordinates":[6,45]}'));
    expect(lone.kind === 'layer' && lone.collection.features.length).toBe(1);
  });
});

describe('field types', () => {
  it('guesses the most specific type every value fits', () => {
    expect(guessFieldType([1, 2, null])).toBe('integer');
    expect(guessFieldType([1, 2.5])).toBe('number');
    expect(guessFieldType(['https://a.fr/x', ''])).toBe('url');
    expect(guessFieldType(['https://a.fr/x.jpg'])).toBe('image');
    expect(guessFieldType(['a@b.fr'])).toBe('email');
    expect(guessFieldType(['2024-05-01'])).toBe('date');
    expect(guessFieldType([true, false])).toBe('boolean');
    expect(guessFieldType(['04 76 00 00 00'])).toBe('phone');
    expect(guessFieldType(['x'.repeat(200)])).toBe('longtext');
    expect(guessFieldType(['Réservé', 3])).toBe('text');
    expect(guessFieldType([])).toBe('text');
  });

  it('lists the fields in the order the records give them', () => {
    expect(guessFields([{ a: 1 }, { a: 2, b: 'x' }])).toEqual([
      { name: 'a', type: 'integer' },
      { name: 'b', type: 'text' },
    ]);
  });
});

describe('the new layer of a dropped file', () => {
  it('packages data/<map id>/<name>.geojson and inserts a valid geojson layer on top, in one step', async () => {
    const result = await readDropped('Refuges (virgule).csv', fixture('refuges-virgule.csv'));
    if (result.kind !== 'layer') throw new Error(result.kind);
    const store = new StudioStore(emptyDocument('essai'));
    const added = newFileLayer(store.state.document, new Set(store.state.files.keys()), 'Refuges (virgule).csv', result.collection, result.bytes);
    store.apply(added.edit);
    expect(added).toMatchObject({ id: 'refuges-virgule', path: 'data/essai/refuges-virgule.geojson' });
    expect(store.state.problems).toEqual([]);
    expect(store.state.undo).toHaveLength(1);
    expect(store.state.files.get(added.path)?.bytes).toBe(result.bytes);
    expect(getAt(store.state.document, ['layers', 0])).toMatchObject({
      type: 'geojson',
      id: 'refuges-virgule',
      file: 'data/essai/refuges-virgule.geojson',
      geometry: 'point',
      fields: [
        { name: 'nom', type: 'text' },
        { name: 'altitude', type: 'integer' },
        { name: 'code', type: 'text' },
        { name: 'site web', type: 'url' },
      ],
      style: { symbol: { marker: { shape: 'circle' } } },
    });
    // The same file again: another id and another path.
    const again = newFileLayer(store.state.document, new Set(store.state.files.keys()), 'Refuges (virgule).csv', result.collection, result.bytes);
    expect(again).toMatchObject({ id: 'refuges-virgule-2', path: 'data/essai/refuges-virgule-2.geojson' });
  });
});

const REAL_FGB = 'fgb/zones-humides-ecrins-l93.fgb';
const firstPosition = (coordinates: unknown): number[] => (typeof (coordinates as unknown[])[0] === 'number' ? (coordinates as number[]) : firstPosition((coordinates as unknown[])[0]));

describe.skipIf(!hasSharedData(REAL_FGB))('a real FlatGeobuf of ../shared/data (Lambert 93 wetlands of the Écrins)', () => {
  it('becomes polygons in WGS84 around the Écrins, with their attributes', async () => {
    const result = await readDropped('zones-humides-ecrins-l93.fgb', new Uint8Array(readFileSync(sharedFile(REAL_FGB))));
    if (result.kind !== 'layer') throw new Error(JSON.stringify(result));
    expect(result.collection.features.length).toBeGreaterThan(0);
    expect(geometryOf(result.collection)).toBe('polygon');
    const [lon, lat] = firstPosition((result.collection.features[0]!.geometry as { coordinates: unknown }).coordinates);
    expect(lon).toBeGreaterThan(5.5);
    expect(lon).toBeLessThan(7);
    expect(lat).toBeGreaterThan(44.3);
    expect(lat).toBeLessThan(45.5);
    expect(Object.keys(result.collection.features[0]!.properties ?? {}).length).toBeGreaterThan(0);
  });
});
if (!hasSharedData(REAL_FGB)) console.warn(SKIP_NO_SHARED_DATA);
