import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import { isVectorLayer, type LayerDef } from '../context/types.js';
import type { IdentifyGroup, IdentifiedItem } from '../identify/types.js';
import { textFor } from '../i18n/text.js';
import type { DisplayValue } from '../popup/format.js';
import { buildRecord, type RecordView } from '../popup/record.js';
import { emit } from './events.js';
import { problemList, problemLines } from './problem-lines.js';
import { popupStyles } from './cartable-popup.styles.js';
import { sanitizeHtml } from './sanitize.js';

export type PopupPlacement = 'popup' | 'panel' | 'sheet';

export interface PopupSelection {
  readonly layerId: string;
  readonly index: number;
}

/**
 * @summary The records found where a person clicked: a list grouped by layer when there are several,
 * one record with previous/next otherwise. Values are rendered as text, links (http, mailto, tel),
 * images or sanitised HTML — never as markup from the data.
 * @fires cartable-popup-select - detail: PopupSelection, or null to go back to the list
 * @fires cartable-popup-close
 * @fires cartable-popup-copy-link - detail: { layerId, id }
 * @csspart popup - the card
 */
@localized()
@element('cartable-popup')
export class CartablePopup extends LitElement {
  static override styles = popupStyles;

  /** What was found, grouped by layer. */
  @property({ attribute: false }) groups: readonly IdentifyGroup[] = [];
  /** The layers of the map, by id (titles, fields, popup settings). */
  @property({ attribute: false }) layers: ReadonlyMap<string, LayerDef> = new Map();
  /** The record shown; none: the list (or the only record). */
  @property({ attribute: false }) selected?: PopupSelection;
  @property() language = 'fr';
  @property() placement: PopupPlacement = 'popup';
  /** Base URL for relative links and images of the data. */
  @property() baseUrl = location.href;

  @state() private expanded = new Set<string>();
  @state() private copied = false;

  @query('h2') private heading?: HTMLElement;

