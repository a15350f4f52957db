import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import '../../ui/cartable-map-view.js';
import type { CartableMapView } from '../../ui/cartable-map-view.js';
import type { MapContext, SiteConfig } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import type { PackagedFile } from '../model/edits.js';
import type { StudioData, StudioRecord } from '../data.js';
import { emitStudio } from '../events.js';
import { filesRequester } from './files-requester.js';
import { previewSources } from './preview-sources.js';
import { isDevelopment } from '../save/dev-server.js';
import { keptView, layerRecords, selectedRecord, viewInDocument } from '../../session/read-back.js';
import { styleChanges } from './style-changes.js';
import { restyleSession } from '../../session/restyle.js';

/**
 * @summary The live map of the studio: the document as the viewer shows it, its legend and records.
 * Shows the last valid document (a problem being fixed does not blank the map); the view the person
 * framed is kept from one version to the next. Editors ask it for records and the view (StudioData).
 * @fires cartable-studio-feature - a record was opened on the map
 */
@localized()
@element('cartable-studio-preview')
export class CartableStudioPreview extends LitElement implements StudioData {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        position: relative;
        height: 100%;
        min-height: 0;
      }
      cartable-map-view {
        height: 100%;
      }
      .empty {
        display: grid;
        place-items: center;
        height: 100%;
        padding: var(--cartable-space-4);
        color: var(--cartable-muted);
        text-align: center;
      }
    `,
  ];

  /** The document to show (the studio's last valid one). */
  @property({ attribute: false }) context?: MapContext;
  /** The files it packages, not yet saved: read from memory. */
  @property({ attribute: false }) files: ReadonlyMap<string, PackagedFile> = new Map();
  @property({ attribute: false }) requester?: Requester;
  @property({ attribute: false }) site?: SiteConfig;
  /** The site's root URL (the document's address is <root>maps/<id>.json). */
  @property() root = new URL('./', location.href).href;
  @property() language = 'fr';
  /**
   * A document whose only change is its layers' styles is drawn on the map in place (its features
   * kept: no reload). False: every change builds the map anew (the benchmark's baseline).
   */
  @property({ attribute: false }) restyleInPlace = true;

  /** What the map view shows: the document, with the view the person left the map at. */
  @state() private shown?: MapContext;
  #shownRequester?: Requester;
  #stopSelection?: () => void;

  get #mapView(): CartableMapView | null {
    return this.renderRoot.querySelector('cartable-map-view');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('context') || changed.has('files')) && this.context) {
      const previous = changed.get('context') as MapContext | undefined;
      if (!changed.has('files') && this.#restyled(previous)) return;
      const state = this.#mapView?.store?.state.view;
      // The person's framing stays unless the document's own view changed.
      const shown = previous && state && JSON.stringify(previous.view) === JSON.stringify(this.context.view) ? keptView(this.context, state) : this.context;
      // Under `npm start`, `source` layers read the development server's copy of their data.
      this.shown = isDevelopment() ? previewSources(shown, this.root) : shown;
      if (this.requester) this.#shownRequester = filesRequester(this.requester, this.files, `${this.root}maps/`);
    }
  }

  constructor() {
    super();
    // The map view makes its session after this element's last update: a record shown before the
    // store was watched starts the watch, and is told (the selection is set right after the event).
    this.addEventListener('cartable-record-open', () =>
      queueMicrotask(() => {
        const view = this.#mapView;
        if (!view?.store || this.#watched === view.store) return;
        this.updated();
        const picked = view.session && selectedRecord(view.session);
        if (picked) emitStudio(this, 'cartable-studio-feature', picked);
      }),
    );
  }

  /** True when the map's session took the new document's styles in place (MapSession.restyle). */
  #restyled(previous: MapContext | undefined): boolean {
    const session = this.#mapView?.session;
    if (!this.restyleInPlace || !previous || !this.context || !this.shown || session?.context !== this.shown) return false;
    const changed = styleChanges({ previous, next: this.context });
    if (!changed) return false;
    // The shown document (the person's framing) with the new layers: only their styles differ.
    const next = { ...this.shown, layers: this.context.layers };
    if (!restyleSession(session, next, changed)) return false;
    this.shown = next;
    return true;
  }

  protected override updated(): void {
    // The record opened on the map: the records editor previews its template on it.
    const view = this.#mapView;
    const store = view?.store;
    if (!store || this.#watched === store) return;
    this.#stopSelection?.();
    this.#watched = store;
    let last = store.state.selection;
    this.#stopSelection = store.subscribe((next) => {
      if (next.selection === last) return;
      last = next.selection;
      const picked = view.session && selectedRecord(view.session);
      if (picked) emitStudio(this, 'cartable-studio-feature', picked);
    });
  }
  #watched?: unknown;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopSelection?.();
    this.#watched = undefined;
  }

  async records(layerId: string): Promise<readonly StudioRecord[]> {
    // The map of the document shown now: an editor may ask while a new one is being given.
    for (;;) {
      await this.updateComplete;
      const view = this.#mapView;
      await view?.updateComplete;
      const session = view?.session;
      if (!session) return [];
      const records = await layerRecords(session, layerId);
      // A map replaced meanwhile answers nothing: ask the one that took its place.
      if (!session.signal.aborted || !this.isConnected) return records;
    }
  }

  async currentView(): Promise<{ center: [number, number]; zoom?: number; resolution?: number } | undefined> {
    const view = this.#mapView;
    const state = view?.store?.state.view;
    if (!view?.session || !state || !this.shown) return undefined;
    return viewInDocument(this.shown, state);
  }

  override render(): TemplateResult {
    if (!this.shown) return html`<p class="empty">${msg('L’aperçu de la carte s’affiche dès que le document est valide.', { id: 'studio.preview.empty' })}</p>`;
    return html`<cartable-map-view
      .context=${this.shown}
      .requester=${this.#shownRequester}
      .documentUrl=${`${this.root}maps/${this.shown.id}.json`}
      .startUrl=${this.root}
      .urlState=${false}
      .language=${this.language}
      .catalogHref=${this.root}
      .site=${this.site}
    ></cartable-map-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-preview': CartableStudioPreview;
  }
}
