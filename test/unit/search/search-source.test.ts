/** Where search finds a layer's features is said by its kind (LayerKind.searchSource), not by a switch in search. */
import { describe, expect, it } from 'vitest';
import type { GeoJsonLayerDef, WfsLayerDef } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { geojsonKind } from '../../../src/layers/geojson/create.js';
import { wfsKind } from '../../../src/layers/wfs/create.js';

const style = { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#c00' } } } };
const search = { fields: ['nom'] };

function layerOf<T>(layer: Record<string, unknown>): T {
  const result = validateContext({ version: 1, id: 'm', title: 'M', view: { center: [5, 45], zoom: 7 }, layers: [{ id: 'l', title: 'L', style, search, ...layer }] });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.layers[0] as T;
}

describe('the search source of a layer kind', () => {
  it('GeoJSON: the document read whole, from its URL or its inline data; none for a layer without either', () => {
    expect(geojsonKind.searchSource!(layerOf<GeoJsonLayerDef>({ type: 'geojson', url: 'https://data.test/sites.geojson', projection: 'EPSG:2154' }))).toEqual({
      from: 'geojson',
      url: 'https://data.test/sites.geojson',
      projection: 'EPSG:2154',
    });
    const data = { type: 'FeatureCollection', features: [] };
    expect(geojsonKind.searchSource!(layerOf<GeoJsonLayerDef>({ type: 'geojson', data }))).toEqual({ from: 'geojson', data, projection: undefined });
  });

  it('WFS: its service, asked with a GetFeature that filters on the searched fields', () => {
    const source = wfsKind.searchSource!(layerOf<WfsLayerDef>({ type: 'wfs', url: 'https://wfs.test/ows', typeName: 'ns:sites', version: '2.0.0' }));
    expect(source?.from).toBe('service');
    const url = new URL(source!.from === 'service' ? source!.url('pic', { limit: 20 }) : '');
    expect(url.searchParams.get('REQUEST')).toBe('GetFeature');
    expect(url.searchParams.get('FILTER')).toContain('<fes:ValueReference>nom</fes:ValueReference>');
    expect(url.searchParams.get('COUNT')).toBe('20');
  });
});
