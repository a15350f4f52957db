import { readFileSync } from 'node:fs';
import { get as getProjection } from 'ol/proj.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotGeoJsonError, dataProjectionOf, readGeoJson } from '../../../src/layers/geojson/read.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { hasSharedData, sharedFile } from '../../support/shared-data.js';

const mercator = getProjection('EPSG:3857')!;
const point = (coordinates: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

describe('readGeoJson', () => {
  it('keeps good features and counts the ones it cannot read', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        point([6.3, 45.0], { id_site: 'PAC0058' }),
        point(['6.3', 45.0]),
        point([Number.NaN, 1]),
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[1, 2]] } },
        { type: 'Feature', geometry: null, properties: { id_site: 'X1' } },
        'not a feature',
        null,
      ],
    };
    const { features, skipped } = readGeoJson(collection, { dataProjection: 'EPSG:4326', featureProjection: mercator, idField: 'id_site' });
    expect(features.map((f) => f.getId())).toEqual(['PAC0058', 'X1']);
    expect(skipped).toBe(5);
  });

  it('reads a bare Feature and a bare geometry', () => {
    expect(readGeoJson(point([1, 2]), { dataProjection: 'EPSG:4326', featureProjection: mercator }).features).toHaveLength(1);
    expect(readGeoJson({ type: 'Point', coordinates: [1, 2] }, { dataProjection: 'EPSG:4326', featureProjection: mercator }).features).toHaveLength(1);
  });

  it('refuses what is not GeoJSON', () => {
    expect(() => readGeoJson({ hello: 'world' }, { dataProjection: 'EPSG:4326', featureProjection: mercator })).toThrow(NotGeoJsonError);
    expect(() => readGeoJson([1, 2], { dataProjection: 'EPSG:4326', featureProjection: mercator })).toThrow(NotGeoJsonError);
  });
});

describe('real shared data', () => {
  beforeAll(async () => {
    await ensureProjections(['EPSG:2154']);
  });

  it.skipIf(!hasSharedData('nature/zones-humides-ecrins-l93.geojson'))(
    `honours the crs member of Lambert-93 wetlands — skipped when ../shared/data is absent`,
    () => {
      const geojson = JSON.parse(readFileSync(sharedFile('nature/zones-humides-ecrins-l93.geojson'), 'utf8')) as unknown;
      expect(dataProjectionOf(geojson, undefined)).toBe('EPSG:2154');
      const { features, skipped } = readGeoJson(geojson, { dataProjection: 'EPSG:2154', featureProjection: getProjection('EPSG:4326')! });
      expect(skipped).toBe(0);
      expect(features).toHaveLength(62);
      // Every wetland lies in and around the Écrins massif, in degrees once reprojected.
      for (const feature of features) {
        const [minX, minY, maxX, maxY] = feature.getGeometry()!.getExtent();
        expect(minX).toBeGreaterThan(5.5);
        expect(maxX).toBeLessThan(6.8);
        expect(minY).toBeGreaterThan(44.5);
        expect(maxY).toBeLessThan(45.2);
      }
    },
  );

  it.skipIf(!hasSharedData('geosites/inpg-geosites-ecrins.geojson'))(`reads the 71 INPG records by id_site — skipped when ../shared/data is absent`, () => {
    const geojson = JSON.parse(readFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), 'utf8')) as unknown;
    expect(dataProjectionOf(geojson, undefined)).toBe('EPSG:4326');
    const { features } = readGeoJson(geojson, { dataProjection: 'EPSG:4326', featureProjection: mercator, idField: 'id_site' });
    expect(features).toHaveLength(71);
    expect(new Set(features.map((f) => f.getId())).size).toBe(71);
  });
});
