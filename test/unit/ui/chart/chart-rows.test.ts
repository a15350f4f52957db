import { describe, expect, it } from 'vitest';
import type { ChartSettings } from '../../../../src/charts/types.js';
import { readChartUrl, writeChartUrl } from '../../../../src/state/chart-link.js';
import type { Column } from '../../../../src/table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../../../../src/table/query.js';
import { makeRow } from '../../../../src/table/rows.js';
import { chartRows, chosenBar, queryAfterClick, queryWithoutChart } from '../../../../src/ui/chart/chart-rows.js';

const columns: Column[] = [
  { field: 'type', label: 'Type', type: 'text', numeric: false },
  { field: 'nom', label: 'Nom', type: 'text', numeric: false },
  { field: 'alt', label: 'Altitude', type: 'number', numeric: true },
];
const rows = [
  makeRow(1, { type: 'Glacier', nom: 'Glacier Blanc', alt: 2500 }, columns, [0, 0]),
  makeRow(2, { type: 'Glacier', nom: 'Glacier Noir', alt: 2100 }, columns, [10, 10]),
  makeRow(3, { type: 'Lac', nom: 'Lac Noir', alt: 1800 }, columns, [0, 0]),
];
const byType: ChartSettings = { id: 'type', type: 'bar', title: 'Par type', field: 'type' };
const byAltitude: ChartSettings = { id: 'alt', type: 'histogram', title: 'Altitude', field: 'alt', bins: 2 };
const ids = (list: { id: string | number }[]) => list.map((r) => r.id);

describe('chartRows', () => {
  it('keeps what the text, the other fields’ filters and the view keep', () => {
    expect(ids(chartRows(rows, columns, { ...EMPTY_QUERY, text: 'noir' }, byType))).toEqual([2, 3]);
    expect(ids(chartRows(rows, columns, { ...EMPTY_QUERY, ranges: { alt: { min: 2000 } } }, byType))).toEqual([1, 2]);
    expect(ids(chartRows(rows, columns, { ...EMPTY_QUERY, inView: true }, byType, [-1, -1, 1, 1]))).toEqual([1, 3]);
  });

  it('ignores the filter on the chart’s own field, so that every bar stays to choose from', () => {
    const query: TableQuery = { ...EMPTY_QUERY, values: { type: ['Lac'] }, ranges: { alt: { min: 2000, max: 2600 } } };
    expect(ids(chartRows(rows, columns, query, byType))).toEqual([1, 2]);
    expect(ids(chartRows(rows, columns, query, byAltitude))).toEqual([3]);
  });
});

describe('a bar click', () => {
  it('keeps the bar’s value, then lets it go on a second click; « Autres » changes nothing', () => {
    const chosen = queryAfterClick({ ...EMPTY_QUERY, text: 'x' }, byType, { value: 'Glacier' });
    expect(chosen).toEqual({ ...EMPTY_QUERY, text: 'x', values: { type: ['Glacier'] } });
    expect(chosenBar(chosen, byType)).toEqual({ value: 'Glacier' });
    expect(queryAfterClick(chosen, byType, { value: 'Lac' }).values).toEqual({ type: ['Lac'] });
    expect(queryAfterClick(chosen, byType, { value: 'Glacier' })).toEqual({ ...EMPTY_QUERY, text: 'x', values: {} });
    expect(queryAfterClick(chosen, byType, {})).toBe(chosen);
    expect(queryWithoutChart(chosen, byType).values).toEqual({});
  });

  it('on a histogram, sets then clears the range filter of its interval', () => {
    const chosen = queryAfterClick(EMPTY_QUERY, byAltitude, { range: { min: 1800, max: 2150 } });
    expect(chosen.ranges).toEqual({ alt: { min: 1800, max: 2150 } });
    expect(chosenBar(chosen, byAltitude)).toEqual({ range: { min: 1800, max: 2150 } });
    expect(queryAfterClick(chosen, byAltitude, { range: { min: 1800, max: 2150 } }).ranges).toEqual({});
  });

  it('is not a chosen bar when several values are kept (the table’s own filter)', () => {
    expect(chosenBar({ ...EMPTY_QUERY, values: { type: ['Lac', 'Glacier'] } }, byType)).toBeUndefined();
  });
});

describe('chart= in the URL', () => {
  it('names the layer and the chart, and is read back for that layer only', () => {
    const url = writeChartUrl(new URL('https://x.test/maps/a.html?table=geosites'), { layerId: 'geosites', chart: 'par-type' });
    expect(url.searchParams.get('chart')).toBe('geosites:par-type');
    expect(readChartUrl(url, 'geosites')).toBe('par-type');
    expect(readChartUrl(url, 'other')).toBeUndefined();
    expect(writeChartUrl(url, { layerId: 'geosites' }).searchParams.has('chart')).toBe(false);
    expect(writeChartUrl(url, undefined).searchParams.has('chart')).toBe(false);
  });
});
