import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '../../charts/cartable-chart.js';
import { chartFigures } from '../../charts/figures.js';
import type { ChartBar, ChartFigures, ChartSelectDetail, ChartSettings } from '../../charts/types.js';
import type { VectorStyle } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { LayerStatus } from '../../layers/status.js';
import type { Extent } from '../../map/places.js';
import type { Column } from '../../table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../../table/query.js';
import type { Row } from '../../table/rows.js';
import { element } from '../define.js';
import { emit } from '../events.js';
import { base } from '../theme.js';
import { chartRows, chosenBar, queryAfterClick, queryWithoutChart } from './chart-rows.js';
import { exportChart, type ChartExportFormat } from './export.js';
import { chartPanelStyles } from './styles.js';

/**
 * @summary A layer's charts beside its table (in its place on a phone): a choice between them, the chart
 * of the rows the table keeps, a bar click that filters the table (and so the map), exports.
 * @fires cartable-chart-open - detail: { chartId } (another chart), or {} to close the chart
 * @fires cartable-table-query - detail: TableQuery (a bar chosen or let go)
 */
@localized()
@element('cartable-chart-panel')
export class CartableChartPanel extends LitElement {
  static override styles = [base, chartPanelStyles];

  @property({ attribute: false }) charts: readonly ChartSettings[] = [];
  @property() chartId = '';
  @property({ attribute: false }) rows: readonly Row[] = [];
  @property({ attribute: false }) columns: readonly Column[] = [];
  @property({ attribute: false }) query: TableQuery = EMPTY_QUERY;
  @property({ attribute: false }) viewExtent?: Extent;
  @property({ attribute: false }) layerStyle?: VectorStyle;
  /** The layer's loading state: a chart of a layer that failed says so. */
  @property() status: LayerStatus = 'ready';
  /** The layer's title, in the panel's heading. */
  @property() heading = '';
  @property() language = 'fr';
  /** On a phone the chart takes the table's place: « Retour au tableau » instead of closing. */
  @property({ type: Boolean, reflect: true }) narrow = false;

  /** What the chart draws now (recomputed when the rows, the query, the view or the chart change). */
  figures?: ChartFigures;

  get chart(): ChartSettings | undefined {
    return this.charts.find((c) => c.id === this.chartId) ?? this.charts[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const chart = this.chart;
    const viewMatters = changed.has('viewExtent') && this.query.inView;
    const inputs = ['charts', 'chartId', 'rows', 'columns', 'query', 'layerStyle', 'language'] as const;
    if (chart && (viewMatters || inputs.some((name) => changed.has(name)))) {
      const rows = chartRows(this.rows, this.columns, this.query, chart, this.query.inView ? this.viewExtent : undefined);
      this.figures = chartFigures(chart, rows, { style: this.layerStyle, language: this.language, otherLabel: msg('Autres', { id: 'chartPanel.other' }) });
    }
  }

  #select(detail: ChartSelectDetail): void {
    const chart = this.chart;
    if (!chart || (detail.bar.value === undefined && !detail.bar.range)) return;
    emit(this, 'cartable-table-query', queryAfterClick(this.query, chart, detail.bar));
  }

  #export(format: ChartExportFormat): void {
    const chart = this.renderRoot.querySelector('cartable-chart');
    if (chart) void exportChart(this.renderRoot, chart, format);
  }

  override render(): TemplateResult {
    const chart = this.chart;
    return html`<div class="frame">
      <div class="head">
        <h2>${msg(str`Graphiques : ${this.heading}`, { id: 'chartPanel.heading' })}</h2>
        <span class="spacer"></span>
        ${this.narrow
          ? html`<button class="tool" @click=${() => emit(this, 'cartable-chart-open', {})}>${msg('Retour au tableau', { id: 'chartPanel.back' })}</button>`
          : html`<button class="icon-button" aria-label=${msg('Fermer le graphique', { id: 'chartPanel.close' })} @click=${() => emit(this, 'cartable-chart-open', {})}>
              <span aria-hidden="true">✕</span>
            </button>`}
      </div>
      ${this.charts.length > 1
        ? html`<div class="choices" role="group" aria-label=${msg('Graphiques de la couche', { id: 'chartPanel.choice' })}>
            ${this.charts.map(
              (c) => html`<button class="tool" aria-pressed=${c.id === chart?.id ? 'true' : 'false'} @click=${() => emit(this, 'cartable-chart-open', { chartId: c.id })}>
                ${textFor(c.title, this.language)}
              </button>`,
            )}
          </div>`
        : nothing}
      <div class="body">${chart ? this.#body(chart) : nothing}</div>
      ${chart && this.figures?.bars.length ? this.#foot(chart) : nothing}
    </div>`;
  }

  #body(chart: ChartSettings): TemplateResult {
    const figures = this.figures;
    const message = this.#message();
    if (message || !figures) return html`<p class="message" role="status">${message}</p>`;
    return html`<cartable-chart
      .figures=${figures}
      .of=${this.rows.length}
      .language=${this.language}
      .selected=${this.#selectedBar(chart)}
      @cartable-chart-select=${(e: CustomEvent<ChartSelectDetail>) => this.#select(e.detail)}
    ></cartable-chart>`;
  }

  /** The bar whose value (or interval) is the table's filter on the chart's field, if one is. */
  #selectedBar(chart: ChartSettings): ChartBar | undefined {
    const chosen = chosenBar(this.query, chart);
    if (!chosen) return undefined;
    return this.figures?.bars.find((b) => (chosen.value !== undefined ? b.value === chosen.value : b.range?.min === chosen.range?.min && b.range?.max === chosen.range?.max));
  }

  /** Why there is nothing to draw, said where the chart would be. */
  #message(): string | undefined {
    if (this.status === 'error') return msg('La couche n’a pas pu être chargée : pas de graphique à montrer.', { id: 'chartPanel.layerFailed' });
    if (!this.rows.length) {
      return this.status === 'ready'
        ? msg('Cette couche n’a aucun objet à compter.', { id: 'chartPanel.noRows' })
        : msg('Chargement des objets de la couche…', { id: 'chartPanel.loading' });
    }
    const figures = this.figures;
    if (!figures?.total) return msg('Aucun objet ne correspond aux filtres du tableau.', { id: 'chartPanel.noneKept' });
    if (!figures.bars.length) return msg('Aucun des objets gardés n’a de valeur pour ce champ.', { id: 'chartPanel.noValues' });
    return undefined;
  }

  #foot(chart: ChartSettings): TemplateResult {
    const chosen = chosenBar(this.query, chart);
    const bar = this.#selectedBar(chart);
    return html`<div class="foot">
      ${chosen
        ? html`<p class="filter" role="status">
            ${msg(str`Filtre du graphique : ${bar?.label ?? chosen.value ?? ''}`, { id: 'chartPanel.filter' })}
            <button class="tool" @click=${() => emit(this, 'cartable-table-query', queryWithoutChart(this.query, chart))}>${msg('Tout afficher', { id: 'chartPanel.showAll' })}</button>
          </p>`
        : nothing}
      <span>${msg('Exporter le graphique :', { id: 'chartPanel.export' })}</span>
      <button class="tool" @click=${() => this.#export('png')}>PNG</button>
      <button class="tool" @click=${() => this.#export('svg')}>SVG</button>
      <button class="tool" @click=${() => this.#export('csv')}>CSV</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-chart-panel': CartableChartPanel;
  }
}
