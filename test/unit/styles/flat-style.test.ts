import { describe, expect, it } from 'vitest';
import type { VectorStyle } from '../../../src/context/types.js';
import { FILTERED_OUT, styleToFlatRules, symbolizerToFlat } from '../../../src/styles/flat-style.js';

/** Every rule also skips the features a table filter hides. */
const SHOWN = ['!=', ['get', FILTERED_OUT], true];
const shown = (condition: unknown) => ['all', SHOWN, condition];
import { resolutionToScale, scaleToResolution } from '../../../src/styles/scale.js';

const red = { fill: { color: '#ff0000' }, stroke: { color: '#000000', width: 1 } };
const blue = { fill: { color: '#0000ff' } };

describe('symbolizerToFlat', () => {
  it('turns fill and stroke into polygon, line and default point styles', () => {
    expect(symbolizerToFlat(red)).toEqual({
      'fill-color': '#ff0000',
      'stroke-color': '#000000',
      'stroke-width': 1,
      'circle-radius': 5,
      'circle-declutter-mode': 'obstacle',
      'circle-fill-color': '#ff0000',
      'circle-stroke-color': '#000000',
      'circle-stroke-width': 1,
    });
  });

  it('draws markers, never dropped by declutter (labels keep clear of them): circles and icons', () => {
    expect(symbolizerToFlat({ marker: { shape: 'circle', radius: 8, fill: { color: '#123456' } } })).toEqual({
      'circle-radius': 8,
      'circle-declutter-mode': 'obstacle',
      'circle-fill-color': '#123456',
    });
    expect(symbolizerToFlat({ marker: { shape: 'icon', src: 'pin.svg', scale: 0.5, anchor: [0.5, 1] } })).toEqual({
      'icon-src': 'pin.svg',
      'icon-scale': 0.5,
      'icon-anchor': [0.5, 1],
      'icon-declutter-mode': 'obstacle',
    });
  });
});

describe('styleToFlatRules', () => {
  const mercator = { metersPerUnit: 1 };

  it('gives one rule per category and an "other" rule for the rest', () => {
    const style: VectorStyle = {
      categories: { field: 'kind', values: [{ value: 'a', symbol: red }, { value: 2, symbol: blue }] },
      symbol: blue,
    };
    const rules = styleToFlatRules(style, mercator) as Array<{ filter?: unknown }>;
    expect(rules.map((r) => r.filter)).toEqual([
      shown(['==', ['get', 'kind'], 'a']),
      shown(['==', ['get', 'kind'], 2]),
      shown(['!', ['any', ['==', ['get', 'kind'], 'a'], ['==', ['get', 'kind'], 2]]]),
    ]);
  });

  it('turns classes into half-open numeric ranges', () => {
    const style: VectorStyle = {
      classes: { field: 'n', ranges: [{ max: 10, symbol: red }, { min: 10, max: 100, symbol: blue }] },
    };
    const rules = styleToFlatRules(style, mercator) as Array<{ filter?: unknown }>;
    expect(rules.map((r) => r.filter)).toEqual([
      shown(['<', ['get', 'n'], 10]),
      shown(['all', ['>=', ['get', 'n'], 10], ['<', ['get', 'n'], 100]]),
    ]);
  });

  it('applies the first matching scale rule instead of the base style', () => {
    const style: VectorStyle = {
      symbol: red,
      rules: [
        { maxScale: 50000, symbol: blue },
        { maxScale: 200000, symbol: red, label: { field: 'nom', color: '#000', haloColor: '#fff', size: 12 } },
      ],
    };
    const r50k = scaleToResolution(50000, 1);
    const r200k = scaleToResolution(200000, 1);
    const rules = styleToFlatRules(style, mercator) as Array<{ filter?: unknown; style: Record<string, unknown> }>;
    expect(rules).toHaveLength(4);
    expect(rules[0]!.filter).toEqual(shown(['<', ['resolution'], r50k]));
    expect(rules[1]!.filter).toEqual(shown(['all', ['<', ['resolution'], r200k], ['!', ['<', ['resolution'], r50k]]]));
    expect(rules[2]!.style['text-value']).toEqual(['to-string', ['coalesce', ['get', 'nom'], '']]);
    expect(rules[3]!.filter).toEqual(shown(['!', ['any', ['<', ['resolution'], r50k], ['<', ['resolution'], r200k]]]));
  });

  it('never leaves a rule without the filter condition, even a rule for every feature', () => {
    const rules = styleToFlatRules({ symbol: red }, mercator) as Array<{ filter?: unknown }>;
    expect(rules).toEqual([{ filter: SHOWN, style: expect.any(Object) }]);
  });

  it('converts scales with the OGC 0.28 mm pixel and the projection units', () => {
    expect(scaleToResolution(25000, 1)).toBeCloseTo(7, 10);
    expect(resolutionToScale(7, 1)).toBeCloseTo(25000, 6);
    const degree = 111319.49079327357;
    expect(scaleToResolution(25000, degree)).toBeCloseTo(7 / degree, 12);
  });
});
