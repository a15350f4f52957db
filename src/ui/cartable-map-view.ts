import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { ContextProvider } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { walkLayers } from '../context/checks.js';
import type { GroupDef, LayerDef, MapContext, SiteConfig } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import type { MapAdapter } from '../map/adapter.js';
import { olStyles } from '../map/ol-styles.js';
import type { Requester } from '../net/requester.js';
import type { MapState, MapStore } from '../state/store.js';
import type { ResolvedLayer } from '../add-layer/layer-defs.js';
import { readEmbed, type EmbedSettings } from '../embed/params.js';
import { sessionContext } from '../session/context.js';
import { MapSession } from '../session/map-session.js';
import type { SessionNotice } from '../session/notices.js';
import type { TableQuery } from '../table/query.js';
import type { CartableLayerInfo } from './cartable-layer-info.js';
import { base } from './theme.js';
import './cartable-basemaps.js';
import './cartable-map-header.js';
import './cartable-layer-tree.js';
import './cartable-legend.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';
import { loadChunk } from '../offline/load-chunk.js';
import { EmbedController } from './map-view/embed-controller.js';
import { HoverController } from './map-view/hover-controller.js';
import { noticeText } from './map-view/notice-text.js';
import { openMap } from './map-view/open-map.js';
import { RecordsController } from './map-view/records-controller.js';
import { SearchController } from './map-view/search-controller.js';
import { mapViewStyles } from './map-view/styles.js';
import { TableController } from './map-view/table-controller.js';
import { sidePanel } from './map-view/side-panel.js';
import { mapHeader } from './map-view/header.js';
import { LayoutController } from './layout/layout-controller.js';
import { followLayout, minimisedClasses } from './map-view/layout-wiring.js';

/**
 * @summary One map: header, layer list, basemaps, legend, the map and its attributions.
 * Lays the map out; the map itself is a session (src/session/), and records, tables, search and
 * embed mode are controllers (src/ui/map-view/). Children may read the session through `@lit/context`.
 * @fires cartable-map-rendered - first render with every visible layer loaded or failed, or after a deadline (src/map/first-render.ts)
 * @fires cartable-record-open - a feature's record is shown (detail: { layerId })
 * @fires cartable-table-shown - a layer's table is shown (detail: { layerId })
 * @fires cartable-language
 */
@localized()
@element('cartable-map-view')
export class CartableMapView extends LitElement {
  static override styles = [base, olStyles, mapViewStyles];

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
  /** True when the site counts usage: the panel then says what is measured and lets the person opt out. */
  @property({ type: Boolean }) analytics = false;
  /** The site's configuration (which services layers may be added from). */
  @property({ attribute: false }) site?: SiteConfig;
  /** Layers a catalogue handed over, already read: the map opens on them. */
  @property({ attribute: false }) startLayers?: readonly ResolvedLayer[];

  @state() private mapState?: MapState;
  @state() private infoFor?: LayerDef | GroupDef;
  @state() private failure?: string;
  /** A short message for screen readers (and a quiet notice on screen). */
  @state() notice?: SessionNotice;
  /** True on a phone-sized screen. */
  @state() narrow = matchMedia(NARROW).matches;
  /** The share dialog's code has loaded (on the first press of « Partager »). */
  @state() private shareReady = false;
  /** The first map has been drawn (cartable-map-rendered): what is only decoration may load. */
  @state() mapDrawn = false;

  @query('.map') readonly mapTarget!: HTMLDivElement;
  @query('cartable-layer-info') private infoDialog!: CartableLayerInfo;

