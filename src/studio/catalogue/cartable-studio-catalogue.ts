import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { SiteConfig } from '../../context/types.js';
import { createRequester, RequestError, type Requester } from '../../net/requester.js';
import { refusedOrigin } from '../../add-layer/messages.js';
import { mayReach, servicePolicy } from '../../add-layer/policy.js';
import { AddressError, parseAddress } from '../../add-layer/service.js';
import { textFor } from '../../i18n/text.js';
import type { StudioState } from '../model/store.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { addLayerEdit, layerOfLink } from './layer-defs.js';
import { describeCatalogueError, describeLayerError } from './messages.js';
import type { CatalogueRecord, OgcLink } from './records.js';
import { searchAddress, searchCatalogue, siteCatalogue, type CatalogueKind, type CatalogueSetting } from './search.js';
import { catalogueStyles, shorten } from './styles.js';

type Found = { readonly words: string; readonly records: readonly CatalogueRecord[] };

/**
 * @summary Studio: adds layers from the platform's catalogue. Words are searched in a GeoNetwork 4 (or
 * a CSW 2.0.2): each record found shows its title, abstract and OGC links; « Ajouter » reads the link's
 * service and sends the layer up (`cartable-studio-edit`, at the end of the document's layers) with
 * the record's page as its `info.metadata`.
 */
@localized()
@element('cartable-studio-catalogue')
export class CartableStudioCatalogue extends LitElement {
  static override styles = [base, studioForm, catalogueStyles];

  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  @property({ attribute: false }) requester?: Requester;
  @property({ attribute: false }) site?: SiteConfig;
  @property() root = new URL('./', location.href).href;

