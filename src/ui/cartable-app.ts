import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import { isAllowedDocumentUrl, loadCatalog, loadCatalogMap, loadDocument, type MapLoad } from '../app/load.js';
import type { ViewerRoute } from '../app/route.js';
import type { PageDocument } from '../app/page-document.js';
import type { Catalog, SiteConfig } from '../context/types.js';
import { isLanguage, textFor } from '../i18n/text.js';
import type { Requester } from '../net/requester.js';
import { base } from './theme.js';
import './cartable-message.js';
import { emit, type PageKind } from './events.js';
import { hasStoredSession, type AuthSession } from '../auth/has-session.js';
import type { AccessView } from '../auth/open-map.js';
import { deepFreeze } from '../context/freeze.js';
import type { ResolvedLayer } from '../add-layer/layer-defs.js';
import { loadChunk } from '../offline/load-chunk.js';

type View =
  | { kind: 'loading' }
  | { kind: 'catalog'; catalog: Catalog }
  | { kind: 'catalog-failed'; reason: string }
  | AccessView
  | MapLoad
  /** A map of layers from services (a catalogue's hand-off), or why it cannot open. */
  | (Extract<MapLoad, { kind: 'ready' }> & { readonly layers?: readonly ResolvedLayer[] })
  | { kind: 'handoff-failed'; text: string };

/** The page each view is (a map is told with its document). */
const PAGES: Record<Exclude<View['kind'], 'loading' | 'ready'>, PageKind> = {
  catalog: 'catalog',
  'catalog-failed': 'unavailable',
  access: 'refused',
  'not-found': 'not-found',
  invalid: 'invalid-document',
  refused: 'refused',
  'handoff-failed': 'unavailable',
  unavailable: 'unavailable',
};

/**
 * @summary The viewer: the catalog, or one map, or a page saying why a map cannot be shown.
 * @fires cartable-language
 * @fires cartable-page - the page shown: the catalog, a map (with its document) or why a map cannot be shown
 */
