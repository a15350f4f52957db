import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import { walkLayers } from '../context/checks.js';
import type { LayerDef, MapContext } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { REPORT_MAP_MM, REPORT_PAGE_MM, type PrintedMap } from '../report/print-map.js';
import type { ChartFigures } from '../charts/types.js';
import type { LayerReport, Report } from '../report/types.js';
import type { MapState } from '../state/store.js';
import { northMark } from './print-marks.js';
import { legendTemplate, printedLayers, scaleTemplate } from './report/print-parts.js';
import { base } from './theme.js';

export interface ReportPrintOptions {
  readonly report: Report;
  /** Frames the place on the map and takes its image (src/report/print-map.ts). */
  readonly mapImage: () => Promise<PrintedMap>;
  readonly context: MapContext;
  readonly state: MapState;
  readonly mapTitle: string;
  readonly placeText: string;
  readonly language: string;
  readonly reason: (layer: LayerReport) => string;
  readonly distance: (metres: number) => string;
  /** Per layer id: its charts over the features found (their element defined by whoever gives them). */
  readonly charts?: ReadonlyMap<string, readonly ChartFigures[]>;
}

/** A source to cite: its name, and a link when the document gives one. */
interface Source {
  readonly name: string;
  readonly url?: string;
}

/** Every source of the report: the map's and its layers' attributions, and each layer's data source. */
function sourcesOf(context: MapContext, state: MapState, language: string): Source[] {
  const sources = new Map<string, Source>();
  const add = (name: string, url?: string): void => {
    if (name && !sources.has(name)) sources.set(name, { name, url });
  };
  context.attributions.forEach((a) => add(textFor(a, language)));
  walkLayers(context.layers, (node) => {
    if (node.type === 'group') return;
    node.attributions.forEach((a) => add(textFor(a, language)));
    if (node.info?.source) add(textFor(node.info.source.name, language), node.info.source.url);
  });
  const basemap = context.basemaps.find((b) => b.id === state.basemap);
  if (basemap && basemap.type !== 'empty') basemap.attributions.forEach((a) => add(textFor(a, language)));
  return [...sources.values()];
}

const PAGE_SHEET = (() => {
  let sheet: CSSStyleSheet | undefined;
  return (): CSSStyleSheet => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      // While a report is printed, only it is on paper: the app is hidden, and the page's own height
      // (100 % of the screen) and background (the app's grey) would otherwise print as a grey block below.
      sheet.replaceSync(
        `@page { size: A4 portrait; margin: ${REPORT_PAGE_MM.margin}mm; }
         @media print { body > :not(cartable-report-print) { display: none !important; } html, body { height: auto !important; min-height: 0 !important; overflow: visible !important; margin: 0 !important; background: #fff !important; } }`,
      );
    }
    return sheet;
  };
})();

/**
 * Prints the report: the map is drawn at the paper's map box around the place and its image taken
 * (layers whose tiles forbid it are named instead), with the legend of the layers it shows, its scale
 * and north; the print view goes at the end of the page with a page style that hides the rest, then
 * the browser's print dialog opens. The view stays until the next print or « afterprint ».
 */
