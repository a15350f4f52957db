import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { LANGUAGES } from '../i18n/text.js';
import { emit } from './events.js';
import { NarrowScreen } from './narrow-screen.js';
import { base } from './theme.js';
import { backIcon, closeIcon, moreIcon, searchIcon } from './header/icons.js';
import { MenuButton } from './header/menu-button.js';
import { mapHeaderStyles } from './header/map-header.styles.js';
import './cartable-language-switch.js';

const LANGUAGE_NAMES: Record<string, string> = { fr: 'Français', en: 'English' };

/**
 * @summary The map's header. Wide screen: « ← Catalogue », the title, the search, the map's commune entry
 * (« Géosites de ma commune »), « Tableau », « Couches », « Partager » and FR/EN on one row. Phone: one row
 * too (back, the title on up to two lines, a search button, and a « ⋯ » menu holding the commune entry,
 * the layers, the table, sharing and the language), so the map keeps the screen. In an embed: no back link, sharing or language; « Ouvrir la carte complète » instead.
 * @slot search - the map's search box (on a phone it opens over the row from the search button)
 * @slot brand - the site's small bloc-marque (wide screens only, never in an embed)
 * @fires cartable-panel-toggle - the layers and legend panel is asked to open or close
 * @fires cartable-table-toggle - the table is asked to open or close
 * @fires cartable-share-request - « Partager » was chosen
 * @fires cartable-report-open - the commune entry was chosen ({ mode: 'commune' })
 * @fires cartable-language - a language was chosen
 */
@localized()
@element('cartable-map-header')
export class CartableMapHeader extends LitElement {
  static override styles = [base, mapHeaderStyles];

  /** The map's title, in the current language. */
  @property() mapTitle = '';
  @property() language = 'fr';
  /** Where the back link leads (none in an embed). */
  @property() catalogHref = './';
  /** Embed mode: no back link, sharing or language switch. */
  @property({ type: Boolean }) embedded = false;
  /** In an embed: the link to the full map (none: no link). */
  @property() fullMapHref?: string;
  /** Offer « Tableau » (the map has table layers and its controls allow it). */
  @property({ type: Boolean }) tableButton = false;
  @property({ type: Boolean }) tableOpen = false;
  /** Offer « Couches » (layers or legend shown). */
  @property({ type: Boolean }) panelButton = false;
  @property({ type: Boolean }) panelOpen = false;
  /** The text of the map's commune entry, which opens the report on « Une commune » (empty: none). */
  @property() communeEntry = '';

