import { get as getProjection } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import type { WfsLayerDef } from '../../../src/context/types.js';
import { InvalidResponseError } from '../../../src/layers/ogc/problem.js';
import { readGetFeatureJson } from '../../../src/layers/wfs/read.js';
import { capabilitiesUrl, chooseOutputFormat, getFeatureUrl, isCapped, isJsonFormat } from '../../../src/layers/wfs/request.js';

const wfs = (over: Partial<WfsLayerDef> = {}): WfsLayerDef => ({
  type: 'wfs',
  id: 'rnn',
  title: 'RNN',
  visible: true,
  opacity: 1,
  attributions: [],
  legend: { hidden: false },
  fields: [],
  style: {},
  url: 'https://data.geopf.fr/wfs/ows',
  typeName: 'PROTECTEDAREAS.RNN:rnn',
  version: '2.0.0',
  maxFeatures: 500,
  ...over,
});

const query = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);
const box = [400000, 5500000, 600000, 5700000];

describe('WFS GetFeature URL', () => {
  it('2.0.0: TYPENAMES, COUNT, output format, CRS and the box with its CRS', () => {
    expect(query(getFeatureUrl(wfs(), { extent: box, srsName: 'EPSG:3857', outputFormat: 'application/json' }))).toEqual({
      SERVICE: 'WFS',
      VERSION: '2.0.0',
      REQUEST: 'GetFeature',
      TYPENAMES: 'PROTECTEDAREAS.RNN:rnn',
      COUNT: '500',
      OUTPUTFORMAT: 'application/json',
      SRSNAME: 'EPSG:3857',
      BBOX: '400000,5500000,600000,5700000,EPSG:3857',
    });
  });

  it('1.1.0: TYPENAME and MAXFEATURES', () => {
    const q = query(getFeatureUrl(wfs({ version: '1.1.0', maxFeatures: 20 }), { extent: box, srsName: 'EPSG:2154', outputFormat: 'text/xml; subtype=gml/3.1.1' }));
    expect(q).toMatchObject({ VERSION: '1.1.0', TYPENAME: 'PROTECTEDAREAS.RNN:rnn', MAXFEATURES: '20', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'text/xml; subtype=gml/3.1.1' });
    expect(q.TYPENAMES).toBeUndefined();
    expect(q.COUNT).toBeUndefined();
  });

  it('gives the box lat/lon first for a north/east CRS', () => {
    const q = query(getFeatureUrl(wfs(), { extent: [4, 45, 6, 46], srsName: 'EPSG:4326', northEast: true, outputFormat: 'application/json' }));
    expect(q.BBOX).toBe('45,4,46,6,EPSG:4326');
  });

  it('adds the box to a CQL filter when the geometry attribute is known, else sends the filter alone', () => {
    const withGeometry = query(getFeatureUrl(wfs({ cqlFilter: "dep = '38'", geometryName: 'the_geom' }), { extent: box, srsName: 'EPSG:3857', outputFormat: 'application/json' }));
    expect(withGeometry.CQL_FILTER).toBe("BBOX(the_geom,400000,5500000,600000,5700000,'EPSG:3857') AND (dep = '38')");
    expect(withGeometry.BBOX).toBeUndefined();
    const alone = query(getFeatureUrl(wfs({ cqlFilter: "dep = '38'" }), { srsName: 'EPSG:3857', outputFormat: 'application/json' }));
    expect(alone.CQL_FILTER).toBe("dep = '38'");
    expect(alone.BBOX).toBeUndefined();
  });

  it('reads the whole layer without an extent, and sends the extra parameters', () => {
    const q = query(getFeatureUrl(wfs({ params: { sortBy: 'nom', strict: true } }), { srsName: 'EPSG:3857', outputFormat: 'json' }));
    expect(q.BBOX).toBeUndefined();
    expect(q).toMatchObject({ SORTBY: 'nom', STRICT: 'TRUE' });
  });

  it('builds the capabilities URL', () => {
    expect(query(capabilitiesUrl(wfs({ version: '1.1.0' })))).toEqual({ SERVICE: 'WFS', VERSION: '1.1.0', REQUEST: 'GetCapabilities' });
  });
});

