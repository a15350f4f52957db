import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { LayerDef, SiteConfig } from '../context/types.js';
import type { Requester } from '../net/requester.js';
import type { OfferedLayer, ServiceType } from '../ogc/capabilities.js';
import { checkLayers, rawLayerOf } from '../add-layer/layer-defs.js';
import { describeServiceError, refusedOrigin } from '../add-layer/messages.js';
import { mayReach, servicePolicy } from '../add-layer/policy.js';
import { freeAddedId } from '../add-layer/refs.js';
import { findService, parseAddress, type FoundService } from '../add-layer/service.js';
import { followRemovals, type AddedLayersHost } from '../add-layer/open.js';
import { emit } from './events.js';
import { base, dialogStyles } from './theme.js';

/** Most layers listed at once: a long list is narrowed with the filter. */
const SHOWN = 150;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * @summary The « Ajouter une couche » dialog: an address of a WMS, WMTS or WFS service, its layers
 * in a searchable list (titles and abstracts), and the chosen ones sent to the map.
 * @fires cartable-layers-add - the chosen layers, as layer documents (detail: { layers })
 */
@localized()
@element('cartable-add-layer')
export class CartableAddLayer extends LitElement {
  static override styles = [
    base,
    dialogStyles,
    css`
      :host {
        --cartable-dialog-width: 40rem;
      }
      dialog[open] {
        display: flex;
        flex-direction: column;
      }
      /* The form and the list scroll; the actions stay in view (phones included). */
      .scroll {
        flex: 1 1 auto;
        min-height: 0;
        overflow: auto;
      }
      form,
      .found {
        padding: 0 1rem;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        margin-block: 0.5rem;
      }
      .inline {
        display: flex;
        gap: 0.5rem;
        align-items: end;
        flex-wrap: wrap;
      }
      .inline .field {
        flex: 1 1 10rem;
      }
      input[type='url'],
      input[type='search'],
      select {
        font: inherit;
        min-height: 2.25rem;
        padding: 0.25rem 0.5rem;
        border: 1px solid var(--cartable-border-strong);
        border-radius: var(--cartable-radius);
        background: var(--cartable-surface);
        color: inherit;
      }
      .hint {
        font-size: 0.85em;
        color: var(--cartable-muted);
        margin: 0;
      }
      .error {
        color: var(--cartable-danger);
        margin: 0.5rem 0;
      }
      .status {
        margin: 0.5rem 0;
        min-height: 1.2em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        border: 1px solid var(--cartable-border);
        border-radius: var(--cartable-radius);
      }
      li + li {
        border-top: 1px solid var(--cartable-border);
      }
      li label {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1rem 0.5rem;
        padding: 0.45rem 0.6rem;
        cursor: pointer;
      }
      li input {
        margin-top: 0.25rem;
        width: 1.1rem;
        height: 1.1rem;
        accent-color: var(--cartable-accent);
      }
      .name {
        grid-column: 2;
        font-size: 0.8em;
        color: var(--cartable-muted);
        overflow-wrap: anywhere;
      }
      .abstract {
        grid-column: 2;
        font-size: 0.85em;
        margin: 0;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .actions {
        display: flex;
        justify-content: end;
        gap: 0.5rem;
        padding: 0.75rem 1rem 1rem;
        border-top: 1px solid var(--cartable-border);
      }
      button.button[disabled] {
        opacity: 0.55;
        cursor: not-allowed;
      }
    `,
  ];

  @property({ attribute: false }) requester!: Requester;
  @property({ attribute: false }) site?: SiteConfig;
  /** Whether an id is already used by a layer of the map. */
  @property({ attribute: false }) taken: (id: string) => boolean = () => false;

