import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { walkLayers } from '../context/checks.js';
import type { GroupDef, LayerDef, MapContext } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { createMapAdapter, type MapAdapter } from '../map/adapter.js';
import { olStyles } from '../map/ol-styles.js';
import type { Requester } from '../net/requester.js';
import { MapStore, initialState, type MapState } from '../state/store.js';
import type { CartableLayerInfo } from './cartable-layer-info.js';
import { base } from './theme.js';
import './cartable-basemaps.js';
import './cartable-language-switch.js';
import './cartable-layer-info.js';
import './cartable-layer-tree.js';
import './cartable-legend.js';

/** Below this width the side panel becomes a sheet over the map, closed by default. */
const NARROW = '(max-width: 700px)';

/**
 * @summary One map: header, layer list, basemaps, legend, the map and its attributions.
 * Holds the map's store; the OpenLayers map is driven from it through the adapter.
 * @fires cartable-map-rendered - first render with every visible layer loaded or failed
 * @fires cartable-language
 */
@localized()
@customElement('cartable-map-view')
export class CartableMapView extends LitElement {
  static override styles = [
    base,
    olStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        height: 100%;
        min-height: 0;
        background: var(--cartable-bg, #f4f6f9);
      }
      header {
        min-width: 0;
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.4rem 0.75rem;
        background: var(--cartable-header-bg, #14213d);
        color: var(--cartable-header-text, #fff);
        min-height: 3rem;
      }
      header a {
        color: inherit;
      }
      .back {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        padding: 0.3rem 0.5rem;
        border-radius: var(--cartable-radius, 6px);
        text-decoration: none;
        font-size: 0.9em;
        white-space: nowrap;
      }
      .back:hover {
        background: rgb(255 255 255 / 0.12);
      }
      h1 {
        flex: 1;
        min-width: 0;
        margin: 0;
        font-size: 1.1rem;
        font-weight: 650;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .panel-toggle {
        border: 1px solid currentColor;
        background: transparent;
        border-radius: var(--cartable-radius, 6px);
        padding: 0.25rem 0.6rem;
        min-height: 2rem;
        font-size: 0.9em;
      }
      .body {
        position: relative;
        display: flex;
        min-height: 0;
      }
      aside {
        flex: none;
        width: var(--cartable-panel-width, 21rem);
        overflow: auto;
        background: var(--cartable-surface, #fff);
        border-inline-end: 1px solid var(--cartable-border, #d9dee5);
        padding: 0.75rem;
      }
      aside[hidden] {
        display: none;
      }
      aside h2 {
        font-size: 0.8rem;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--cartable-muted, #50565e);
        margin: 0.25rem 0 0.5rem;
      }
      aside section + section {
        margin-top: 1.1rem;
        padding-top: 0.9rem;
        border-top: 1px solid var(--cartable-border, #d9dee5);
      }
      .map-area {
        position: relative;
        flex: 1;
        min-width: 0;
      }
      .map {
        position: absolute;
        inset: 0;
        background: var(--cartable-map-bg, #dfe9f3);
      }
      .map:focus-visible {
        outline: 3px solid var(--cartable-focus, #0a76f6);
        outline-offset: -3px;
      }
      .attributions {
        position: absolute;
        right: 0;
        bottom: 0;
        max-width: 100%;
        padding: 0.15rem 0.5rem;
        background: rgb(255 255 255 / 0.88);
        font-size: 0.75rem;
        border-top-left-radius: 6px;
        color: var(--cartable-text, #1e1e1e);
      }
      .map-error {
        position: absolute;
        inset: 1rem;
        display: grid;
        place-items: center;
        text-align: center;
      }
      @media ${unsafeCSS(NARROW)} {
        header h1 {
          font-size: 1rem;
        }
        .back-label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        aside {
          position: absolute;
          z-index: 10;
          left: 0;
          right: 0;
          bottom: 0;
          width: auto;
          max-height: 62%;
          border: 0;
          border-top-left-radius: 14px;
          border-top-right-radius: 14px;
          box-shadow: 0 -6px 24px rgb(0 0 0 / 0.25);
        }
      }
    `,
  ];

  /** The validated map document. */
  @property({ attribute: false }) context?: MapContext;
  /** The requester that every load of this map goes through. */
  @property({ attribute: false }) requester?: Requester;
  /** URL of the document: relative URLs in it are resolved against it. */
  @property() documentUrl = location.href;
  @property() language = 'fr';
  /** Where the "catalog" link leads. */
  @property() catalogHref = './';

  @state() private mapState?: MapState;
  @state() private panelOpen = !matchMedia(NARROW).matches;
  @state() private infoFor?: LayerDef | GroupDef;
  @state() private failure?: string;

  @query('.map') private mapTarget!: HTMLDivElement;
  @query('cartable-layer-info') private infoDialog!: CartableLayerInfo;

  /** The map's store (set once a context is given). */
  store?: MapStore;
  /** The OpenLayers adapter, once the map is built. */
  adapter?: MapAdapter;
  #unsubscribe?: () => void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) {
      this.#teardown();
      this.store = new MapStore(initialState(this.context));
      this.mapState = this.store.state;
      this.#unsubscribe = this.store.subscribe((next) => (this.mapState = next));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context && this.store) void this.#buildMap(this.context, this.store);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.adapter?.dispose();
    this.adapter = undefined;
  }

  async #buildMap(context: MapContext, store: MapStore): Promise<void> {
    try {
      const adapter = await createMapAdapter({
        target: this.mapTarget,
        context,
        store,
        requester: this.requester ?? (await import('../net/requester.js')).createRequester(),
        resolveUrl: (url) => new URL(url, this.documentUrl).href,
        language: this.language,
        labels: { zoomIn: msg('Zoomer', { id: 'map.zoomIn' }), zoomOut: msg('Dézoomer', { id: 'map.zoomOut' }) },
      });
      if (store !== this.store) {
        adapter.dispose(); // The context changed while the map was being built.
        return;
      }
      this.adapter = adapter;
      await adapter.rendered;
      this.toggleAttribute('rendered', true);
      performance.mark('cartable:map-rendered');
      this.dispatchEvent(new CustomEvent('cartable-map-rendered', { bubbles: true, composed: true }));
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  override render(): TemplateResult {
    const context = this.context;
    if (!context) return html``;
    const title = textFor(context.title, this.language);
    return html`
      <header>
        <a class="back" href=${this.catalogHref}>
          <span aria-hidden="true">←</span><span class="back-label">${msg('Catalogue', { id: 'nav.catalog' })}</span>
        </a>
        <h1>${title}</h1>
        <button
          class="panel-toggle"
          aria-expanded=${this.panelOpen ? 'true' : 'false'}
          aria-controls="panel"
          @click=${() => (this.panelOpen = !this.panelOpen)}
        >
          ${msg('Couches', { id: 'panel.toggle' })}
        </button>
        <cartable-language-switch .language=${this.language}></cartable-language-switch>
      </header>
      <div class="body">
        <aside
          id="panel"
          ?hidden=${!this.panelOpen}
          aria-label=${msg('Couches et légende', { id: 'panel.label' })}
          @cartable-layer-visibility=${(e: HTMLElementEventMap['cartable-layer-visibility']) =>
            this.store?.dispatch({ type: 'set-visible', ...e.detail })}
          @cartable-layer-opacity=${(e: HTMLElementEventMap['cartable-layer-opacity']) =>
            this.store?.dispatch({ type: 'set-opacity', ...e.detail })}
          @cartable-group-expanded=${(e: HTMLElementEventMap['cartable-group-expanded']) =>
            this.store?.dispatch({ type: 'set-group-expanded', ...e.detail })}
          @cartable-layer-retry=${(e: HTMLElementEventMap['cartable-layer-retry']) => this.adapter?.retry(e.detail.id)}
          @cartable-layer-info=${(e: HTMLElementEventMap['cartable-layer-info']) => this.#showInfo(e.detail.id)}
          @cartable-basemap=${(e: HTMLElementEventMap['cartable-basemap']) =>
            this.store?.dispatch({ type: 'set-basemap', id: e.detail.id })}
        >
          <section aria-labelledby="layers-title">
            <h2 id="layers-title">${msg('Couches', { id: 'panel.layers' })}</h2>
            <cartable-layer-tree .layers=${context.layers} .state=${this.mapState} .language=${this.language}></cartable-layer-tree>
          </section>
          ${context.basemaps.length > 1
            ? html`<section>
                <cartable-basemaps
                  .basemaps=${context.basemaps}
                  .state=${this.mapState}
                  .language=${this.language}
                ></cartable-basemaps>
              </section>`
            : nothing}
          <section aria-labelledby="legend-title">
            <h2 id="legend-title">${msg('Légende', { id: 'panel.legend' })}</h2>
            <cartable-legend .layers=${context.layers} .state=${this.mapState} .language=${this.language}></cartable-legend>
          </section>
        </aside>
        <main class="map-area">
          <div
            class="map"
            tabindex="0"
            role="application"
            aria-roledescription=${msg('carte', { id: 'map.roledescription' })}
            aria-label=${msg('Carte interactive. Flèches : déplacer ; + et − : zoomer.', { id: 'map.label' })}
          ></div>
          ${this.failure ? html`<div class="map-error" role="alert">${this.failure}</div>` : nothing}
          ${this.#attributions()}
        </main>
      </div>
      <cartable-layer-info .layer=${this.infoFor} .language=${this.language} .documentUrl=${this.documentUrl}></cartable-layer-info>
    `;
  }

  #attributions(): TemplateResult | typeof nothing {
    const context = this.context!;
    const texts = new Set<string>(context.attributions.map((a) => textFor(a, this.language)));
    walkLayers(context.layers, (node) => {
      if (node.type !== 'group' && this.mapState?.layers[node.id]?.visible) {
        node.attributions.forEach((a) => texts.add(textFor(a, this.language)));
      }
    });
    const basemap = context.basemaps.find((b) => b.id === this.mapState?.basemap);
    if (basemap && basemap.type !== 'empty') basemap.attributions.forEach((a) => texts.add(textFor(a, this.language)));
    if (texts.size === 0) return nothing;
    return html`<div class="attributions" aria-label=${msg('Sources', { id: 'map.attributions' })}>
      © ${[...texts].join(' · ')}
    </div>`;
  }

  #showInfo(id: string): void {
    let found: LayerDef | GroupDef | undefined;
    walkLayers(this.context?.layers ?? [], (node) => {
      if (node.id === id) found = node;
    });
    this.infoFor = found;
    void this.infoDialog.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-map-view': CartableMapView;
  }
}
