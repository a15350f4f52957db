import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import { textFor } from '../i18n/text.js';
import { printImage, screenImage } from '../map/map-images.js';
import { canvasToPng, download, stampAttributions } from '../tools/map-image.js';
import { failedLayers, layerTitles, shownAttributions } from '../tools/map-texts.js';
import { PRINT_PX_PER_MM, printLayout, type Orientation, type Paper } from '../tools/print-layout.js';
import { base } from './theme.js';
import { panelStyles } from './cartable-tools-panel.js';
import { emit } from './events.js';
import { SessionState } from './session-state.js';
import { loadChunk } from '../offline/load-chunk.js';

const quoted = (names: readonly string[]): string => names.map((n) => `« ${n} »`).join(', ');

/**
 * @summary Print (A4/A3, portrait/landscape, a title) through a print layout and the browser's print
 * dialog (which saves as PDF), and export the map as a PNG image. Layers the image cannot hold are
 * named: those whose tiles another server forbids reusing (no CORS) and those that failed to load.
 * @fires cartable-print-ready - the print layout is in the page, just before the browser's print (detail: { paper, orientation })
 */
@localized()
@element('cartable-tools-print')
export class CartableToolsPrint extends LitElement {
  static override styles = [base, panelStyles];

  @property() language = 'fr';
  /** The map session: its adapter draws the image, its document and state say the title, layers and sources. */
  readonly #session = new SessionState(this);

  @state() private paper: Paper = 'A4';
  @state() private orientation: Orientation = 'landscape';
  @state() private pageTitle?: string;
  @state() private busy = false;
  @state() private status = '';
  @state() private warning = '';

