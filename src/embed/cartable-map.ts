import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { configureLocalization } from '@lit/localize';
import { loadDocument } from '../app/load.js';
import type { MapContext } from '../context/types.js';
import { createRequester } from '../net/requester.js';
import type { CartableMapView } from '../ui/cartable-map-view.js';
import { emit } from '../ui/events.js';
import '../ui/cartable-map-view.js';
import { parseCommand, type EmbedEvent } from './api.js';
import { CommandError, runCommand, watchEvents } from './commands.js';
import { EMBED_CONTROLS, readEmbed } from './params.js';
import { loadChunk } from '../offline/load-chunk.js';
import { registerForElement } from '../offline/wants-worker.js';

let localization: ReturnType<typeof configureLocalization> | undefined;

/**
 * @summary A map on any page, without an iframe: `<script type="module" src="…/cartable-map.js">`, then
 * `<cartable-map src="https://cartes.example/maps/geosites.json"></cartable-map>`. Shadow DOM: the
 * host page's styles do not reach it and its styles do not leak.
 *
 * Attributes: `src` (the map document's URL), `center` ("x,y" in the document's `view.crs`) with
 * `zoom` or `resolution`, `layers` ("id[:opacity],…", the top one first), `basemap`, `lang` ("fr" or
 * "en"), and the embed control switches as `ctl-layers`, `ctl-legend`, `ctl-search`, `ctl-table`,
 * `ctl-popups`, `ctl-zoom`, `ctl-scale`, `ctl-fullscreen`, `ctl-fullmap`, `ctl-report`, `ctl-tools`,
 * `ctl-print` ("1" or "0", defaults as in
 * an iframe embed). The map page's URL (for « open the full map ») is `page`, by default the
 * document's URL with .html for .json. Read when the element connects or `src` changes. `offline`
 * (boolean): on a page of the site's own origin, registers the site's service worker and keeps the
 * map for offline use; without it the element registers none.
 *
 * @fires cartable-ready - the map has rendered: `{ map, version }`
 * @fires cartable-view-changed - after each move: `{ center, zoom | resolution, extent }`
 * @fires cartable-feature-selected - a record opened or closed: `{ layerId, featureId }`
 * @fires cartable-error - a command failed or the document could not be read: `{ code, message, id? }`
 * @cssprop [--cartable-map-height=450px] - the element's height when none is set
 */
@customElement('cartable-map')
export class CartableMap extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: var(--cartable-map-height, 450px);
      contain: content;
      overflow: hidden;
    }
    cartable-map-view {
      display: grid;
      height: 100%;
    }
    .problem {
      padding: 1rem;
      font: 1rem system-ui, sans-serif;
    }
  `;

  /** URL of the map document (JSON). */
  @property() src = '';
  /** URL of the map's own page, for the « open the full map » link. */
  @property() page?: string;
  @property() center?: string;
  @property() zoom?: string;
  @property() resolution?: string;
  @property() layers?: string;
  @property() basemap?: string;
  @property() lang = 'fr';
  @property({ type: Boolean }) offline = false;

  @state() private context?: MapContext;
  @state() private problem?: string;
  #documentUrl = '';
  #stopEvents?: () => void;
  #loads = 0;

  /** The map view inside (once a document is shown). */
  get mapView(): CartableMapView | null {
    return this.renderRoot.querySelector('cartable-map-view');
  }

  /** Runs a command of the embed API (the same objects as postMessage's, `cartable: 1` included). */
  async command(data: unknown): Promise<void> {
    const parsed = parseCommand(data);
    const view = this.mapView;
    if (!parsed.ok) throw new CommandError('not-ready', `command ignored: ${parsed.reason}`);
    if (!view) throw new CommandError('not-ready', 'the map is not ready yet');
    try {
      await runCommand(view.session, parsed.command);
    } catch (error) {
      const code = error instanceof CommandError ? error.code : 'failed';
      const message = error instanceof Error ? error.message : String(error);
      this.#emit({ event: 'error', code, message, ...(parsed.command.id === undefined ? {} : { id: parsed.command.id }) });
      throw error;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('lang')) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopEvents?.();
  }

  async #load(): Promise<void> {
    const load = ++this.#loads;
    this.#stopEvents?.();
    this.context = undefined;
    this.problem = undefined;
    if (!this.src) return;
    if (this.lang === 'en') {
      localization ??= configureLocalization({ sourceLocale: 'fr', targetLocales: ['en'], loadLocale: () => loadChunk(import('../i18n/locales/en.js')) });
      await localization.setLocale('en');
    }
    const url = new URL(this.src, document.baseURI).href;
    const result = await loadDocument(url, url, createRequester());
    if (load !== this.#loads) return;
    if (result.kind === 'ready') {
      this.#documentUrl = result.documentUrl;
      this.context = result.context;
      if (this.offline) registerForElement(result.documentUrl, result.context.id);
      return;
    }
    const reason = result.kind === 'invalid' ? result.problems.map((p) => `${p.path} ${p.message}`).join('; ') : result.kind === 'unavailable' ? result.reason : result.kind;
    this.problem = reason;
    this.#emit({ event: 'error', code: 'document', message: reason });
  }

  /** The URL the map view reads its start state from: the map page's, with the attributes as parameters. */
  #startUrl(): string {
    const page = new URL(this.page ?? this.#documentUrl.replace(/\.json(?=$|[?#])/, '.html'), document.baseURI);
    const params = page.searchParams;
    params.set('embed', '1');
    const set = (key: string, value: string | null | undefined): void => {
      if (value !== undefined && value !== null) params.set(key, value);
    };
    set('c', this.center);
    set('z', this.zoom);
    set('r', this.resolution);
    set('l', this.layers);
    set('bm', this.basemap);
    if (this.lang !== 'fr') params.set('lang', this.lang);
    for (const name of EMBED_CONTROLS) set(`ctl.${name}`, this.getAttribute(`ctl-${name}`));
    return page.href;
  }

  #emit(event: EmbedEvent): void {
    const { event: name, ...detail } = event;
    emit(this, `cartable-${name}`, detail);
  }

  #onRendered(event: Event): void {
    event.stopPropagation();
    const view = this.mapView;
    if (!view) return;
    this.#stopEvents?.();
    this.#stopEvents = watchEvents(view.session, (e) => this.#emit(e));
  }

  override render(): TemplateResult | typeof nothing {
    if (this.problem) return html`<p class="problem" role="alert">${this.problem}</p>`;
    if (!this.context) return nothing;
    const startUrl = this.#startUrl();
    return html`<cartable-map-view
      .context=${this.context}
      .documentUrl=${this.#documentUrl}
      .language=${this.lang}
      .startUrl=${startUrl}
      .urlState=${false}
      .embed=${readEmbed(new URL(startUrl))}
      @cartable-map-rendered=${(e: Event) => this.#onRendered(e)}
    ></cartable-map-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-map': CartableMap;
  }
}
