import { LitElement, css, html, nothing, svg, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import type { MapContext } from '../context/types.js';
import type { MapAdapter } from '../map/adapter.js';
import type { MapState } from '../state/store.js';
import { formatLength } from '../tools/format.js';
import { accuracyRing, locateDevice } from '../tools/locate.js';
import { createMarks, type Marks } from '../tools/marks.js';
import { layerTitles, shownAttributions } from '../tools/map-texts.js';
import { textFor } from '../i18n/text.js';
import { base } from './theme.js';
import './cartable-tools-measure.js';
import './cartable-tools-coordinates.js';
import './cartable-tools-print.js';
import type { CartableToolsMeasure } from './cartable-tools-measure.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';

type Tool = 'measure' | 'coordinates' | 'print';

/** Which tools show (an embed's switches; all outside embeds). */
export interface ToolSwitches {
  readonly report: boolean;
  readonly tools: boolean;
  readonly print: boolean;
}


const ICONS: Record<Tool | 'locate' | 'report' | 'menu', TemplateResult> = {
  measure: svg`<path d="M3 17 17 3l4 4L7 21z M7 13l2 2 M10 10l2 2 M13 7l2 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`,
  coordinates: svg`<circle cx="12" cy="12" r="6" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 2v5 M12 17v5 M2 12h5 M17 12h5" stroke="currentColor" stroke-width="1.8"/>`,
  locate: svg`<circle cx="12" cy="12" r="3.5" fill="currentColor"/><circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 1v3 M12 20v3 M1 12h3 M20 12h3" stroke="currentColor" stroke-width="1.8"/>`,
  print: svg`<path d="M6 9V3h12v6 M6 18H4v-7h16v7h-2 M7 14h10v7H7z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`,
  report: svg`<path d="M12 22s7-6.2 7-12a7 7 0 1 0-14 0c0 5.8 7 12 7 12z" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M10 8.2a2.2 2.2 0 1 1 3 2c-.7.3-1 .8-1 1.5v.5 M12 15v.3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  menu: svg`<path d="M4 6h16 M4 12h16 M4 18h16" stroke="currentColor" stroke-width="2"/>`,
};

/**
 * @summary The map's toolbar: measure, coordinates and « go to », locate me, print and PNG export, and
 * (when the map offers it) the « Qu'y a-t-il ici ? » report. Loaded after the first map is drawn.
 * It covers the map stage without catching the pointer; only its buttons and panel do. On a phone
 * the buttons fold into one « Outils » button and the panel becomes a sheet at the bottom.
 * @fires cartable-report-open - the person asks for the « Qu'y a-t-il ici ? » report
 */
@localized()
@customElement('cartable-tools')
export class CartableTools extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        position: absolute;
        inset: 0;
        z-index: 3;
        pointer-events: none;
      }
      .bar,
      .panel,
      .menu {
        pointer-events: auto;
      }
      .dock {
        position: absolute;
        top: 0.5rem;
        right: 0.5rem;
        display: flex;
        flex-direction: row-reverse;
        align-items: flex-start;
        gap: 0.5rem;
        max-height: calc(100% - 3rem);
      }
      /* Under the zoom buttons (top right, 2 × 2.5rem) when the map shows them. */
      :host([zoom]) .dock {
        top: 6.1rem;
        max-height: calc(100% - 8.6rem);
      }
      .bar {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        padding: 0.25rem;
        border-radius: var(--cartable-radius, 6px);
        background: var(--cartable-surface, #fff);
        box-shadow: 0 1px 6px rgb(0 0 0 / 0.25);
      }
      .tool {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 2.4rem;
        height: 2.4rem;
        padding: 0;
        border: 1px solid transparent;
        border-radius: var(--cartable-radius, 6px);
        background: transparent;
        color: var(--cartable-text, #1e1e1e);
      }
      .tool:hover {
        background: var(--cartable-hover, #eef2f7);
      }
      .tool[aria-pressed='true'] {
        background: var(--cartable-accent, #1d4ed8);
        color: var(--cartable-accent-contrast, #fff);
      }
      .tool svg {
        width: 1.4rem;
        height: 1.4rem;
      }
      .menu {
        display: none;
      }
      .panel {
        width: min(21rem, calc(100vw - 5rem));
        max-height: 100%;
        overflow: auto;
        padding: 0.75rem;
        border-radius: var(--cartable-radius-large, 10px);
        background: var(--cartable-surface, #fff);
        box-shadow: 0 4px 18px rgb(0 0 0 / 0.28);
        position: relative;
      }
      .close {
        position: absolute;
        top: 0.35rem;
        right: 0.35rem;
      }
      .crosshair {
        position: absolute;
        left: 50%;
        top: 50%;
        width: 28px;
        height: 28px;
        margin: -14px 0 0 -14px;
      }
      .message {
        position: absolute;
        left: 50%;
        bottom: 2.4rem;
        transform: translateX(-50%);
        max-width: calc(100% - 2rem);
        padding: 0.4rem 0.8rem;
        border-radius: 10px;
        background: rgb(20 33 61 / 0.94);
        color: #fff;
        font-size: 0.9rem;
        pointer-events: auto;
      }
      .message:empty {
        display: none;
      }
      @media ${unsafeCSS(NARROW)} {
        .dock {
          flex-direction: column;
          align-items: flex-end;
        }
        .menu {
          display: inline-flex;
          width: auto;
          gap: 0.3rem;
          padding: 0 0.6rem;
          background: var(--cartable-surface, #fff);
          box-shadow: 0 1px 6px rgb(0 0 0 / 0.25);
        }
        .bar.folded {
          display: none;
        }
        /* A phone keeps the height for the sheet: the « Outils » menu sits left of the zoom buttons. */
        :host([zoom]) .dock {
          top: 0.5rem;
          right: 3.75rem;
          max-height: calc(100% - 3rem);
        }
        .panel {
          position: fixed;
          left: 0;
          right: 0;
          bottom: 0;
          width: auto;
          max-height: 55%;
          border-radius: 14px 14px 0 0;
          z-index: 9;
        }
      }
    `,
  ];

  @property({ attribute: false }) adapter?: MapAdapter;
  @property({ attribute: false }) context?: MapContext;
  @property({ attribute: false }) mapState?: MapState;
  @property() language = 'fr';
  @property({ attribute: false }) switches: ToolSwitches = { report: true, tools: true, print: true };

  @state() private active?: Tool;
  @state() private unfolded = false;
  @state() private message = '';
  @state() private locating = false;
  @state() private narrow = matchMedia(NARROW).matches;
  #release?: () => void;
  #marks?: Marks;
  #marksOf?: MapAdapter;
  /** Keeps `narrow` up to date while connected. */
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => (this.narrow = narrow));

  override connectedCallback(): void {
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release?.();
    this.#release = undefined;
    this.#marks?.dispose();
    this.#marks = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && this.#marksOf !== this.adapter) {
      // Another map: what was marked or held on the old one goes with it.
      this.#marks?.dispose();
      this.#marks = undefined;
      this.#release?.();
      this.#release = undefined;
      this.active = undefined;
    }
    if (changed.has('switches')) {
      if ((this.active === 'measure' || this.active === 'coordinates') && !this.switches.tools) this.active = undefined;
      if (this.active === 'print' && !this.switches.print) this.active = undefined;
    }
  }

  protected override updated(): void {
    // Measuring and picking coordinates own the map's clicks: no record opens meanwhile.
    const holds = this.active === 'measure' || this.active === 'coordinates';
    if (holds && !this.#release && this.adapter) this.#release = this.adapter.holdPointer();
    if (!holds && this.#release) {
      this.#release();
      this.#release = undefined;
    }
  }

  get #marksLayer(): Marks | undefined {
    if (!this.adapter) return undefined;
    if (!this.#marks) {
      this.#marks = createMarks(this.adapter.map);
      this.#marksOf = this.adapter;
    }
    return this.#marks;
  }

  /** Opens a tool's panel (or closes it when it is open). */
  toggle(tool: Tool): void {
    this.active = this.active === tool ? undefined : tool;
    this.message = '';
    if (this.active) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel h2, .panel')?.focus());
  }

  #close(): void {
    const was = this.active;
    this.active = undefined;
    if (was) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tool="${was}"]`)?.focus());
  }

  #onPanelKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    const measure = this.renderRoot.querySelector<CartableToolsMeasure>('cartable-tools-measure');
    event.stopPropagation();
    if (measure?.cancel()) return; // The first Escape cancels the measure, the next closes the panel.
    this.#close();
  }

  async #locate(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter || this.locating) return;
    this.locating = true;
    this.message = msg('Recherche de votre position…', { id: 'tools.locate.busy' });
    const result = await locateDevice();
    this.locating = false;
    if (adapter !== this.adapter) return;
    if (!result.ok) {
      this.message = {
        unsupported: msg('La localisation n’est pas disponible dans ce navigateur ou sur cette page (elle demande une adresse https).', { id: 'tools.locate.unsupported' }),
        denied: msg('Localisation refusée : pour l’autoriser, changez la permission « Position » de ce site dans le navigateur.', { id: 'tools.locate.denied' }),
        unavailable: msg('Votre position est introuvable pour le moment (pas de signal ?). Réessayez plus tard.', { id: 'tools.locate.unavailable' }),
        timeout: msg('Votre position n’est pas arrivée à temps. Réessayez.', { id: 'tools.locate.timeout' }),
      }[result.problem];
      return;
    }
    const view = adapter.map.getView();
    const projection = view.getProjection();
    const centre = fromLonLat([result.lon, result.lat], projection);
    const ring = accuracyRing(result.lon, result.lat, Math.max(result.accuracy, 1)).map((c) => fromLonLat(c, projection));
    const accuracy = new Polygon([ring]);
    this.#marksLayer?.position(centre, accuracy);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    view.fit(accuracy.getExtent(), { padding: [60, 60, 60, 60], maxZoom: 16, duration: reduce ? 0 : 500 });
    this.message = msg(str`Vous êtes ici, à ${formatLength(result.accuracy, this.language)} près.`, { id: 'tools.locate.found' });
  }

  #button(tool: Tool, label: string): TemplateResult {
    return html`<button
      class="tool"
      data-tool=${tool}
      aria-pressed=${this.active === tool ? 'true' : 'false'}
      aria-label=${label}
      title=${label}
      @click=${() => this.toggle(tool)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS[tool]}</svg>
    </button>`;
  }

  #panel(): TemplateResult | typeof nothing {
    const adapter = this.adapter;
    const context = this.context;
    if (!this.active || !adapter || !context) return nothing;
    const names = { measure: msg('Mesurer', { id: 'tools.measure' }), coordinates: msg('Coordonnées', { id: 'tools.coords' }), print: msg('Imprimer ou exporter', { id: 'tools.print' }) };
    const map = adapter.map;
    const content =
      this.active === 'measure'
        ? html`<cartable-tools-measure .map=${map} .language=${this.language}></cartable-tools-measure>`
        : this.active === 'coordinates'
          ? html`<cartable-tools-coordinates .map=${map} .marks=${this.#marksLayer} .language=${this.language}></cartable-tools-coordinates>`
          : html`<cartable-tools-print
              .map=${map}
              .heading=${textFor(context.title, this.language)}
              .language=${this.language}
              .layers=${[...(this.mapState?.added ?? []), ...context.layers]}
              .state=${this.mapState}
              .attributions=${shownAttributions(context, this.mapState, this.language)}
              .titles=${layerTitles(context, this.mapState, this.language)}
              .fileName=${`${context.id}-${new Date().toISOString().slice(0, 10)}`}
            ></cartable-tools-print>`;
    return html`<section class="panel" role="region" aria-label=${names[this.active]} tabindex="-1" @keydown=${(e: KeyboardEvent) => this.#onPanelKey(e)}>
      <button class="icon-button close" aria-label=${msg('Fermer l’outil', { id: 'tools.close' })} title=${msg('Fermer l’outil', { id: 'tools.close' })} @click=${() => this.#close()}>✕</button>
      ${content}
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    const { report, tools, print } = this.switches;
    if (!report && !tools && !print) return nothing;
    const folded = this.narrow && !this.unfolded && !this.active;
    const aiming = this.active === 'measure' || this.active === 'coordinates';
    return html`
      ${aiming
        ? html`<svg class="crosshair" viewBox="0 0 28 28" aria-hidden="true">
            <path d="M14 0v10 M14 18v10 M0 14h10 M18 14h10" stroke="#fff" stroke-width="4"></path>
            <path d="M14 0v10 M14 18v10 M0 14h10 M18 14h10" stroke="#0b3d91" stroke-width="2"></path>
          </svg>`
        : nothing}
      <div class="dock">
        <button
          class="tool menu"
          aria-expanded=${folded ? 'false' : 'true'}
          aria-controls="tool-bar"
          @click=${() => {
            this.unfolded = !this.unfolded || !!this.active;
            if (this.active) this.active = undefined;
          }}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.menu}</svg>${msg('Outils', { id: 'tools.menu' })}
        </button>
        <div class="bar ${folded ? 'folded' : ''}" id="tool-bar" role="group" aria-label=${msg('Outils de la carte', { id: 'tools.bar' })}>
          ${report
            ? html`<button
                class="tool"
                data-tool="report"
                aria-label=${msg('Qu’y a-t-il ici ?', { id: 'tools.report' })}
                title=${msg('Qu’y a-t-il ici ?', { id: 'tools.report' })}
                @click=${() => this.dispatchEvent(new CustomEvent('cartable-report-open', { bubbles: true, composed: true }))}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.report}</svg>
              </button>`
            : nothing}
          ${tools ? this.#button('measure', msg('Mesurer', { id: 'tools.measure' })) : nothing}
          ${tools ? this.#button('coordinates', msg('Coordonnées et « Aller à »', { id: 'tools.coords.button' })) : nothing}
          ${tools
            ? html`<button
                class="tool"
                data-tool="locate"
                aria-label=${msg('Me localiser', { id: 'tools.locate' })}
                title=${msg('Me localiser', { id: 'tools.locate' })}
                aria-busy=${this.locating ? 'true' : 'false'}
                @click=${() => void this.#locate()}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.locate}</svg>
              </button>`
            : nothing}
          ${print ? this.#button('print', msg('Imprimer ou exporter en image', { id: 'tools.print.button' })) : nothing}
        </div>
        ${this.#panel()}
      </div>
      <div class="message" role="status" aria-live="polite">${this.message}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-tools': CartableTools;
  }
}
