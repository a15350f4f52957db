import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { loadRestrictedCatalog, mayOpen } from '../auth/restricted.js';
import type { AuthSession } from '../auth/session.js';
import type { CatalogEntry } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { foldText, matchesAllWords } from '../search/normalize.js';
import { base } from './theme.js';
import type { SiteConfig } from '../context/types.js';
import type { Requester } from '../net/requester.js';

type Listing =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; entries: readonly CatalogEntry[] }
  | { kind: 'failed'; reason: string };

/** What this section reads from the catalog it is part of (the catalog element itself, which loads this one lazily). */
export interface CatalogContext {
  readonly auth?: () => Promise<AuthSession>;
  readonly requester?: Requester;
  readonly site?: SiteConfig;
  readonly root: string;
  readonly entries: readonly CatalogEntry[];
}

/**
 * @summary The catalog's section of restricted maps: once the person is signed in, the maps of the
 * restricted output they may open (their groups), each marked « Accès restreint ». They open with
 * `?map=<id>` on the site's root (restricted maps have no static page). Nothing shows signed out.
 */
@localized()
@element('cartable-restricted-maps')
export class CartableRestrictedMaps extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        margin: 0 0 1.5rem;
        padding: 1rem 1.1rem;
        border: 1px solid var(--cartable-border);
        border-inline-start: 4px solid var(--cartable-restricted);
        border-radius: var(--cartable-radius-large);
        background: var(--cartable-surface);
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.6rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li a {
        font-weight: 600;
      }
      .badge {
        display: inline-block;
        margin-inline-start: 0.5rem;
        padding: 0.05rem 0.5rem;
        border-radius: 999px;
        font-size: 0.78em;
        background: var(--cartable-restricted-bg);
        color: var(--cartable-restricted);
      }
      .description {
        margin: 0.15rem 0 0;
        color: var(--cartable-muted);
        font-size: 0.93em;
      }
    `,
  ];

  /**
   * The catalog this section is part of: its `auth`, `requester`, `site`, `root` (restricted maps open
   * at <root>?map=<id>) and public `entries` (a restricted copy of one of them is marked as such).
   */
  @property({ attribute: false }) catalog?: CatalogContext;
  @property() language = 'fr';
  /** The catalog's filter text. */
  @property() filter = '';

  @state() private listing: Listing = { kind: 'idle' };
  #session?: AuthSession;
  readonly #onChange = (): void => void this.#list();

  // Properties set before this element's code loaded arrive with the first update, not before.
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const auth = this.catalog?.auth;
    if (!changed.has('catalog') || !auth) return;
    void auth().then((session) => {
      this.#session?.removeEventListener('change', this.#onChange);
      this.#session = session;
      session.addEventListener('change', this.#onChange);
      void this.#list();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#session?.addEventListener('change', this.#onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session?.removeEventListener('change', this.#onChange);
  }

  async #list(): Promise<void> {
    const session = this.#session;
    const url = this.catalog?.site?.restricted?.url;
    const requester = this.catalog?.requester;
    if (!session?.user || !url || !requester) {
      this.listing = { kind: 'idle' };
      return;
    }
    this.listing = { kind: 'loading' };
    const result = await loadRestrictedCatalog(url, requester, session);
    // Signed out meanwhile: nothing restricted stays on the page.
    if (!session.user) this.listing = { kind: 'idle' };
    else if (result.ok) this.listing = { kind: 'ready', entries: result.value.filter((entry) => mayOpen(entry, session.user!.groups)) };
    else this.listing = { kind: 'failed', reason: result.reason };
  }

  #href(entry: CatalogEntry): string {
    const href = new URL(this.catalog?.root ?? location.href);
    href.searchParams.set('map', entry.id);
    if (this.language !== 'fr') href.searchParams.set('lang', this.language);
    return href.href;
  }

  override render(): TemplateResult | typeof nothing {
    const listing = this.listing;
    if (listing.kind === 'idle') return nothing;
    const heading = html`<h2>${msg('Cartes à accès restreint', { id: 'access.catalog.title' })}</h2>`;
    if (listing.kind === 'loading') {
      return html`<section aria-busy="true">${heading}<p role="status">${msg('Chargement…', { id: 'layer.loading' })}</p></section>`;
    }
    if (listing.kind === 'failed') {
      return html`<section>
        ${heading}
        <p role="alert">${msg('Les cartes à accès restreint n’ont pas pu être chargées.', { id: 'access.catalog.failed' })}</p>
        <button class="button" @click=${() => void this.#list()}>${msg('Réessayer', { id: 'access.retry' })}</button>
      </section>`;
    }
    const entries = listing.entries.filter((entry) => this.#matches(entry));
    return html`<section data-restricted-maps>
      ${heading}
      ${entries.length
        ? html`<ul>${entries.map((entry) => this.#item(entry))}</ul>`
        : html`<p>${msg('Aucune carte à accès restreint ne vous est ouverte.', { id: 'access.catalog.none' })}</p>`}
    </section>`;
  }

  #matches(entry: CatalogEntry): boolean {
    if (!this.filter.trim()) return true;
    const texts = [entry.title, entry.description ?? '', ...entry.tags, ...entry.layers].map((t) => textFor(t, this.language));
    return matchesAllWords(foldText(texts.join(' ')), this.filter);
  }

  #item(entry: CatalogEntry): TemplateResult {
    const badge = this.catalog?.entries.some((e) => e.id === entry.id)
      ? msg('Version complète, accès restreint', { id: 'access.catalog.fullCopy' })
      : msg('Accès restreint', { id: 'access.catalog.badge' });
    return html`<li data-map=${entry.id}>
      <a href=${this.#href(entry)}>${textFor(entry.title, this.language)}</a><span class="badge">${badge}</span>
      ${entry.description ? html`<p class="description">${textFor(entry.description, this.language)}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-restricted-maps': CartableRestrictedMaps;
  }
}
