import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import { highlightParts } from '../search/highlight.js';
import { foldWords } from '../search/normalize.js';
import type { SearchGroup, SearchProvider, SearchResult } from '../search/results.js';
import { emit } from './events.js';
import { searchStyles } from './search/styles.js';
import { base } from './theme.js';

/** The remote results of a query, and whether the service failed (the local ones stay). */
interface RemoteState {
  readonly groups: readonly SearchGroup[];
  readonly failed: boolean;
}

/**
 * @summary A search box with a list of results: the ARIA 1.2 combobox pattern (an input with
 * role=combobox controlling a listbox of grouped options; arrows, Home/End, Enter, Escape), the
 * matched part of each result highlighted, the number of results announced politely.
 * Local results come at once; remote ones (geocoder, services) after a pause in typing, from 3
 * characters, the stale request cancelled; their failure leaves the local results and a quiet notice.
 * @fires cartable-search-select - a result was chosen ({ result })
 * @fires cartable-search-input - the text changed ({ query })
 * @csspart input - the text field
 * @csspart listbox - the list of results
 * @cssprop --cartable-search-width - width of the box
 */
@localized()
@element('cartable-search')
export class CartableSearch extends LitElement {
  static override styles = [base, searchStyles];

  /** Where results come from. */
  @property({ attribute: false }) provider?: SearchProvider;
  /** The box's accessible name. */
  @property() label = '';
  @property() placeholder = '';
  /** Milliseconds of quiet typing before services are asked. */
  @property({ type: Number }) debounce = 300;
  /** Letters (folded) before local results are looked for. */
  @property({ type: Number }) minLength = 2;

  @state() private query = '';
  @state() private local: readonly SearchGroup[] = [];
  @state() private remote: RemoteState = { groups: [], failed: false };
  @state() private open = false;
  @state() private active = -1;
  /** What the live region says (the number of results). */
  @state() private announcement = '';
  @state() private searched = false;

  @query('input') private input!: HTMLInputElement;

  #sequence = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #controller?: AbortController;
  #prepared = false;

  /** The results shown, in order (groups of local results, then remote ones). */
  get groups(): readonly SearchGroup[] {
    return [...this.local, ...this.remote.groups];
  }

