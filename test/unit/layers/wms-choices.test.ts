import { fromLonLat } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import { defaultChoices, expandRange, fitsChoice, timeValues } from '../../../src/context/layers/wms-choices.js';
import type { WmsLayerDef } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { getFeatureInfoUrl } from '../../../src/layers/wms/feature-info.js';
import { choiceParams, getMapParams, legendGraphicUrls, withChoices } from '../../../src/layers/wms/params.js';
import { MapStore, initialState } from '../../../src/state/store.js';
import { minimalDocument } from '../context/fixtures.js';

const wms = (over: Partial<WmsLayerDef> = {}): WmsLayerDef => ({
  type: 'wms',
  queryable: true,
  id: 'pop',
  title: 'Population',
  visible: true,
  opacity: 1,
  attributions: [],
  legend: { hidden: false },
  url: 'https://geo.example/wms',
  layers: 'rb:pop',
  styles: '',
  format: 'image/png',
  transparent: true,
  version: '1.3.0',
  tiled: false,
  tileSize: 256,
  time: { values: ['1999', '2007', '2012', '2017'] },
  filters: [{ id: 'level', field: 'level', values: ['Commune', 'EPCI', { value: "l'Ouest", label: 'Ouest' }], label: 'Échelle' }],
  ...over,
});

