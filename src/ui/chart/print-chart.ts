/**
 * The open chart for the printed page: the same figures as the chart beside the table (the rows
 * its query keeps), and its element defined for the page. Loaded only when a chart is open.
 */
import '../../charts/cartable-chart.js';
import { chartFigures } from '../../charts/figures.js';
import type { ChartFigures } from '../../charts/types.js';
import type { VectorLayerDef } from '../../context/types.js';
import type { FeatureRecord } from '../../map/places.js';
import type { MapSession } from '../../session/map-session.js';
import type { MapState } from '../../state/store.js';
import { tableColumns } from '../../table/columns.js';
import { makeRow } from '../../table/rows.js';
import { chartRows } from './chart-rows.js';

/** The figures of the chart open beside the table, if one is. */
export function openChartFigures(session: MapSession, state: MapState, language: string): ChartFigures | undefined {
  const table = state.table;
  const layer = table?.chart ? session.layers.tableLayers().find((l) => l.id === table.layerId) : undefined;
  const chart = layer && layer.charts?.find((c) => c.id === table!.chart);
  const adapter = session.adapter;
  if (!table || !layer || !chart || !adapter) return undefined;
  const columns = tableColumns(layer, layer.table!, language);
  const rows = adapter.recordsOf(layer.id).map(({ id, properties, anchor }) => makeRow(id, properties, columns, anchor ? [anchor[0]!, anchor[1]!] : undefined));
  const kept = chartRows(rows, columns, table.query, chart, table.query.inView ? state.view?.extent : undefined);
  return chartFigures(chart, kept, { style: layer.style, language });
}

/**
 * The figures of a layer's charts over the features a report found at a place (its records by id);
 * none for a layer without charts.
 */
export function placeChartFigures(layer: VectorLayerDef, records: readonly FeatureRecord[], ids: ReadonlySet<string | number>, language: string): ChartFigures[] {
  const charts = layer.charts ?? [];
  if (!charts.length) return [];
  const rows = records.filter((r) => ids.has(r.featureId ?? r.id)).map((r) => ({ values: r.properties }));
  return charts.map((chart) => chartFigures(chart, rows, { style: layer.style, language }));
}

/** Per layer of a report: its charts over the features found there (layers without charts or finds are left out). */
export function reportChartFigures(session: MapSession, layers: readonly { readonly layerId: string; readonly items: readonly { readonly id?: string | number }[] }[], language: string): Map<string, ChartFigures[]> {
  const charts = new Map<string, ChartFigures[]>();
  const adapter = session.adapter;
  for (const found of layers) {
    const layer = session.layers.tableLayers().find((l) => l.id === found.layerId);
    if (!adapter || !layer?.charts?.length || !found.items.length) continue;
    const ids = new Set(found.items.flatMap((item) => (item.id === undefined ? [] : [item.id])));
    charts.set(layer.id, placeChartFigures(layer, adapter.recordsOf(layer.id), ids, language));
  }
  return charts;
}
