import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import { ContextProvider } from '@lit/context';
import { sessionContext } from '../session/context.js';
import type { MapSession } from '../session/map-session.js';
import { formatLength, formatNumber } from '../tools/format.js';
import { MARGIN_MM, type PrintLayout, scaleBar, scaleDenominator } from '../tools/print-layout.js';
import { base } from './theme.js';
import { styleProps } from './style-props.js';
import { northMark, scaleBarMark } from './print-marks.js';
import type { ChartFigures } from '../charts/types.js';

/**
 * @summary The printed page: title, date, the map (rendered at the paper's aspect), legend, scale
 * bar and scale, north arrow, sources. Hidden on screen; only it shows when the page is printed
 * (the tools put it at the end of <body> with a page-level print style for as long as printing lasts).
 * Its legend is the map's <cartable-legend>, defined by the map view (not imported here: importing it
 * would split it out of the first map's code).
 */
@localized()
@element('cartable-print-layout')
export class CartablePrintLayout extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: none;
        color: #000;
        background: #fff;
      }
      @media print {
        :host {
          display: block;
        }
      }
      .page {
        width: var(--content-w);
        height: var(--content-h);
        display: grid;
        grid-template-rows: 18mm 1fr 10mm;
        overflow: hidden;
        break-inside: avoid;
      }
      header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 5mm;
        border-bottom: 0.4mm solid #000;
      }
      h1 {
        margin: 0;
        font-size: 16pt;
        line-height: 1.2;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .date {
        flex: none;
        font-size: 10pt;
      }
      .body {
        display: flex;
        gap: 5mm;
        min-height: 0;
        /* A chart drawn wider than the side column must not widen the page. */
        min-width: 0;
        padding-top: 2mm;
      }
      .body.below {
        flex-direction: column;
      }
      .map {
        margin: 0;
        flex: none;
        width: var(--map-w);
        height: var(--map-h);
        border: 0.3mm solid #000;
        position: relative;
        overflow: hidden;
      }
      .map canvas {
        display: block;
        width: 100%;
        height: 100%;
      }
      .north {
        position: absolute;
        top: 3mm;
        right: 3mm;
        width: 11mm;
        height: 15mm;
        background: rgb(255 255 255 / 0.85);
        border-radius: 1mm;
      }
      .side {
        flex: 1;
        min-width: 0;
        min-height: 0;
        overflow: hidden;
        display: flex;
        flex-direction: column;
        gap: 3mm;
        font-size: 9pt;
      }
      .body.below .side {
        flex-direction: row;
      }
      .body.below .legend {
        flex: 1;
      }
      h2 {
        margin: 0 0 1mm;
        font-size: 10pt;
      }
      .legend {
        min-height: 0;
        overflow: hidden;
        --cartable-font-size: 9pt;
      }
      /* Below the map, a long legend flows in columns rather than off the page. */
      .legend cartable-legend {
        display: block;
        columns: 42mm;
        column-gap: 5mm;
      }
      cartable-legend::part(entry) {
        min-height: 0;
        break-inside: avoid;
      }
      .scale {
        flex: none;
      }
      .chart {
        flex: none;
        min-width: 0;
        --cartable-font-size: 9pt;
        max-height: 70mm;
        overflow: hidden;
        break-inside: avoid;
      }
      .chart cartable-chart {
        display: block;
        max-width: 90mm;
      }
      .scale svg {
        display: block;
        overflow: visible;
      }
      footer {
        display: flex;
        align-items: end;
        justify-content: space-between;
        gap: 5mm;
        font-size: 8pt;
      }
    `,
  ];

  /** Boxes in millimetres. */
  @property({ attribute: false }) layout?: PrintLayout;
  @property() heading = '';
  @property() language = 'fr';
  /** The map, rendered at the map box's aspect. */
  @property({ attribute: false }) image?: HTMLCanvasElement;
  @property({ attribute: false }) metresPerPixel = 1;
  @property({ attribute: false }) rotation = 0;
  /** The map session printed: the page lies outside the map view, so it gives the session to its legend itself. */
  @property({ attribute: false }) session?: MapSession;
  readonly #sessionProvider = new ContextProvider(this, { context: sessionContext });
  @property() attributions = '';
  @property({ attribute: false }) printedAt = new Date();
  /** The chart open beside the table, printed after the legend (its element is defined by whoever gives it). */
  @property({ attribute: false }) chart?: ChartFigures;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#sessionProvider.setValue(this.session);
  }

  override render(): TemplateResult | typeof nothing {
    const layout = this.layout;
    if (!layout || !this.image) return nothing;
    // The canvas has as many pixels per paper millimetre as the map box holds.
    const metresPerMm = this.metresPerPixel * (this.image.width / layout.map[0]);
    const bar = scaleBar(metresPerMm);
    const barLabel = formatLength(bar.metres, this.language);
    const denominator = formatNumber(scaleDenominator(metresPerMm), this.language);
    const date = new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeStyle: 'short' }).format(this.printedAt);
    const mm = (n: number): string => `${n}mm`;
    return html`<div
      class="page"
      style=${styleProps({
        '--content-w': mm(layout.content[0]),
        '--content-h': mm(layout.content[1]),
        '--map-w': mm(layout.map[0]),
        '--map-h': mm(layout.map[1]),
      })}
    >
      <header>
        <h1>${this.heading}</h1>
        <span class="date">${msg(str`Imprimée le ${date}`, { id: 'tools.print.date' })}</span>
      </header>
      <div class="body ${layout.sideBeside ? 'beside' : 'below'}">
        <figure class="map" aria-label=${msg('Carte', { id: 'tools.print.map' })}>
          ${this.image}
          ${northMark(this.rotation)}
        </figure>
        <div class="side">
          <section class="legend">
            <h2>${msg('Légende', { id: 'panel.legend' })}</h2>
            <cartable-legend .language=${this.language}></cartable-legend>
          </section>
          ${this.chart
            ? html`<section class="chart">
                <cartable-chart .figures=${this.chart} .language=${this.language}></cartable-chart>
              </section>`
            : nothing}
          <section class="scale">
            <h2>${msg('Échelle', { id: 'share.ctl.scale' })}</h2>
            <p>${msg(str`1 : ${denominator} (à l’impression sans ajustement)`, { id: 'tools.print.scale' })}</p>
            ${scaleBarMark(bar.mm, barLabel, barLabel)}
          </section>
        </div>
      </div>
      <footer>
        <span>${this.attributions ? `© ${this.attributions}` : nothing}</span>
        <span>${msg(str`Format ${layout.paper}, marges ${MARGIN_MM} mm`, { id: 'tools.print.paper' })}</span>
      </footer>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-print-layout': CartablePrintLayout;
  }
}
