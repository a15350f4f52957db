import type { ChartSettings } from '../../charts/types.js';
import type { Column } from '../../table/columns.js';
import { runQuery, type TableQuery } from '../../table/query.js';
import type { Row } from '../../table/rows.js';

/**
 * The rows a chart counts: those the table keeps (text, filters, « dans la vue »), except for the
 * filter on the chart's own field, which a bar click sets. Otherwise a click would leave one bar;
 * this way every value stays to choose from and the chosen bar shows as selected.
 */
export function chartRows(rows: readonly Row[], columns: readonly Column[], query: TableQuery, chart: ChartSettings, view?: readonly number[]): Row[] {
  return runQuery(rows, columns, { ...queryWithoutChart(query, chart), sort: undefined }, view && [...view]);
}

/** The bar a query has chosen on the chart's field: its value (one value kept) or its range, if any. */
export function chosenBar(query: TableQuery, chart: ChartSettings): { value?: string; range?: { min: number; max: number } } | undefined {
  const kept = query.values[chart.field];
  if (kept?.length === 1) return { value: kept[0] };
  const range = query.ranges[chart.field];
  if (typeof range?.min === 'number' && typeof range.max === 'number') return { range: { min: range.min, max: range.max } };
  return undefined;
}

/**
 * The query after a click on a bar: its value (or interval) becomes the filter on the chart's field,
 * or stops being it when it already was. « Autres » (neither) changes nothing.
 */
export function queryAfterClick(query: TableQuery, chart: ChartSettings, bar: { value?: string; range?: { min: number; max: number } }): TableQuery {
  const without = queryWithoutChart(query, chart);
  const chosen = chosenBar(query, chart);
  if (bar.value !== undefined) {
    return chosen?.value === bar.value ? { ...query, values: without.values } : { ...without, values: { ...without.values, [chart.field]: [bar.value] } };
  }
  if (bar.range) {
    const same = chosen?.range?.min === bar.range.min && chosen.range.max === bar.range.max;
    return same ? { ...query, ranges: without.ranges } : { ...without, ranges: { ...without.ranges, [chart.field]: { min: bar.range.min, max: bar.range.max } } };
  }
  return query;
}

/** The query without the chart's filter (« Tout afficher »). */
export function queryWithoutChart(query: TableQuery, chart: ChartSettings): TableQuery {
  const { [chart.field]: _value, ...values } = query.values;
  const { [chart.field]: _range, ...ranges } = query.ranges;
  return { ...query, values, ranges };
}
