import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { textFor } from '../../i18n/text.js';
import type { FeatureRecord } from '../../map/places.js';
import { loadChunk } from '../../offline/load-chunk.js';
import type { Column } from '../../table/columns.js';
import type { TableQuery } from '../../table/query.js';
import type { Row } from '../../table/rows.js';
import { readTableUrl } from '../../table/url.js';
import { readChartUrl } from '../../state/chart-link.js';
import { emit } from '../events.js';
import type { MapViewHost } from './host.js';

/** How many features a table filter keeps, per layer (the legend says it). */
export type FilteredCounts = Readonly<Record<string, { kept: number; total: number }>>;

/**
 * A map's tables: the table open (its layer and query are in the store, so in the URL), fed by the
 * layer's features as they load, and the filter it puts on the map.
 */
export class TableController implements ReactiveController {
  /** The table shown: its layer, columns and rows. */
  shown?: { layerId: string; columns: Column[]; rows: Row[] };
  /** Per layer: how many features a table filter keeps, for the legend. */
  filtered: FilteredCounts = {};
  #stopFeed?: () => void;
  /** The query that asks nothing (from the table code, loaded with the first table). */
  #emptyQuery?: TableQuery;
  /** The chart panel's code, loaded with the first chart opened. */
  #chartPart?: typeof import('../chart/panel-template.js');

  constructor(private readonly host: MapViewHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** A new map: no table. */
  reset(): void {
    this.#stopFeed?.();
    this.#stopFeed = undefined;
    this.shown = undefined;
    this.filtered = {};
  }

  /** Opens the table of the URL (?table=…) or of the document (table.open), once the map exists. */
  openStart(): void {
    const session = this.host.session;
    if (!session) return;
    const fromUrl = readTableUrl(session.startUrl);
    const layers = session.layers.tableLayers();
    const wanted = fromUrl.layerId ? layers.find((l) => l.id === fromUrl.layerId) : layers.find((l) => l.table!.open);
    if (fromUrl.layerId && !wanted) this.host.say({ code: 'table-unknown' });
    const chart = fromUrl.layerId ? readChartUrl(session.startUrl, fromUrl.layerId) : undefined;
    if (wanted) void this.open(wanted.id, fromUrl.layerId ? fromUrl.query : undefined, wanted && (wanted.charts ?? []).some((c) => c.id === chart) ? chart : undefined);
  }

  /** Shows a layer's table (with a query, e.g. from a link, and one of its charts), fed by the layer's features as they load. */
  async open(layerId: string, query?: TableQuery, chart?: string): Promise<void> {
    const session = this.host.session;
    const layer = session?.layers.tableLayers().find((l) => l.id === layerId);
    if (!session || !layer || !session.adapter) return;
    // Loaded on first use: maps without a table never pay for it.
    const [, { tableColumns }, { makeRow }, { EMPTY_QUERY }] = await Promise.all([
      loadChunk(import('../cartable-table.js')),
      loadChunk(import('../../table/columns.js')),
      loadChunk(import('../../table/rows.js')),
      loadChunk(import('../../table/query.js')),
    ]);
    this.#emptyQuery = EMPTY_QUERY;
    const adapter = session.adapter;
    if (session.signal.aborted || !adapter) return;
    this.#stopFeed?.();
    const columns = tableColumns(layer, layer.table!, this.host.language);
    const sort = layer.table!.sort;
    const defaultSort = sort ? { field: sort.field, direction: sort.direction ?? 'asc' } : undefined;
    session.store.dispatch({ type: 'set-table', table: { layerId, query: { ...(query ?? EMPTY_QUERY), sort: query?.sort ?? defaultSort }, chart } });
    const feed = (): void => {
      const rows = adapter.recordsOf(layerId).map(({ id, properties, anchor: at }) => makeRow(id, properties, columns, at ? [at[0]!, at[1]!] : undefined));
      this.shown = { layerId, columns, rows };
      this.host.requestUpdate();
    };
    feed();
    this.#stopFeed = adapter.onFeaturesChange(layerId, feed);
    if (!session.store.state.layers[layerId]?.visible) session.store.dispatch({ type: 'set-visible', id: layerId, visible: true });
    this.host.layout.open('table');
    emit(this.host, 'cartable-table-shown', { layerId });
  }

  close(): void {
    const session = this.host.session;
    const layerId = this.shown?.layerId ?? session?.store.state.table?.layerId;
    this.#hide();
    if (layerId) {
      session?.adapter?.setFilter(layerId, null);
      const { [layerId]: _gone, ...rest } = this.filtered;
      this.filtered = rest;
    }
    session?.store.dispatch({ type: 'set-table', table: undefined });
    this.host.layout.close('table');
  }

  /** On a phone the table covers the map: a chosen row shows the map; the filter (and the table in the URL) stay. */
  #hide(): void {
    this.#stopFeed?.();
    this.#stopFeed = undefined;
    this.shown = undefined;
    this.host.requestUpdate();
  }

