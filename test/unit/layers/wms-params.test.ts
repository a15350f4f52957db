import { fromLonLat, get as getProjection } from 'ol/proj.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WmsLayerDef } from '../../../src/context/types.js';
import { INFO_FORMATS, getFeatureInfoUrl, infoFormatMime } from '../../../src/layers/wms/feature-info.js';
import { extraParams, getMapParams, layerNames, legendGraphicUrls, withParams } from '../../../src/layers/wms/params.js';
import { ensureProjections } from '../../../src/proj/register.js';

const wms = (over: Partial<WmsLayerDef> = {}): WmsLayerDef => ({
  type: 'wms',
  queryable: true,
  id: 'sic',
  title: 'SIC',
  visible: true,
  opacity: 1,
  attributions: [],
  legend: { hidden: false },
  url: 'https://data.geopf.fr/wms-r/wms',
  layers: 'PROTECTEDAREAS.SIC',
  styles: '',
  format: 'image/png',
  transparent: true,
  version: '1.3.0',
  tiled: true,
  tileSize: 256,
  ...over,
});

const query = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);

describe('withParams', () => {
  it('appends to a bare endpoint and to one that holds a query, the later value winning', () => {
    expect(withParams('https://x.org/wms', { A: '1', B: 'a b' })).toBe('https://x.org/wms?A=1&B=a%20b');
    expect(withParams('https://x.org/mapserv?map=nature.map&service=wms', { SERVICE: 'WMS', A: '1' })).toBe(
      'https://x.org/mapserv?map=nature.map&SERVICE=WMS&A=1',
    );
    expect(withParams('https://x.org/wms?', { A: '1' })).toBe('https://x.org/wms?A=1');
  });
});

describe('WMS GetMap parameters', () => {
  it('carries the layers, styles, format, transparency and version of the document', () => {
    expect(getMapParams(wms({ layers: 'A,B', styles: 's1,', format: 'image/jpeg', transparent: false, version: '1.1.1' }))).toEqual({
      SERVICE: 'WMS',
      VERSION: '1.1.1',
      LAYERS: 'A,B',
      STYLES: 's1,',
      FORMAT: 'image/jpeg',
      TRANSPARENT: 'FALSE',
    });
  });

  it('passes extra parameters upper-cased, booleans as TRUE/FALSE, and lets them win', () => {
    const params = getMapParams(wms({ params: { cql_filter: "dep='38'", TIME: '2024-01-01', elevation: 200, tiled: true, FORMAT: 'image/webp' } }));
    expect(params).toMatchObject({ CQL_FILTER: "dep='38'", TIME: '2024-01-01', ELEVATION: '200', TILED: 'TRUE', FORMAT: 'image/webp' });
    expect(extraParams(undefined)).toEqual({});
  });

  it('splits the layer names', () => {
    expect(layerNames(wms({ layers: ' A , B,,C ' }))).toEqual(['A', 'B', 'C']);
  });
});

describe('WMS GetLegendGraphic', () => {
  it('builds one legend URL per layer, with its style, SLD_VERSION for 1.3.0', () => {
    const urls = legendGraphicUrls(wms({ layers: 'A,B', styles: ',rouge', params: { TIME: '2024', CQL_FILTER: 'x=1' } }));
    expect(urls).toHaveLength(2);
    expect(query(urls[0]!)).toEqual({
      SERVICE: 'WMS', VERSION: '1.3.0', REQUEST: 'GetLegendGraphic', FORMAT: 'image/png', LAYER: 'A', SLD_VERSION: '1.1.0', TIME: '2024',
    });
    expect(query(urls[1]!)).toMatchObject({ LAYER: 'B', STYLE: 'rouge' });
  });

  it('leaves SLD_VERSION out for 1.1.1', () => {
    const [url] = legendGraphicUrls(wms({ version: '1.1.1' }));
    expect(query(url!)).toEqual({ SERVICE: 'WMS', VERSION: '1.1.1', REQUEST: 'GetLegendGraphic', FORMAT: 'image/png', LAYER: 'PROTECTEDAREAS.SIC' });
  });
});

