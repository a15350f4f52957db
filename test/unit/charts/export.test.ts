/** Chart files: the CSV of the figures (through the one CSV writer), the file names, and the drawing's geometry. */
import { describe, expect, it } from 'vitest';
import { chartCsv, chartFileName, slug } from '../../../src/charts/export.js';
import { chartFigures } from '../../../src/charts/figures.js';
import { barLayout, fitLabel, pieLayout } from '../../../src/charts/layout.js';
import type { ChartFigures, ChartSettings } from '../../../src/charts/types.js';
import { parseCsv } from '../csv/cells.js';

const chart: ChartSettings = { id: 'par-type', type: 'bar', title: { fr: 'Géosites par type', en: 'Geosites by type' }, field: 'kind' };
const figures: ChartFigures = chartFigures(
  chart,
  ['Site naturel', 'Site naturel', 'Site naturel', '=HYPERLINK("x")', null].map((kind) => ({ values: { kind } })),
  { language: 'fr' },
);

describe('chartCsv', () => {
  it('writes value, count and share (%) per bar, then the records without a value', () => {
    const csv = chartCsv(figures);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv.slice(1), ';')).toEqual([
      ['Valeur', 'Nombre', 'Part (%)'],
      ['Site naturel', '3', '75'],
      ['\'=HYPERLINK("x")', '1', '25'],
      ['Sans valeur', '1', ''],
    ]);
  });

  it('writes the decimal mark of the separator', () => {
    const thirds = chartFigures(chart, ['a', 'b', 'b'].map((kind) => ({ values: { kind } })), { language: 'fr' });
    expect(parseCsv(chartCsv(thirds, ';').slice(1), ';')[1]).toEqual(['b', '2', '66,7']);
    expect(parseCsv(chartCsv(thirds, ',').slice(1), ',')[1]).toEqual(['b', '2', '66.7']);
  });
});

describe('file names', () => {
  it('are the title’s slug in the language, else the chart id', () => {
    expect(chartFileName(figures, 'fr', 'svg')).toBe('geosites-par-type.svg');
    expect(chartFileName(figures, 'en', 'png')).toBe('geosites-by-type.png');
    expect(slug('  Réserves naturelles — « gestionnaire » ! ')).toBe('reserves-naturelles-gestionnaire');
    expect(chartFileName({ ...figures, chart: { ...chart, title: '«»' } }, 'fr', 'csv')).toBe('par-type.csv');
  });
});

describe('layout', () => {
  it('scales bars to the widest count and leaves room for the count', () => {
    const bars = [
      { value: 'a', label: 'a', count: 10, color: 'x' },
      { value: 'b', label: 'b', count: 5, color: 'x' },
    ];
    const layout = barLayout(bars, 390);
    expect(layout.bars[0]!.width).toBe(390 - 64);
    expect(layout.bars[1]!.width).toBe((390 - 64) / 2);
    expect(layout.bars[0]!.countX).toBeLessThan(390);
    expect(layout.height).toBeGreaterThan(layout.bars[1]!.barY);
  });

  it('cuts labels too long for the width, with an ellipsis', () => {
    expect(fitLabel('Site anthropique (carrière, mine…)', 400)).toBe('Site anthropique (carrière, mine…)');
    const cut = fitLabel('Site anthropique (carrière, mine, ancienne exploitation souterraine)', 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(20);
  });

  it('puts the pie’s legend beside it when there is room, under it on a phone', () => {
    const bars = [
      { value: 'a', label: 'a', count: 3, color: 'x' },
      { value: 'b', label: 'b', count: 1, color: 'x' },
    ];
    expect(pieLayout(bars, 600).legendX).toBeGreaterThan(0);
    const phone = pieLayout(bars, 300);
    expect(phone.legendX).toBe(0);
    expect(phone.slices[0]!.legendY).toBeGreaterThan(2 * phone.r);
    // Three quarters: the large-arc flag is set; the last slice ends where the first began.
    expect(phone.slices[0]!.path).toMatch(/ 0 1 1 /);
    expect(pieLayout([{ value: 'a', label: 'a', count: 2, color: 'x' }], 300).slices[0]!.path).toBeUndefined();
  });
});
