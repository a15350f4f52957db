/**
 * Chart figures: counts on the real géosites (checked against a count written here over the raw
 * GeoJSON), the style's order and colours, « Autres », missing values, histogram intervals, territories.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCENT_COLOR, OTHER_COLOR, chartFigures, shareOf, type ChartRow } from '../../../src/charts/figures.js';
import type { ChartSettings } from '../../../src/charts/types.js';
import type { VectorStyle } from '../../../src/context/types.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const GEOSITES = 'geosites/inpg-geosites-ecrins.geojson';
const present = hasSharedData(GEOSITES);
if (!present) console.warn(SKIP_NO_SHARED_DATA);

const rowsOf = (values: Array<Record<string, unknown>>): ChartRow[] => values.map((v) => ({ values: v }));
const bar = (over: Partial<ChartSettings> = {}): ChartSettings => ({ id: 'c', type: 'bar', title: 'T', field: 'kind', ...over });

const mapStyle = (): VectorStyle => {
  const doc = JSON.parse(readFileSync(new URL('../../../maps/geosites.json', import.meta.url), 'utf8')) as { layers: Array<{ style: VectorStyle }> };
  return doc.layers[0]!.style;
};

describe.skipIf(!present)('on the real géosites (71 INPG records)', () => {
  const raw = JSON.parse(readFileSync(sharedFile(GEOSITES), 'utf8')) as { features: Array<{ properties: Record<string, unknown> }> };
  const rows = rowsOf(raw.features.map((f) => f.properties));

  /** The independent count: a plain object, keys as they are in the file. */
  const handCount = (field: string): { counts: Record<string, number>; missing: number } => {
    const counts: Record<string, number> = {};
    let missing = 0;
    for (const f of raw.features) {
      const v = f.properties[field];
      if (v === null || v === undefined || String(v).trim() === '') missing++;
      else counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    }
    return { counts, missing };
  };

  it('counts each typologie1 in the style’s order, with the legend’s labels and colours', () => {
    const style = mapStyle();
    const figures = chartFigures(bar({ field: 'typologie1' }), rows, { style, language: 'fr' });
    const { counts, missing } = handCount('typologie1');
    expect(figures.total).toBe(71);
    expect(figures.missing).toBe(missing);
    const categories = style.categories!.values;
    expect(figures.bars.map((b) => b.value)).toEqual(categories.map((c) => c.value).filter((v) => counts[String(v)]));
    for (const b of figures.bars) expect(b.count).toBe(counts[b.value!]);
    const natural = figures.bars.find((b) => b.value === 'Site naturel')!;
    const category = categories.find((c) => c.value === 'Site naturel')!;
    expect(natural.color).toBe(category.symbol.marker?.shape === 'circle' ? category.symbol.marker.fill?.color : undefined);
    expect(figures.bars.find((b) => b.value === 'Site anthropique')!.label).toBe('Site anthropique (carrière, mine…)');
    const en = chartFigures(bar({ field: 'typologie1' }), rows, { style, language: 'en' });
    expect(en.bars.find((b) => b.value === 'Site anthropique')!.label).toBe('Man-made site (quarry, mine…)');
  });

  it('counts rarete by count, most first, when the style does not categorise it', () => {
    const figures = chartFigures(bar({ field: 'rarete' }), rows, { style: mapStyle(), language: 'fr' });
    const { counts, missing } = handCount('rarete');
    const expected = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    expect(figures.bars.map((b) => [b.value, b.count])).toEqual(expected);
    expect(figures.missing).toBe(missing);
    expect(figures.bars.reduce((s, b) => s + b.count, 0) + figures.missing).toBe(71);
    // The style varies by another field: its colours say nothing of rarity.
    expect(new Set(figures.bars.map((b) => b.color))).toEqual(new Set([ACCENT_COLOR]));
  });

  it('keeps the chart’s declared values in their order, with their labels and colours', () => {
    const values = [
      { value: 'Internationale', color: '#111111' },
      { value: 'Nationale', color: '#222222' },
      { value: 'Régionale', label: { fr: 'Régionale', en: 'Regional' }, color: '#333333' },
      { value: 'Départementale', color: '#444444' },
    ];
    const figures = chartFigures(bar({ type: 'pie', field: 'rarete', values }), rows, { language: 'en' });
    const { counts } = handCount('rarete');
    expect(figures.bars.map((b) => [b.value, b.count, b.color])).toEqual(values.filter((v) => counts[v.value]).map((v) => [v.value, counts[v.value], v.color]));
    expect(figures.bars.find((b) => b.value === 'Régionale')!.label).toBe('Regional');
  });

  it('counts what the table keeps: a filtered subset gives that subset’s counts', () => {
    const kept = rows.filter((r) => r.values.confidentialite === 'Public');
    const figures = chartFigures(bar({ field: 'typologie1' }), kept, { language: 'fr' });
    expect(figures.total).toBe(kept.length);
    const naturals = raw.features.filter((f) => f.properties.confidentialite === 'Public' && f.properties.typologie1 === 'Site naturel').length;
    expect(figures.bars.find((b) => b.value === 'Site naturel')!.count).toBe(naturals);
  });
});