describe('WMS times', () => {
  it('expands ISO 8601 ranges at the precision of their start', () => {
    expect(expandRange('2015/2018/P1Y')).toEqual(['2015', '2016', '2017', '2018']);
    expect(expandRange('2023-11/2024-02/P1M')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(expandRange('2023/2024/P6M')).toEqual(['2023-01', '2023-07', '2024-01']);
    expect(expandRange('2024-02-27/2024-03-01/P1D')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(expandRange('2024-01-01T00:00Z/2024-01-01T12:00Z/PT6H')).toEqual(['2024-01-01T00:00:00Z', '2024-01-01T06:00:00Z', '2024-01-01T12:00:00Z']);
    for (const bad of ['2015/2014/P1Y', '2015/2018', '2015/2018/P', '2015/2018/P0Y', 'x/2018/P1Y', '2015/2018/1Y']) expect(expandRange(bad)).toBeUndefined();
  });

  it('lists values and ranges once, in order; the default is the given one, else the last', () => {
    expect(timeValues({ values: ['2010', '2012/2014/P1Y', '2014'] })).toEqual(['2010', '2012', '2013', '2014']);
    expect(defaultChoices(wms())).toEqual({ time: '2017', filters: { level: '' } });
    expect(defaultChoices(wms({ time: { values: ['1999', '2007'], default: '1999' }, filters: undefined }))).toEqual({ time: '1999' });
    expect(defaultChoices(wms({ time: undefined, filters: undefined }))).toBeUndefined();
  });

  it('says which values a layer offers', () => {
    expect(fitsChoice(wms(), { time: '2012' })).toBe(true);
    expect(fitsChoice(wms(), { time: '2013' })).toBe(false);
    expect(fitsChoice(wms(), { filter: 'level', value: 'EPCI' })).toBe(true);
    expect(fitsChoice(wms(), { filter: 'level', value: '' })).toBe(true);
    expect(fitsChoice(wms(), { filter: 'level', value: 'Canton' })).toBe(false);
    expect(fitsChoice(wms(), { filter: 'other', value: 'EPCI' })).toBe(false);
  });
});

describe('WMS parameters of the choices', () => {
  it('sends TIME and a quoted CQL_FILTER (quotes doubled), ANDed with the document CQL_FILTER', () => {
    expect(choiceParams(wms(), { time: '2012', filters: { level: 'EPCI' } })).toEqual({ TIME: '2012', CQL_FILTER: "level='EPCI'" });
    expect(choiceParams(wms(), { filters: { level: "l'Ouest" } })).toEqual({ CQL_FILTER: "level='l''Ouest'" });
    expect(choiceParams(wms(), { time: '2012', filters: { level: '' } })).toEqual({ TIME: '2012' });
    const own = wms({ params: { cql_filter: "dep='35'", TIME: '1990' } });
    expect(getMapParams(own, { time: '2007', filters: { level: 'EPCI' } })).toMatchObject({ TIME: '2007', CQL_FILTER: "(dep='35') AND (level='EPCI')" });
    // « Tous »: the document's own filter and time stay.
    expect(getMapParams(own, { filters: { level: '' } })).toMatchObject({ TIME: '1990', CQL_FILTER: "dep='35'" });
  });

  it('writes a FILTER as OGC Filter Encoding (MapServer), XML-escaped, one per WMS layer', () => {
    const mapserver = wms({ layers: 'a,b', filters: [{ id: 'level', field: 'level', values: ['A&B'], label: 'L', param: 'FILTER' }] });
    const one = '<Filter xmlns="http://www.opengis.net/ogc"><PropertyIsEqualTo><PropertyName>level</PropertyName><Literal>A&amp;B</Literal></PropertyIsEqualTo></Filter>';
    expect(choiceParams(mapserver, { filters: { level: 'A&B' } })).toEqual({ FILTER: `(${one})(${one})` });
    expect(choiceParams({ ...mapserver, layers: 'a' }, { filters: { level: 'A&B' } })).toEqual({ FILTER: one });
  });

  it('asks GetFeatureInfo and GetLegendGraphic with the choices', () => {
    const def = wms();
    const url = new URL(
      getFeatureInfoUrl(withChoices(def, { time: '2007', filters: { level: 'EPCI' } }), { coordinate: fromLonLat([-2, 48]), resolution: 100, projection: 'EPSG:3857' }),
    );
    expect(url.searchParams.get('TIME')).toBe('2007');
    expect(url.searchParams.get('CQL_FILTER')).toBe("level='EPCI'");
    expect(withChoices(def, { filters: { level: '' } })).toBe(def);
    expect(new URL(legendGraphicUrls(def, undefined, { time: '2007' })[0]!).searchParams.get('TIME')).toBe('2007');
  });
});

describe('WMS choices in the store and the document checks', () => {
  const doc = () => {
    const d = minimalDocument();
    d.layers = [{ ...wms(), tiled: undefined, queryable: undefined, attributions: undefined, legend: undefined, opacity: undefined, visible: undefined, tileSize: undefined }];
    d.layers[0] = Object.fromEntries(Object.entries(d.layers[0]).filter(([, v]) => v !== undefined));
    return d;
  };

  it('starts from the defaults; set-layer-choice changes a time or a filter, nothing else', () => {
    const result = validateContext(doc());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const store = new MapStore(initialState(result.value));
    expect(store.state.layers['pop']?.choices).toEqual({ time: '2017', filters: { level: '' } });
    store.dispatch({ type: 'set-layer-choice', id: 'pop', choice: { time: '2007' } });
    store.dispatch({ type: 'set-layer-choice', id: 'pop', choice: { filter: 'level', value: 'EPCI' } });
    expect(store.state.layers['pop']?.choices).toEqual({ time: '2007', filters: { level: 'EPCI' } });
    const before = store.state;
    store.dispatch({ type: 'set-layer-choice', id: 'pop', choice: { filter: 'nope', value: 'x' } });
    store.dispatch({ type: 'set-layer-choice', id: 'sites', choice: { time: '2007' } });
    expect(store.state).toBe(before);
  });

  it('refuses defaults that are not among the values, bad ranges and filter ids used twice', () => {
    const d = doc();
    d.layers[0].time = { values: ['2015/2010/P1Y', '2020'], default: '2019' };
    d.layers[0].filters = [d.layers[0].filters[0], { ...d.layers[0].filters[0], default: 'Canton' }];
    const result = validateContext(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      '/layers/0/filters/1/default',
      '/layers/0/filters/1/id',
      '/layers/0/time/default',
      '/layers/0/time/values/0',
    ]);
  });
});