  /** The map's title: the printed title unless the person writes another. */
  get #heading(): string {
    const context = this.#session.session?.context;
    return context ? textFor(context.title, this.language) : '';
  }

  /** The sources of what is shown, written on the page and the image. */
  get #attributions(): string {
    const context = this.#session.session?.context;
    return context ? shownAttributions(context, this.#session.state, this.language) : '';
  }

  /** Names layers by their title (the layers an image lacks). */
  #names(ids: readonly string[]): string[] {
    const context = this.#session.session?.context;
    const titles = context ? layerTitles(context, this.#session.state, this.language) : new Map<string, string>();
    return ids.map((id) => titles.get(id) ?? id);
  }

  async #print(): Promise<void> {
    const { session, state } = this.#session;
    const adapter = session?.adapter;
    if (!session || !adapter || this.busy) return;
    this.busy = true;
    this.warning = '';
    this.status = msg('Préparation de la page à imprimer…', { id: 'tools.print.preparing' });
    try {
      await loadChunk(import('./cartable-print-layout.js'));
      // The chart open beside the table prints too (its code loads only then).
      const chart = state?.table?.chart ? (await loadChunk(import('./chart/print-chart.js'))).openChartFigures(session, state, this.language) : undefined;
      const layout = printLayout(this.paper, this.orientation);
      const size = [Math.round(layout.map[0] * PRINT_PX_PER_MM), Math.round(layout.map[1] * PRINT_PX_PER_MM)] as const;
      const printed = await printImage(adapter, size);
      document.querySelectorAll('cartable-print-layout').forEach((old) => old.remove());
      const page = document.createElement('cartable-print-layout');
      Object.assign(page, {
        layout,
        heading: this.pageTitle ?? this.#heading,
        language: this.language,
        image: printed.canvas,
        metresPerPixel: printed.metresPerPixel,
        rotation: printed.rotation,
        session,
        attributions: this.#attributions,
        printedAt: new Date(),
        chart,
      });
      // Only the layout prints, on paper of the chosen size (a page-level sheet: @page has no effect in a shadow root).
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        `@page { size: ${this.paper} ${this.orientation}; margin: 10mm; }
         @media print { body > :not(cartable-print-layout) { display: none !important; } html, body { height: auto !important; overflow: visible !important; background: #fff !important; } }`,
      );
      document.body.append(page);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      await page.updateComplete;
      const cleanup = (): void => {
        page.remove();
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      };
      addEventListener('afterprint', cleanup, { once: true });
      const failed = this.#names(failedLayers(state));
      if (failed.length) this.warning = msg(str`Absentes de l’impression, faute d’avoir été chargées : ${quoted(failed)}.`, { id: 'tools.print.failed' });
      this.status = msg('La fenêtre d’impression s’ouvre ; pour un PDF, choisissez « Enregistrer au format PDF ».', { id: 'tools.print.opened' });
      emit(this, 'cartable-print-ready', { paper: this.paper, orientation: this.orientation });
      print();
    } catch (error) {
      this.status = '';
      this.warning = msg(str`L’impression n’a pas pu être préparée : ${error instanceof Error ? error.message : String(error)}`, { id: 'tools.print.error' });
    } finally {
      this.busy = false;
    }
  }

  async #exportPng(): Promise<void> {
    const { session, state } = this.#session;
    const adapter = session?.adapter;
    if (!session || !adapter || this.busy) return;
    this.busy = true;
    this.warning = '';
    try {
      const scale = globalThis.devicePixelRatio || 1;
      const { canvas, refused: refusedIds } = screenImage(adapter, { scale });
      const attributions = this.#attributions;
      stampAttributions(canvas, attributions ? `© ${attributions}` : '', scale);
      const blob = await canvasToPng(canvas);
      const file = `${session.context.id}-${new Date().toISOString().slice(0, 10)}.png`;
      download(blob, file);
      this.status = msg(str`Image enregistrée : ${file}`, { id: 'tools.png.saved' });
      const refused = this.#names(refusedIds);
      const failed = this.#names(failedLayers(state));
      const warnings = [
        refused.length
          ? msg(str`Absentes de l’image : ${quoted(refused)}. Leur serveur n’autorise pas la réutilisation de ses images (en-têtes CORS manquants).`, { id: 'tools.png.forbidden' })
          : '',
        failed.length ? msg(str`Absentes de l’image, faute d’avoir été chargées : ${quoted(failed)}.`, { id: 'tools.png.failed' }) : '',
      ].filter(Boolean);
      this.warning = warnings.join(' ');
    } catch (error) {
      this.status = '';
      this.warning = msg(str`L’image n’a pas pu être créée : ${error instanceof Error ? error.message : String(error)}`, { id: 'tools.png.error' });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const radio = <T extends string>(name: string, value: T, current: T, label: string, set: (v: T) => void): TemplateResult =>
      html`<label><input type="radio" name=${name} value=${value} .checked=${current === value} @change=${() => set(value)} /> ${label}</label>`;
    return html`
      <h2>${msg('Imprimer ou exporter', { id: 'tools.print' })}</h2>
      <label class="block" for="print-title">${msg('Titre', { id: 'tools.print.title' })}</label>
      <input id="print-title" type="text" .value=${this.pageTitle ?? this.#heading} @input=${(e: Event) => (this.pageTitle = (e.target as HTMLInputElement).value)} />
      <fieldset>
        <legend>${msg('Format du papier', { id: 'tools.print.paperLabel' })}</legend>
        <div class="row">
          ${radio('paper', 'A4', this.paper, 'A4', (v) => (this.paper = v))}
          ${radio('paper', 'A3', this.paper, 'A3', (v) => (this.paper = v))}
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Orientation', { id: 'tools.print.orientation' })}</legend>
        <div class="row">
          ${radio('orientation', 'landscape', this.orientation, msg('Paysage', { id: 'tools.print.landscape' }), (v) => (this.orientation = v))}
          ${radio('orientation', 'portrait', this.orientation, msg('Portrait', { id: 'tools.print.portrait' }), (v) => (this.orientation = v))}
        </div>
      </fieldset>
      <div class="row">
        <button class="button primary print" ?disabled=${this.busy} @click=${() => void this.#print()}>${msg('Imprimer…', { id: 'tools.print.submit' })}</button>
        <button class="button png" ?disabled=${this.busy} @click=${() => void this.#exportPng()}>${msg('Exporter en PNG', { id: 'tools.png' })}</button>
      </div>
      <p class="hint">
        ${msg('La page imprimée porte le titre, la date, la carte de la vue actuelle, sa légende, l’échelle, le nord et les sources.', { id: 'tools.print.help' })}
      </p>
      <p class="status" role="status">${this.status}</p>
      ${this.warning ? html`<p class="error warning" role="alert">${this.warning}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-tools-print': CartableToolsPrint;
  }
}