  /** Changes the open table's query or chart (the store, so the URL, follows). */
  #patch(patch: { query?: TableQuery; chart?: string | null }): void {
    const store = this.host.session?.store;
    const table = store?.state.table;
    if (!store || !table) return;
    const chart = patch.chart === undefined ? table.chart : (patch.chart ?? undefined);
    store.dispatch({ type: 'set-table', table: { layerId: table.layerId, query: patch.query ?? table.query, chart } });
  }

  /** The chart panel, once its code has loaded (asked for by the first chart opened). */
  #chartPanel(open: boolean, table: NonNullable<TableController['shown']>): TemplateResult | typeof nothing {
    if (!open) return nothing;
    if (!this.#chartPart) {
      void loadChunk(import('../chart/panel-template.js')).then((part) => {
        this.#chartPart = part;
        this.host.requestUpdate();
      });
      return nothing;
    }
    return this.#chartPart.chartPanel(this.host.session!, table, this.host, (query) => this.#patch({ query }));
  }

  #filteredBy(ids: Set<string | number> | null): void {
    const table = this.shown;
    if (!table) return;
    this.host.session?.adapter?.setFilter(table.layerId, ids);
    const { [table.layerId]: _old, ...rest } = this.filtered;
    this.filtered = ids ? { ...rest, [table.layerId]: { kept: ids.size, total: table.rows.length } } : rest;
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const table = this.shown;
    const session = this.host.session;
    if (!table || !session) return nothing;
    const { language, narrow } = this.host;
    const state = session.store.state;
    const layers = session.layers.tableLayers();
    const layer = session.layers.get(table.layerId)!;
    const features = new Map<string | number, FeatureRecord['geometry']>();
    const charts = layers.find((l) => l.id === table.layerId)?.charts ?? [];
    const chartOpen = !!state.table?.chart && charts.length > 0;
    return html`<section
      class="table-panel ${narrow ? 'full' : ''} ${chartOpen ? 'with-chart' : ''}"
      aria-label=${msg('Tableau des objets', { id: 'table.region' })}
      @cartable-chart-open=${(e: CustomEvent<{ chartId?: string }>) => this.#patch({ chart: e.detail.chartId ?? null })}
    >
      ${layers.length > 1
        ? html`<label class="table-choice">
            ${msg('Couche', { id: 'table.layer' })}
            <select @change=${(e: Event) => void this.open((e.target as HTMLSelectElement).value)}>
              ${layers.map((l) => html`<option value=${l.id} ?selected=${l.id === table.layerId}>${textFor(l.title, language)}</option>`)}
            </select>
          </label>`
        : nothing}
      <div class="table-body">
      ${this.#chartPanel(chartOpen, table)}
      <cartable-table
        .columns=${table.columns}
        .rows=${table.rows}
        .query=${state.table?.query ?? this.#emptyQuery}
        .viewExtent=${state.view?.extent}
        .selectedId=${state.selection?.layerId === table.layerId ? state.selection.featureId : undefined}
        .heading=${textFor(layer.title, language)}
        .language=${language}
        .cards=${narrow}
        .partial=${session.layers.partial(table.layerId)}
        @cartable-table-query=${(e: CustomEvent<TableQuery>) => this.#patch({ query: e.detail })}
        .firstChart=${charts[0]?.id ?? ''}
        .chartOpen=${chartOpen}
        .geometryOf=${(row: Row) => {
          const adapter = session.adapter;
          if (!features.size) for (const record of adapter?.recordsOf(table.layerId) ?? []) features.set(record.id, record.geometry);
          const geometry = features.get(row.id);
          return geometry && adapter ? adapter.toLonLatGeometry(geometry) : null;
        }}
        @cartable-table-filtered=${(e: CustomEvent<{ ids: Set<string | number> | null }>) => this.#filteredBy(e.detail.ids)}
        @cartable-table-open-row=${(e: CustomEvent<{ id: string | number }>) => {
          if (narrow) this.#hide();
          void this.host.showFeature({ layerId: table.layerId, featureId: e.detail.id });
        }}
        @cartable-table-close=${() => this.close()}
      ></cartable-table>
      </div>
    </section>`;
  }
}
