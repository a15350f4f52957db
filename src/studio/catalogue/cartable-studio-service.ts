import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { SiteConfig } from '../../context/types.js';
import { createRequester, RequestError, type Requester } from '../../net/requester.js';
import type { OfferedLayer, ServiceType } from '../../ogc/capabilities.js';
import { describeServiceError, refusedOrigin } from '../../add-layer/messages.js';
import { mayReach, servicePolicy } from '../../add-layer/policy.js';
import { findService, parseAddress, type FoundService } from '../../add-layer/service.js';
import { textFor } from '../../i18n/text.js';
import type { StudioState } from '../model/store.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { addLayerEdit, layerDefOf } from './layer-defs.js';
import { catalogueStyles } from './styles.js';

/** Most layers listed at once: a long list is narrowed with the filter. */
const SHOWN = 100;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * @summary Studio: adds layers from a WMS, WMTS or WFS service. Its capabilities are read with the
 * viewer's add-layer code (src/add-layer/service.ts); each layer listed (title, name, abstract) is
 * added as a plain layer of the document (`cartable-studio-edit`, at the end of its layers).
 */
@localized()
@element('cartable-studio-service')
export class CartableStudioService extends LitElement {
  static override styles = [base, studioForm, catalogueStyles];

  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  @property({ attribute: false }) requester?: Requester;
  @property({ attribute: false }) site?: SiteConfig;
  @property() root = new URL('./', location.href).href;

