import { describe, expect, it } from 'vitest';
import type { LayerDef, VectorStyle } from '../../../src/context/types.js';
import { legendForStyle } from '../../../src/styles/legend.js';
import { legendOfLayer } from '../../../src/styles/layer-legend.js';

const dot = (color: string) => ({ marker: { shape: 'circle' as const, radius: 4, fill: { color } } });

describe('legendForStyle', () => {
  it('labels a single-symbol legend with the layer title', () => {
    const entries = legendForStyle({ symbol: { fill: { color: '#eee' } } }, { layerTitle: { fr: 'Pays', en: 'Countries' } });
    expect(entries).toEqual([{ label: { fr: 'Pays', en: 'Countries' }, symbol: { fill: { color: '#eee' } }, geometry: 'polygon' }]);
  });

  it('lists categories in order, then "Other"', () => {
    const style: VectorStyle = {
      categories: { field: 't', values: [{ value: 'a', label: 'Alpha', symbol: dot('#f00') }, { value: 'b', symbol: dot('#0f0') }] },
      symbol: dot('#999'),
    };
    const entries = legendForStyle(style, { layerTitle: 'X' });
    expect(entries.map((e) => e.label)).toEqual(['Alpha', 'b', { fr: 'Autres', en: 'Other' }]);
    expect(entries.every((e) => e.geometry === 'point')).toBe(true);
  });

  it('labels numeric classes from their bounds in French', () => {
    const style: VectorStyle = {
      classes: { field: 'n', ranges: [{ max: 1000, symbol: dot('#f00') }, { min: 1000, max: 25000, symbol: dot('#0f0') }, { min: 25000, symbol: dot('#00f') }] },
    };
    expect(legendForStyle(style, { layerTitle: 'X' }).map((e) => e.label)).toEqual(['< 1\u202f000', '1\u202f000 – 25\u202f000', '≥ 25\u202f000']);
  });

  it('follows the scale rule in force', () => {
    const style: VectorStyle = { symbol: dot('#f00'), rules: [{ maxScale: 100000, symbol: dot('#00f'), symbolLabel: 'Détail' }] };
    expect(legendForStyle(style, { layerTitle: 'X', scale: 50000 })[0]!.label).toBe('Détail');
    expect(legendForStyle(style, { layerTitle: 'X', scale: 500000 })[0]!.label).toBe('X');
  });

  it('uses the layer geometry when given', () => {
    expect(legendForStyle({ symbol: { stroke: { color: '#000', width: 2 } } }, { layerTitle: 'X' })[0]!.geometry).toBe('line');
    expect(legendForStyle({ symbol: { fill: { color: '#000' } } }, { layerTitle: 'X', geometry: 'point' })[0]!.geometry).toBe('point');
  });
});

describe('legendOfLayer', () => {
  const base = { id: 'l', title: 'L', visible: true, opacity: 1, attributions: [] };
  it('prefers the items or image the document gives', () => {
    const wmts = { ...base, type: 'wmts', url: 'u', layer: 'x', matrixSet: 'PM', format: 'image/png', style: 'normal', projection: 'EPSG:3857', maxZoom: 19 };
    expect(legendOfLayer({ ...wmts, legend: { hidden: false } } as LayerDef)).toEqual({ kind: 'none' });
    expect(legendOfLayer({ ...wmts, legend: { hidden: false, image: 'l.png' } } as LayerDef)).toEqual({ kind: 'image', url: 'l.png' });
    const items = [{ label: 'Zone', symbol: { fill: { color: '#0f0' } } }];
    expect(legendOfLayer({ ...wmts, legend: { hidden: false, items } } as LayerDef)).toEqual({
      kind: 'entries',
      entries: [{ label: 'Zone', symbol: { fill: { color: '#0f0' } }, geometry: 'polygon' }],
    });
    expect(legendOfLayer({ ...wmts, legend: { hidden: true, items } } as LayerDef)).toEqual({ kind: 'none' });
  });
});