  @state() private address = '';
  @state() private kind: CatalogueKind = 'geonetwork';
  @state() private words = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private found?: Found;
  @state() private expanded = new Set<string>();
  /** The link being read (record id + link index), its error, the last layer added. */
  @state() private adding?: string;
  @state() private linkErrors = new Map<string, string>();
  @state() private added = '';
  #search?: AbortController;
  #fallbackRequester?: Requester;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#search?.abort();
  }

  get #requester(): Requester {
    return this.requester ?? (this.#fallbackRequester ??= createRequester());
  }

  /** The site's catalogue, else the one typed here (undefined with a message when it cannot be read). */
  #setting(): CatalogueSetting | string {
    const configured = siteCatalogue(this.site);
    if (configured) return configured;
    try {
      const url = parseAddress(this.address);
      const setting = { url: url.href, kind: this.kind };
      const target = new URL(searchAddress(setting));
      if (!mayReach(target.href, servicePolicy(this.site, location.origin))) return refusedOrigin(target.origin);
      return setting;
    } catch (error) {
      if (error instanceof AddressError && error.message === 'empty') return msg("Saisissez l'adresse du catalogue.", { id: 'studio.catalogue.error.noAddress' });
      return msg("L'adresse du catalogue n'est pas une adresse web (elle doit commencer par https://).", { id: 'studio.catalogue.error.address' });
    }
  }

  async #run(event: Event): Promise<void> {
    event.preventDefault();
    // A new search replaces the one in flight.
    this.#search?.abort();
    const search = (this.#search = new AbortController());
    this.error = '';
    this.added = '';
    this.linkErrors = new Map();
    const words = this.words.trim();
    if (!words) {
      this.found = undefined;
      this.error = msg('Saisissez un ou plusieurs mots à chercher.', { id: 'studio.catalogue.error.noWords' });
      return;
    }
    const setting = this.#setting();
    if (typeof setting === 'string') {
      this.found = undefined;
      this.error = setting;
      return;
    }
    this.busy = true;
    try {
      const records = await searchCatalogue(setting, words, this.#requester, search.signal);
      if (search !== this.#search) return;
      this.found = { words, records };
      this.expanded = new Set();
    } catch (error) {
      if (search !== this.#search || (error instanceof RequestError && error.kind === 'aborted')) return;
      this.found = undefined;
      this.error = describeCatalogueError(error);
    } finally {
      if (search === this.#search) this.busy = false;
    }
  }

  async #add(record: CatalogueRecord, link: OgcLink, key: string): Promise<void> {
    const document = this.state?.document;
    if (!document || this.adding) return;
    this.adding = key;
    this.added = '';
    const errors = new Map(this.linkErrors);
    errors.delete(key);
    this.linkErrors = errors;
    try {
      const policy = servicePolicy(this.site, location.origin);
      if (!mayReach(link.url, policy)) throw new OriginRefused(new URL(link.url).origin);
      const layer = await layerOfLink({ record, link, requester: this.#requester, document, site: this.site });
      const edit = addLayerEdit(document, layer);
      emitStudio(this, 'cartable-studio-edit', { edit, options: { label: msg('ajout de couche', { id: 'studio.catalogue.addLabel' }) } });
      if (edit.type === 'insert') emitStudio(this, 'cartable-studio-select-layer', { path: ['layers', edit.index] });
      this.added = msg(str`Couche « ${textFor(layer['title'] as string, this.language)} » ajoutée au document.`, { id: 'studio.catalogue.added' });
    } catch (error) {
      const next = new Map(this.linkErrors);
      next.set(key, error instanceof OriginRefused ? refusedOrigin(error.message) : describeLayerError(error));
      this.linkErrors = next;
    } finally {
      this.adding = undefined;
    }
  }

  #toggle(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  override render(): TemplateResult {
    const configured = siteCatalogue(this.site);
    return html`<section aria-labelledby="catalogue-title">
      <h3 id="catalogue-title">${msg('Ajouter depuis le catalogue', { id: 'studio.catalogue.title' })}</h3>
      <form role="search" aria-labelledby="catalogue-title" @submit=${(e: Event) => void this.#run(e)}>
        ${configured ? html`<p class="hint">${msg(str`Catalogue de la plateforme : ${new URL(configured.url).host}`, { id: 'studio.catalogue.configured' })}</p>` : this.#addressFields()}
        <div class="search">
          <div>
            <label for="catalogue-words">${msg('Mots à chercher', { id: 'studio.catalogue.words' })}</label>
            <input id="catalogue-words" type="search" .value=${this.words} @input=${(e: Event) => (this.words = (e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="primary">${msg('Chercher', { id: 'studio.catalogue.search' })}</button>
        </div>
      </form>
      <p class="status" role="status">${this.busy ? msg('Recherche dans le catalogue…', { id: 'studio.catalogue.searching' }) : this.#statusText()}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.found?.records.length ? this.#list(this.found.records) : nothing}
    </section>`;
  }

  #addressFields(): TemplateResult {
    return html`<div class="row">
        <div>
          <label for="catalogue-url">${msg('Adresse du catalogue', { id: 'studio.catalogue.address' })}</label>
          <input
            id="catalogue-url"
            type="url"
            inputmode="url"
            spellcheck="false"
            aria-describedby="catalogue-url-hint"
            .value=${this.address}
            @input=${(e: Event) => (this.address = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="catalogue-kind">${msg('Type de catalogue', { id: 'studio.catalogue.kind' })}</label>
          <select id="catalogue-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as CatalogueKind)}>
            <option value="geonetwork" ?selected=${this.kind === 'geonetwork'}>GeoNetwork 4</option>
            <option value="csw" ?selected=${this.kind === 'csw'}>CSW 2.0.2</option>
          </select>
        </div>
      </div>
      <p class="hint" id="catalogue-url-hint">
        ${msg('La racine d’un GeoNetwork (https://…/geonetwork) ou l’adresse d’un service CSW.', { id: 'studio.catalogue.address.hint' })}
      </p>`;
  }

  #statusText(): string {
    if (this.added) return this.added;
    if (!this.found) return '';
    const count = this.found.records.length;
    if (!count) return msg(str`Aucune fiche avec un service WMS, WMTS ou WFS ne répond à « ${this.found.words} ».`, { id: 'studio.catalogue.none' });
    return msg(str`${count} fiche(s) trouvée(s) pour « ${this.found.words} ».`, { id: 'studio.catalogue.count' });
  }

  #list(records: readonly CatalogueRecord[]): TemplateResult {
    return html`<ul class="results" aria-label=${msg('Fiches du catalogue', { id: 'studio.catalogue.records' })}>
      ${records.map((record, i) => this.#record(record, `record-${i}`))}
    </ul>`;
  }

  #record(record: CatalogueRecord, id: string): TemplateResult {
    const open = this.expanded.has(record.id);
    const summary = record.abstract ? shorten(record.abstract) : undefined;
    return html`<li>
      <article aria-labelledby="${id}-title">
        <h4 id="${id}-title">${record.title}</h4>
        ${summary
          ? html`<p class="abstract" id="${id}-abstract">${open ? record.abstract : summary.text}</p>
              ${summary.cut
                ? html`<button type="button" class="link" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-abstract" @click=${() => this.#toggle(record.id)}>
                    ${open ? msg('Réduire le résumé', { id: 'studio.catalogue.less' }) : msg('Lire tout le résumé', { id: 'studio.catalogue.more' })}
                  </button>`
                : nothing}`
          : nothing}
        <a class="page" href=${record.page} target="_blank" rel="noopener">${msg('Fiche dans le catalogue', { id: 'studio.catalogue.page' })}</a>
        ${record.links.length
          ? html`<ul class="links" aria-label=${msg('Services de la fiche', { id: 'studio.catalogue.links' })}>
              ${record.links.map((link, j) => this.#link(record, link, `${id}-link-${j}`))}
            </ul>`
          : html`<p class="hint">${msg('Cette fiche ne donne aucun service WMS, WMTS ou WFS.', { id: 'studio.catalogue.noLinks' })}</p>`}
      </article>
    </li>`;
  }

  #link(record: CatalogueRecord, link: OgcLink, key: string): TemplateResult {
    const error = this.linkErrors.get(key);
    const name = link.name ?? new URL(link.url).host;
    return html`<li>
      <span class="kind">${link.type.toUpperCase()}</span>
      <span class="name">${name}</span>
      <button
        type="button"
        aria-label=${msg(str`Ajouter ${name} (${link.type.toUpperCase()})`, { id: 'studio.catalogue.add.label' })}
        aria-describedby=${error ? `${key}-error` : nothing}
        ?disabled=${!!this.adding}
        @click=${() => void this.#add(record, link, key)}
      >
        ${this.adding === key ? msg('Lecture du service…', { id: 'studio.catalogue.reading' }) : msg('Ajouter', { id: 'studio.catalogue.add' })}
      </button>
      ${error ? html`<p class="link-error" id="${key}-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }
}

/** The link's service is not among the origins the site may read (its message: the origin). */
class OriginRefused extends Error {}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-catalogue': CartableStudioCatalogue;
  }
}
