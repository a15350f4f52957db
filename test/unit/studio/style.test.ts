import { describe, expect, it } from 'vitest';
import { classBreaks, distinctValues, jenksStarts, numbersOf, squaredDeviations } from '../../../src/studio/style/classify.js';
import { categoriesStyle, classesStyle, recolour, singleStyle } from '../../../src/studio/style/build.js';
import { colourParts, withAlpha } from '../../../src/studio/style/colour.js';
import { MAX_CATEGORIES, OKABE_ITO, SEQUENTIAL, qualitative, sequential } from '../../../src/studio/style/palettes.js';
import { validateContext } from '../../../src/context/validate.js';
import { emptyDocument } from '../../../src/studio/model/store.js';
import { seededRandom } from '../../support/seeded.js';

/** Every way to cut sorted values into k non-empty runs: the least squared deviations (brute force). */
function bestGrouping(sorted: number[], k: number): number {
  let best = Infinity;
  const cut = (from: number, left: number, starts: number[]): void => {
    if (left === 1) {
      best = Math.min(best, squaredDeviations(sorted, [...starts, sorted[from]!]));
      return;
    }
    for (let next = from + 1; next <= sorted.length - left + 1; next++) {
      if (sorted[next] === sorted[next - 1]) continue; // A class starts where the value changes.
      cut(next, left - 1, [...starts, sorted[from]!]);
    }
  };
  cut(0, k, []);
  return best;
}

describe('class breaks', () => {
  it('natural breaks (Jenks) find the evident groups', () => {
    const values = [1, 2, 3, 10, 11, 12, 20, 21, 22];
    expect(jenksStarts(values, 3)).toEqual([1, 10, 20]);
    expect(classBreaks(values, 3, 'jenks')).toEqual([1, 10, 20, 22]);
  });

  it('natural breaks match the optimal grouping found by trying every cut', () => {
    const random = seededRandom(26);
    for (let round = 0; round < 25; round++) {
      const n = 6 + Math.floor(random() * 8);
      const values = Array.from({ length: n }, () => Math.round(random() * 100)).sort((a, b) => a - b);
      const k = Math.min(2 + Math.floor(random() * 3), new Set(values).size);
      const starts = jenksStarts(values, k);
      expect(squaredDeviations(values, starts)).toBeCloseTo(bestGrouping(values, k), 6);
    }
  });

  it('natural breaks give the groups another implementation publishes', () => {
    // The `jenks` package's README (github.com/42arch/Jenks): [1, 2, 5, 15, 45, 89.3, 112, 31, 120, 0.5] in 3
    // classes breaks at [0.5, 15, 45, 120] (each class's upper value): {0.5 … 15}, {31, 45}, {89.3 … 120}.
    const sorted = [1, 2, 5, 15, 45, 89.3, 112, 31, 120, 0.5].sort((a, b) => a - b);
    expect(classBreaks(sorted, 3, 'jenks')).toEqual([0.5, 31, 89.3, 120]);
  });

  it('equal intervals cut the range in equal steps', () => {
    expect(classBreaks([0, 1, 5, 30, 100], 4, 'equal')).toEqual([0, 25, 50, 75, 100]);
    expect(classBreaks([0.1, 0.2, 0.3, 0.4], 3, 'equal')).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('quantiles put as many values in each class', () => {
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4, 'quantiles')).toEqual([1, 4, 7, 10, 12]);
  });

  it('gives fewer classes than asked when the data has fewer distinct values, none without data', () => {
    expect(classBreaks([5, 5, 7, 7], 5, 'jenks')).toEqual([5, 7, 7]);
    expect(classBreaks([3, 3, 3], 4, 'quantiles')).toEqual([3, 3]);
    expect(classBreaks([], 3, 'equal')).toEqual([]);
  });

  it('reads numbers from numbers and numeric text', () => {
    expect(numbersOf([{ a: 3 }, { a: '1,5' }, { a: '' }, { a: null }, { a: 'x' }, {}], 'a')).toEqual([1.5, 3]);
  });
});

