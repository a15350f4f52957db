import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement, foreignElements } from '../ui/define.js';
import { msg, str } from '@lit/localize';
import type { MapLoad } from '../app/load.js';
import type { MapContext } from '../context/types.js';
import { setLanguage } from '../i18n/localization.js';
import { createRequester } from '../net/requester.js';
import type { CartableMapView } from '../ui/cartable-map-view.js';
import { emit } from '../ui/events.js';
import { parseCommand, type EmbedEvent } from './api.js';
import { CommandError } from './command-error.js';
import { openDocument } from './open-document.js';
import { EMBED_CONTROLS, readEmbed } from './params.js';
import { loadChunk } from '../offline/load-chunk.js';
import { registerForElement } from '../offline/wants-worker.js';
import { DEFAULT_TOKENS, tokenDeclarations, type Tokens } from '../theme/tokens.js';

/**
 * The design tokens on the element's :host: a partner page has none on its :root. The defaults, until
 * the element's entry (src/embed/element.ts) gives the site's own; one sheet that every element shares.
 * A partner's `cartable-map { --cartable-accent: … }` wins over it (the page's rules on a host come
 * before its shadow root's).
 */
const hostTokens = new CSSStyleSheet();
hostTokens.replaceSync(`:host { ${tokenDeclarations(DEFAULT_TOKENS)} }`);

/** Themes every <cartable-map> with the site's resolved tokens. */
export function useSiteTokens(tokens: Tokens): void {
  hostTokens.replaceSync(`:host { ${tokenDeclarations(tokens)} }`);
}

/** The site this code comes from: the element's chunk lies in its assets/ folder. */
const SITE = new URL('../', import.meta.url).href;

/**
 * @summary A map on any page, without an iframe: `<script type="module" src="…/cartable-map.js">`, then
 * `<cartable-map src="https://cartes.example/maps/geosites.json"></cartable-map>`. Shadow DOM, and
 * every inherited property reset at its root: the host page's styles do not reach it (only the
 * `--cartable-*` custom properties set on the element itself, to theme it) and its styles do not leak. A page that already
 * defines one of Cartable's element names gets a message in the box instead of a broken map.
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
 * @fires cartable-error - a command failed, the document could not be read (`document`) or the page defines one of Cartable's element names (`element-taken`): `{ code, message, id? }`
 * @cssprop [--cartable-map-height=450px] - the element's height when none is set
 */
export class CartableMap extends LitElement {
  static override styles = [
    hostTokens,
    css`
      /* all: initial stops what the host page's text inherits (letter-spacing, text-align, colour…). */
      :host {
        all: initial;
        display: block;
        position: relative;
        height: var(--cartable-map-height);
        contain: content;
        overflow: hidden;
        font-family: var(--cartable-font);
        color: var(--cartable-text);
        line-height: 1.45;
      }
      :host([hidden]) {
        display: none;
      }
      cartable-map-view {
        display: grid;
        height: 100%;
      }
      /* Where the map would be: the box keeps its place and says why it is empty. */
      .problem {
        box-sizing: border-box;
        display: flex;
        align-items: center;
        justify-content: center;
        height: 100%;
        margin: 0;
        padding: 1rem;
        text-align: center;
        background: var(--cartable-map-bg);
        border: 1px solid var(--cartable-border);
      }
    `,
  ];

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
      const { runCommand } = await loadChunk(import('./commands.js'));
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
    if (this.lang === 'en') await setLanguage('en');
    const taken = foreignElements();
    if (taken.length) {
      this.#fail('element-taken', msg(str`Cette carte ne peut pas démarrer : la page qui l’accueille définit déjà l’élément <${taken[0]}> de Cartable.`, { id: 'embed.elementTaken' }));
      return;
    }
    // The map view's code and the document load together (the code is the site's first-map chunks).
    const url = new URL(this.src, document.baseURI).href;
    let result: MapLoad;
    try {
      [result] = await Promise.all([openDocument(url, SITE, createRequester()), loadChunk(import('../ui/cartable-map-view.js'))]);
    } catch {
      if (load === this.#loads) this.#fail('failed', msg('Cette carte n’a pas pu démarrer sur cette page.', { id: 'embed.startFailed' }));
      return;
    }
    if (load !== this.#loads) return;
    if (result.kind === 'ready') {
      this.#documentUrl = result.documentUrl;
      this.context = result.context;
      if (this.offline) registerForElement(result.documentUrl, result.context.id);
      return;
    }
    const reason = result.kind === 'invalid' ? result.problems.map((p) => `${p.path} ${p.message}`).join('; ') : result.kind === 'unavailable' ? result.reason : result.kind;
    this.#fail('document', reason);
  }

  #fail(code: string, message: string): void {
    this.problem = message;
    this.#emit({ event: 'error', code, message });
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

  /** The commands' code (the view moves, tables, records) comes once the map is shown, as on the site's page. */
  async #onRendered(event: Event): Promise<void> {
    event.stopPropagation();
    const view = this.mapView;
    if (!view) return;
    this.#stopWatching();
    const { watchEvents } = await loadChunk(import('./commands.js'));
    if (this.mapView !== view || view.session?.signal.aborted) return;
    this.#stopWatching();
    this.#stopEvents = watchEvents(view.session, (e) => this.#emit(e));
  }

  #stopWatching(): void {
    this.#stopEvents?.();
    this.#stopEvents = undefined;
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
      @cartable-map-rendered=${(e: Event) => void this.#onRendered(e)}
    ></cartable-map-view>`;
  }
}

// Not Lit's @customElement, which throws when the name is taken: a second copy of Cartable (another
// site's) or the host page's own <cartable-map> keeps the name, and this copy says so once.
if (!defineElement('cartable-map', CartableMap)) {
  console.warn('Cartable: <cartable-map> is already defined on this page by another script; this copy of cartable-map.js is not used.');
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-map': CartableMap;
  }
}