describe('getFeatureInfoUrl', () => {
  beforeAll(() => ensureProjections(['EPSG:2154']));

  it('asks WMS 1.3.0 about a point with I/J over a 101-pixel window centred on it', () => {
    const url = getFeatureInfoUrl(wms({ layers: 'A,B', params: { CQL_FILTER: 'x=1' } }), {
      coordinate: [500000, 5600000],
      resolution: 10,
      projection: 'EPSG:3857',
    });
    const q = query(url);
    expect(q).toMatchObject({
      SERVICE: 'WMS', VERSION: '1.3.0', REQUEST: 'GetFeatureInfo', LAYERS: 'A,B', QUERY_LAYERS: 'A,B', STYLES: '',
      INFO_FORMAT: 'application/json', FEATURE_COUNT: '10', CRS: 'EPSG:3857', WIDTH: '101', HEIGHT: '101', I: '50', J: '50',
      CQL_FILTER: 'x=1',
    });
    expect(q.BBOX!.split(',').map(Number)).toEqual([499495, 5599495, 500505, 5600505]);
    expect(url.startsWith('https://data.geopf.fr/wms-r/wms?')).toBe(true);
  });

  it('uses X/Y and SRS for WMS 1.1.1, and the requested format', () => {
    const q = query(getFeatureInfoUrl(wms({ version: '1.1.1' }), { coordinate: [0, 0], resolution: 1, projection: 'EPSG:3857', infoFormat: 'html', featureCount: 3 }));
    expect(q).toMatchObject({ VERSION: '1.1.1', SRS: 'EPSG:3857', X: '50', Y: '50', INFO_FORMAT: 'text/html', FEATURE_COUNT: '3' });
    expect(q.CRS).toBeUndefined();
    expect(q.I).toBeUndefined();
  });

  it('knows the formats by name, keeps a MIME type, and takes the layer\'s own format', () => {
    expect(Object.keys(INFO_FORMATS)).toEqual(['json', 'gml', 'html', 'text']);
    expect(infoFormatMime('gml')).toBe('application/vnd.ogc.gml');
    expect(infoFormatMime('text')).toBe('text/plain');
    expect(infoFormatMime('application/geo+json')).toBe('application/geo+json');
    const q = query(getFeatureInfoUrl(wms({ infoFormat: 'text' }), { coordinate: [0, 0], resolution: 1, projection: 'EPSG:3857' }));
    expect(q.INFO_FORMAT).toBe('text/plain');
  });

  it('swaps the box to lat/lon for EPSG:4326 in 1.3.0', () => {
    const q = query(getFeatureInfoUrl(wms(), { coordinate: [5, 45], resolution: 0.01, projection: 'EPSG:4326' }));
    expect(q.CRS).toBe('EPSG:4326');
    expect(q.BBOX!.split(',').map(Number)).toEqual([44.495, 4.495, 45.505, 5.505]);
  });

  it('converts the point to the layer\'s own CRS', () => {
    expect(getProjection('EPSG:2154')).toBeTruthy();
    // Lambert-93 origin of the projection (3°E, 46.5°N) is (700000, 6600000).
    const [x, y] = fromLonLat([3, 46.5]) as [number, number];
    const q = query(getFeatureInfoUrl(wms({ projection: 'EPSG:2154' }), { coordinate: [x, y], resolution: 10, projection: 'EPSG:3857' }));
    expect(q.CRS).toBe('EPSG:2154');
    const [minx, miny, maxx, maxy] = q.BBOX!.split(',').map(Number) as [number, number, number, number];
    expect((minx + maxx) / 2).toBeCloseTo(700000, 0);
    expect((miny + maxy) / 2).toBeCloseTo(6600000, 0);
    // 10 m Web-Mercator pixels at 46.5°N are about 6.9 m on the ground.
    expect((maxx - minx) / 101).toBeCloseTo(10 * Math.cos((46.5 * Math.PI) / 180), 0);
  });
});
