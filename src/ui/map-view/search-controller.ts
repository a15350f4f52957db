import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { loadChunk } from '../../offline/load-chunk.js';
import type { MapSearch } from '../../search/map-search.js';
import type { SearchResult } from '../../search/results.js';
import type { MapSession } from '../../session/map-session.js';
import type { MapViewHost } from './host.js';

/**
 * The map's search box: its code loads at the first focus of a plain stand-in box, or when the
 * browser is idle a little after the first render (the first map never waits for it). A chosen
 * feature opens its record; a chosen place centres the map.
 */
export class SearchController implements ReactiveController {
  /** The map's search (features of searchable layers, places), once loaded. */
  search?: MapSearch;
  #loading?: Promise<void>;

  constructor(private readonly host: MapViewHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** A new map: the old search goes. */
  reset(): void {
    this.search?.dispose();
    this.search = undefined;
    this.#loading = undefined;
  }

  /** The map is drawn: the search code loads when the browser is idle. */
  start(session: MapSession): void {
    if (!session.layers.searchable) return;
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => void this.load(session), { timeout: 3000 });
      else void this.load(session);
    }, 1500);
  }

  load(session: MapSession | undefined = this.host.session): Promise<void> {
    if (!session || session.signal.aborted) return Promise.resolve();
    this.#loading ??= Promise.all([
      loadChunk(import('../cartable-search.js')),
      loadChunk(import('../../search/map-search.js')),
      loadChunk(import('../../search/map-features.js')),
      session.requester(),
    ]).then(([, { createMapSearch }, tools, requester]) => {
      if (session.signal.aborted) return; // Another map took over.
      this.search = createMapSearch({
        context: session.context,
        requester,
        resolveUrl: (url) => session.resolveUrl(url),
        language: this.host.language,
        texts: { places: msg('Adresses et lieux (IGN)', { id: 'search.places' }) },
        loadedFeatures: (layerId) => (session.adapter ? tools.loadedFeaturesOf(session.adapter, layerId) : undefined),
      });
      this.host.requestUpdate();
    });
    return this.#loading;
  }

  /** The stand-in box was focused before the search code came: load it now and hand over. */
  async #standInFocused(event: FocusEvent): Promise<void> {
    const standIn = event.target as HTMLInputElement;
    await this.load();
    await this.host.updateComplete;
    const box = this.host.renderRoot.querySelector('cartable-search');
    if (!box || !box.isConnected) return;
    await box.updateComplete;
    // The stand-in is no longer drawn once the box is defined: give focus to the box unless the
    // person has moved it somewhere else in the map meanwhile.
    const root = this.host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    if (!active || active === standIn) box.focus();
    if (standIn.value) box.setQuery(standIn.value);
  }

  /** A chosen result: a feature opens its record (going first to where it is, when its layer reads by extent); a place centres the map. */
  async select(result: SearchResult): Promise<boolean> {
    const session = this.host.session;
    const adapter = session?.adapter;
    if (!session || !adapter || !this.search) return false;
    const target = result.target;
    if (target.kind === 'place') {
      adapter.centreOn(target.point, target.zoom);
      this.host.say({ code: 'search-centred', label: result.label });
      return true;
    }
    if (target.kind !== 'feature') return false;
    // Features read for the area in view: go there first, so that the layer reads them.
    if (target.point && this.search.readsByExtent(target.layerId)) await adapter.goNear(target.point);
    return this.host.showFeature({ layerId: target.layerId, featureId: target.featureId });
  }

  render(): TemplateResult | typeof nothing {
    if (!this.host.session?.layers.searchable) return nothing;
    const label = msg('Rechercher sur la carte', { id: 'search.map.label' });
    const placeholder = msg('Lieu, site, adresse…', { id: 'search.map.placeholder' });
    return html`<cartable-search
      class="search"
      slot="search"
      role="search"
      .provider=${this.search}
      label=${label}
      placeholder=${placeholder}
      @cartable-search-select=${(e: CustomEvent<{ result: SearchResult }>) => void this.select(e.detail.result)}
      @focusin=${() => void this.load()}
    >
      <input class="search-standin" type="text" aria-label=${label} placeholder=${placeholder} @focus=${(e: FocusEvent) => void this.#standInFocused(e)} />
    </cartable-search>`;
  }
}