  /** The map opened now. */
  session?: MapSession;
  readonly #sessionProvider = new ContextProvider(this, { context: sessionContext });
  readonly records = new RecordsController(this);
  readonly hover = new HoverController(this);
  readonly tables = new TableController(this);
  readonly searchBox = new SearchController(this);
  readonly embedMode = new EmbedController(this);
  /** Which panels are open (one sheet at a time on a phone; Esc closes the top one). */
  readonly layout = new LayoutController(this);
  /** Keeps `narrow` up to date while connected. */
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => (this.narrow = narrow));

  /** The map's store (set once a context is given), and its OpenLayers adapter once built. */
  get store(): MapStore | undefined {
    return this.session?.store;
  }
  get adapter(): MapAdapter | undefined {
    return this.session?.adapter;
  }

  say(notice: SessionNotice | undefined): void {
    this.notice = notice;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cartable-report-open', this.#onReportOpen); // The same listeners: added once.
    this.addEventListener('cartable-report-close', this.#onReportClose);
    this.addEventListener('cartable-panel-change', this.#onPanelChange);
    this.addEventListener('cartable-tool-change', this.#onToolChange);
    this.addEventListener('cartable-map-rendered', () => (this.mapDrawn = true), { once: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The bloc-marque's code only where it shows, once the map is drawn (nothing the first view needs waits for it).
    if ((changed.has('mapDrawn') || changed.has('narrow')) && this.#showsMark()) void loadChunk(import('./site-frame/cartable-site-mark.js'));
    if (!changed.has('context') || !this.context) return;
    // A document its session already shows (restyled in place: session.restyle) keeps the map; the
    // elements that read the session (the legend) read it again.
    if (this.session?.context === this.context) {
      this.#sessionProvider.setValue(this.session, true);
      return;
    }
    this.#opening = true;
    const panel = this.session?.store.state.panel;
    this.#close();
    this.embedSettings = this.embed ?? readEmbed(new URL(this.startUrl ?? location.href));
    this.toggleAttribute('embedded', this.embedSettings.embed);
    const session = new MapSession({
      context: this.context,
      documentUrl: this.documentUrl,
      requester: this.requester,
      startUrl: this.startUrl,
      urlState: this.urlState,
      onNotice: (notice) => this.say(notice),
    });
    this.session = session;
    session.actions = this; // The embed API opens and closes records and tables as a person does.
    this.#sessionProvider.setValue(session);
    this.records.reset(); // Its clicks now abort with this session.
    // An embed opens on the map alone unless its link says otherwise.
    session.store.dispatch({ type: 'set-panel', open: this.embedSettings.embed ? false : (panel ?? !this.narrow) });
    if (this.embedSettings.ignored.length) this.say({ code: 'link-ignored' });
    this.mapState = session.store.state;
    if (session.store.state.panel) this.layout.open('layers');
    const stop = session.store.subscribe((next) => {
      this.mapState = next;
      // The panel of a link or of the embed API: the layout follows the store (a phone shows one sheet).
      if (next.panel !== (this.layout.status('layers') !== 'closed')) (next.panel ? this.layout.open('layers') : this.layout.close('layers'));
      if (Object.values(next.layers).some((l) => l.status === 'error')) void loadChunk(import('./cartable-service-alerts.js')); // With the first failure.
    });
    session.signal.addEventListener('abort', stop, { once: true });
  }

  /** A new session waits for its map to be built (after this render: the map's element exists). */
  #opening = false;

  protected override updated(): void {
    if (this.#opening && this.session) {
      this.#opening = false;
      void openMap(this, this.session).catch((error: unknown) => (this.failure = error instanceof Error ? error.message : String(error)));
    }
  }

  /** A State service's small bloc-marque: on wide screens (a phone's map header has no room), not in an embed, once the map is drawn. */
  #showsMark(): boolean {
    return this.mapDrawn && !this.narrow && !this.embedSettings.embed && !!this.site?.stateService;
  }

  #close(): void {
    this.session?.dispose();
    this.session = undefined;
    for (const controller of [this.searchBox, this.tables, this.records, this.embedMode]) controller.reset();
    this.layout.clear();
  }

  /**
   * Zooms to a feature and opens its record, once its layer has loaded (a search result, a table row,
   * a deep link). Resolves to false, with a quiet notice, when the layer or the feature is unknown.
   */
  showFeature(ref: { layerId: string; featureId: string | number }, options?: { openedBy?: 'person' | 'link'; move?: boolean }): Promise<boolean> {
    return this.records.showFeature(ref, options);
  }

  /** Closes the open record, if any (the embed API; a person uses the record's close button). */
  closeRecord(): void {
    if (this.records.popup) this.records.close({ returnFocus: false });
  }

  /** Shows a layer's table (with a query, e.g. from a link). */
  openTable(layerId: string, query?: TableQuery): Promise<void> {
    return this.tables.open(layerId, query);
  }

  /** Closes the open table, if any (the embed API). */
  closeTable(): void {
    if (this.tables.shown || this.store?.state.table) this.tables.close();
  }

  /** Opens the « Partager » dialog (its code, with the QR encoder, loads on first use). */
  async openShare(): Promise<void> {
    await Promise.all([loadChunk(import('./cartable-share.js')), this.adapter && this.session?.loadPermalink()]); // A map that failed to build has no view to link.
    this.shareReady = true;
    this.requestUpdate(); // The link follows the state of now.
    await this.updateComplete;
    await this.renderRoot.querySelector('cartable-share')?.show();
  }

  readonly #onReportOpen = ({ detail }: HTMLElementEventMap['cartable-report-open']): void => void this.openReport(detail ?? undefined); // A bare CustomEvent (an embedder, a test) has none.
  readonly #onReportClose = (): void => this.layout.close('report');
  readonly #onToolChange = ({ detail }: HTMLElementEventMap['cartable-tool-change']): void => (detail.tool ? this.layout.open('tool') : this.layout.close('tool'));
  readonly #onPanelChange = (event: HTMLElementEventMap['cartable-panel-change']): void => followLayout(this, event.detail);

  /**
   * Opens the « Qu'y a-t-il ici ? » report beside the map (its code loads on first use; off in embeds
   * without ctl.report); `mode` 'commune': on « Une commune », focus in the commune box.
   */
  async openReport(options?: { mode?: 'commune' }): Promise<void> {
    if (!this.embedSettings.controls.report) return;
    // The report chooses its own place: the record it would cover closes, on every screen.
    this.closeRecord();
    this.layout.open('report');
    await (await loadChunk(import('./cartable-report.js'))).openReport(this, this.renderRoot.querySelector('.stage')!, options);
  }

  /** The link to the map as it is now: every state item of the permalink, the record, the table and the language. */
  permalink(): string {
    return this.session?.urls.url().href ?? this.startUrl ?? location.href;
  }

  /** Opens a layer's « À propos » dialog (its code loads on first use: most visits never open it). */
  async #showInfo(id: string): Promise<void> {
    let found: LayerDef | GroupDef | undefined;
    walkLayers(this.session?.layers.tree(this.mapState, this.#addedTitle()) ?? [], (node) => {
      if (node.id === id) found = node;
    });
    if (!found) return;
    await loadChunk(import('./cartable-layer-info.js'));
    this.infoFor = found;
    await this.updateComplete;
    await this.infoDialog.show();
  }

  #addedTitle(): string {
    return msg('Couches ajoutées', { id: 'addLayer.group' });
  }

  override render(): TemplateResult {
    const context = this.context;
    const session = this.session;
    if (!context || !session) return html``;
    const title = textFor(context.title, this.language);
    const { embed: embedded, controls } = this.embedSettings;
    const tableLayers = session.layers.tableLayers();
    const panelOpen = this.layout.isOpen('layers');
    const attributions = session.layers.attributions(this.mapState, this.language);
    return html`
      ${mapHeader(this, {
        title,
        search: controls.search ? this.searchBox.render() : nothing,
        brand: this.#showsMark()
          ? html`<cartable-site-mark slot="brand" .site=${this.site} .language=${this.language} .root=${this.catalogHref}></cartable-site-mark>`
          : nothing,
        tableLayers,
        panelOpen,
        onPanel: (open) => (open ? this.layout.open('layers') : this.layout.close('layers')),
      })}
      <div class="body" @cartable-layer-retry=${(e: HTMLElementEventMap['cartable-layer-retry']) => this.adapter?.retry(e.detail.id)}>
        ${sidePanel({
          host: this,
          session,
          open: panelOpen,
          filtered: this.tables.filtered,
          analytics: this.analytics,
          addLayers: !embedded && this.site?.addLayers?.enabled !== false,
          onInfo: (id) => void this.#showInfo(id),
        })}
        <main class="map-area ${minimisedClasses(this.layout)}">
          <div class="stage">
          <div
            class="map"
            tabindex="0"
            role="application"
            aria-roledescription=${msg('carte', { id: 'map.roledescription' })}
            aria-label=${msg('Carte interactive. Flèches : déplacer ; + et − : zoomer.', { id: 'map.label' })}
          ></div>
          ${this.failure ? html`<div class="map-error" role="alert">${this.failure}</div>` : nothing}
          ${this.records.render()}
          ${this.hover.render()}
          <div class="notice" role="status" aria-live="polite">${noticeText(this.notice)}</div>
          <cartable-service-alerts .language=${this.language} @cartable-focus-map=${() => this.mapTarget.focus({ preventScroll: true })}></cartable-service-alerts>
          ${controls.tools || controls.print || controls.report
            ? html`<cartable-tools ?zoom=${controls.zoom} .language=${this.language} .switches=${controls}></cartable-tools>`
            : nothing}
          ${this.embedMode.render()}
          ${attributions.length
            ? html`<div class="attributions" aria-label=${msg('Sources', { id: 'map.attributions' })}>© ${attributions.join(' · ')}</div>`
            : nothing}
          </div>
          ${this.tables.render()}
        </main>
      </div>
      ${this.infoFor ? html`<cartable-layer-info .layer=${this.infoFor} .language=${this.language}></cartable-layer-info>` : nothing}
      ${this.shareReady ? html`<cartable-share .url=${this.permalink()} .mapTitle=${title} .language=${this.language}></cartable-share>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-map-view': CartableMapView;
  }
}
