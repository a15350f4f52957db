import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { CatalogEntry, SiteConfig } from '../context/types.js';
import type { AuthSession } from '../auth/has-session.js';
import type { Requester } from '../net/requester.js';
import { textFor } from '../i18n/text.js';
import { foldText, matchesAllWords } from '../search/normalize.js';
import { placeholderThumbnail } from './placeholder.js';
import { safeUrl } from './safe-url.js';
import { base } from './theme.js';
import type { CatalogSearch } from '../search/catalog-search.js';
import type { SearchResult } from '../search/results.js';
import './cartable-language-switch.js';
import './site-frame/cartable-site-header.js';
import './site-frame/cartable-site-footer.js';
import { loadChunk } from '../offline/load-chunk.js';

/**
 * @summary The home page: the platform's maps as cards, with a filter box.
 * @fires cartable-language
 * @csspart card - one map card
 */
@localized()
@element('cartable-catalog')
export class CartableCatalog extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-height: 100%;
        background: var(--cartable-bg);
      }
      main {
        max-width: 72rem;
        margin: 0 auto;
        padding: 1.5rem clamp(1rem, 4vw, 2.5rem) 3rem;
      }
      h1 {
        font-size: clamp(1.5rem, 3vw, 2rem);
        margin: 0 0 1rem;
      }
      .filter {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 1.25rem;
      }
      .filter-label {
        font-weight: 600;
      }
      .filter .search {
        flex: 1 1 16rem;
        max-width: 28rem;
      }
      cartable-search:not(:defined) {
        min-height: 2.6rem;
      }
      .filter input {
        flex: 1 1 16rem;
        max-width: 28rem;
        min-height: 2.6rem;
        padding: 0.4rem 0.7rem;
        font: inherit;
        border: 1px solid var(--cartable-border-strong);
        border-radius: var(--cartable-radius);
        background: var(--cartable-surface);
        color: inherit;
      }
      .count {
        color: var(--cartable-muted);
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
        gap: 1.1rem;
      }
      .card {
        position: relative;
        display: flex;
        flex-direction: column;
        background: var(--cartable-surface);
        border: 1px solid var(--cartable-border);
        border-radius: var(--cartable-radius-large);
        overflow: hidden;
        transition: box-shadow 0.15s;
      }
      .card:hover,
      .card:focus-within {
        box-shadow: var(--cartable-shadow-medium);
      }
      .thumb {
        aspect-ratio: 16 / 9;
        background: var(--cartable-hover);
      }
      .thumb img,
      .thumb svg {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
      .content {
        padding: 0.8rem 1rem 1rem;
        display: flex;
        flex-direction: column;
        gap: 0.45rem;
        flex: 1;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0;
      }
      h2 a {
        color: var(--cartable-text);
        text-decoration: none;
      }
      /* The whole card is the link's target area. */
      h2 a::after {
        content: '';
        position: absolute;
        inset: 0;
      }
      h2 a:focus-visible {
        outline: none;
      }
      .card:has(a:focus-visible) {
        outline: var(--cartable-focus-width) solid var(--cartable-focus);
        outline-offset: 2px;
      }
      .description {
        margin: 0;
        color: var(--cartable-muted);
        font-size: 0.93em;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      ul.tags {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin: auto 0 0;
        padding: 0.3rem 0 0;
      }
      ul.tags li {
        font-size: 0.78em;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        background: var(--cartable-tag-bg);
        color: var(--cartable-tag-text);
      }
      .offline {
        font-size: 0.8em;
        color: var(--cartable-success);
      }
    `,
  ];

  @property({ attribute: false }) entries: readonly CatalogEntry[] = [];
  @property({ attribute: false }) site?: SiteConfig;
  @property() language = 'fr';
  /** The site's root URL: entries' pages are relative to it. */
  @property() root = location.href;
  /** Sign-in (sites with `signIn`): loads the session; the header's control and restricted maps use it. */
  @property({ attribute: false }) auth?: () => Promise<AuthSession>;
  @property({ attribute: false }) requester?: Requester;

  @state() private filter = '';
  /** The search box's index of the maps (its code loads after the first render). */
  @state() private search?: CatalogSearch;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.auth) void loadChunk(import('./cartable-sign-in.js'));
    void Promise.all([loadChunk(import('./cartable-search.js')), loadChunk(import('../search/catalog-search.js'))]).then(([, { createCatalogSearch }]) => {
      this.#searchModule = createCatalogSearch;
      this.#makeSearch();
    });
  }

  #searchModule?: typeof import('../search/catalog-search.js').createCatalogSearch;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('entries') || changed.has('language') || changed.has('root')) && this.#searchModule) this.#makeSearch();
  }

  #makeSearch(): void {
    this.search = this.#searchModule?.({
      entries: this.entries,
      language: this.language,
      href: (entry) => this.#href(entry),
      title: msg('Cartes', { id: 'search.catalog.group' }),
    });
  }

  #href(entry: CatalogEntry): string {
    const href = new URL(entry.page, this.root);
    if (this.language !== 'fr') href.searchParams.set('lang', this.language);
    return href.href;
  }

  /** The entries whose title, description, tags or layer names hold every word typed. */
  get visibleEntries(): readonly CatalogEntry[] {
    if (!this.filter.trim()) return this.entries;
    const found = this.search?.matching(this.filter);
    if (found) return this.entries.filter((entry) => found.has(entry.id));
    return this.entries.filter((entry) => {
      const texts = [entry.title, entry.description, ...entry.tags, ...entry.layers].map((t) => textFor(t, this.language));
      return matchesAllWords(foldText(texts.join(' ')), this.filter);
    });
  }

  override render(): TemplateResult {
    const site = this.site;
    const entries = this.visibleEntries;
    return html`
      <cartable-site-header .site=${site} .language=${this.language} .root=${this.root}>
        ${this.auth ? html`<cartable-sign-in .auth=${this.auth}></cartable-sign-in>` : nothing}
        <cartable-language-switch .language=${this.language}></cartable-language-switch>
      </cartable-site-header>
      <main>
        <h1>${msg('Catalogue des cartes', { id: 'catalog.title' })}</h1>
        <div class="filter" role="search">
          <span class="filter-label" aria-hidden="true">${msg('Filtrer les cartes', { id: 'catalog.filter' })}</span>
          <cartable-search
            class="search"
            .provider=${this.search}
            label=${msg('Filtrer les cartes', { id: 'catalog.filter' })}
            placeholder=${msg('Titre, thème, couche…', { id: 'catalog.filter.placeholder' })}
            @cartable-search-input=${(e: CustomEvent<{ query: string }>) => (this.filter = e.detail.query)}
            @cartable-search-select=${(e: CustomEvent<{ result: SearchResult }>) => {
              if (e.detail.result.target.kind === 'map') location.assign(e.detail.result.target.href);
            }}
          ></cartable-search>
          <span class="count" role="status" aria-live="polite">
            ${msg(str`${entries.length} carte(s) sur ${this.entries.length}`, { id: 'catalog.count' })}
          </span>
        </div>
        ${this.auth && site?.restricted
          ? html`<cartable-restricted-maps .catalog=${this} .language=${this.language} .filter=${this.filter}></cartable-restricted-maps>`
          : nothing}
        ${entries.length
          ? html`<ul class="cards" role="list">${entries.map((entry) => this.#card(entry))}</ul>`
          : html`<p>${msg('Aucune carte ne correspond à ce filtre.', { id: 'catalog.none' })}</p>`}
      </main>
      ${this.#footer()}
    `;
  }

  #card(entry: CatalogEntry): TemplateResult {
    const href = new URL(this.#href(entry));
    const thumbnail = safeUrl(entry.thumbnail, this.root);
    return html`<li class="card" part="card" data-map=${entry.id}>
      <div class="thumb">${thumbnail ? html`<img src=${thumbnail} alt="" loading="lazy" />` : placeholderThumbnail(entry.id)}</div>
      <div class="content">
        <h2><a href=${href.href}>${textFor(entry.title, this.language)}</a></h2>
        ${entry.description ? html`<p class="description">${textFor(entry.description, this.language)}</p>` : nothing}
        ${entry.online ? nothing : html`<span class="offline">${msg('✓ Fonctionne hors ligne', { id: 'catalog.offline' })}</span>`}
        ${entry.tags.length
          ? html`<ul class="tags" aria-label=${msg('Thèmes', { id: 'catalog.tags' })}>
              ${entry.tags.map((tag) => html`<li>${textFor(tag, this.language)}</li>`)}
            </ul>`
          : nothing}
      </div>
    </li>`;
  }

  #footer(): TemplateResult {
    const analytics = this.site?.analytics ? html`<cartable-analytics-choice></cartable-analytics-choice>` : nothing;
    return html`<cartable-site-footer .site=${this.site} .language=${this.language} .root=${this.root}>${analytics}</cartable-site-footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-catalog': CartableCatalog;
  }
}