export async function printReport(options: ReportPrintOptions): Promise<CartableReportPrint> {
  document.querySelectorAll('cartable-report-print').forEach((old) => old.remove());
  const printed = await options.mapImage();
  const { image, forbiddenIds } = printed;
  const titles = new Map<string, string>();
  walkLayers(options.context.layers, (node) => titles.set(node.id, textFor(node.title, options.language)));
  options.context.basemaps.forEach((b) => titles.set(b.id, textFor(b.title, options.language)));
  const view = document.createElement('cartable-report-print');
  Object.assign(view, {
    report: options.report,
    mapTitle: options.mapTitle,
    placeText: options.placeText,
    language: options.language,
    image,
    // Ground metres per paper millimetre: the image fills the text's width.
    metresPerMm: printed.metresPerPixel && printed.size ? (printed.metresPerPixel * printed.size[0]) / REPORT_MAP_MM[0] : undefined,
    rotation: printed.rotation ?? 0,
    // The legend of what the image shows: not of the layers left out of it.
    legendLayers: printedLayers([...(options.state.added ?? []), ...options.context.layers], options.state, printed.scale).filter(
      (layer) => !forbiddenIds.includes(layer.id),
    ),
    legendScale: printed.scale,
    forbidden: forbiddenIds.map((id) => titles.get(id) ?? id),
    sources: sourcesOf(options.context, options.state, options.language),
    reason: options.reason,
    distance: options.distance,
    charts: options.charts ?? new Map(),
  });
  document.body.append(view);
  const sheet = PAGE_SHEET();
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  await view.updateComplete;
  const legend = view.renderRoot.querySelector('cartable-legend');
  await legend?.updateComplete;
  const images = [...view.renderRoot.querySelectorAll('img'), ...(legend?.renderRoot.querySelectorAll('img') ?? [])];
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  window.addEventListener(
    'afterprint',
    () => {
      view.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    { once: true },
  );
  window.print();
  return view;
}

/**
 * @summary The printed report (A4 portrait): map title, place, date, the map's address, the map extract
 * (as wide as the text) with its north arrow, scale bar and legend, the features by layer, the layers
 * not checked and why, the sources. Shown only on paper.
 */
@localized()
@element('cartable-report-print')
export class CartableReportPrint extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: none;
        color: #000;
        background: #fff;
        font-size: 10pt;
      }
      @media print {
        :host {
          display: block;
        }
      }
      h1 {
        font-size: 15pt;
        margin: 0 0 2mm;
      }
      h2 {
        font-size: 11.5pt;
        margin: 5mm 0 1.5mm;
        break-after: avoid;
      }
      .meta {
        margin: 0 0 3mm;
      }
      .address {
        overflow-wrap: anywhere;
      }
      figure {
        margin: 0 0 3mm;
        break-inside: avoid;
      }
      /* The map extract is as wide as the text, never narrower or wider. */
      .map {
        position: relative;
        width: 100%;
      }
      .map img {
        display: block;
        box-sizing: border-box;
        width: 100%;
        height: auto;
        border: 0.3mm solid #000;
      }
      .north {
        position: absolute;
        top: 3mm;
        right: 3mm;
        width: 9mm;
        height: 12mm;
        background: rgb(255 255 255 / 0.85);
        border-radius: 1mm;
      }
      .no-image {
        border: 0.3mm dashed #000;
        padding: 6mm;
      }
      .scale {
        display: flex;
        align-items: end;
        gap: 4mm;
        margin-top: 1.5mm;
        font-size: 8.5pt;
      }
      .scale svg {
        display: block;
        overflow: visible;
      }
      .legend {
        margin-top: 2mm;
        font-size: 8.5pt;
      }
      .legend h2 {
        margin-top: 0;
      }
      /* A long legend flows in columns rather than down the page. */
      .legend cartable-legend {
        display: block;
        columns: 55mm;
        column-gap: 5mm;
        --cartable-font-size: 8.5pt;
      }
      cartable-legend::part(layer) {
        break-inside: avoid;
      }
      cartable-legend::part(entry) {
        min-height: 0;
      }
      figcaption {
        font-size: 8.5pt;
      }
      cartable-chart.chart {
        display: block;
        max-width: 120mm;
        margin-bottom: 2mm;
        break-inside: avoid;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        border-bottom: 0.2mm solid #888;
        padding: 0.8mm 1.5mm;
      }
      tr {
        break-inside: avoid;
      }
      ul {
        margin: 0;
        padding-inline-start: 5mm;
      }
    `,
  ];

  @property({ attribute: false }) report?: Report;
  @property() mapTitle = '';
  @property() placeText = '';
  @property() language = 'fr';
  /** The map extract as a data URL; none when the browser forbade reading it. */
  @property() image?: string;
  /** Layers left out of the image because their tiles forbid it. */
  @property({ attribute: false }) forbidden: readonly string[] = [];
  /** Ground metres per millimetre of paper on the extract (the scale bar); none without an image. */
  @property({ attribute: false }) metresPerMm?: number;
  /** The view's rotation in radians (the north arrow). */
  @property({ attribute: false }) rotation = 0;
  /** The layers the extract shows, for its legend, and the scale their legend is read at. */
  @property({ attribute: false }) legendLayers: readonly LayerDef[] = [];
  @property({ attribute: false }) legendScale?: number;
  @property({ attribute: false }) sources: readonly Source[] = [];
  @property({ attribute: false }) reason: (layer: LayerReport) => string = () => '';
  @property({ attribute: false }) distance: (metres: number) => string = (m) => `${Math.round(m)} m`;
  @property({ attribute: false }) charts: ReadonlyMap<string, readonly ChartFigures[]> = new Map();

  override render(): TemplateResult | typeof nothing {
    const report = this.report;
    if (!report) return nothing;
    const date = new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(report.made));
    const found = report.layers.filter((l) => l.items.length);
    const empty = report.layers.filter((l) => !l.items.length && !l.unchecked);
    const unchecked = report.layers.filter((l) => l.unchecked);
    const near = report.place.kind !== 'area';
    return html`
      <h1>${msg("Qu'y a-t-il ici ?", { id: 'report.title' })} — ${this.mapTitle}</h1>
      <p class="meta"><strong>${msg('Lieu :', { id: 'report.place.current' })}</strong> ${this.placeText}<br /><strong>${msg('Date :', { id: 'report.print.date' })}</strong> ${date}${report.map?.address
          ? html`<br /><strong>${msg('Adresse de la carte :', { id: 'report.print.address' })}</strong> <span class="address">${report.map.address}</span>`
          : nothing}</p>
      <figure>
        ${this.image
          ? html`<div class="map">
                <img src=${this.image} alt=${msg(str`Extrait de carte : ${this.placeText}`, { id: 'report.print.mapAlt' })} />
                ${northMark(this.rotation)}
              </div>
              ${this.metresPerMm ? scaleTemplate(this.metresPerMm, this.language) : nothing}`
          : html`<div class="no-image">${msg('L’image de la carte ne peut pas être exportée.', { id: 'report.print.noImage' })}</div>`}
        ${this.forbidden.length
          ? html`<figcaption>
              ${msg(str`Absentes de l'image (leur serveur en interdit l'export) : ${this.forbidden.join(', ')}`, { id: 'report.print.forbidden' })}
            </figcaption>`
          : nothing}
        ${this.image ? legendTemplate(this.legendLayers, this.legendScale, this.language) : nothing}
      </figure>
      ${found.map(
        (layer) => html`<h2>${layer.title} (${layer.capped ? '≥ ' : ''}${layer.items.length})</h2>
          <table>
            <thead>
              <tr>
                <th>${msg('Objet', { id: 'report.csv.feature' })}</th>
                ${near ? html`<th>${msg('Distance', { id: 'report.print.distance' })}</th>` : nothing}
                <th>${msg('Informations', { id: 'report.print.fields' })}</th>
              </tr>
            </thead>
            <tbody>
              ${layer.items.map(
                (item) => html`<tr>
                  <td>${item.label}${item.onBoundary ? html` <em>(${msg('en limite', { id: 'report.csv.onBoundary' })})</em>` : nothing}</td>
                  ${near ? html`<td>${item.distance === undefined ? '' : this.distance(item.distance)}</td>` : nothing}
                  <td>${item.fields.map((f) => `${f.label} : ${f.value}`).join(' · ')}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${(this.charts.get(layer.layerId) ?? []).map((figures) => html`<cartable-chart class="chart" read-only .figures=${figures} .language=${this.language}></cartable-chart>`)}`,
      )}
      ${empty.length
        ? html`<h2>${msg('Rien à cet endroit dans', { id: 'report.empty' })}</h2>
            <p>${empty.map((l) => l.title).join(', ')}</p>`
        : nothing}
      ${unchecked.length
        ? html`<h2>${msg('Couches non vérifiées', { id: 'report.unchecked' })}</h2>
            <ul>
              ${unchecked.map((l) => html`<li>${l.title} : ${this.reason(l)}</li>`)}
            </ul>`
        : nothing}
      ${this.sources.length
        ? html`<h2>${msg('Sources', { id: 'report.print.sources' })}</h2>
            <ul>
              ${this.sources.map((s) => html`<li>${s.name}${s.url ? html` — ${s.url}` : nothing}</li>`)}
            </ul>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-report-print': CartableReportPrint;
  }
}
