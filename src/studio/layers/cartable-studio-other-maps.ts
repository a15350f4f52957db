import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { Catalog, CatalogEntry } from '../../context/catalog.js';
import type { Requester } from '../../net/requester.js';
import { textFor } from '../../i18n/text.js';
import type { StudioState } from '../model/store.js';
import { isObject, type JsonObject } from '../model/json.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { treeRows, takenIds, withFreshIds, type TreeRow } from './tree.js';
import { layersStyles } from './layers-styles.js';

type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'failed' };

/**
 * @summary Studio: copies a layer (or a group) of another map of the site into the document. The
 * copy keeps its data as it is (a `file` keeps its path, a `source` its source); a taken id gets a
 * new one.
 */
@localized()
@element('cartable-studio-other-maps')
export class CartableStudioOtherMaps extends LitElement {
  static override styles = [base, studioForm, layersStyles];

  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  @property({ attribute: false }) requester?: Requester;
  @property() root = new URL('./', location.href).href;

  @state() private catalog?: Loaded<readonly CatalogEntry[]>;
  @state() private documents: Record<string, Loaded<JsonObject>> = {};
  @state() private open?: string;
  @state() private done = '';

  async #json(url: string): Promise<unknown> {
    const response = this.requester ? await this.requester.fetch(url) : await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.catalog) void this.#loadCatalog();
  }

  async #loadCatalog(): Promise<void> {
    this.catalog = { status: 'loading' };
    try {
      const catalog = (await this.#json(new URL('catalog.json', this.root).href)) as Catalog;
      this.catalog = { status: 'ready', value: Array.isArray(catalog.maps) ? catalog.maps : [] };
    } catch {
      this.catalog = { status: 'failed' };
    }
  }

  async #toggle(entry: CatalogEntry): Promise<void> {
    this.open = this.open === entry.id ? undefined : entry.id;
    if (!this.open || this.documents[entry.id]?.status === 'ready') return;
    this.documents = { ...this.documents, [entry.id]: { status: 'loading' } };
    try {
      const document = await this.#json(new URL(entry.document, this.root).href);
      if (!isObject(document)) throw new Error('not an object');
      this.documents = { ...this.documents, [entry.id]: { status: 'ready', value: document } };
    } catch {
      this.documents = { ...this.documents, [entry.id]: { status: 'failed' } };
    }
  }

  #add(row: TreeRow, entry: CatalogEntry): void {
    const state = this.state;
    if (!state) return;
    const copy = withFreshIds(row.node, takenIds(state.document));
    const title = textFor(row.node.title as never, this.language);
    emitStudio(this, 'cartable-studio-edit', { edit: { type: 'insert', path: ['layers'], index: 0, value: copy }, options: { label: msg(str`ajouter « ${title} »`, { id: 'studio.layers.add.undo' }) } });
    if (!row.group) emitStudio(this, 'cartable-studio-select-layer', { path: ['layers', 0] });
    this.done = msg(str`« ${title} » (de « ${textFor(entry.title, this.language)} ») ajoutée en tête, identifiant « ${String(copy.id)} ».`, { id: 'studio.layers.copied' });
  }

  #layers(entry: CatalogEntry): TemplateResult | typeof nothing {
    const loaded = this.documents[entry.id];
    if (!loaded || loaded.status === 'loading') return html`<p class="message" role="status">${msg('Chargement…', { id: 'studio.layers.part.loading' })}</p>`;
    if (loaded.status === 'failed') return html`<p class="message error" role="alert">${msg('Le document de cette carte n’a pas pu être lu.', { id: 'studio.layers.maps.docFailed' })}</p>`;
    const rows = treeRows(loaded.value);
    if (!rows.length) return html`<p class="hint">${msg('Cette carte n’a pas de couche.', { id: 'studio.layers.maps.none' })}</p>`;
    return html`<ul id=${`layers-of-${entry.id}`}>
      ${rows.map((row) => {
        const title = textFor(row.node.title as never, this.language);
        return html`<li style=${`padding-left: ${row.depth}rem`}>
          <span>${title} <span class="hint">${row.group ? msg('groupe', { id: 'studio.layers.maps.group' }) : String(row.node.type)}</span></span>
          <button type="button" data-layer=${String(row.node.id)} aria-label=${msg(str`Ajouter « ${title} »`, { id: 'studio.layers.maps.addOne' })} @click=${() => this.#add(row, entry)}>
            ${msg('Ajouter', { id: 'studio.layers.maps.add' })}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  override render(): TemplateResult {
    const catalog = this.catalog;
    if (!catalog || catalog.status === 'loading') return html`<p class="message" role="status">${msg('Chargement…', { id: 'studio.layers.part.loading' })}</p>`;
    if (catalog.status === 'failed')
      return html`<p class="message error" role="alert">${msg('La liste des cartes du site (catalog.json) n’a pas pu être lue.', { id: 'studio.layers.maps.failed' })}</p>`;
    const current = this.state?.document.id;
    const maps = catalog.value.filter((entry) => entry.id !== current);
    if (!maps.length) return html`<p class="hint">${msg('Le site n’a pas d’autre carte.', { id: 'studio.layers.maps.empty' })}</p>`;
    return html`<ul class="maps">
        ${maps.map(
          (entry) => html`<li>
            <button type="button" data-map=${entry.id} aria-expanded=${this.open === entry.id ? 'true' : 'false'} aria-controls=${`layers-of-${entry.id}`} @click=${() => void this.#toggle(entry)}>
              ${textFor(entry.title, this.language)}
            </button>
            ${this.open === entry.id ? this.#layers(entry) : nothing}
          </li>`,
        )}
      </ul>
      <p class="message" role="status">${this.done}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-other-maps': CartableStudioOtherMaps;
  }
}