  get #options(): SearchResult[] {
    return this.groups.flatMap((g) => g.results);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelRemote();
  }

  /** Puts a text in the box and looks it up (e.g. what was typed before the box was ready). */
  setQuery(text: string): void {
    this.query = text;
    if (this.input) this.input.value = text;
    void this.#search(text);
  }

  /** Moves focus to the text field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('provider') && this.provider) {
      if (this.#prepared) this.provider.prepare?.();
      // Text typed before the provider came is looked up now.
      if (this.query && changed.get('provider') === undefined) void this.#search(this.query);
    }
  }

  #onFocus(): void {
    if (!this.#prepared) {
      this.#prepared = true;
      this.provider?.prepare?.();
    }
    if (this.#options.length) this.open = true;
  }

  #cancelRemote(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    emit(this, 'cartable-search-input', { query: this.query });
    void this.#search(this.query);
  }

  /** Looks up a query: local results at once, remote ones after the debounce. */
  async #search(text: string): Promise<void> {
    const sequence = ++this.#sequence;
    this.#cancelRemote();
    this.active = -1;
    const letters = foldWords(text).join('').length;
    if (letters < this.minLength || !this.provider) {
      this.local = [];
      this.remote = { groups: [], failed: false };
      this.open = false;
      this.searched = false;
      this.announcement = '';
      return;
    }
    const provider = this.provider;
    if (provider.remote && provider.wantsRemote?.(text) !== false && letters >= 3) {
      this.#timer = setTimeout(() => void this.#askRemote(text, sequence, provider), this.debounce);
    } else {
      this.remote = { groups: [], failed: false };
    }
    let groups: readonly SearchGroup[] = [];
    try {
      groups = await provider.local(text);
    } catch {
      groups = [];
    }
    if (sequence !== this.#sequence) return; // A newer query took over.
    this.local = groups;
    this.searched = true;
    this.open = true;
    this.#announce();
  }

  async #askRemote(text: string, sequence: number, provider: SearchProvider): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const groups = await provider.remote!(text, controller.signal);
      if (sequence !== this.#sequence || controller.signal.aborted) return;
      this.remote = { groups, failed: false };
    } catch (error) {
      if (sequence !== this.#sequence || controller.signal.aborted) return;
      const partial = (error as { groups?: readonly SearchGroup[] } | null)?.groups ?? [];
      this.remote = { groups: partial, failed: true };
    }
    this.open = true;
    this.#announce();
  }

  #announce(): void {
    const total = this.groups.reduce((n, g) => n + g.total, 0);
    const more = this.groups.some((g) => g.more);
    const failed = this.remote.failed ? ` ${msg('Recherche en ligne indisponible : résultats locaux seulement.', { id: 'search.remoteFailed' })}` : '';
    this.announcement =
      (total === 0
        ? msg('Aucun résultat', { id: 'search.none' })
        : more
          ? msg(str`Plus de ${total} résultats`, { id: 'search.countMore' })
          : msg(str`${total} résultat(s)`, { id: 'search.count' })) + failed;
  }

  #onKeydown(event: KeyboardEvent): void {
    const options = this.#options;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!options.length) return;
        if (!this.open) {
          this.open = true;
          this.active = event.key === 'ArrowDown' ? 0 : options.length - 1;
        } else {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          this.active = this.active < 0 ? (step > 0 ? 0 : options.length - 1) : (this.active + step + options.length) % options.length;
        }
        break;
      }
      case 'Home':
      case 'End':
        if (!this.open || this.active < 0 || !options.length) return; // The caret moves in the text.
        event.preventDefault();
        this.active = event.key === 'Home' ? 0 : options.length - 1;
        break;
      case 'Enter': {
        const chosen = options[this.active] ?? (this.open ? options[0] : undefined);
        if (!chosen) return;
        event.preventDefault();
        this.#choose(chosen);
        break;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.open = false;
          this.active = -1;
        } else if (this.query) {
          event.preventDefault();
          this.input.value = '';
          this.#onInput({ target: this.input } as unknown as Event);
        }
        break;
      case 'Tab':
        this.open = false;
        break;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  #choose(result: SearchResult): void {
    this.open = false;
    this.active = -1;
    this.#cancelRemote();
    this.query = result.label;
    this.input.value = result.label;
    emit(this, 'cartable-search-select', { result });
  }

  override render(): TemplateResult {
    const groups = this.groups;
    const expanded = this.open && this.searched;
    let n = 0;
    return html`
      <label class="visually-hidden" for="input">${this.label}</label>
      <input
        id="input"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-autocomplete="list"
        aria-controls="listbox"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this.active >= 0 ? `option-${this.active}` : nothing}
        placeholder=${this.placeholder}
        .value=${this.query}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @blur=${() => (this.open = false)}
      />
      <div
        id="listbox"
        part="listbox"
        role="listbox"
        aria-label=${this.label}
        ?hidden=${!expanded}
        @pointerdown=${(e: Event) => e.preventDefault() /* the text field keeps focus: a click chooses, a drag scrolls */}
      >
        ${groups.map((group) => {
          const titleId = `group-${group.id.replace(/[^\w-]/g, '_')}`;
          return html`<div role="group" aria-labelledby=${titleId}>
            <div class="group-title" id=${titleId} role="presentation">
              <span>${group.title}</span> <span class="group-count">${group.more ? `${group.total}+` : group.total}</span>
            </div>
            ${group.results.map((result) => this.#option(result, n++))}
          </div>`;
        })}
        ${groups.length === 0 && this.searched ? html`<div class="empty" role="presentation">${msg('Aucun résultat', { id: 'search.none' })}</div>` : nothing}
        ${this.remote.failed
          ? html`<div class="notice" role="presentation">${msg('Recherche en ligne indisponible : résultats locaux seulement.', { id: 'search.remoteFailed' })}</div>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  #option(result: SearchResult, index: number): TemplateResult {
    const parts = highlightParts(result.label, this.query);
    return html`<div
      role="option"
      id="option-${index}"
      aria-selected=${index === this.active ? 'true' : 'false'}
      @click=${() => this.#choose(result)}
    >
      <span class="label">${parts.map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text))}</span>
      ${result.detail ? html`<span class="detail">${result.detail}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-search': CartableSearch;
  }
}