@localized()
@element('cartable-app')
export class CartableApp extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        height: 100%;
      }
      .loading {
        display: grid;
        place-items: center;
        height: 100%;
        color: var(--cartable-muted);
      }
    `,
  ];

  @property({ attribute: false }) site?: SiteConfig;
  @property({ attribute: false }) requester!: Requester;
  @property({ attribute: false }) route: ViewerRoute = { kind: 'catalog' };
  /** The site's root URL (where catalog.json is). */
  @property() root = new URL('./', location.href).href;
  @property() language = 'fr';
  /** Loads the sign-in code and the session (sites with `signIn` only). */
  @property({ attribute: false }) auth?: () => Promise<AuthSession>;
  /** The validated document the map's static page carries: the map opens without the catalog or a request. */
  @property({ attribute: false }) pageDocument?: PageDocument;

  @state() private view: View = { kind: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const route = this.route;
    try {
      if (route.kind === 'document') {
        const origins = (this.site?.allowedOrigins ?? []).filter((o) => o.use.includes('documents')).map((o) => o.origin);
        this.view = await this.#withMapView(
          isAllowedDocumentUrl(route.url, this.root, origins)
            ? loadDocument(new URL(route.url, this.root).href, route.url, this.requester)
            : Promise.resolve({ kind: 'refused', url: route.url }),
        );
        return;
      }
      if (route.kind === 'service') {
        this.view = await this.#withMapView(loadChunk(import('../add-layer/index.js')).then((m) => m.openServiceMap(this)));
        return;
      }
      // The page's own map, unless a signed-in tab may see its fuller restricted copy.
      const page = this.pageDocument;
      if (route.kind === 'map' && page?.context.id === route.id && !(this.auth && this.site?.restricted && hasStoredSession())) {
        const documentUrl = new URL(page.url, this.root).href;
        this.view = await this.#withMapView(Promise.resolve({ kind: 'ready', context: deepFreeze(page.context), documentUrl } as const));
        return;
      }
      const catalog = await loadCatalog(this.root, this.requester);
      if (route.kind === 'catalog') {
        await loadChunk(import('./cartable-catalog.js')); // Map pages never show the catalog: its code is not theirs to load.
        this.view = { kind: 'catalog', catalog };
        return;
      }
      // Restricted content: only sites with sign-in, for a map that is not public or a tab with a session.
      if (this.auth && this.site?.restricted && (hasStoredSession() || !catalog.maps.some((m) => m.id === route.id))) {
        const [{ openRestrictedMap }, session] = await Promise.all([loadChunk(import('../auth/open-map.js')), this.auth()]);
        const rules = { isAllowedDocumentUrl, deepFreeze };
        const reload = (): void => {
          this.view = { kind: 'loading' };
          void this.#load();
        };
        const restricted = openRestrictedMap({ id: route.id, catalog, site: this.site, requester: this.requester, session, rules, reload, catalogHref: this.#catalogHref });
        this.view = await this.#withMapView(restricted.then((r) => r ?? loadCatalogMap(route.id, catalog, this.root, this.requester)));
        return;
      }
      this.view = await this.#withMapView(loadCatalogMap(route.id, catalog, this.root, this.requester));
    } catch (error) {
      this.view = { kind: 'catalog-failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Loads the map view's code alongside the document, and waits for it when the map can be shown. */
  async #withMapView<T extends { kind: string }>(load: Promise<T>): Promise<T> {
    const code = loadChunk(import('./cartable-map-view.js'));
    const result = await load;
    if (result.kind === 'ready') await code;
    // The page that says why a restricted map cannot open: its code only when it is needed.
    if (result.kind === 'access') await loadChunk(import('./cartable-access-message.js'));
    return result;
  }

  protected override updated(): void {
    const siteName = this.site ? textFor(this.site.name, this.language) : 'Cartable';
    const view = this.view;
    document.title =
      view.kind === 'ready'
        ? `${textFor(view.context.title, this.language)} – ${siteName}`
        : view.kind === 'catalog'
          ? `${msg('Catalogue des cartes', { id: 'catalog.title' })} – ${siteName}`
          : siteName;
    if (view !== this.#toldView && view.kind !== 'loading') {
      this.#toldView = view;
      emit(this, 'cartable-page', view.kind === 'ready' ? { page: 'map', context: view.context } : { page: PAGES[view.kind] });
    }
  }

  /** The last view told with `cartable-page`. */
  #toldView?: View;

  get #catalogHref(): string {
    const url = new URL(this.root);
    if (this.language !== 'fr') url.searchParams.set('lang', this.language);
    return url.href;
  }

  override render(): TemplateResult {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return html`<div class="loading" role="status">${msg('Chargement…', { id: 'layer.loading' })}</div>`;
      case 'catalog':
        return html`<cartable-catalog
          .entries=${view.catalog.maps}
          .site=${this.site}
          .language=${this.language}
          .root=${this.root}
          .auth=${this.auth}
          .requester=${this.requester}
        ></cartable-catalog>`;
      case 'access':
        return html`<cartable-access-message
          .problem=${view.problem}
          .reason=${view.reason}
          .session=${view.session}
          .catalogHref=${view.catalogHref}
          .onRetry=${view.onRetry}
        ></cartable-access-message>`;
      case 'ready':
        return html`<cartable-map-view
          .context=${view.context}
          .requester=${this.requester}
          .documentUrl=${view.documentUrl}
          .language=${this.language}
          .catalogHref=${this.#catalogHref}
          .analytics=${!!this.site?.analytics}
          .site=${this.site}
          .startLayers=${'layers' in view ? view.layers : undefined}
        ></cartable-map-view>`;
      case 'not-found':
        return this.#message(
          msg('Carte introuvable', { id: 'page.notFound.title' }),
          msg(str`Aucune carte « ${view.id} » n'existe dans ce catalogue. Elle a peut-être été retirée ou renommée.`, {
            id: 'page.notFound.text',
          }),
        );
      case 'invalid':
        return html`<cartable-message
          .heading=${msg('Cette carte ne peut pas être affichée', { id: 'page.invalid.title' })}
          .text=${msg('Son document de description contient des erreurs :', { id: 'page.invalid.text' })}
          .file=${view.file}
          .problems=${view.problems}
          .language=${this.language}
          .catalogHref=${this.#catalogHref}
        ></cartable-message>`;
      case 'refused':
        return this.#message(
          msg('Document refusé', { id: 'page.refused.title' }),
          msg(str`Ce site n'ouvre pas de carte depuis « ${view.url} » : seuls son catalogue et les origines de sa configuration sont acceptés.`, {
            id: 'page.refused.text',
          }),
        );
      case 'handoff-failed':
        return this.#message(msg('Couche impossible à ouvrir', { id: 'handoff.title' }), view.text);
      case 'unavailable':
      case 'catalog-failed':
        return this.#message(
          msg('Carte indisponible', { id: 'page.unavailable.title' }),
          msg(str`Le chargement a échoué (${view.reason}). Vérifiez votre connexion puis rechargez la page.`, {
            id: 'page.unavailable.text',
          }),
        );
    }
  }

  #message(heading: string, text: string): TemplateResult {
    return html`<cartable-message .heading=${heading} .text=${text} .catalogHref=${this.#catalogHref}></cartable-message>`;
  }
}

/** Keeps a language choice in the URL, so a shared link opens in the same language. */
export function rememberLanguage(language: string, siteDefault: string): void {
  if (!isLanguage(language)) return;
  const url = new URL(location.href);
  if (language === siteDefault) url.searchParams.delete('lang');
  else url.searchParams.set('lang', language);
  history.replaceState(history.state, '', url);
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-app': CartableApp;
  }
}