  @state() private narrow = false;
  /** Phone: the search box is open over the row. */
  @state() private searchOpen = false;
  /** Something is in the search slot. */
  @state() private hasSearch = false;

  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => {
    this.narrow = narrow;
    if (!narrow) {
      this.searchOpen = false;
      this.menu.hide({ returnFocus: false });
    }
  });

  protected readonly menu = new MenuButton(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('.menu-toggle'),
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.menu [role^="menuitem"]')],
  });

  override render(): TemplateResult {
    const phone = this.narrow;
    const searching = phone && this.searchOpen;
    return html`<header class=${phone ? 'phone' : 'wide'}>
      ${phone || this.embedded ? nothing : html`<slot name="brand"></slot>`}${searching ? nothing : this.#back(phone)}
      ${searching ? nothing : html`<h1>${this.mapTitle}</h1>`}
      <div class="search" ?hidden=${phone && !this.searchOpen} @keydown=${this.#onSearchKeydown}>
        <slot name="search" @slotchange=${this.#onSlotChange}></slot>
      </div>
      ${phone ? this.#phoneButtons() : this.#wideButtons()}
    </header>`;
  }

  #back(phone: boolean): TemplateResult | typeof nothing {
    if (this.embedded) return nothing;
    const label = msg('Catalogue', { id: 'nav.catalog' });
    return phone
      ? html`<a class="back" href=${this.catalogHref} aria-label=${label}>${backIcon}</a>`
      : html`<a class="back" href=${this.catalogHref}><span aria-hidden="true">←</span><span class="back-label">${label}</span></a>`;
  }

  #wideButtons(): TemplateResult {
    return html`${this.communeEntry ? html`<button class="toggle commune-entry" @click=${this.#communes}>${this.communeEntry}</button>` : nothing}
      ${this.tableButton
        ? html`<button class="toggle table-toggle" aria-pressed=${this.tableOpen ? 'true' : 'false'} @click=${this.#toggleTable}>${msg('Tableau', { id: 'table.toggle' })}</button>`
        : nothing}
      ${this.panelButton
        ? html`<button class="toggle panel-toggle" aria-expanded=${this.panelOpen ? 'true' : 'false'} @click=${this.#togglePanel}>${msg('Couches', { id: 'panel.toggle' })}</button>`
        : nothing}
      ${this.embedded
        ? this.#fullMapLink('full-map')
        : html`<button class="toggle share-toggle" aria-haspopup="dialog" @click=${this.#share}>${msg('Partager', { id: 'share.toggle' })}</button>
            <cartable-language-switch .language=${this.language}></cartable-language-switch>`}`;
  }

  #phoneButtons(): TemplateResult {
    if (this.searchOpen) {
      return html`<button class="icon-button search-close" aria-label=${msg('Fermer la recherche', { id: 'header.search.close' })} @click=${() => this.#closeSearch()}>${closeIcon}</button>`;
    }
    return html`${this.hasSearch
        ? html`<button class="icon-button search-open" aria-label=${msg('Rechercher sur la carte', { id: 'search.map.label' })} @click=${this.#openSearch}>${searchIcon}</button>`
        : nothing}
      ${this.#menuItems().length
        ? html`<button
              class="icon-button menu-toggle"
              aria-haspopup="menu"
              aria-expanded=${this.menu.open ? 'true' : 'false'}
              aria-controls="header-menu"
              aria-label=${msg('Plus d’actions', { id: 'header.menu' })}
              @click=${() => this.menu.toggle()}
              @keydown=${this.menu.onButtonKeydown}
            >
              ${moreIcon}
            </button>
            <div id="header-menu" class="menu" role="menu" aria-label=${msg('Actions de la carte', { id: 'header.menu.label' })} ?hidden=${!this.menu.open} @keydown=${this.menu.onMenuKeydown}>
              ${this.#menuItems()}
            </div>`
        : nothing}`;
  }

  /** The phone menu: layers, table, sharing (or the full map in an embed), then the languages. */
  #menuItems(): TemplateResult[] {
    const items: TemplateResult[] = [];
    const check = (on: boolean): TemplateResult => html`<span class="mark" aria-hidden="true">${on ? '✓' : ''}</span>`;
    if (this.communeEntry) {
      items.push(html`<button class="commune-entry" role="menuitem" tabindex="-1" @click=${this.#choose(this.#communes)}>${check(false)}${this.communeEntry}</button>`);
    }
    if (this.panelButton) {
      items.push(html`<button class="panel-toggle" role="menuitemcheckbox" tabindex="-1" aria-checked=${this.panelOpen ? 'true' : 'false'} @click=${this.#choose(this.#togglePanel)}>
        ${check(this.panelOpen)}${msg('Couches', { id: 'panel.toggle' })}
      </button>`);
    }
    if (this.tableButton) {
      items.push(html`<button class="table-toggle" role="menuitemcheckbox" tabindex="-1" aria-checked=${this.tableOpen ? 'true' : 'false'} @click=${this.#choose(this.#toggleTable)}>
        ${check(this.tableOpen)}${msg('Tableau', { id: 'table.toggle' })}
      </button>`);
    }
    if (this.embedded) {
      const link = this.#fullMapLink('full-map-item');
      if (link !== nothing) items.push(link);
      return items;
    }
    items.push(html`<button class="share-toggle" role="menuitem" tabindex="-1" aria-haspopup="dialog" @click=${this.#choose(this.#share)}>
      ${check(false)}${msg('Partager', { id: 'share.toggle' })}
    </button>`);
    items.push(html`<div role="separator"></div>
      <div class="group-label" aria-hidden="true">${msg('Langue', { id: 'language.label' })}</div>
      <div role="group" aria-label=${msg('Langue', { id: 'language.label' })}>
        ${LANGUAGES.map(
          (language) => html`<button
            class="language"
            role="menuitemradio"
            tabindex="-1"
            lang=${language}
            aria-checked=${language === this.language ? 'true' : 'false'}
            @click=${this.#choose(() => emit(this, 'cartable-language', { language }))}
          >
            ${check(language === this.language)}${LANGUAGE_NAMES[language]}
          </button>`,
        )}
      </div>`);
    return items;
  }

  #fullMapLink(kind: 'full-map' | 'full-map-item'): TemplateResult | typeof nothing {
    if (!this.fullMapHref) return nothing;
    const text = msg('Ouvrir la carte complète', { id: 'embed.fullMap' });
    const newTab = html`<span class="visually-hidden"> ${msg('(nouvel onglet)', { id: 'embed.newTab' })}</span>`;
    return kind === 'full-map'
      ? html`<a class="full-map" href=${this.fullMapHref} target="_blank" rel="noopener">${text}${newTab}</a>`
      : html`<a class="full-map" role="menuitem" tabindex="-1" href=${this.fullMapHref} target="_blank" rel="noopener" @click=${() => this.menu.hide({ returnFocus: false })}
          ><span class="mark" aria-hidden="true"></span>${text}${newTab}</a
        >`;
  }

  /** A menu item's action: the menu closes and focus goes back to « ⋯ » first. */
  #choose(action: () => void): () => void {
    return () => {
      this.menu.hide({ returnFocus: true });
      action();
    };
  }

  readonly #togglePanel = (): void => emit(this, 'cartable-panel-toggle', { open: !this.panelOpen });
  readonly #toggleTable = (): void => emit(this, 'cartable-table-toggle', { open: !this.tableOpen });
  readonly #share = (): void => emit(this, 'cartable-share-request', {});
  readonly #communes = (): void => emit(this, 'cartable-report-open', { mode: 'commune' });

  readonly #onSlotChange = (event: Event): void => {
    this.hasSearch = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  readonly #openSearch = async (): Promise<void> => {
    this.searchOpen = true;
    await this.updateComplete;
    const slotted = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="search"]')!.assignedElements();
    const field = slotted.map((e) => (e.matches('input, [tabindex]') ? e : e.querySelector('input, [tabindex]'))).find((e) => e);
    (field as HTMLElement | undefined)?.focus();
  };

  #closeSearch(): void {
    this.searchOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.search-open')?.focus());
  }

  /** Esc in the phone's search box (once the search has used it for its list, if open) closes the box. */
  readonly #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.searchOpen) return;
    event.preventDefault();
    this.#closeSearch();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-map-header': CartableMapHeader;
  }
}
