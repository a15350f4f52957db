import GeometryCollection from 'ol/geom/GeometryCollection.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import { get as getProjection } from 'ol/proj.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHeader, readWhole } from '../../../src/layers/flatgeobuf/read.js';
import { readGeoJson } from '../../../src/layers/geojson/read.js';
import { OutsideProjectionError, checkGeoJsonFeatures } from '../../../src/layers/projection-check/check.js';
import { checkDataExtent, checkFlatCoordinates, checkGeometries } from '../../../src/layers/projection-check/geometries.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const sharedFgb = hasSharedData('fgb');
if (!sharedFgb) console.warn(SKIP_NO_SHARED_DATA);

/** Grenoble and Lyon in each projection. */
const LON_LAT = [5.7245, 45.1885, 4.8357, 45.764];
const LAMBERT_93 = [913000, 6458000, 842000, 6519000];
/** Marseille and Nice in Web Mercator: south of Lambert-93's area. */
const WEB_MERCATOR = [597000, 5364000, 809000, 5422000];

const verdict = (run: () => void): OutsideProjectionError | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof OutsideProjectionError) return error;
    throw error;
  }
};
const flat = (coordinates: number[], projection: string) => verdict(() => checkFlatCoordinates(coordinates, projection));

describe('coordinates outside the declared projection', () => {
  it('says nothing of data where its projection places it', () => {
    expect(flat(LON_LAT, 'EPSG:4326')).toBeUndefined();
    expect(flat(LAMBERT_93, 'EPSG:2154')).toBeUndefined();
    expect(flat(WEB_MERCATOR, 'EPSG:3857')).toBeUndefined();
  });

  it('names Lambert-93 for metres read as degrees', () => {
    expect(flat(LAMBERT_93, 'EPSG:4326')).toMatchObject({ projection: 'EPSG:4326', likely: 'EPSG:2154' });
  });

  it('names Web Mercator for metres that do not fit Lambert-93', () => {
    expect(flat(WEB_MERCATOR, 'EPSG:4326')).toMatchObject({ projection: 'EPSG:4326', likely: 'EPSG:3857' });
  });

  it('names degrees for longitudes and latitudes declared in metres (outside Lambert-93, or at Web Mercator’s origin)', () => {
    expect(flat(LON_LAT, 'EPSG:2154')).toMatchObject({ projection: 'EPSG:2154', likely: 'EPSG:4326' });
    expect(flat(LON_LAT, 'EPSG:3857')).toMatchObject({ projection: 'EPSG:3857', likely: 'EPSG:4326' });
  });

  it('names no projection for numbers that fit none', () => {
    expect(flat([1e9, 1e9, 2e9, 2e9], 'EPSG:4326')).toMatchObject({ projection: 'EPSG:4326', likely: undefined });
  });

  it('says nothing when one coordinate is plausible, when there is none, or when the projection’s area is unknown', () => {
    expect(flat([...LAMBERT_93, 5.7, 45.2], 'EPSG:4326')).toBeUndefined();
    expect(flat([], 'EPSG:4326')).toBeUndefined();
    expect(flat([NaN, NaN], 'EPSG:4326')).toBeUndefined();
    expect(flat(LAMBERT_93, 'EPSG:3945')).toBeUndefined();
  });

  it('reads GeoJSON positions of any depth, and geometry collections', () => {
    const features = [
      { type: 'Feature', geometry: null },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[913000, 6458000], [914000, 6458000], [914000, 6459000], [913000, 6458000]]] } },
      { type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [842000, 6519000] }] } },
    ];
    expect(verdict(() => checkGeoJsonFeatures(features, 'EPSG:4326'))).toMatchObject({ likely: 'EPSG:2154' });
    expect(verdict(() => checkGeoJsonFeatures(features, 'EPSG:2154'))).toBeUndefined();
  });

  it('reads OpenLayers geometries, simple and collected', () => {
    const geometries = [new Point([913000, 6458000]), new GeometryCollection([new LineString([[842000, 6519000, 200], [843000, 6519000, 210]])]), undefined];
    expect(verdict(() => checkGeometries(geometries, 'EPSG:4326'))).toMatchObject({ likely: 'EPSG:2154' });
    expect(verdict(() => checkGeometries([new Point([5.7, 45.2])], 'EPSG:4326'))).toBeUndefined();
  });

  it('judges a box holding all the data (a file header’s) by whether it meets the projection’s area', () => {
    expect(verdict(() => checkDataExtent([842000, 6458000, 913000, 6519000], 'EPSG:4326'))).toMatchObject({ likely: 'EPSG:2154' });
    expect(verdict(() => checkDataExtent([4.8, 45.1, 5.8, 45.8], 'EPSG:4326'))).toBeUndefined();
    expect(verdict(() => checkDataExtent([-200, -10, 20, 10], 'EPSG:4326'))).toBeUndefined();
    expect(verdict(() => checkDataExtent(null, 'EPSG:4326'))).toBeUndefined();
  });

  it('stops a GeoJSON layer in Lambert-93 without crs before it is read as degrees', () => {
    const geojson = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [913000, 6458000] } }] };
    const options = { dataProjection: 'EPSG:4326', featureProjection: getProjection('EPSG:3857')! };
    expect(() => readGeoJson(geojson, options)).toThrow(OutsideProjectionError);
    const lonLat = { ...geojson, features: [{ ...geojson.features[0]!, geometry: { type: 'Point', coordinates: [5.7, 45.2] } }] };
    expect(readGeoJson(lonLat, options).features).toHaveLength(1);
  });

  it.skipIf(!sharedFgb)('stops a FlatGeobuf file in Lambert-93 read as degrees, by its features and by its header’s box', async () => {
    await ensureProjections(['EPSG:2154']);
    const bytes = new Uint8Array(readFileSync(sharedFile('fgb/zones-humides-ecrins-l93.fgb')));
    const header = await readHeader(bytes);
    const read = readWhole(bytes, header, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
    await expect(read).rejects.toMatchObject({ name: 'OutsideProjectionError', projection: 'EPSG:4326', likely: 'EPSG:2154' });
    expect(verdict(() => checkDataExtent(header.envelope, 'EPSG:4326'))).toMatchObject({ likely: 'EPSG:2154' });
    expect((await readWhole(bytes, header, { dataProjection: 'EPSG:2154', featureProjection: 'EPSG:3857' })).features.length).toBeGreaterThan(0);
  });
});
