/**
 * The chart panel as the table panel shows it, with what it reads of the map's state: loaded with
 * the first chart opened, so that none of it weighs on the first map.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { textFor } from '../../i18n/text.js';
import type { MapSession } from '../../session/map-session.js';
import type { Column } from '../../table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../../table/query.js';
import type { Row } from '../../table/rows.js';
import './cartable-chart-panel.js';

export function chartPanel(
  session: MapSession,
  table: { readonly layerId: string; readonly columns: readonly Column[]; readonly rows: readonly Row[] },
  { language, narrow }: { readonly language: string; readonly narrow: boolean },
  onQuery: (query: TableQuery) => void,
): TemplateResult | typeof nothing {
  const state = session.store.state;
  const layer = session.layers.tableLayers().find((l) => l.id === table.layerId);
  if (!layer?.charts?.length || !state.table?.chart) return nothing;
  return html`<cartable-chart-panel
    .charts=${layer.charts}
    .chartId=${state.table.chart}
    .rows=${table.rows}
    .columns=${table.columns}
    .query=${state.table.query ?? EMPTY_QUERY}
    .viewExtent=${state.view?.extent}
    .layerStyle=${layer.style}
    .status=${state.layers[table.layerId]?.status ?? 'loading'}
    .heading=${textFor(layer.title, language)}
    .language=${language}
    ?narrow=${narrow}
    @cartable-table-query=${(e: CustomEvent<TableQuery>) => onQuery(e.detail)}
  ></cartable-chart-panel>`;
}