  @state() private address = '';
  @state() private type: ServiceType | 'auto' = 'auto';
  @state() private busy = false;
  @state() private error = '';
  @state() private found?: FoundService;
  @state() private filter = '';
  @state() private chosen = new Set<string>();

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#address') private addressInput!: HTMLInputElement;
  #reading?: AbortController;

  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.addressInput?.focus();
  }

  close(): void {
    this.#reading?.abort();
    this.dialog?.close();
  }

  get #policy() {
    return servicePolicy(this.site, location.origin);
  }

  async #read(event: Event): Promise<void> {
    event.preventDefault();
    this.#reading?.abort();
    const reading = (this.#reading = new AbortController());
    this.error = '';
    this.found = undefined;
    this.chosen = new Set();
    this.filter = '';
    try {
      const url = parseAddress(this.address);
      if (!mayReach(url.href, this.#policy)) {
        this.error = refusedOrigin(url.origin);
        return;
      }
      this.busy = true;
      const found = await findService(url.href, this.type, this.requester, reading.signal);
      if (reading !== this.#reading) return;
      this.found = found;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#filter')?.focus();
    } catch (error) {
      if (reading !== this.#reading || reading.signal.aborted) return;
      this.error = describeServiceError(error);
    } finally {
      if (reading === this.#reading) this.busy = false;
    }
  }

  #matching(): OfferedLayer[] {
    const layers = this.found?.capabilities.layers ?? [];
    const words = fold(this.filter).split(/\s+/).filter(Boolean);
    if (!words.length) return [...layers];
    return layers.filter((layer) => {
      const haystack = fold(`${layer.title} ${layer.name} ${layer.abstract ?? ''}`);
      return words.every((w) => haystack.includes(w));
    });
  }

  #toggle(name: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(name);
    else next.delete(name);
    this.chosen = next;
  }

  async #add(): Promise<void> {
    const found = this.found;
    if (!found || !this.chosen.size) return;
    const policy = this.#policy;
    const used = new Set<string>();
    const taken = (id: string): boolean => used.has(id) || this.taken(id);
    const raw = found.capabilities.layers
      .filter((layer) => this.chosen.has(layer.name))
      .map((layer) => {
        const id = freeAddedId(taken);
        used.add(id);
        return rawLayerOf({ id, type: found.capabilities.type, endpoint: found.endpoint, layer, service: found.capabilities, mayLoad: (url) => mayReach(url, policy) });
      });
    try {
      const layers: LayerDef[] = await checkLayers(raw);
      emit(this, 'cartable-layers-add', { layers });
      this.chosen = new Set(); // Opened again, the list offers the service anew.
      this.close();
    } catch (error) {
      this.error = describeServiceError(error);
    }
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="add-title" @close=${() => this.#reading?.abort()}>
      <div class="head">
        <h2 id="add-title">${msg('Ajouter une couche', { id: 'addLayer.title' })}</h2>
        <button class="icon-button" aria-label=${msg('Fermer', { id: 'dialog.close' })} @click=${() => this.close()}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div class="scroll">
      <form @submit=${(e: Event) => void this.#read(e)}>
        <div class="field">
          <label for="address">${msg('Adresse du service (WMS, WMTS ou WFS)', { id: 'addLayer.address' })}</label>
          <input
            id="address"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            required
            aria-describedby="address-hint"
            .value=${this.address}
            @input=${(e: Event) => (this.address = (e.target as HTMLInputElement).value)}
          />
          <p class="hint" id="address-hint">
            ${msg("L'adresse du service ou de son GetCapabilities, par exemple https://data.geopf.fr/wms-r/wms", { id: 'addLayer.address.hint' })}
          </p>
        </div>
        <div class="inline">
          <div class="field">
            <label for="type">${msg('Type de service', { id: 'addLayer.type' })}</label>
            <select id="type" @change=${(e: Event) => (this.type = (e.target as HTMLSelectElement).value as ServiceType | 'auto')}>
              <option value="auto" ?selected=${this.type === 'auto'}>${msg('Détecter', { id: 'addLayer.type.auto' })}</option>
              <option value="wms" ?selected=${this.type === 'wms'}>WMS</option>
              <option value="wmts" ?selected=${this.type === 'wmts'}>WMTS</option>
              <option value="wfs" ?selected=${this.type === 'wfs'}>WFS</option>
            </select>
          </div>
          <div class="field">
            <button class="button" type="submit" ?disabled=${this.busy}>${msg('Lire le service', { id: 'addLayer.read' })}</button>
          </div>
        </div>
        <div class="status" role="status" aria-live="polite">
          ${this.busy ? msg('Lecture du service…', { id: 'addLayer.reading' }) : this.found ? this.#foundText() : nothing}
        </div>
        ${this.error ? html`<p class="error" role="alert">⚠ ${this.error}</p>` : nothing}
      </form>
      ${this.found ? this.#list() : nothing}
      </div>
      <div class="actions">
        <button class="button" @click=${() => this.close()}>${msg('Annuler', { id: 'addLayer.cancel' })}</button>
        <button class="button primary" ?disabled=${!this.chosen.size} @click=${() => void this.#add()}>
          ${this.chosen.size
            ? msg(str`Ajouter ${this.chosen.size} couche(s)`, { id: 'addLayer.add.count' })
            : msg('Ajouter', { id: 'addLayer.add' })}
        </button>
      </div>
    </dialog>`;
  }

  #foundText(): string {
    const caps = this.found!.capabilities;
    const count = caps.layers.length;
    return msg(str`${caps.title || caps.type.toUpperCase()} (${caps.type.toUpperCase()} ${caps.version}) : ${count} couche(s)`, { id: 'addLayer.found' });
  }

  #list(): TemplateResult {
    const matching = this.#matching();
    const shown = matching.slice(0, SHOWN);
    return html`<div class="found">
      <div class="field">
        <label for="filter">${msg('Filtrer les couches', { id: 'addLayer.filter' })}</label>
        <input
          id="filter"
          type="search"
          aria-controls="layers"
          aria-describedby="filter-count"
          .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
        />
      </div>
      <p class="hint" id="filter-count" aria-live="polite">
        ${matching.length > SHOWN
          ? msg(str`${matching.length} couches correspondent ; les ${SHOWN} premières sont listées : précisez le filtre.`, { id: 'addLayer.many' })
          : msg(str`${matching.length} couche(s) listée(s)`, { id: 'addLayer.count' })}
      </p>
      <ul id="layers" role="list" aria-label=${msg('Couches du service', { id: 'addLayer.list' })}>
        ${shown.map((layer, i) => {
          const id = `layer-${i}`;
          return html`<li>
            <label>
              <input
                type="checkbox"
                .checked=${this.chosen.has(layer.name)}
                aria-describedby=${layer.abstract ? `${id}-abstract` : nothing}
                @change=${(e: Event) => this.#toggle(layer.name, (e.target as HTMLInputElement).checked)}
              />
              <span>${layer.title}</span>
              <span class="name">${layer.name}</span>
              ${layer.abstract ? html`<p class="abstract" id="${id}-abstract">${layer.abstract}</p>` : nothing}
            </label>
          </li>`;
        })}
      </ul>
    </div>`;
  }
}

/**
 * Opens the dialog over a map view (created on first use, in the view's shadow root): the chosen
 * layers go to the view's store.
 */
export async function openAddLayer(view: AddedLayersHost): Promise<void> {
  const root = view.shadowRoot ?? view;
  let dialog = root.querySelector('cartable-add-layer');
  if (!dialog) {
    dialog = document.createElement('cartable-add-layer');
    dialog.addEventListener('cartable-layers-add', (event) => view.store?.dispatch({ type: 'add-layers', layers: event.detail.layers }));
    root.append(dialog);
    followRemovals(view);
  }
  Object.assign(dialog, { requester: view.requester, site: view.site, taken: (id: string) => !!view.store && id in view.store.state.layers });
  await dialog.show();
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-add-layer': CartableAddLayer;
  }
}
