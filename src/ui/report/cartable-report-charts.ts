import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ChartFigures } from '../../charts/types.js';
import { isVectorLayer } from '../../context/types.js';
import { loadChunk } from '../../offline/load-chunk.js';
import { sessionContext } from '../../session/context.js';
import type { MapSession } from '../../session/map-session.js';
import { element } from '../define.js';
import { base } from '../theme.js';

/**
 * @summary The charts of a layer over the features a report found at a place (« Ma commune »: how
 * many sites of each type there). Nothing for a layer without charts; the chart code loads only for one with.
 */
@element('cartable-report-charts')
export class CartableReportCharts extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      cartable-chart {
        display: block;
        margin: 0.5rem 0;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  session?: MapSession;
  @property() layerId = '';
  /** The ids of the features found (the report's items). */
  @property({ attribute: false }) ids: ReadonlySet<string | number> = new Set();
  @property() language = 'fr';
  @state() private figures: readonly ChartFigures[] = [];
  /** What the figures were computed for: the report passes a new set of ids at each of its renders. */
  #computedFor = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = [this.layerId, this.language, ...this.ids].join('|');
    if (!changed.has('session') && key === this.#computedFor) return;
    this.#computedFor = key;
    void this.#compute();
  }

  async #compute(): Promise<void> {
    const layer = this.session?.layers.get(this.layerId);
    const adapter = this.session?.adapter;
    if (!layer || !isVectorLayer(layer) || !adapter || !layer.charts?.length) {
      this.figures = [];
      return;
    }
    const { placeChartFigures } = await loadChunk(import('../chart/print-chart.js'));
    this.figures = placeChartFigures(layer, adapter.recordsOf(layer.id), this.ids, this.language);
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.figures.length) return nothing;
    return html`${this.figures.map(
      (figures) => html`<cartable-chart read-only .figures=${figures} .language=${this.language}></cartable-chart>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-report-charts': CartableReportCharts;
  }
}