  /** Moves focus into the popup (when a person opened it; never for a deep link). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus({ preventScroll: true });
  }

  get #items(): Array<{ layerId: string; index: number; item: IdentifiedItem }> {
    return this.groups.flatMap((g) => g.items.map((item, index) => ({ layerId: g.layerId, index, item })));
  }

  /** The record shown now: the selection, or the only result. */
  get current(): PopupSelection | undefined {
    if (this.selected) return this.selected;
    const all = this.#items;
    return all.length === 1 ? { layerId: all[0]!.layerId, index: 0 } : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('groups') || changed.has('selected')) {
      this.expanded = new Set();
      this.copied = false;
    }
  }

  override render(): TemplateResult {
    const current = this.current;
    return html`<div
      class="card"
      part="popup"
      role="dialog"
      aria-modal="false"
      aria-labelledby="popup-title"
      @keydown=${this.#onKeydown}
    >
      ${current ? this.#detail(current) : this.#list()}
    </div>`;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.#close();
    }
  }

  #close(): void {
    emit(this, 'cartable-popup-close', {});
  }

  #select(selection: PopupSelection | null): void {
    emit(this, 'cartable-popup-select', selection);
  }

  #header(title: string, subtitle?: string): TemplateResult {
    return html`<header>
      <div class="titles">
        <h2 id="popup-title" tabindex="-1">${title}</h2>
        ${subtitle ? html`<p class="subtitle">${subtitle}</p>` : nothing}
      </div>
      <button class="icon-button" aria-label=${msg('Fermer la fiche', { id: 'popup.close' })} @click=${this.#close}>
        <span aria-hidden="true">✕</span>
      </button>
    </header>`;
  }

  #list(): TemplateResult {
    const total = this.#items.length;
    const heading = total ? msg(str`${total} objets à cet endroit`, { id: 'popup.list.title' }) : msg('Aucune information disponible ici', { id: 'popup.list.none' });
    return html`${this.#header(heading)}
      <div class="body">
        ${this.groups.filter((group) => group.items.length).map((group) => {
          const title = this.#title(group.layerId);
          return html`<section aria-label=${title}>
            <h3>${title} <span class="count">(${group.items.length})</span></h3>
            <ul class="results" role="list">
              ${group.items.map(
                (item, index) => html`<li>
                  <button @click=${() => this.#select({ layerId: group.layerId, index })}>${this.#record(group.layerId, item).title}</button>
                </li>`,
              )}
            </ul>
          </section>`;
        })}
        ${this.#failures()}
      </div>`;
  }

  #title(layerId: string): string {
    const layer = this.layers.get(layerId);
    return layer ? textFor(layer.title, this.language) : layerId;
  }

  /** The layers whose service could not be asked: one translated line per cause, naming them. */
  #failures(): TemplateResult | typeof nothing {
    const failed = this.groups.flatMap((g) => (g.problem ? [{ id: g.layerId, title: this.#title(g.layerId), problem: g.problem }] : []));
    return failed.length ? html`<div class="failures">${problemList(problemLines(failed), this.language)}</div>` : nothing;
  }

  #record(layerId: string, item: IdentifiedItem): RecordView {
    const layer = this.layers.get(layerId);
    const options = { language: this.language, baseUrl: this.baseUrl };
    if (layer && isVectorLayer(layer)) return buildRecord(layer, item.properties, options);
    // A WMS answer: through the layer's template when it holds data (JSON, GML), else a plain record of its attributes.
    const wms = layer?.type === 'wms' && item.html === undefined && item.text === undefined ? layer : undefined;
    return buildRecord({ title: this.#title(layerId), fields: wms?.fields ?? [], ...(wms?.popup ? { popup: wms.popup } : {}) }, item.properties, options);
  }

  #detail(current: PopupSelection): TemplateResult {
    const all = this.#items;
    const position = all.findIndex((e) => e.layerId === current.layerId && e.index === current.index);
    const entry = all[position];
    if (!entry) return this.#list();
    const record = this.#record(entry.layerId, entry.item);
    const layer = this.layers.get(entry.layerId);
    const canLink = layer && isVectorLayer(layer) && layer.idField && entry.item.id !== undefined;
    const go = (offset: number): void => {
      const next = all[position + offset];
      if (next) this.#select({ layerId: next.layerId, index: next.index });
    };
    return html`${this.#header(record.title, record.subtitle)}
      ${all.length > 1
        ? html`<nav aria-label=${msg('Résultats', { id: 'popup.nav' })}>
            <button @click=${() => this.#select(null)}>${msg(str`← Liste (${all.length})`, { id: 'popup.back' })}</button>
            <span class="position">${position + 1} / ${all.length}</span>
            <button ?disabled=${position === 0} @click=${() => go(-1)} aria-label=${msg('Objet précédent', { id: 'popup.previous' })}>‹</button>
            <button ?disabled=${position === all.length - 1} @click=${() => go(1)} aria-label=${msg('Objet suivant', { id: 'popup.next' })}>›</button>
          </nav>`
        : nothing}
      <div class="body">
        ${layer && all.length > 1 ? html`<p class="subtitle">${textFor(layer.title, this.language)}</p>` : nothing}
        ${entry.item.html !== undefined ? html`<div class="html">${unsafeHTML(sanitizeHtml(entry.item.html))}</div>` : nothing}
        ${entry.item.text !== undefined ? html`<pre class="text">${entry.item.text}</pre>` : nothing}
        ${record.sections.map(
          (section, s) => html`${section.title ? html`<h3>${section.title}</h3>` : nothing}
            ${section.text ? html`<p>${section.text}</p>` : nothing}
            <dl>
              ${section.rows.map((row) => {
                // A lone field named like its section needs no second heading.
                const redundant = section.rows.length === 1 && section.title?.toLowerCase() === row.label.toLowerCase();
                return html`<dt class=${redundant ? 'visually-hidden' : ''}>${row.label}</dt>${this.#value(row.value, `${s}:${row.field}`)}`;
              })}
            </dl>`,
        )}
        ${record.links.length
          ? html`<ul class="links" role="list">
              ${record.links.map((link) => html`<li><a href=${link.href} target="_blank" rel="noopener noreferrer">${link.label}</a></li>`)}
            </ul>`
          : nothing}
        ${canLink
          ? html`<button
                class="copy"
                @click=${() => {
                  if (entry.item.id !== undefined) emit(this, 'cartable-popup-copy-link', { layerId: entry.layerId, id: entry.item.id });
                }}
              >
                ${msg('Copier le lien vers cette fiche', { id: 'popup.copyLink' })}
              </button>
              <p class="status" role="status">${this.copied ? msg('Lien copié.', { id: 'popup.copied' }) : ''}</p>`
          : nothing}
        ${this.#failures()}
      </div>`;
  }

  /** Tells the popup that its link was copied (the status line says so). */
  confirmCopied(): void {
    this.copied = true;
  }

  #value(value: DisplayValue, key: string): TemplateResult {
    switch (value.kind) {
      case 'link':
        return html`<dd><a href=${value.href} target="_blank" rel="noopener noreferrer">${value.text}</a></dd>`;
      case 'image':
        return html`<dd><img src=${value.src} alt=${value.alt} loading="lazy" referrerpolicy="no-referrer" /></dd>`;
      case 'html':
        return html`<dd class="html">${unsafeHTML(sanitizeHtml(value.html))}</dd>`;
      case 'text': {
        if (!value.long) return html`<dd><span class="text">${value.text}</span></dd>`;
        const open = this.expanded.has(key);
        const toggle = (): void => {
          const next = new Set(this.expanded);
          if (open) next.delete(key);
          else next.add(key);
          this.expanded = next;
        };
        return html`<dd class=${open ? '' : 'collapsed'}>
          <span class="text">${value.text}</span>
          <button class="more" aria-expanded=${open ? 'true' : 'false'} @click=${toggle}>
            ${open ? msg('Réduire', { id: 'popup.less' }) : msg('Lire la suite', { id: 'popup.more' })}
          </button>
        </dd>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-popup': CartablePopup;
  }
}