describe('WFS output format', () => {
  it('prefers GeoJSON when offered', () => {
    expect(chooseOutputFormat(['application/gml+xml; version=3.2', 'DXF', 'application/json', 'csv'], '2.0.0')).toBe('application/json');
    expect(chooseOutputFormat(['text/xml; subtype=gml/3.1.1', 'json'], '1.1.0')).toBe('json');
  });

  it("falls back to the version's GML", () => {
    expect(chooseOutputFormat(['GML2', 'application/gml+xml; version=3.2'], '2.0.0')).toBe('application/gml+xml; version=3.2');
    expect(chooseOutputFormat(['GML2', 'text/xml; subtype=gml/3.1.1'], '1.1.0')).toBe('text/xml; subtype=gml/3.1.1');
    expect(chooseOutputFormat([], '2.0.0')).toBe('application/gml+xml; version=3.2');
  });

  it('tells JSON formats from GML', () => {
    expect(isJsonFormat('application/json')).toBe(true);
    expect(isJsonFormat('application/json; subtype=geojson')).toBe(true);
    expect(isJsonFormat('application/gml+xml; version=3.2')).toBe(false);
  });
});

describe('WFS cap', () => {
  it('is reached when the service holds more than it sent, or when the count hits the cap', () => {
    expect(isCapped({ returned: 500, total: 1234, max: 500 })).toBe(true);
    expect(isCapped({ returned: 12, total: 12, max: 500 })).toBe(false);
    expect(isCapped({ returned: 500, max: 500 })).toBe(true);
    expect(isCapped({ returned: 499, max: 500 })).toBe(false);
  });
});

describe('readGetFeatureJson', () => {
  const mercator = getProjection('EPSG:3857')!;
  const answer = {
    type: 'FeatureCollection',
    numberMatched: 1234,
    numberReturned: 2,
    totalFeatures: 1234,
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
    features: [
      { type: 'Feature', id: 'rnn.1', geometry: { type: 'Point', coordinates: [500000, 5600000] }, properties: { id_mnhn: 'FR3600001', nom: 'A' } },
      { type: 'Feature', id: 'rnn.2', geometry: { type: 'Point', coordinates: [510000, 5610000] }, properties: { id_mnhn: 'FR3600002', nom: 'B' } },
    ],
  };

  it('reads features in the CRS of the answer, with their ids and the counts', () => {
    const result = readGetFeatureJson(JSON.stringify(answer), { dataProjection: 'EPSG:3857', featureProjection: mercator, idField: 'id_mnhn' });
    expect(result.features.map((f) => f.getId())).toEqual(['FR3600001', 'FR3600002']);
    expect(result.features[0]!.getGeometry()!.getExtent().slice(0, 2)).toEqual([500000, 5600000]);
    expect(result).toMatchObject({ returned: 2, total: 1234, skipped: 0 });
  });

  it('uses totalFeatures when numberMatched is missing, and the features read when nothing is said', () => {
    const { numberMatched: _m, numberReturned: _r, ...old } = answer;
    expect(readGetFeatureJson(JSON.stringify(old), { dataProjection: 'EPSG:3857', featureProjection: mercator })).toMatchObject({ returned: 2, total: 1234 });
    const { totalFeatures: _t, ...bare } = old;
    expect(readGetFeatureJson(JSON.stringify(bare), { dataProjection: 'EPSG:3857', featureProjection: mercator }).total).toBeUndefined();
    const unknown = { ...bare, totalFeatures: 'unknown' };
    expect(readGetFeatureJson(JSON.stringify(unknown), { dataProjection: 'EPSG:3857', featureProjection: mercator }).total).toBeUndefined();
  });

  it('reads lon/lat GeoJSON into the map projection', () => {
    const lonlat = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} }] };
    const [feature] = readGetFeatureJson(JSON.stringify(lonlat), { dataProjection: 'EPSG:4326', featureProjection: mercator }).features;
    expect(feature!.getGeometry()!.getExtent()[0]).toBeCloseTo(0, 6);
  });

  it('refuses malformed JSON and JSON that is not GeoJSON', () => {
    expect(() => readGetFeatureJson('{"type": "FeatureColl', { dataProjection: 'EPSG:3857', featureProjection: mercator })).toThrow(InvalidResponseError);
    expect(() => readGetFeatureJson('{"hello": 1}', { dataProjection: 'EPSG:3857', featureProjection: mercator })).toThrow(/GeoJSON/);
  });
});
