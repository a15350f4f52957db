import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/context/problems.js';
import type { CsvLayerDef, FlatGeobufLayerDef, GeoJsonLayerDef, PmtilesLayerDef, VectorTilesLayerDef } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { clusterColour, clusterLabel, clusterRadius } from '../../../src/layers/points/display.js';
import { checkGlStyle, vectorSourceOf } from '../../../src/layers/vectortiles/mapbox.js';
import { InvalidDataError } from '../../../src/layers/problems.js';
import { minimalDocument } from '../context/fixtures.js';

const style = { symbol: { marker: { shape: 'circle', radius: 4, fill: { color: '#aa0000' } } } };

function validate(layer: Record<string, unknown>) {
  const doc = minimalDocument();
  doc.layers = [{ id: 'l', title: 'L', ...layer }];
  const result = validateContext(doc);
  return result.ok
    ? { layer: result.value.layers[0] as unknown, problems: [] as string[] }
    : { layer: undefined, problems: result.problems.map((p) => formatProblem('maps/essai.json', p)) };
}

describe('settings of the file and tile kinds', () => {
  it('flatgeobuf: reads by extent unless told to read the whole file', () => {
    const extent = validate({ type: 'flatgeobuf', url: 'data/places.fgb', style });
    expect(extent.problems).toEqual([]);
    expect((extent.layer as FlatGeobufLayerDef).loading).toBe('extent');
    const whole = validate({ type: 'flatgeobuf', url: 'data/places.fgb', loading: 'whole', projection: 'EPSG:2154', style });
    expect((whole.layer as FlatGeobufLayerDef).loading).toBe('whole');
    expect(validate({ type: 'flatgeobuf', url: 'x.fgb', loading: 'lazy', style }).problems.join('\n')).toContain('/layers/0/loading');
    expect(validate({ type: 'flatgeobuf', style }).problems.join('\n')).toContain('url');
  });

  it('csv: needs its coordinate columns; delimiter, decimal and projection have defaults', () => {
    const { layer, problems } = validate({ type: 'csv', url: 'points.csv', xField: 'lon', yField: 'lat', style });
    expect(problems).toEqual([]);
    const csv = layer as CsvLayerDef;
    expect([csv.delimiter, csv.decimal, csv.projection]).toEqual(['auto', '.', 'EPSG:4326']);
    const l93 = validate({ type: 'csv', url: 'p.csv', xField: 'X', yField: 'Y', projection: 'EPSG:2154', delimiter: ';', decimal: ',', style });
    expect(l93.problems).toEqual([]);
    expect(validate({ type: 'csv', url: 'p.csv', xField: 'lon', style }).problems.join('\n')).toContain('yField');
    expect(validate({ type: 'csv', url: 'p.csv', xField: 'x', yField: 'y', delimiter: '#', style }).problems.join('\n')).toContain('/layers/0/delimiter');
  });

  it('point display: clustering and heatmap get defaults, and cannot be combined', () => {
    const clustered = validate({ type: 'geojson', url: 'p.geojson', clustering: {}, style }).layer as GeoJsonLayerDef;
    expect(clustered.clustering).toEqual({ distance: 40, minDistance: 0 });
    const heat = validate({ type: 'csv', url: 'p.csv', xField: 'x', yField: 'y', heatmap: { weight: 'pop' }, style }).layer as CsvLayerDef;
    expect(heat.heatmap).toEqual({ radius: 8, blur: 15, weight: 'pop' });
    expect(validate({ type: 'flatgeobuf', url: 'p.fgb', clustering: {}, heatmap: {}, style }).problems).not.toEqual([]);
    expect(validate({ type: 'geojson', url: 'p.geojson', clustering: { distance: -1 }, style }).problems.join('\n')).toContain('distance');
  });

  it('vectortiles and pmtiles: a style URL, optional source and fonts', () => {
    const vt = validate({ type: 'vectortiles', styleUrl: 'styles/positron.json', source: 'openmaptiles' });
    expect(vt.problems).toEqual([]);
    expect((vt.layer as VectorTilesLayerDef).styleUrl).toBe('styles/positron.json');
    expect(validate({ type: 'vectortiles' }).problems.join('\n')).toContain('styleUrl');
    const pm = validate({ type: 'pmtiles', url: 'tiles/france.pmtiles' });
    expect(pm.problems).toEqual([]);
    expect((pm.layer as PmtilesLayerDef).styleUrl).toBeUndefined();
    expect(validate({ type: 'pmtiles', url: 't.pmtiles', unknown: 1 }).problems.join('\n')).toContain('unknown');
  });
});

describe('point display helpers', () => {
  it('sizes and labels clusters by their count', () => {
    expect(clusterRadius(2)).toBeLessThan(clusterRadius(200));
    expect(clusterRadius(1e9)).toBe(26);
    expect([clusterLabel(12), clusterLabel(1234), clusterLabel(56789)]).toEqual(['12', '1,2k', '57k']);
  });

  it("colours clusters like the layer's markers", () => {
    expect(clusterColour({ fields: [], style: { symbol: { marker: { shape: 'circle', radius: 3, fill: { color: '#123456' } } } } })).toBe('#123456');
    expect(clusterColour({ fields: [], style: {} })).toBe('#1f5fa8');
  });
});

describe('Mapbox/MapLibre style documents', () => {
  const glStyle = {
    version: 8,
    sources: { raster: { type: 'raster' }, openmaptiles: { type: 'vector' } },
    layers: [{ id: 'bg', type: 'background' }, { id: 'water', type: 'fill', source: 'openmaptiles' }],
  };

  it('finds the vector source to draw', () => {
    expect(vectorSourceOf(checkGlStyle(glStyle))).toBe('openmaptiles');
    expect(vectorSourceOf(checkGlStyle(glStyle), 'openmaptiles')).toBe('openmaptiles');
    expect(() => vectorSourceOf(checkGlStyle(glStyle), 'raster')).toThrow(InvalidDataError);
  });

  it('refuses what is not a version 8 style', () => {
    expect(() => checkGlStyle({ ...glStyle, version: 7 })).toThrow(/version 8/);
    expect(() => checkGlStyle({ version: 8, layers: [] })).toThrow(/sources/);
    expect(() => checkGlStyle(null)).toThrow(InvalidDataError);
  });
});