describe('bar', () => {
  it('sums the values beyond the limit into « Autres », which has no value', () => {
    const rows = rowsOf(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd', 'e'].map((kind) => ({ kind })));
    const figures = chartFigures(bar({ limit: 3 }), rows, { language: 'fr' });
    expect(figures.bars.map((b) => [b.value, b.label, b.count])).toEqual([
      ['a', 'a', 4],
      ['b', 'b', 3],
      [undefined, 'Autres', 4],
    ]);
    expect(figures.bars[2]!.color).toBe(OTHER_COLOR);
    expect(chartFigures(bar({ limit: 3 }), rows, { language: 'en' }).bars[2]!.label).toBe('Other');
    expect(chartFigures(bar({ limit: 5 }), rows, { language: 'fr' }).bars).toHaveLength(5);
  });

  it('counts records without a value (null, missing, blank) as missing, not as a bar', () => {
    const rows = rowsOf([{ kind: 'a' }, { kind: null }, {}, { kind: '  ' }, { kind: 0 }, { kind: false }]);
    const figures = chartFigures(bar(), rows, { language: 'fr' });
    expect(figures.missing).toBe(3);
    expect(figures.total).toBe(6);
    expect(figures.bars.map((b) => b.value).sort()).toEqual(['0', 'a', 'false']);
    expect(shareOf(figures.bars[0]!, figures)).toBeCloseTo(1 / 3);
  });

  it('colours a value the style’s categories do not list with the style’s base symbol (the legend’s « Autres »)', () => {
    const style: VectorStyle = { symbol: { fill: { color: '#999999' } }, categories: { field: 'kind', values: [{ value: 'a', symbol: { fill: { color: '#ff0000' } } }] } };
    const figures = chartFigures(bar(), rowsOf([{ kind: 'z' }, { kind: 'z' }, { kind: 'a' }]), { style, language: 'fr' });
    expect(figures.bars.map((b) => [b.value, b.color])).toEqual([
      ['a', '#ff0000'],
      ['z', '#999999'],
    ]);
  });

  it('orders by count then label, and colours with the accent without a style', () => {
    const rows = rowsOf(['b', 'a', 'c', 'c'].map((kind) => ({ kind })));
    const figures = chartFigures(bar(), rows, { language: 'fr' });
    expect(figures.bars.map((b) => b.value)).toEqual(['c', 'a', 'b']);
    expect(figures.bars.every((b) => b.color === ACCENT_COLOR)).toBe(true);
  });

  it('follows a scale rule’s categories when only a rule categorises the field', () => {
    const style: VectorStyle = {
      symbol: { fill: { color: '#999999' } },
      rules: [{ maxScale: 50000, categories: { field: 'kind', values: [{ value: 2, symbol: { fill: { color: '#ff0000' } } }, { value: 1, symbol: { fill: { color: '#00ff00' } } }] } }],
    };
    const figures = chartFigures(bar(), rowsOf([{ kind: 1 }, { kind: 1 }, { kind: 2 }]), { style, language: 'fr' });
    expect(figures.bars.map((b) => [b.value, b.count, b.color])).toEqual([
      ['2', 1, '#ff0000'],
      ['1', 2, '#00ff00'],
    ]);
  });

  it('gives no bars and no error for no rows', () => {
    const figures = chartFigures(bar(), [], { language: 'fr' });
    expect(figures).toMatchObject({ bars: [], total: 0, missing: 0 });
  });
});

describe('histogram', () => {
  const histogram = (bins: number): ChartSettings => ({ id: 'h', type: 'histogram', title: 'H', field: 'n', bins });

  it('splits whole numbers into intervals that do not overlap, bounds inclusive', () => {
    const rows = rowsOf([0, 1, 9, 10, 11, 19, 20, 29, 30, 39, '', null, 'x'].map((n) => ({ n })));
    const figures = chartFigures(histogram(4), rows, { language: 'fr' });
    expect(figures.bars.map((b) => [b.range, b.count])).toEqual([
      [{ min: 0, max: 9 }, 3],
      [{ min: 10, max: 19 }, 3],
      [{ min: 20, max: 29 }, 2],
      [{ min: 30, max: 39 }, 2],
    ]);
    expect(figures.missing).toBe(3);
    expect(figures.bars[0]!.label).toBe('0 – 9');
    expect(figures.bars.every((b) => b.value === undefined)).toBe(true);
    // Each value lies in the inclusive range of the bar that counts it.
    for (const b of figures.bars) {
      const inside = rows.filter((r) => typeof r.values.n === 'number' && (r.values.n as number) >= b.range!.min && (r.values.n as number) <= b.range!.max);
      expect(inside.length).toBe(b.count);
    }
  });

  it('splits decimals into equal intervals from min to max, the max in the last one', () => {
    const rows = rowsOf([0.5, 1.5, 2.5, 2.75, 3.5, '4,5'].map((n) => ({ n })));
    const figures = chartFigures(histogram(2), rows, { language: 'en' });
    expect(figures.bars.map((b) => [b.range, b.count])).toEqual([
      [{ min: 0.5, max: 2.5 }, 2],
      [{ min: 2.5, max: 4.5 }, 4],
    ]);
    expect(figures.bars[1]!.label).toBe('2.5 – 4.5');
  });

  it('draws one bar when every value is the same', () => {
    const figures = chartFigures(histogram(5), rowsOf([{ n: 2.5 }, { n: 2.5 }]), { language: 'fr' });
    expect(figures.bars.map((b) => [b.range, b.count, b.label])).toEqual([[{ min: 2.5, max: 2.5 }, 2, '2,5']]);
  });

  it('gives no bars when no record has a number', () => {
    const figures = chartFigures(histogram(5), rowsOf([{ n: 'a' }, {}]), { language: 'fr' });
    expect(figures).toMatchObject({ bars: [], total: 2, missing: 2 });
  });
});

describe('territory', () => {
  it('counts per join value, labelled by the label field, most first', () => {
    const rows = rowsOf([
      { insee: '38185', commune: 'Grenoble' },
      { insee: '38185', commune: 'Grenoble' },
      { insee: '38421', commune: 'Saint-Martin-d’Hères' },
      { insee: '38151' },
      { insee: '' },
    ]);
    const chart: ChartSettings = { id: 't', type: 'territory', title: 'T', field: 'insee', labelField: 'commune' };
    const figures = chartFigures(chart, rows, { language: 'fr' });
    expect(figures.bars.map((b) => [b.value, b.label, b.count])).toEqual([
      ['38185', 'Grenoble', 2],
      ['38151', '38151', 1],
      ['38421', 'Saint-Martin-d’Hères', 1],
    ]);
    expect(figures.missing).toBe(1);
  });
});
