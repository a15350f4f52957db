import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleProps } from './style-props.js';
import type { Coordinate } from 'ol/coordinate.js';
import Point from 'ol/geom/Point.js';
import { getCenter } from 'ol/extent.js';
import { localized, msg, str } from '@lit/localize';
import { walkLayers } from '../context/checks.js';
import { isVectorLayer, type GroupDef, type LayerDef, type MapContext } from '../context/types.js';
import type { IdentifyGroup, IdentifiedItem } from '../identify/types.js';
import type { IdentifyEvent } from '../map/pointer.js';
import { renderTemplate } from '../popup/template.js';
import { plainText } from '../popup/format.js';
import { readFeatureRef, withFeatureRef } from '../state/feature-link.js';
import { tableColumns, type Column } from '../table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../table/query.js';
import { makeRow, type Row } from '../table/rows.js';
import { readTableUrl, writeTableUrl } from '../table/url.js';
import type { VectorLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { createMapAdapter, type MapAdapter } from '../map/adapter.js';
import { olStyles } from '../map/ol-styles.js';
import type { Requester } from '../net/requester.js';
import { ADDED_GROUP, MapStore, initialState, type MapState } from '../state/store.js';
import type { LayerNode, SiteConfig } from '../context/types.js';
import type { ResolvedLayer } from '../add-layer/layer-defs.js';
import { hasPermalink } from '../state/permalink-params.js';
import type { PermalinkSync } from '../map/permalink-sync.js';
import type { ViewSettings } from '../context/types.js';
import { readEmbed, writeEmbed, type EmbedSettings } from '../embed/params.js';
import type { GestureHint } from '../map/cooperative-gestures.js';
import type { CartableLayerInfo } from './cartable-layer-info.js';
import type { CartablePopup, PopupPlacement, PopupSelection } from './cartable-popup.js';
import { base } from './theme.js';
import type { MapSearch } from '../search/map-search.js';
import type { SearchResult } from '../search/results.js';
import './cartable-basemaps.js';
import './cartable-language-switch.js';
import './cartable-layer-info.js';
import './cartable-layer-tree.js';
import './cartable-legend.js';
import { emit } from './events.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';
import { loadChunk } from '../offline/load-chunk.js';

/**
 * @summary One map: header, layer list, basemaps, legend, the map and its attributions.
 * Holds the map's store; the OpenLayers map is driven from it through the adapter.
 * @fires cartable-map-rendered - first render with every visible layer loaded or failed, or after a deadline (src/map/first-render.ts)
 * @fires cartable-record-open - a feature's record is shown (detail: { layerId })
 * @fires cartable-table-shown - a layer's table is shown (detail: { layerId })
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
        grid-template-columns: minmax(0, 1fr);
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
      .panel-toggle,
      .share-toggle,
      .full-map {
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
        display: flex;
        flex-direction: column;
      }
      .stage {
        position: relative;
        flex: 1;
        min-height: 0;
      }
      /* The report panel takes the right of the map (26rem): the map's buttons move beside it. */
      .stage:has(> cartable-report:not([hidden]):not([narrow])) cartable-tools {
        right: 26rem;
      }
      .stage:has(> cartable-report:not([hidden]):not([narrow])) .ol-zoom {
        right: calc(26rem + 0.75rem);
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
      .table-panel {
        flex: none;
        /* The table sets its own height (a handle resizes it); the map keeps 8rem at least. */
        max-height: calc(100% - 8rem);
        display: flex;
        flex-direction: column;
        border-top: 2px solid var(--cartable-border-strong, #767c85);
        background: var(--cartable-surface, #fff);
      }
      /* On a phone the table covers the map (the map keeps its size underneath). */
      .table-panel.full {
        position: absolute;
        z-index: 7;
        inset: 0;
        height: auto;
        max-height: none;
        border-top: 0;
      }
      .table-panel cartable-table {
        flex: 1;
        min-height: 0;
      }
      .table-choice {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        padding: 0.35rem 0.75rem 0;
        font-size: 0.9rem;
      }
      .table-toggle[aria-pressed='true'] {
        background: rgb(255 255 255 / 0.18);
      }
      .popup-holder {
        position: absolute;
        z-index: 5;
        pointer-events: none;
      }
      .popup-holder > * {
        pointer-events: auto;
      }
      .popup-holder.popup {
        top: 0;
        left: 0;
        width: min(22rem, calc(100% - 16px));
        max-height: min(26rem, 58%);
        display: flex;
      }
      .popup-holder.panel {
        top: 0.75rem;
        right: 4rem;
        bottom: 2.2rem;
        width: min(24rem, calc(100% - 5rem));
        display: flex;
        align-items: flex-start;
      }
      .popup-holder.sheet {
        left: 0;
        right: 0;
        bottom: 0;
        max-height: 55%;
        display: flex;
      }
      .popup-holder > cartable-popup {
        width: 100%;
        max-height: 100%;
        display: flex;
        flex-direction: column;
      }
      .tooltip {
        position: absolute;
        top: 0;
        left: 0;
        z-index: 4;
        pointer-events: none;
        max-width: 16rem;
        padding: 0.2rem 0.5rem;
        border-radius: 4px;
        background: rgb(20 33 61 / 0.92);
        color: #fff;
        font-size: 0.85rem;
      }
      .notice {
        position: absolute;
        left: 50%;
        top: 0.75rem;
        transform: translateX(-50%);
        z-index: 6;
        max-width: calc(100% - 8rem);
        padding: 0.35rem 0.8rem;
        border-radius: 10px;
        background: rgb(20 33 61 / 0.92);
        color: #fff;
        font-size: 0.88rem;
      }
      .notice:empty {
        display: none;
      }
      /* Embed mode: the hint of a gesture left to the host page, the full-screen button, the full map link. */
      .gesture-hint {
        position: absolute;
        inset: 0;
        z-index: 8;
        display: grid;
        place-items: center;
        padding: 1rem;
        text-align: center;
        pointer-events: none;
        background: rgb(0 0 0 / 0.45);
        color: #fff;
        font-size: 1.1rem;
        font-weight: 600;
      }
      .fullscreen {
        position: absolute;
        top: 0.5rem;
        left: 0.5rem;
        z-index: 3;
        border: 1px solid var(--cartable-border-strong, #767c85);
        border-radius: var(--cartable-radius, 6px);
        background: var(--cartable-surface, #fff);
        color: var(--cartable-text, #1e1e1e);
        padding: 0.2rem 0.5rem;
        font-size: 0.85rem;
      }
      a.full-map {
        text-decoration: none;
        white-space: nowrap;
      }
      .map-error {
        position: absolute;
        inset: 1rem;
        display: grid;
        place-items: center;
        text-align: center;
      }
      .search {
        flex: 0 1 19rem;
        color: var(--cartable-text, #1e1e1e);
      }
      /* Until the search code has loaded, a plain box of the same size takes its place. */
      .search-standin {
        box-sizing: border-box;
        width: 100%;
        min-height: 2.4rem;
        padding: 0.35rem 0.7rem;
        font: inherit;
        border: 1px solid var(--cartable-border-strong, #767c85);
        border-radius: var(--cartable-radius, 6px);
        background: var(--cartable-surface, #fff);
        color: var(--cartable-text, #1e1e1e);
      }
      @media ${unsafeCSS(NARROW)} {
        header {
          flex-wrap: wrap;
        }
        .search {
          order: 10;
          flex: 1 0 100%;
        }
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
  /** The URL the map's state is read from at start (a permalink); default: the page's. */
  @property({ attribute: false }) startUrl?: string;
  /** Keeps the state in the page's URL as it changes (off where the page is not the map's own). */
  @property({ attribute: false }) urlState = true;
  /** Embed mode and its control switches; default: read from the start URL (embed=1, ctl.*). */
  @property({ attribute: false }) embed?: EmbedSettings;
  /** The embed settings in force (the property's, else the start URL's). */
  embedSettings: EmbedSettings = readEmbed(new URL('about:blank'));
  /** What to say when a gesture was left to the host page (embed mode). */
  @state() private gestureHint?: GestureHint;
  #hintTimer?: ReturnType<typeof setTimeout>;
  /** True when the site counts usage: the panel then says what is measured and lets the person opt out. */
  @property({ type: Boolean }) analytics = false;
  /** The site's configuration (which services layers may be added from). */
  @property({ attribute: false }) site?: SiteConfig;
  /** Layers a catalogue handed over, already read: the map opens on them. */
  @property({ attribute: false }) startLayers?: readonly ResolvedLayer[];

  @state() private mapState?: MapState;
  @state() private panelOpen = !matchMedia(NARROW).matches;
  @state() private infoFor?: LayerDef | GroupDef;
  @state() private failure?: string;
  /** The records open in the popup, where they were found, and who opened them. */
  @state() private popup?: { groups: readonly IdentifyGroup[]; anchor: Coordinate; selected?: PopupSelection; openedBy: 'person' | 'link' };
  @state() private tooltip?: { text: string; x: number; y: number };
  /** A short message for screen readers (and a quiet notice on screen). */
  @state() private notice = '';
  @state() private narrow = matchMedia(NARROW).matches;
  /** The map's search (features of searchable layers, places), loaded when the browser is idle. */
  @state() private search?: MapSearch;
  /** The layer whose table is open, its rows and what the person asked of it. */
  @state() private table?: { layerId: string; columns: Column[]; rows: Row[] };
  @state() private tableQuery: TableQuery = EMPTY_QUERY;
  /** Per layer: how many features a table filter keeps, for the legend. */
  @state() private filtered: Record<string, { kept: number; total: number }> = {};
  /** The share dialog's code has loaded (on the first press of « Partager »). */
  @state() private shareReady = false;
  #stopTableFeed?: () => void;

  @query('.map') private mapTarget!: HTMLDivElement;
  @query('cartable-layer-info') private infoDialog!: CartableLayerInfo;
  @query('cartable-popup') private popupElement?: CartablePopup;
  @query('.popup-holder') private popupHolder?: HTMLElement;

  /** The map's store (set once a context is given). */
  store?: MapStore;
  /** The OpenLayers adapter, once the map is built. */
  adapter?: MapAdapter;
  #unsubscribe?: () => void;
  #layersById = new Map<string, LayerDef>();
  #stopAnchoring?: () => void;
  /** Keeps `narrow` up to date while connected. */
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => (this.narrow = narrow));

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cartable-report-open', this.#onReportOpen); // The same listener: added once.
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) {
      this.#teardown();
      this.store = new MapStore(initialState(this.context));
      this.embedSettings = this.embed ?? readEmbed(new URL(this.startUrl ?? location.href));
      this.toggleAttribute('embedded', this.embedSettings.embed);
      // An embed opens on the map alone unless its link says otherwise.
      if (this.embedSettings.embed) this.panelOpen = false;
      if (this.embedSettings.ignored.length) {
        this.notice = msg('Une partie du lien ne correspond plus à cette carte : elle a été ignorée.', { id: 'permalink.ignored' });
      }
      this.mapState = this.store.state;
      this.#unsubscribe = this.store.subscribe((next) => {
        this.mapState = next;
        if (Object.values(next.layers).some((l) => l.status === 'error')) void loadChunk(import('./cartable-service-alerts.js')); // With the first failure.
        for (const def of next.added ?? []) this.#layersById.set(def.id, def);
      });
      this.#layersById = new Map();
      walkLayers(this.context.layers, (node) => {
        if (node.type !== 'group') this.#layersById.set(node.id, node);
      });
      this.popup = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context && this.store) void this.#buildMap(this.context, this.store);
    if ((changed as Map<PropertyKey, unknown>).has('panelOpen')) this.#permalink?.schedule();
  }

  #permalink?: PermalinkSync;
  /** Loads the URL writer (when the browser is idle after the first frame, or when the link is wanted). */
  #loadPermalink?: () => Promise<void>;

  /** Closes the open record, if any (the embed API; a person uses the record's close button). */
  closeRecord(): void {
    if (this.popup) this.#closePopup({ returnFocus: false });
  }

  /** Closes the open table, if any (the embed API). */
  closeTable(): void {
    if (this.table) this.#closeTable();
  }

  #showGestureHint(hint: GestureHint): void {
    this.gestureHint = hint;
    clearTimeout(this.#hintTimer);
    this.#hintTimer = setTimeout(() => (this.gestureHint = undefined), 1600);
  }

  get #fullscreen(): boolean {
    return document.fullscreenElement !== null && document.fullscreenElement !== undefined;
  }

  async #toggleFullscreen(): Promise<void> {
    try {
      if (this.#fullscreen) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      // Refused by the host page (no allow="fullscreen"): nothing changes.
    }
    this.requestUpdate();
  }

  /** Opens the « Partager » dialog (its code, with the QR encoder, loads on first use). */
  async openShare(): Promise<void> {
    await Promise.all([loadChunk(import('./cartable-share.js')), this.#loadPermalink?.()]);
    this.shareReady = true;
    this.requestUpdate(); // The link follows the state of now.
    await this.updateComplete;
    await this.renderRoot.querySelector('cartable-share')?.show();
  }

  readonly #onReportOpen = (): void => void this.openReport();

  /** Opens the « Qu'y a-t-il ici ? » report beside the map (its code loads on first use; off in embeds without ctl.report). */
  async openReport(): Promise<void> {
    if (this.embedSettings.controls.report) await (await loadChunk(import('./cartable-report.js'))).openReport(this, this.renderRoot.querySelector('.stage')!);
  }

  /** The link to the map as it is now: every state item of the permalink, the record, the table and the language. */
  permalink(): string {
    return this.#permalink?.url().href ?? this.startUrl ?? location.href;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
  }

  #teardown(): void {
    this.search?.dispose();
    this.search = undefined;
    this.#searchLoading = undefined;
    this.#stopTableFeed?.();
    this.#stopTableFeed = undefined;
    this.table = undefined;
    this.#stopAnchoring?.();
    this.#stopAnchoring = undefined;
    this.#unsubscribe?.();
    this.#permalink?.dispose();
    this.#permalink = undefined;
    this.#loadPermalink = undefined;
    this.adapter?.dispose();
    this.adapter = undefined;
  }

  /**
   * A permalink's state (layers, basemap, panel) goes to the store through its actions before the map
   * is built; its view is the one the map opens on. The permalink code loads only for such links.
   */
  async #applyPermalink(context: MapContext, store: MapStore): Promise<ViewSettings | undefined> {
    const url = new URL(this.startUrl ?? location.href);
    if (!hasPermalink(url)) return undefined;
    const { readPermalink, permalinkActions, viewSettingsOf } = await loadChunk(import('../state/permalink-read.js'));
    if (store !== this.store) return undefined;
    const start = readPermalink(url, context);
    // Layers added from services (the link's `add=`, a catalogue's hand-off) join first: `l=` may name them.
    let added: import('../add-layer/open.js').OpenedLayers | undefined;
    if (start.link.added || this.startLayers) {
      added = await (await loadChunk(import('../add-layer/index.js'))).openAddedLayers(this, store, context, start.link);
      this.#afterBuild = added.afterBuild;
      if (added.notice) this.notice = added.notice;
    }
    for (const action of permalinkActions(store.state, start.link, context)) store.dispatch(action);
    if (start.link.panel !== undefined) this.panelOpen = start.link.panel;
    if (start.ignored.length) {
      this.notice = msg('Une partie du lien ne correspond plus à cette carte : elle a été ignorée.', { id: 'permalink.ignored' });
    }
    return start.link.view ? viewSettingsOf(context, start.link.view) : added?.view;
  }

  /** Work waiting for the map (fitting a handed-over layer once its data is read). */
  #afterBuild?: (adapter: MapAdapter) => void;

  /** The document's layers, with the added ones in their own group on top. */
  #allLayers(context: MapContext): readonly LayerNode[] {
    const added = this.mapState?.added;
    if (!added?.length) return context.layers;
    return [{ type: 'group', id: ADDED_GROUP, title: msg('Couches ajoutées', { id: 'addLayer.group' }), expanded: true, layers: added }, ...context.layers];
  }


  async #buildMap(context: MapContext, store: MapStore): Promise<void> {
    try {
      const adapter = await createMapAdapter({
        target: this.mapTarget,
        context,
        store,
        requester: this.requester ?? (await loadChunk(import('../net/requester.js'))).createRequester(),
        resolveUrl: (url) => new URL(url, this.documentUrl).href,
        language: this.language,
        labels: { zoomIn: msg('Zoomer', { id: 'map.zoomIn' }), zoomOut: msg('Dézoomer', { id: 'map.zoomOut' }) },
        view: await this.#applyPermalink(context, store),
        controls: { zoom: this.embedSettings.controls.zoom, scale: this.embedSettings.controls.scale },
        cooperative: this.embedSettings.embed ? { onHint: (hint) => this.#showGestureHint(hint) } : undefined,
        onIdentify: (event) => void this.#onIdentify(event),
        onHover: (hover) => this.#onHover(hover),
        onDoubleClick: () => {
          // The clicks of a double click open no record: the person meant to zoom.
          this.#clicks++;
          if (this.popup?.openedBy === 'person' && performance.now() - this.#openedAt < 600) this.#closePopup({ returnFocus: false });
        },
      });
      if (store !== this.store) {
        adapter.dispose(); // The context changed while the map was being built.
        return;
      }
      this.adapter = adapter;
      this.#afterBuild?.(adapter);
      this.#afterBuild = undefined;
      // An iframe embed answers its host (postMessage API, WordPress): loaded only in embed mode.
      if (this.embedSettings.embed && this.urlState) void loadChunk(import('../embed/frame.js')).then(({ connectFrame }) => connectFrame(this));
      // The state goes to the URL as it changes (the writer loads after the first frame, which never waits for it).
      const since = { state: store.state, panel: this.panelOpen };
      let loading: Promise<void> | undefined;
      this.#loadPermalink = () =>
        (loading ??= loadChunk(import('../map/permalink-sync.js')).then(({ syncPermalink }) => {
          if (store !== this.store) return;
          this.#permalink = syncPermalink({
            context,
            store,
            adapter,
            panel: () => this.panelOpen,
            since,
            base: () => new URL(this.urlState ? location.href : (this.startUrl ?? location.href)),
            write: (url) => {
              if (this.urlState) history.replaceState(history.state, '', url);
            },
          });
        }));
      void whenIdle(adapter.rendered).then(() => this.#loadPermalink?.());
      void this.#openLinkedFeature();
      this.#openStartTable(context);
      await adapter.rendered;
      this.toggleAttribute('rendered', true);
      performance.mark('cartable:map-rendered');
      // The toolbar (measure, coordinates, print…) loads once the first map is drawn: it never delays it.
      const { tools, print, report } = this.embedSettings.controls;
      if (tools || print || report) void loadChunk(import('./cartable-tools.js')).then(() => this.requestUpdate());
      this.#startSearch(context, store);
      this.dispatchEvent(new CustomEvent('cartable-map-rendered', { bubbles: true, composed: true }));
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  override render(): TemplateResult {
    const context = this.context;
    if (!context) return html``;
    const title = textFor(context.title, this.language);
    const { embed: embedded, controls } = this.embedSettings;
    return html`
      <header>
        ${embedded
          ? nothing
          : html`<a class="back" href=${this.catalogHref}>
              <span aria-hidden="true">←</span><span class="back-label">${msg('Catalogue', { id: 'nav.catalog' })}</span>
            </a>`}
        <h1>${title}</h1>
        ${controls.search ? this.#searchBox(context) : nothing}
        ${controls.table && this.#tableLayers().length
          ? html`<button
              class="panel-toggle table-toggle"
              aria-pressed=${this.table ? 'true' : 'false'}
              @click=${() => (this.table ? this.#closeTable() : void this.openTable(this.#tableLayers()[0]!.id))}
            >
              ${msg('Tableau', { id: 'table.toggle' })}
            </button>`
          : nothing}
        ${controls.layers || controls.legend
          ? html`<button
              class="panel-toggle"
              aria-expanded=${this.panelOpen ? 'true' : 'false'}
              aria-controls="panel"
              @click=${() => (this.panelOpen = !this.panelOpen)}
            >
              ${msg('Couches', { id: 'panel.toggle' })}
            </button>`
          : nothing}
        ${embedded
          ? controls.fullmap
            ? html`<a class="full-map" href=${writeEmbed(new URL(this.permalink()), undefined).href} target="_blank" rel="noopener"
                >${msg('Ouvrir la carte complète', { id: 'embed.fullMap' })}<span class="visually-hidden"> ${msg('(nouvel onglet)', { id: 'embed.newTab' })}</span></a
              >`
            : nothing
          : html`<button class="share-toggle" aria-haspopup="dialog" @click=${() => void this.openShare()}>
                ${msg('Partager', { id: 'share.toggle' })}
              </button>
              <cartable-language-switch .language=${this.language}></cartable-language-switch>`}
      </header>
      <div class="body" @cartable-layer-retry=${(e: HTMLElementEventMap['cartable-layer-retry']) => this.adapter?.retry(e.detail.id)}>
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
          @cartable-layer-info=${(e: HTMLElementEventMap['cartable-layer-info']) => this.#showInfo(e.detail.id)}
          @cartable-basemap=${(e: HTMLElementEventMap['cartable-basemap']) =>
            this.store?.dispatch({ type: 'set-basemap', id: e.detail.id })}
        >
          ${controls.layers
            ? html`<section aria-labelledby="layers-title">
                <h2 id="layers-title">${msg('Couches', { id: 'panel.layers' })}</h2>
                <cartable-layer-tree .layers=${this.#allLayers(context)} .state=${this.mapState} .language=${this.language}></cartable-layer-tree>
                ${embedded || this.site?.addLayers?.enabled === false
                  ? nothing
                  : html`<button class="button add-layer" aria-haspopup="dialog" @click=${() => void loadChunk(import('../add-layer/index.js')).then((m) => m.openAddLayer(this))}>
                      ${msg('Ajouter une couche', { id: 'addLayer.open' })}
                    </button>`}
              </section>`
            : nothing}
          ${controls.layers && context.basemaps.length > 1
            ? html`<section>
                <cartable-basemaps
                  .basemaps=${context.basemaps}
                  .state=${this.mapState}
                  .language=${this.language}
                ></cartable-basemaps>
              </section>`
            : nothing}
          ${controls.legend
            ? html`<section aria-labelledby="legend-title">
                <h2 id="legend-title">${msg('Légende', { id: 'panel.legend' })}</h2>
                <cartable-legend .layers=${this.#allLayers(context)} .state=${this.mapState} .language=${this.language} .filtered=${this.filtered}></cartable-legend>
              </section>`
            : nothing}
          ${this.analytics ? html`<section><cartable-analytics-choice></cartable-analytics-choice></section>` : nothing}
        </aside>
        <main class="map-area">
          <div class="stage">
          <div
            class="map"
            tabindex="0"
            role="application"
            aria-roledescription=${msg('carte', { id: 'map.roledescription' })}
            aria-label=${msg('Carte interactive. Flèches : déplacer ; + et − : zoomer.', { id: 'map.label' })}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape' && this.popup) this.#closePopup({ returnFocus: false });
            }}
          ></div>
          ${this.failure ? html`<div class="map-error" role="alert">${this.failure}</div>` : nothing}
          ${this.#popup()}
          ${this.tooltip
            ? html`<div class="tooltip" aria-hidden="true" style=${styleProps({ transform: `translate(${this.tooltip.x + 14}px, ${this.tooltip.y + 14}px)` })}>
                ${this.tooltip.text}
              </div>`
            : nothing}
          <div class="notice" role="status" aria-live="polite">${this.notice}</div>
          <cartable-service-alerts .layers=${this.#allLayers(context)} .basemaps=${context.basemaps} .state=${this.mapState} .language=${this.language} .documentUrl=${this.documentUrl} @cartable-focus-map=${() => this.mapTarget.focus({ preventScroll: true })}></cartable-service-alerts>
          ${controls.tools || controls.print || controls.report
            ? html`<cartable-tools ?zoom=${controls.zoom} .adapter=${this.adapter} .context=${context} .mapState=${this.mapState} .language=${this.language} .switches=${controls}></cartable-tools>`
            : nothing}
          ${this.gestureHint
            ? html`<div class="gesture-hint" aria-hidden="true">
                ${this.gestureHint === 'wheel'
                  ? msg('Pour zoomer, tournez la molette en tenant Ctrl (ou ⌘)', { id: 'embed.hint.wheel' })
                  : msg('Pour déplacer la carte, utilisez deux doigts', { id: 'embed.hint.touch' })}
              </div>`
            : nothing}
          ${embedded && controls.fullscreen && document.fullscreenEnabled
            ? html`<button class="fullscreen" aria-pressed=${this.#fullscreen ? 'true' : 'false'} @click=${() => void this.#toggleFullscreen()}>
                ${msg('Plein écran', { id: 'share.ctl.fullscreen' })}
              </button>`
            : nothing}
          ${this.#attributions()}
          </div>
          ${this.#tablePanel()}
        </main>
      </div>
      <cartable-layer-info .layer=${this.infoFor} .language=${this.language} .documentUrl=${this.documentUrl}></cartable-layer-info>
      ${this.shareReady
        ? html`<cartable-share .url=${this.permalink()} .mapTitle=${title} .language=${this.language}></cartable-share>`
        : nothing}
    `;
  }

  // ------------------------------------------------------------ records (popups)

  get #placement(): PopupPlacement {
    return this.narrow ? 'sheet' : (this.context?.popup.mode ?? 'popup');
  }

  #clicks = 0;

  async #onIdentify(event: IdentifyEvent): Promise<void> {
    if (!this.embedSettings.controls.popups) return; // An embed without records: clicks only move the map.
    const click = ++this.#clicks;
    const found = (groups: readonly IdentifyGroup[]): number => groups.reduce((n, g) => n + g.items.length, 0);
    if (found(event.groups) === 0 && !event.asksServices) {
      if (this.popup) this.#closePopup({ returnFocus: false });
      return;
    }
    await loadChunk(import('./cartable-popup.js'));
    if (click !== this.#clicks) return; // A newer click, or a double click, took over.
    if (found(event.groups) > 0) this.#showFound(event.groups, event.coordinate);
    else this.notice = msg('Recherche des informations…', { id: 'popup.asking' });
    if (!event.asksServices) return;
    const answers = (await event.services).filter((g) => g.items.length > 0 || g.problem);
    if (click !== this.#clicks) return; // A newer click took over.
    if (this.notice === msg('Recherche des informations…', { id: 'popup.asking' })) this.notice = '';
    const groups = [...event.groups, ...answers];
    if (groups.length === 0) {
      if (this.popup) this.#closePopup({ returnFocus: false });
      this.notice = msg('Rien à cet endroit.', { id: 'popup.nothing' });
      return;
    }
    if (this.popup && found(event.groups) > 0) {
      // The services answered after the drawn features were shown: add them, keep what is shown.
      this.popup = { ...this.popup, groups };
      if (!this.popup.selected && found(groups) > 1) this.notice = msg(str`${found(groups)} objets trouvés à cet endroit`, { id: 'popup.found' });
      return;
    }
    this.#showFound(groups, event.coordinate);
  }

  #showFound(groups: readonly IdentifyGroup[], coordinate: Coordinate): void {
    const count = groups.reduce((n, g) => n + g.items.length, 0);
    const only = count === 1 ? { layerId: groups.find((g) => g.items.length)!.layerId, index: 0 } : undefined;
    this.#openPopup({ groups, anchor: coordinate, selected: only, openedBy: 'person' });
    this.notice = count > 1 ? msg(str`${count} objets trouvés à cet endroit`, { id: 'popup.found' }) : '';
  }

  #openedAt = 0;

  #openPopup(popup: NonNullable<CartableMapView['popup']>): void {
    this.popup = popup;
    this.#openedAt = performance.now();
    this.#select(popup.selected);
    this.#stopAnchoring?.();
    this.#stopAnchoring = this.adapter?.onRender(() => this.#placePopup());
    void this.#whenPopupDrawn().then(() => {
      this.#placePopup();
      this.#revealAnchor();
      if (popup.openedBy === 'person') void this.popupElement?.focusHeading();
    });
  }

  /** Resolves once the popup has its content, so its size is known. */
  async #whenPopupDrawn(): Promise<void> {
    await this.updateComplete;
    await this.popupElement?.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }

  #itemOf(selection: PopupSelection | undefined): IdentifiedItem | undefined {
    if (!selection || !this.popup) return undefined;
    return this.popup.groups.find((g) => g.layerId === selection.layerId)?.items[selection.index];
  }

  #highlights = 0;

  /** Shows a record: highlights its feature, names it in the store and the URL. */
  #select(selection: PopupSelection | undefined): void {
    const item = this.#itemOf(selection);
    // The record first, the halo on the next frame: redrawing a large layer must not delay the text.
    const token = ++this.#highlights;
    requestAnimationFrame(() => {
      if (token === this.#highlights) this.adapter?.highlight(item?.geometry);
    });
    const layer = selection ? this.#layersById.get(selection.layerId) : undefined;
    if (item && selection) emit(this, 'cartable-record-open', { layerId: selection.layerId });
    const id = item?.id;
    const linkable = layer && isVectorLayer(layer) && layer.idField && id !== undefined;
    this.store?.dispatch({ type: 'set-selection', selection: linkable ? { layerId: selection!.layerId, featureId: id } : undefined });
    this.#writeUrl(linkable ? { layerId: selection!.layerId, featureId: String(id) } : undefined);
    if (this.popup && item?.geometry instanceof Point) {
      this.popup = { ...this.popup, anchor: item.geometry.getCoordinates(), selected: selection };
    } else if (this.popup) {
      this.popup = { ...this.popup, selected: selection };
    }
  }

  #writeUrl(ref: Parameters<typeof withFeatureRef>[1]): void {
    if (!this.urlState) return;
    const next = withFeatureRef(new URL(location.href), ref);
    if (next.href !== location.href) history.replaceState(history.state, '', next);
  }

  #closePopup({ returnFocus }: { returnFocus: boolean }): void {
    this.popup = undefined;
    this.#stopAnchoring?.();
    this.#stopAnchoring = undefined;
    this.#highlights++;
    this.adapter?.highlight(undefined);
    this.store?.dispatch({ type: 'set-selection', selection: undefined });
    this.#writeUrl(undefined);
    if (returnFocus) this.mapTarget.focus({ preventScroll: true });
  }

  /** Keeps an anchored popup on its feature as the map moves. */
  #placePopup(): void {
    const holder = this.popupHolder;
    if (!holder || !this.popup) return;
    if (this.#placement !== 'popup') {
      holder.style.removeProperty('transform');
      return;
    }
    const pixel = this.adapter?.pixelOf(this.popup.anchor);
    if (!pixel) return;
    const area = this.mapTarget.getBoundingClientRect();
    const width = holder.offsetWidth;
    const height = holder.offsetHeight;
    const x = Math.min(Math.max(pixel[0]! - width / 2, 8), Math.max(8, area.width - width - 8));
    const above = pixel[1]! - height - 16;
    const y = above >= 8 ? above : Math.min(pixel[1]! + 16, Math.max(8, area.height - height - 8));
    holder.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  /** Makes sure the popup or the sheet does not hide the feature. */
  #revealAnchor(): void {
    if (!this.popup || !this.adapter) return;
    const area = this.mapTarget.getBoundingClientRect();
    const holder = this.popupHolder?.getBoundingClientRect();
    const placement = this.#placement;
    const margin = 24;
    if (placement === 'sheet' && holder) {
      this.adapter.panIntoView(this.popup.anchor, [margin, margin, area.width - margin, Math.max(margin * 2, holder.top - area.top - margin)]);
    } else if (placement === 'panel' && holder) {
      this.adapter.panIntoView(this.popup.anchor, [margin, margin, Math.max(margin * 2, holder.left - area.left - margin), area.height - margin]);
    } else {
      // Room above the feature for the popup, which is then placed above it.
      const needed = (this.popupHolder?.offsetHeight ?? 200) + 16 + 8;
      this.adapter.panIntoView(this.popup.anchor, [margin, Math.min(needed, area.height - margin), area.width - margin, area.height - margin]);
    }
  }

  async #copyLink(detail: { layerId: string; id: string | number }): Promise<void> {
    const url = withFeatureRef(new URL(location.href), { layerId: detail.layerId, featureId: String(detail.id) }).href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard (insecure context, refused permission): offer the link to copy by hand.
      prompt(msg('Copiez ce lien :', { id: 'popup.copyPrompt' }), url);
    }
    this.popupElement?.confirmCopied();
  }

  /** Opens the record a link names (?feature=layer~id) once its layer has loaded, without taking focus. */
  async #openLinkedFeature(): Promise<void> {
    const url = new URL(this.startUrl ?? location.href);
    const ref = readFeatureRef(url);
    // A link that also gives the view keeps it: the record opens where the person left the map.
    if (ref) await this.showFeature(ref, { openedBy: 'link', move: !url.searchParams.has('c') });
  }

  /**
   * Zooms to a feature and opens its record, once its layer has loaded (a search result, a table row,
   * a deep link). Resolves to false, with a quiet notice, when the layer or the feature is unknown.
   * A record opened by a person takes focus; one opened by a link never does.
   */
  async showFeature(
    ref: { layerId: string; featureId: string | number },
    { openedBy = 'person', move = true }: { openedBy?: 'person' | 'link'; move?: boolean } = {},
  ): Promise<boolean> {
    const store = this.store;
    if (!store) return false;
    const layer = this.#layersById.get(ref.layerId);
    if (!layer || !isVectorLayer(layer) || !layer.idField) {
      this.notice = msg('Le lien désigne une couche inconnue : la fiche ne peut pas être ouverte.', { id: 'popup.link.unknownLayer' });
      return false;
    }
    if (!store.state.layers[ref.layerId]?.visible) store.dispatch({ type: 'set-visible', id: ref.layerId, visible: true });
    const status = await new Promise<string>((resolve) => {
      const check = (): boolean => {
        const s = store.state.layers[ref.layerId]?.status;
        if (this.adapter && (s === 'ready' || s === 'error')) {
          resolve(s);
          return true;
        }
        return false;
      };
      if (check()) return;
      const stop = store.subscribe(() => {
        if (check()) stop();
      });
    });
    if (store !== this.store || status !== 'ready') return false;
    const numeric = Number(ref.featureId);
    const feature =
      this.adapter?.findFeature(ref.layerId, ref.featureId) ??
      (Number.isFinite(numeric) ? this.adapter?.findFeature(ref.layerId, numeric) : undefined) ??
      this.adapter?.findFeature(ref.layerId, String(ref.featureId));
    const geometry = feature?.getGeometry();
    if (!feature || !geometry) {
      this.notice = msg(str`La fiche « ${String(ref.featureId)} » n'existe plus dans cette couche.`, { id: 'popup.link.notFound' });
      return false;
    }
    this.#clicks++; // Whatever a click was looking up is no longer wanted.
    await loadChunk(import('./cartable-popup.js'));
    if (move) await this.adapter?.zoomTo(geometry, { duration: openedBy === 'link' ? 0 : 350 });
    const { geometry: _g, ...properties } = feature.getProperties();
    const anchor = geometry instanceof Point ? geometry.getCoordinates() : getCenter(geometry.getExtent());
    this.#openPopup({
      groups: [{ layerId: ref.layerId, items: [{ id: feature.getId(), properties, geometry }] }],
      anchor,
      selected: { layerId: ref.layerId, index: 0 },
      openedBy,
    });
    return true;
  }

  // ------------------------------------------------------------ search

  /**
   * Loads the search code at the first focus of the box, or when the browser is idle a little after
   * the first render (the first map never waits for it).
   */
  #startSearch(context: MapContext, store: MapStore): void {
    if (!context.search?.geocoder && this.#searchableIds().length === 0) return;
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => void this.#loadSearch(store), { timeout: 3000 });
      else void this.#loadSearch(store);
    }, 1500);
  }

  #searchLoading?: Promise<void>;
  #searchTools?: typeof import('../search/map-features.js');

  #loadSearch(store: MapStore | undefined = this.store): Promise<void> {
    const context = this.context;
    if (!context || !store) return Promise.resolve();
    this.#searchLoading ??= Promise.all([
      loadChunk(import('./cartable-search.js')),
      loadChunk(import('../search/map-search.js')),
      loadChunk(import('../search/map-features.js')),
      loadChunk(import('../net/requester.js')),
    ]).then(
      ([, { createMapSearch }, tools, net]) => {
        if (store !== this.store) return; // Another map took over.
        this.#searchTools = tools;
        this.search = createMapSearch({
          context,
          requester: this.requester ?? net.createRequester(),
          resolveUrl: (url) => new URL(url, this.documentUrl).href,
          language: this.language,
          texts: { places: msg('Adresses et lieux (IGN)', { id: 'search.places' }) },
          loadedFeatures: (layerId) => (this.adapter ? tools.loadedFeaturesOf(this.adapter.map, layerId) : undefined),
        });
      },
    );
    return this.#searchLoading;
  }

  /** The stand-in box was focused before the search code came: load it now and hand over. */
  async #onStandInFocus(event: FocusEvent): Promise<void> {
    const standIn = event.target as HTMLInputElement;
    await this.#loadSearch();
    await this.updateComplete;
    const box = this.renderRoot.querySelector('cartable-search');
    if (!box || !box.isConnected) return;
    await box.updateComplete;
    // The stand-in is no longer drawn once the box is defined: give focus to the box unless the
    // person has moved it somewhere else in the map meanwhile.
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (!active || active === standIn) box.focus();
    if (standIn.value) box.setQuery(standIn.value);
  }

  #searchableIds(): string[] {
    return [...this.#layersById.values()].filter((l) => isVectorLayer(l) && l.search).map((l) => l.id);
  }

  #searchBox(context: MapContext): TemplateResult | typeof nothing {
    if (!context.search?.geocoder && this.#searchableIds().length === 0) return nothing;
    return html`<cartable-search
      class="search"
      role="search"
      .provider=${this.search}
      label=${msg('Rechercher sur la carte', { id: 'search.map.label' })}
      placeholder=${msg('Lieu, site, adresse…', { id: 'search.map.placeholder' })}
      @cartable-search-select=${(e: CustomEvent<{ result: SearchResult }>) => void this.#onSearchSelect(e.detail.result)}
      @focusin=${() => void this.#loadSearch()}
    >
      <input
        class="search-standin"
        type="text"
        aria-label=${msg('Rechercher sur la carte', { id: 'search.map.label' })}
        placeholder=${msg('Lieu, site, adresse…', { id: 'search.map.placeholder' })}
        @focus=${(e: FocusEvent) => void this.#onStandInFocus(e)}
      />
    </cartable-search>`;
  }

  /** A chosen result: a feature opens its record (zooming first to where it is, when its layer reads by extent); a place centres the map. */
  async #onSearchSelect(result: SearchResult): Promise<boolean> {
    const target = result.target;
    const map = this.adapter?.map;
    if (!map || !this.#searchTools) return false;
    if (target.kind === 'place') {
      this.#searchTools.centreOn(map, target.point, target.zoom);
      this.notice = msg(str`Carte centrée sur « ${result.label} »`, { id: 'search.centred' });
      return true;
    }
    if (target.kind !== 'feature') return false;
    const layer = this.#layersById.get(target.layerId);
    // Features read for the area in view: go there first, so that the layer reads them.
    if (target.point && (layer?.type === 'wfs' || (layer?.type === 'flatgeobuf' && layer.loading === 'extent'))) {
      await this.#searchTools.goNear(map, target.point);
    }
    return this.showFeature({ layerId: target.layerId, featureId: target.featureId });
  }

  #onHover(hover: { pixel: number[]; group: IdentifyGroup } | undefined): void {
    const layer = hover ? this.#layersById.get(hover.group.layerId) : undefined;
    const item = hover?.group.items[0];
    if (!hover || !layer || !isVectorLayer(layer) || !layer.tooltip || !item) {
      if (this.tooltip) this.tooltip = undefined;
      return;
    }
    const template = textFor(layer.tooltip, this.language);
    const text = renderTemplate(template, item.properties, (_f, v) => plainText(v, this.language)).slice(0, 160);
    this.tooltip = text ? { text, x: hover.pixel[0]!, y: hover.pixel[1]! } : undefined;
  }

  #popup(): TemplateResult | typeof nothing {
    if (!this.popup) return nothing;
    const placement = this.#placement;
    return html`<div class="popup-holder ${placement}">
      <cartable-popup
        .groups=${this.popup.groups}
        .layers=${this.#layersById}
        .selected=${this.popup.selected}
        .language=${this.language}
        .placement=${placement}
        .baseUrl=${this.documentUrl}
        @cartable-popup-close=${() => this.#closePopup({ returnFocus: this.popup?.openedBy === 'person' })}
        @cartable-popup-select=${(e: CustomEvent<PopupSelection | null>) => {
          this.#select(e.detail ?? undefined);
          void this.#whenPopupDrawn().then(() => {
            this.#placePopup();
            this.#revealAnchor();
          });
        }}
        @cartable-popup-copy-link=${(e: CustomEvent<{ layerId: string; id: string | number }>) => void this.#copyLink(e.detail)}
      ></cartable-popup>
    </div>`;
  }

  // ------------------------------------------------------------ tables

  #tableLayers(): VectorLayerDef[] {
    return [...this.#layersById.values()].filter((l): l is VectorLayerDef => isVectorLayer(l) && !!l.table);
  }

  /** Opens the table of the URL (?table=…) or of the document (table.open), once the map exists. */
  #openStartTable(context: MapContext): void {
    const fromUrl = readTableUrl(new URL(this.startUrl ?? location.href));
    const layers = this.#tableLayers();
    const wanted = fromUrl.layerId ? layers.find((l) => l.id === fromUrl.layerId) : layers.find((l) => l.table!.open);
    if (fromUrl.layerId && !wanted) {
      this.notice = msg('Le lien désigne un tableau inconnu.', { id: 'table.link.unknown' });
    }
    if (wanted && context === this.context) void this.openTable(wanted.id, fromUrl.layerId ? fromUrl.query : undefined);
  }

  /** Shows a layer's table (with a query, e.g. from a link), fed by the layer's features as they load. */
  async openTable(layerId: string, query?: TableQuery): Promise<void> {
    const layer = this.#tableLayers().find((l) => l.id === layerId);
    if (!layer || !this.adapter) return;
    await loadChunk(import('./cartable-table.js')); // Loaded on first use: maps without a table never pay for it.
    this.#stopTableFeed?.();
    const columns = tableColumns(layer, layer.table!, this.language);
    const sort = layer.table!.sort;
    const defaultSort = sort ? { field: sort.field, direction: sort.direction ?? 'asc' } : undefined;
    this.tableQuery = { ...(query ?? EMPTY_QUERY), sort: query?.sort ?? defaultSort };
    const feed = (): void => {
      const rows = (this.adapter?.featuresOf(layerId) ?? []).map((feature) => {
        const { geometry, ...values } = feature.getProperties();
        const geom = feature.getGeometry();
        const at = geom instanceof Point ? geom.getCoordinates() : geom ? getCenter(geom.getExtent()) : undefined;
        return makeRow(feature.getId() ?? `#${String((feature as unknown as { ol_uid: string }).ol_uid)}`, values, columns, at ? [at[0]!, at[1]!] : undefined);
      });
      this.table = { layerId, columns, rows };
    };
    feed();
    this.#stopTableFeed = this.adapter.onFeaturesChange(layerId, feed);
    if (!this.store?.state.layers[layerId]?.visible) this.store?.dispatch({ type: 'set-visible', id: layerId, visible: true });
    this.#writeTableUrl();
    emit(this, 'cartable-table-shown', { layerId });
  }

  #closeTable(): void {
    const layerId = this.table?.layerId;
    this.#stopTableFeed?.();
    this.#stopTableFeed = undefined;
    this.table = undefined;
    if (layerId) {
      this.adapter?.setFilter(layerId, null);
      const { [layerId]: _gone, ...rest } = this.filtered;
      this.filtered = rest;
    }
    this.#writeTableUrl();
  }

  #writeTableUrl(): void {
    if (!this.urlState) return;
    const next = writeTableUrl(new URL(location.href), this.table?.layerId, this.tableQuery);
    if (next.href !== location.href) history.replaceState(history.state, '', next);
  }

  #onTableFiltered(ids: Set<string | number> | null): void {
    const table = this.table;
    if (!table) return;
    this.adapter?.setFilter(table.layerId, ids);
    const { [table.layerId]: _old, ...rest } = this.filtered;
    this.filtered = ids ? { ...rest, [table.layerId]: { kept: ids.size, total: table.rows.length } } : rest;
  }

  #tablePanel(): TemplateResult | typeof nothing {
    const table = this.table;
    if (!table) return nothing;
    const layer = this.#layersById.get(table.layerId)!;
    const partial = layer.type === 'wfs' || (layer.type === 'flatgeobuf' && layer.loading !== 'whole');
    const features = new Map<string | number, unknown>();
    return html`<section class="table-panel ${this.narrow ? 'full' : ''}" aria-label=${msg('Tableau des objets', { id: 'table.region' })}>
      ${this.#tableLayers().length > 1
        ? html`<label class="table-choice">
            ${msg('Couche', { id: 'table.layer' })}
            <select @change=${(e: Event) => void this.openTable((e.target as HTMLSelectElement).value)}>
              ${this.#tableLayers().map((l) => html`<option value=${l.id} ?selected=${l.id === table.layerId}>${textFor(l.title, this.language)}</option>`)}
            </select>
          </label>`
        : nothing}
      <cartable-table
        .columns=${table.columns}
        .rows=${table.rows}
        .query=${this.tableQuery}
        .viewExtent=${this.mapState?.view?.extent}
        .selectedId=${this.mapState?.selection?.layerId === table.layerId ? this.mapState.selection.featureId : undefined}
        .heading=${textFor(layer.title, this.language)}
        .language=${this.language}
        .cards=${this.narrow}
        .partial=${partial}
        .geometryOf=${(row: Row) => {
          if (!features.size) for (const f of this.adapter?.featuresOf(table.layerId) ?? []) features.set(f.getId() ?? '', f.getGeometry());
          const geometry = features.get(row.id) as Parameters<MapAdapter['toLonLatGeometry']>[0] | undefined;
          return geometry ? this.adapter?.toLonLatGeometry(geometry) : null;
        }}
        @cartable-table-query=${(e: CustomEvent<TableQuery>) => {
          this.tableQuery = e.detail;
          this.#writeTableUrl();
        }}
        @cartable-table-filtered=${(e: CustomEvent<{ ids: Set<string | number> | null }>) => this.#onTableFiltered(e.detail.ids)}
        @cartable-table-open-row=${(e: CustomEvent<{ id: string | number }>) => {
          if (this.narrow) this.#closeTableForMap();
          void this.showFeature({ layerId: table.layerId, featureId: e.detail.id });
        }}
        @cartable-table-close=${() => this.#closeTable()}
      ></cartable-table>
    </section>`;
  }

  /** On a phone the table covers the map: a chosen row shows the map, the filter stays on. */
  #closeTableForMap(): void {
    this.#stopTableFeed?.();
    this.#stopTableFeed = undefined;
    this.table = undefined;
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
    walkLayers(this.context ? this.#allLayers(this.context) : [], (node) => {
      if (node.id === id) found = node;
    });
    this.infoFor = found;
    void this.infoDialog.show();
  }
}

/** Resolves when the browser is idle a little after `after` (work the first frame must not wait for). */
async function whenIdle(after: Promise<unknown>): Promise<void> {
  await after;
  await new Promise((resolve) => setTimeout(resolve, 800));
  if ('requestIdleCallback' in window) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1500 }));
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-map-view': CartableMapView;
  }
}