describe('distinct values', () => {
  const records = [
    ...Array.from({ length: 5 }, () => ({ typologie1: 'Site naturel' })),
    ...Array.from({ length: 2 }, () => ({ typologie1: 'Site anthropique' })),
    { typologie1: 'Autre' },
    { typologie1: '' },
    { typologie1: null },
  ];

  it('are counted and sorted by count, empty values left out', () => {
    expect(distinctValues(records, 'typologie1')).toEqual([
      { value: 'Site naturel', count: 5 },
      { value: 'Site anthropique', count: 2 },
      { value: 'Autre', count: 1 },
    ]);
  });

  it('colour the top values; the rest and the empty ones go to « Autres », the base symbol', () => {
    const counts = distinctValues(records, 'typologie1');
    const style = categoriesStyle({ style: { label: { field: 'nom' } }, field: 'typologie1', counts, geometry: 'point', top: 2, total: records.length }) as any;
    expect(style.categories.values.map((v: any) => v.value)).toEqual(['Site naturel', 'Site anthropique']);
    expect(style.categories.values.map((v: any) => v.symbol.marker.fill.color)).toEqual(OKABE_ITO.slice(0, 2));
    expect(style.symbolLabel).toEqual({ fr: 'Autres', en: 'Other' });
    expect(style.symbol.marker.shape).toBe('circle');
    expect(style.label).toEqual({ field: 'nom' });
  });

  it('leave « Autres » out when every record has a coloured value', () => {
    const counts = distinctValues(records.slice(0, 7), 'typologie1');
    const style = categoriesStyle({ style: {}, field: 'typologie1', counts, geometry: 'polygon', top: 8, total: 7 }) as any;
    expect(style.symbol).toBeUndefined();
    expect(style.categories.values[0].symbol.fill.color).toBe('rgba(230,159,0,0.35)');
  });
});

describe('palettes', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('give %i distinct qualitative colours', (n) => {
    expect(new Set(qualitative(n)).size).toBe(n);
    expect(n).toBeLessThanOrEqual(MAX_CATEGORIES);
  });

  it.each(Object.keys(SEQUENTIAL))('%s gives 3 to 7 distinct colours, light to dark', (name) => {
    for (let n = 3; n <= 7; n++) {
      const colours = sequential(name as keyof typeof SEQUENTIAL, n);
      expect(new Set(colours).size).toBe(n);
      const lightness = colours.map((c) => {
        const v = parseInt(c.slice(1), 16);
        return 0.2126 * ((v >> 16) & 255) + 0.7152 * ((v >> 8) & 255) + 0.0722 * (v & 255);
      });
      expect([...lightness].sort((a, b) => b - a)).toEqual(lightness);
    }
  });
});

describe('styles the editor writes', () => {
  it('are valid documents in every mode', () => {
    const layer = (style: unknown): unknown => ({
      ...emptyDocument('essai'),
      layers: [{ type: 'geojson', id: 'l', title: 'L', data: { type: 'FeatureCollection', features: [] }, geometry: 'polygon', style }],
    });
    const counts = [{ value: 'a', count: 3 }, { value: 'b', count: 1 }];
    const categories = categoriesStyle({ style: undefined, field: 'f', counts, geometry: 'polygon', top: 1, total: 4 });
    const classes = classesStyle({ style: undefined, field: 'n', breaks: [0, 10, 20, 35], palette: sequential('viridis', 3), geometry: 'polygon' });
    for (const style of [categories, classes, singleStyle(classes, 'polygon')]) {
      const checked = validateContext(layer(style));
      expect(checked.ok ? [] : checked.problems).toEqual([]);
    }
    expect((classes as any).classes.ranges.map((r: any) => [r.min, r.max, r.label.fr])).toEqual([
      [0, 10, '0 – 10'],
      [10, 20, '10 – 20'],
      [20, undefined, '20 – 35'],
    ]);
  });

  it('recolour a polygon keeping its fill opacity', () => {
    expect(recolour({ fill: { color: 'rgba(0,0,0,0.5)' }, stroke: { color: '#000', width: 2 } }, 'polygon', '#ff0000')).toEqual({
      fill: { color: 'rgba(255,0,0,0.5)' },
      stroke: { color: '#ff0000', width: 2 },
    });
  });

  it('read and write colours with an opacity', () => {
    expect(colourParts('#abc')).toEqual({ hex: '#aabbcc', alpha: 1 });
    expect(colourParts('rgba(255, 0, 16, 0.4)')).toEqual({ hex: '#ff0010', alpha: 0.4 });
    expect(colourParts('#ff000080')?.alpha).toBe(0.5);
    expect(colourParts('red')).toBeUndefined();
    expect(withAlpha('#ff0010', 1)).toBe('#ff0010');
    expect(withAlpha('#ff0010', 0.25)).toBe('rgba(255,0,16,0.25)');
  });
});
