import { readFileSync } from 'node:fs';
import { fromLonLat, get as getProjection, transform } from 'ol/proj.js';
import { getCenter } from 'ol/extent.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchRect } from '../../../src/layers/flatgeobuf/create.js';
import { dataProjectionOf, isFlatGeobuf, layoutOf, readHeader, readWhole } from '../../../src/layers/flatgeobuf/read.js';
import { TruncatedError, WrongFormatError } from '../../../src/layers/problems.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const shared = hasSharedData('fgb');
if (!shared) console.warn(SKIP_NO_SHARED_DATA);
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(sharedFile(`fgb/${name}`)));

async function readAll(name: string, featureProjection = 'EPSG:3857', fallback?: string) {
  const bytes = bytesOf(name);
  const header = await readHeader(bytes);
  const dataProjection = dataProjectionOf(header, fallback);
  await ensureProjections([dataProjection]);
  return { dataProjection, ...(await readWhole(bytes, header, { dataProjection, featureProjection })) };
}

describe.skipIf(!shared)('FlatGeobuf files of ../shared/data, read whole', () => {
  beforeAll(() => ensureProjections(['EPSG:2154']));

  it('reads the Natural Earth countries (indexed, EPSG:4326) into Web Mercator', async () => {
    const { features, header, dataProjection, truncated } = await readAll('countries.fgb');
    expect(header.indexNodeSize).toBe(16);
    expect(dataProjection).toBe('EPSG:4326');
    expect(features).toHaveLength(179);
    expect(truncated).toBe(false);
    const france = features.find((f) => f.get('name') === 'France')!;
    expect(france.getGeometry()!.intersectsCoordinate(fromLonLat([2.35, 46.5]))).toBe(true);
    expect(new Set(features.map((f) => f.getId())).size).toBe(179);
  });

  it('reprojects the Lambert-93 wetlands (its header names EPSG:2154) to lon/lat and Web Mercator', async () => {
    const { features, dataProjection } = await readAll('zones-humides-ecrins-l93.fgb', 'EPSG:4326');
    expect(dataProjection).toBe('EPSG:2154');
    expect(features).toHaveLength(62);
    for (const feature of features) {
      const [lon, lat] = getCenter(feature.getGeometry()!.getExtent());
      // The Écrins national park: around 6.0–6.6° E, 44.6–45.1° N.
      expect(lon).toBeGreaterThan(5.8);
      expect(lon).toBeLessThan(6.7);
      expect(lat).toBeGreaterThan(44.5);
      expect(lat).toBeLessThan(45.2);
    }
    const mercator = await readAll('zones-humides-ecrins-l93.fgb', 'EPSG:3857');
    const [x, y] = getCenter(mercator.features[0]!.getGeometry()!.getExtent());
    const [lon, lat] = transform([x!, y!], 'EPSG:3857', 'EPSG:4326');
    expect(lon).toBeCloseTo(getCenter(features[0]!.getGeometry()!.getExtent())[0]!, 3);
    expect(lat).toBeCloseTo(getCenter(features[0]!.getGeometry()!.getExtent())[1]!, 3);
  });

  it('reads the AURA départements with their attributes', async () => {
    const { features } = await readAll('aura-departements.fgb');
    expect(features.map((f) => f.get('code')).sort()).toEqual(['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']);
  });

  it('reads a file whose header gives no feature count and no index', async () => {
    const { header, features } = await readAll('unknown_feature_count.fgb');
    expect(header.featuresCount).toBe(0);
    expect(header.indexNodeSize).toBe(0);
    expect(features).toHaveLength(1);
    expect(features[0]!.get('quadkey')).toBeTypeOf('string');
  });

  it('reads mixed geometry types, and names no CRS: the layer setting or EPSG:4326 applies', async () => {
    const { features, dataProjection } = await readAll('heterogeneous.fgb', 'EPSG:4326');
    expect(dataProjection).toBe('EPSG:4326');
    expect(new Set(features.map((f) => f.getGeometry()!.getType())).size).toBeGreaterThan(1);
    expect(dataProjectionOf({ crs: null }, 'EPSG:2154')).toBe('EPSG:2154');
  });

  it('reads every column type, and keeps a JSON column that holds no JSON as text', async () => {
    const { features, skipped } = await readAll('alldatatypes.fgb', 'EPSG:4326');
    expect(skipped).toBe(0);
    expect(features).toHaveLength(1);
    expect(features[0]!.get('json')).toBeTypeOf('string');
    const properties = features[0]!.getProperties();
    for (const name of ['byte', 'ubyte', 'bool', 'short', 'int', 'long', 'float', 'double', 'string', 'json', 'datetime']) {
      expect(properties).toHaveProperty(name);
    }
    expect(properties.string).toBeTypeOf('string');
    expect(properties.double).toBeTypeOf('number');
  });

  it('keeps the complete features of a truncated file and says it is truncated', async () => {
    const bytes = bytesOf('countries.fgb');
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const header = await readHeader(cut);
    const { features, truncated } = await readWhole(cut, header, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
    expect(truncated).toBe(true);
    expect(features.length).toBeGreaterThan(50);
    expect(features.length).toBeLessThan(179);
    expect(layoutOf(cut, header).end).toBeLessThanOrEqual(cut.length);
  });

  it('fails plainly when the file ends inside its header or index', async () => {
    const bytes = bytesOf('countries.fgb');
    await expect(readHeader(bytes.subarray(0, 300))).rejects.toBeInstanceOf(TruncatedError);
    const header = await readHeader(bytes);
    expect(() => layoutOf(bytes.subarray(0, 2000), header)).toThrow(TruncatedError);
  });
});

describe('FlatGeobuf checks', () => {
  it('refuses bytes that are not FlatGeobuf', async () => {
    const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    expect(isFlatGeobuf(bytes)).toBe(false);
    await expect(readHeader(bytes)).rejects.toBeInstanceOf(WrongFormatError);
  });

  it('names the CRS of a header by its EPSG code', () => {
    expect(dataProjectionOf({ crs: { org: 'EPSG', code: 2154, name: null, description: null, wkt: null, code_string: null } }, undefined)).toBe('EPSG:2154');
    expect(dataProjectionOf({ crs: { org: null, code: 0, name: null, description: null, wkt: null, code_string: null } }, undefined)).toBe('EPSG:4326');
  });

  it('turns a view extent into a search rectangle in the data CRS', async () => {
    await ensureProjections(['EPSG:2154']);
    const world = getProjection('EPSG:3857')!.getExtent();
    expect(searchRect(world, 'EPSG:3857', 'EPSG:4326')).toEqual({ minX: -180, minY: -90, maxX: 180, maxY: 90 });
    const isere = [...fromLonLat([4.7, 44.7]), ...fromLonLat([6.4, 45.9])];
    const rect = searchRect(isere, 'EPSG:3857', 'EPSG:4326');
    expect(rect.minX).toBeCloseTo(4.7, 6);
    expect(rect.maxY).toBeCloseTo(45.9, 6);
    const l93 = searchRect(isere, 'EPSG:3857', 'EPSG:2154');
    expect(l93.minX).toBeGreaterThan(800000);
    expect(l93.maxX).toBeLessThan(1000000);
  });
});
