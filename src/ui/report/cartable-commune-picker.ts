import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from '../define.js';
import { localized, msg, str } from '@lit/localize';
import type { CommuneOutline, CommuneSource, CommuneSuggestion } from '../../communes/types.js';
import { emit } from '../events.js';
import { communeFailureText } from './commune-texts.js';
import { communePickerStyles } from './commune-picker.styles.js';

/** Letters or digits typed before communes are asked for. */
const MIN_CHARACTERS = 2;
const LIMIT = 8;

/** How a suggestion reads: « Le Bourg-d'Oisans (38) » (its département tells homonyms apart). */
export const suggestionText = (c: CommuneSuggestion): string => (c.department ? `${c.name} (${c.department})` : c.name);

/**
 * @summary « Une commune » for the report: a box where a person types a commune's name or INSEE code and
 * picks it from suggestions (the ARIA 1.2 combobox pattern: an input with role=combobox controlling a
 * listbox; arrows, Home/End, Enter; Escape closes the list only). The source is asked after a pause in
 * typing (`debounce`), from 2 letters or digits, the request of an older text aborted; suggestions come
 * in the source's order. Picking one fetches its outline. A failure is said in the picker, and what
 * the report shows stays.
 * @fires cartable-commune-pick - a commune's outline is here ({ outline })
 */
@localized()
@element('cartable-commune-picker')
export class CartableCommunePicker extends LitElement {
  static override styles = communePickerStyles;

  /** Where communes come from (none yet: what is typed is looked up when it comes). */
  @property({ attribute: false }) source?: CommuneSource;
  /** The map's territory [west, south, east, north] in WGS84: the source ranks communes inside it first. */
  @property({ attribute: false }) territory?: readonly [number, number, number, number];
  /** Set when the source could not be made (its code did not load): said instead of searching. */
  @property() unavailable = '';
  /** Milliseconds of quiet typing before the source is asked. */
  @property({ type: Number }) debounce = 250;

  @state() private text = '';
  @state() private suggestions: readonly CommuneSuggestion[] = [];
  /** The text the suggestions answer (set once they came). */
  @state() private answered?: string;
  @state() private open = false;
  @state() private active = -1;
  @state() private problem = '';
  @state() private announcement = '';
  /** The commune whose outline is being fetched. */
  @state() private fetching?: CommuneSuggestion;

  @query('input') private input!: HTMLInputElement;

  #timer?: ReturnType<typeof setTimeout>;
  #asking?: AbortController;
  #outline?: AbortController;