  @state() private address = '';
  @state() private type: ServiceType | 'auto' = 'auto';
  @state() private busy = false;
  @state() private error = '';
  @state() private found?: FoundService;
  @state() private filter = '';
  @state() private added = '';
  @state() private adding?: string;
  @state() private layerErrors = new Map<string, string>();
  #reading?: AbortController;
  #fallbackRequester?: Requester;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#reading?.abort();
  }

  get #requester(): Requester {
    return this.requester ?? (this.#fallbackRequester ??= createRequester());
  }

  async #read(event: Event): Promise<void> {
    event.preventDefault();
    this.#reading?.abort();
    const reading = (this.#reading = new AbortController());
    this.error = '';
    this.added = '';
    this.found = undefined;
    this.filter = '';
    this.layerErrors = new Map();
    try {
      const url = parseAddress(this.address);
      if (!mayReach(url.href, servicePolicy(this.site, location.origin))) {
        this.error = refusedOrigin(url.origin);
        return;
      }
      this.busy = true;
      const found = await findService(url.href, this.type, this.#requester, reading.signal);
      if (reading === this.#reading) this.found = found;
    } catch (error) {
      if (reading !== this.#reading || (error instanceof RequestError && error.kind === 'aborted')) return;
      this.error = describeServiceError(error);
    } finally {
      if (reading === this.#reading) this.busy = false;
    }
  }

  async #add(layer: OfferedLayer): Promise<void> {
    const document = this.state?.document;
    if (!this.found || !document || this.adding) return;
    this.adding = layer.name;
    this.added = '';
    try {
      const def = await layerDefOf({ found: this.found, layer, document, site: this.site });
      const edit = addLayerEdit(document, def);
      emitStudio(this, 'cartable-studio-edit', { edit, options: { label: msg('ajout de couche', { id: 'studio.catalogue.addLabel' }) } });
      if (edit.type === 'insert') emitStudio(this, 'cartable-studio-select-layer', { path: ['layers', edit.index] });
      this.added = msg(str`Couche « ${textFor(def['title'] as string, this.language)} » ajoutée au document.`, { id: 'studio.catalogue.added' });
    } catch (error) {
      this.layerErrors = new Map(this.layerErrors).set(layer.name, describeServiceError(error));
    } finally {
      this.adding = undefined;
    }
  }

  #matching(): OfferedLayer[] {
    const layers = this.found?.capabilities.layers ?? [];
    const words = fold(this.filter).split(/\s+/).filter(Boolean);
    return layers.filter((layer) => words.every((w) => fold(`${layer.title} ${layer.name} ${layer.abstract ?? ''}`).includes(w)));
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="service-title">
      <h3 id="service-title">${msg('Ajouter depuis un service', { id: 'studio.service.title' })}</h3>
      <form @submit=${(e: Event) => void this.#read(e)}>
        <label for="service-url">${msg('Adresse du service (WMS, WMTS ou WFS)', { id: 'studio.service.address' })}</label>
        <input
          id="service-url"
          type="url"
          inputmode="url"
          spellcheck="false"
          aria-describedby="service-url-hint"
          .value=${this.address}
          @input=${(e: Event) => (this.address = (e.target as HTMLInputElement).value)}
        />
        <p class="hint" id="service-url-hint">${msg('L’adresse du service ou de son GetCapabilities, par exemple https://data.geopf.fr/wms-r/wms', { id: 'studio.service.address.hint' })}</p>
        <div class="search">
          <div>
            <label for="service-type">${msg('Type de service', { id: 'studio.service.type' })}</label>
            <select id="service-type" @change=${(e: Event) => (this.type = (e.target as HTMLSelectElement).value as ServiceType | 'auto')}>
              <option value="auto" ?selected=${this.type === 'auto'}>${msg('Détecter', { id: 'studio.service.type.auto' })}</option>
              <option value="wms" ?selected=${this.type === 'wms'}>WMS</option>
              <option value="wmts" ?selected=${this.type === 'wmts'}>WMTS</option>
              <option value="wfs" ?selected=${this.type === 'wfs'}>WFS</option>
            </select>
          </div>
          <button type="submit" class="primary">${msg('Lire le service', { id: 'studio.service.read' })}</button>
        </div>
      </form>
      <p class="status" role="status">${this.busy ? msg('Lecture du service…', { id: 'studio.catalogue.reading' }) : this.#statusText()}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.found ? this.#list() : nothing}
    </section>`;
  }

  #statusText(): string {
    if (this.added) return this.added;
    if (!this.found) return '';
    const caps = this.found.capabilities;
    return msg(str`${caps.title || caps.type.toUpperCase()} (${caps.type.toUpperCase()} ${caps.version}) : ${caps.layers.length} couche(s)`, { id: 'studio.service.found' });
  }

  #list(): TemplateResult {
    const matching = this.#matching();
    return html`<label for="service-filter">${msg('Filtrer les couches', { id: 'studio.service.filter' })}</label>
      <input id="service-filter" type="search" aria-controls="service-layers" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      <p class="hint" aria-live="polite">
        ${matching.length > SHOWN
          ? msg(str`${matching.length} couches correspondent ; les ${SHOWN} premières sont listées : précisez le filtre.`, { id: 'studio.service.many' })
          : msg(str`${matching.length} couche(s) listée(s)`, { id: 'studio.service.count' })}
      </p>
      <ul class="results" id="service-layers" aria-label=${msg('Couches du service', { id: 'studio.service.layers' })}>
        ${matching.slice(0, SHOWN).map((layer, i) => this.#layer(layer, `layer-${i}`))}
      </ul>`;
  }

  #layer(layer: OfferedLayer, id: string): TemplateResult {
    const error = this.layerErrors.get(layer.name);
    return html`<li>
      <div class="layer-head">
        <div class="layer-text">
          <h4 id="${id}-title">${layer.title || layer.name}</h4>
          <span class="name">${layer.name}</span>
        </div>
        <button
          type="button"
          aria-label=${msg(str`Ajouter ${layer.title || layer.name}`, { id: 'studio.service.add.label' })}
          aria-describedby=${error ? `${id}-error` : nothing}
          ?disabled=${!!this.adding}
          @click=${() => void this.#add(layer)}
        >
          ${msg('Ajouter', { id: 'studio.catalogue.add' })}
        </button>
      </div>
      ${layer.abstract ? html`<p class="abstract clamp">${layer.abstract}</p>` : nothing}
      ${error ? html`<p class="link-error" id="${id}-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-service': CartableStudioService;
  }
}