  /** Moves focus to the text field (once rendered). */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.input?.focus(options));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopAsking();
    this.#outline?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Text typed before the source came is looked up now.
    if (changed.has('source') && this.source && changed.get('source') === undefined && this.text) this.#lookUp(this.text);
  }

  #stopAsking(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#asking?.abort();
    this.#asking = undefined;
  }

  #onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.#lookUp(this.text);
  }

  /** Asks the source after the debounce; an older text's request is aborted, a too short text clears the list. */
  #lookUp(text: string): void {
    this.#stopAsking();
    this.active = -1;
    this.problem = '';
    if (text.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_CHARACTERS) {
      this.suggestions = [];
      this.answered = undefined;
      this.open = false;
      this.announcement = '';
      return;
    }
    if (this.unavailable) {
      this.problem = this.unavailable;
      return;
    }
    const source = this.source;
    if (!source) return; // Looked up when the source comes (willUpdate).
    this.#timer = setTimeout(() => void this.#ask(source, text), this.debounce);
  }

  async #ask(source: CommuneSource, text: string): Promise<void> {
    const asking = (this.#asking = new AbortController());
    try {
      const found = await source.suggest(text.trim(), { limit: LIMIT, territory: this.territory, signal: asking.signal });
      if (asking.signal.aborted) return;
      this.suggestions = found;
      this.answered = text.trim();
      this.open = this.shadowRoot?.activeElement === this.input; // Not over the panel once the person has moved on.
      this.announcement = found.length
        ? msg(str`${found.length} commune(s) proposée(s)`, { id: 'report.commune.count' })
        : this.#noneText(this.answered);
    } catch (error) {
      if (asking.signal.aborted) return;
      this.suggestions = [];
      this.answered = undefined;
      this.open = false;
      this.problem = communeFailureText(error);
    }
  }

  #noneText(text: string): string {
    return msg(str`Aucune commune ne correspond à « ${text} »`, { id: 'report.commune.none' });
  }

  #onKeydown(event: KeyboardEvent): void {
    const options = this.suggestions;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!options.length) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!this.open) {
          this.open = true;
          this.active = step > 0 ? 0 : options.length - 1;
        } else this.active = this.active < 0 ? (step > 0 ? 0 : options.length - 1) : (this.active + step + options.length) % options.length;
        break;
      }
      case 'Home':
      case 'End':
        if (!this.open || this.active < 0) return; // The caret moves in the text.
        event.preventDefault();
        this.active = event.key === 'Home' ? 0 : options.length - 1;
        break;
      case 'Enter': {
        const chosen = this.open ? (options[this.active] ?? options[0]) : undefined;
        if (!chosen) return;
        event.preventDefault();
        void this.#choose(chosen);
        break;
      }
      case 'Escape':
        // Closes the list only; with the list closed, Escape is the panel's (it closes the report).
        if (!this.open) return;
        event.preventDefault();
        event.stopPropagation();
        this.open = false;
        this.active = -1;
        break;
      case 'Tab':
        this.open = false;
        break;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0) this.renderRoot.querySelector(`#commune-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  /** Fetches the chosen commune's outline and hands it over; a failure is said here. */
  async #choose(commune: CommuneSuggestion): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.#stopAsking();
    this.open = false;
    this.active = -1;
    this.problem = '';
    this.text = suggestionText(commune);
    this.input.value = this.text;
    this.#outline?.abort(); // Only the last commune chosen counts.
    const fetching = (this.#outline = new AbortController());
    this.fetching = commune;
    this.announcement = msg(str`Contour de ${commune.name} en cours de chargement…`, { id: 'report.commune.loading' });
    let outline: CommuneOutline;
    try {
      outline = await source.outline(commune.code, fetching.signal);
    } catch (error) {
      if (fetching.signal.aborted) return;
      this.fetching = undefined;
      this.announcement = '';
      this.problem = communeFailureText(error, commune);
      return;
    }
    if (fetching.signal.aborted) return;
    this.fetching = undefined;
    this.announcement = '';
    emit(this, 'cartable-commune-pick', { outline });
  }

  override render(): TemplateResult {
    const expanded = this.open && this.answered !== undefined;
    return html`
      <label for="commune">${msg('Nom ou code INSEE de la commune', { id: 'report.commune.label' })}</label>
      <input
        id="commune"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls="communes"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this.active >= 0 ? `commune-${this.active}` : nothing}
        aria-describedby="commune-help"
        .value=${this.text}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @focus=${() => (this.open = this.suggestions.length > 0 || this.answered !== undefined)}
        @blur=${() => (this.open = false)}
      />
      <p class="help" id="commune-help">${msg('Tapez au moins 2 lettres du nom, ou le code INSEE (38052).', { id: 'report.commune.help' })}</p>
      <div
        id="communes"
        role="listbox"
        aria-label=${msg('Communes proposées', { id: 'report.commune.list' })}
        ?hidden=${!expanded}
        @pointerdown=${(e: Event) => e.preventDefault() /* the text field keeps focus: a click chooses */}
      >
        ${this.suggestions.map(
          (commune, i) => html`<div role="option" id="commune-${i}" aria-selected=${i === this.active ? 'true' : 'false'} @click=${() => void this.#choose(commune)}>
            ${suggestionText(commune)}
          </div>`,
        )}
        ${expanded && !this.suggestions.length ? html`<div class="empty" role="presentation">${this.#noneText(this.answered!)}</div>` : nothing}
      </div>
      ${this.fetching ? html`<p class="loading">${msg(str`Contour de ${this.fetching.name} en cours de chargement…`, { id: 'report.commune.loading' })}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-commune-picker': CartableCommunePicker;
  }
}
