import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleProps } from './style-props.js';
import { localized, msg, str } from '@lit/localize';
import type { Extent } from 'ol/extent.js';
import { formatValue, plainText } from '../popup/format.js';
import type { Column } from '../table/columns.js';
import { toCsv, toGeoJson } from '../table/export.js';
import { EMPTY_QUERY, distinctValues, isFiltering, runQuery, type TableQuery } from '../table/query.js';
import type { Row } from '../table/rows.js';
import { base } from './theme.js';

const ROW_HEIGHT = 36;
const CARD_HEIGHT = 128;
const OVERSCAN = 8;

/**
 * @summary Every feature of a layer as a sortable, filterable, virtualised grid (cards on phones).
 * Rows are drawn only where they show, so 171,000 rows scroll like 71.
 * @fires cartable-table-query - detail: TableQuery (sort, text, column filters, view switch)
 * @fires cartable-table-filtered - detail: { ids: Set of kept ids, or null when nothing filters }
 * @fires cartable-table-open-row - detail: { id }
 * @fires cartable-table-close
 */
@localized()
@customElement('cartable-table')
export class CartableTable extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        height: 100%;
        background: var(--cartable-surface, #fff);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.75rem;
        padding: 0.45rem 0.75rem;
        border-bottom: 1px solid var(--cartable-border, #d9dee5);
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      .count {
        color: var(--cartable-muted, #50565e);
        font-size: 0.9rem;
      }
      .spacer {
        flex: 1;
      }
      input[type='search'],
      input[type='number'],
      input[type='date'] {
        font: inherit;
        min-height: 2.1rem;
        padding: 0.2rem 0.5rem;
        border: 1px solid var(--cartable-border-strong, #767c85);
        border-radius: var(--cartable-radius, 6px);
        background: var(--cartable-surface, #fff);
        color: inherit;
      }
      input[type='search'] {
        width: min(16rem, 100%);
      }
      .tool {
        border: 1px solid var(--cartable-border-strong, #767c85);
        border-radius: var(--cartable-radius, 6px);
        background: var(--cartable-surface, #fff);
        min-height: 2.1rem;
        padding: 0.15rem 0.6rem;
        font-size: 0.9rem;
      }
      .tool[aria-pressed='true'],
      .tool[aria-expanded='true'] {
        background: var(--cartable-hover, #eef2f7);
      }
      label.switch {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        font-size: 0.9rem;
      }
      .note {
        width: 100%;
        margin: 0;
        font-size: 0.85rem;
        color: var(--cartable-muted, #50565e);
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.25rem;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--cartable-border, #d9dee5);
        max-height: 40%;
        overflow: auto;
      }
      fieldset {
        border: 1px solid var(--cartable-border, #d9dee5);
        border-radius: var(--cartable-radius, 6px);
        padding: 0.3rem 0.6rem 0.5rem;
        margin: 0;
        max-height: 12rem;
        overflow: auto;
      }
      legend {
        font-weight: 600;
        font-size: 0.9rem;
      }
      fieldset label {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        font-size: 0.88rem;
        min-height: 1.7rem;
      }
      .range {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .range input {
        width: 7.5rem;
      }
      .export {
        position: relative;
      }
      .export-menu {
        position: absolute;
        right: 0;
        top: 100%;
        z-index: 3;
        display: flex;
        flex-direction: column;
        min-width: 15rem;
        padding: 0.3rem;
        background: var(--cartable-surface, #fff);
        border: 1px solid var(--cartable-border, #d9dee5);
        border-radius: var(--cartable-radius, 6px);
        box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
      }
      .export-menu button {
        text-align: start;
        border: 0;
        background: none;
        padding: 0.4rem 0.5rem;
        border-radius: 4px;
      }
      .export-menu button:hover {
        background: var(--cartable-hover, #eef2f7);
      }
      .grid {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
        overflow: hidden;
      }
      .scroller {
        flex: 1;
        min-height: 0;
        overflow: auto;
        position: relative;
        overscroll-behavior: contain;
      }
      .header,
      .row {
        display: grid;
        grid-template-columns: var(--columns);
        min-width: max-content;
      }
      .header {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--cartable-bg, #f4f6f9);
        border-bottom: 1px solid var(--cartable-border, #d9dee5);
        font-size: 0.88rem;
      }
      .header [role='columnheader'] {
        padding: 0;
      }
      .header button {
        width: 100%;
        height: 100%;
        border: 0;
        background: none;
        text-align: start;
        font-weight: 600;
        padding: 0.45rem 0.6rem;
        display: flex;
        gap: 0.3rem;
        align-items: center;
      }
      .row {
        position: absolute;
        left: 0;
        right: 0;
        height: ${ROW_HEIGHT}px;
        align-items: center;
        border-bottom: 1px solid var(--cartable-border, #e6e9ee);
        cursor: pointer;
        font-size: 0.9rem;
        /* A row's layout never affects another's: scrolling redraws only rows. */
        contain: layout style;
      }
      .row:hover {
        background: var(--cartable-hover, #eef2f7);
      }
      .row[aria-selected='true'] {
        background: #fff4e0;
        box-shadow: inset 4px 0 0 #e07b00;
      }
      .row:focus-visible {
        outline: 3px solid var(--cartable-focus, #0a76f6);
        outline-offset: -3px;
      }
      .cell {
        padding: 0 0.6rem;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .cell.num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .card {
        position: absolute;
        left: 0.5rem;
        right: 0.5rem;
        height: ${CARD_HEIGHT - 8}px;
        padding: 0.45rem 0.7rem;
        border: 1px solid var(--cartable-border, #d9dee5);
        border-radius: var(--cartable-radius-large, 10px);
        overflow: hidden;
        cursor: pointer;
        background: var(--cartable-surface, #fff);
      }
      .card[aria-selected='true'] {
        border-color: #e07b00;
        box-shadow: inset 4px 0 0 #e07b00;
      }
      .card strong {
        display: block;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .card dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 0.5rem;
        margin: 0.2rem 0 0;
        font-size: 0.85rem;
      }
      .card dt {
        color: var(--cartable-muted, #50565e);
      }
      .card dd {
        margin: 0;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .empty {
        padding: 1rem;
        color: var(--cartable-muted, #50565e);
      }
    `,
  ];

  @property({ attribute: false }) columns: readonly Column[] = [];
  @property({ attribute: false }) rows: readonly Row[] = [];
  @property({ attribute: false }) query: TableQuery = EMPTY_QUERY;
  /** The map view's extent, for "only what is in the map view". */
  @property({ attribute: false }) viewExtent?: Extent;
  /** The id of the feature whose record is open. */
  @property({ attribute: false }) selectedId?: string | number;
  @property() heading = '';
  @property() language = 'fr';
  /** Cards instead of a grid (phones). */
  @property({ type: Boolean }) cards = false;
  /** The layer loads by view extent: the table only holds what is loaded so far. */
  @property({ type: Boolean }) partial = false;
  /** The geometry of a row in lon/lat, for the GeoJSON export. */
  @property({ attribute: false }) geometryOf: (row: Row) => unknown = () => null;

  @state() private scrolled = 0;
  @state() private viewportHeight = 400;
  @state() private active = 0;
  @state() private showFilters = false;
  @state() private exportOpen = false;

  @query('.scroller') private scroller?: HTMLElement;

  /** The rows the query keeps, in order (computed when rows, query or view change). */
  shown: Row[] = [];
  #resize?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => {
      if (this.scroller) this.viewportHeight = this.scroller.clientHeight;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  protected override firstUpdated(): void {
    if (this.scroller) this.#resize?.observe(this.scroller);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const viewMatters = changed.has('viewExtent') && this.query.inView;
    if (changed.has('rows') || changed.has('query') || changed.has('columns') || viewMatters) {
      this.shown = runQuery(this.rows, this.columns, this.query, this.viewExtent);
      this.active = Math.min(this.active, Math.max(0, this.shown.length - 1));
      const ids = isFiltering(this.query) ? new Set(this.shown.map((r) => r.id)) : null;
      this.dispatchEvent(new CustomEvent('cartable-table-filtered', { detail: { ids }, bubbles: true, composed: true }));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selectedId') && this.selectedId !== undefined) {
      const index = this.shown.findIndex((r) => r.id === this.selectedId);
      if (index >= 0) {
        this.active = index;
        this.#scrollToIndex(index);
      }
    }
  }

  get #rowHeight(): number {
    return this.cards ? CARD_HEIGHT : ROW_HEIGHT;
  }

  #scrollToIndex(index: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const header = this.cards ? 0 : ROW_HEIGHT;
    const top = index * this.#rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + this.#rowHeight > scroller.scrollTop + scroller.clientHeight - header) scroller.scrollTop = top + this.#rowHeight - scroller.clientHeight + header;
  }

  #setQuery(patch: Partial<TableQuery>): void {
    this.dispatchEvent(new CustomEvent('cartable-table-query', { detail: { ...this.query, ...patch }, bubbles: true, composed: true }));
  }

  #open(row: Row): void {
    this.dispatchEvent(new CustomEvent('cartable-table-open-row', { detail: { id: row.id }, bubbles: true, composed: true }));
  }

  #sortBy(column: Column): void {
    const current = this.query.sort;
    const direction = current?.field === column.field && current.direction === 'asc' ? 'desc' : 'asc';
    this.#setQuery({ sort: { field: column.field, direction } });
  }

  #onKeydown(event: KeyboardEvent): void {
    const last = this.shown.length - 1;
    const page = Math.max(1, Math.floor((this.scroller?.clientHeight ?? 400) / this.#rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let next: number | undefined;
    if (event.key in moves) next = this.active + moves[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter' || event.key === ' ') {
      const row = this.shown[this.active];
      if (row) this.#open(row);
      event.preventDefault();
      return;
    }
    if (next === undefined || last < 0) return;
    event.preventDefault();
    this.active = Math.max(0, Math.min(last, next));
    this.#scrollToIndex(this.active);
    // Render the slice around the new row now, so that it exists when it takes focus.
    this.scrolled = this.scroller?.scrollTop ?? this.scrolled;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus({ preventScroll: true }));
  }

  /** Cell texts, formatted once per row and language (scrolling redraws the same rows often). */
  #texts = new WeakMap<Row, Map<string, string>>();

  #cellText(row: Row, column: Column): string {
    let texts = this.#texts.get(row);
    if (!texts) this.#texts.set(row, (texts = new Map()));
    const key = `${this.language}:${column.field}`;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = this.#format(row, column)));
    return text;
  }

  #format(row: Row, column: Column): string {
    const value = row.values[column.field];
    const shown = formatValue(value, column.def, { language: this.language, baseUrl: location.href });
    return shown.kind === 'text' || shown.kind === 'link' ? shown.text : plainText(value, this.language);
  }

  #download(format: 'csv;' | 'csv,' | 'geojson'): void {
    this.exportOpen = false;
    const body = format === 'geojson' ? toGeoJson(this.shown, this.geometryOf) : toCsv(this.shown, this.columns, format === 'csv;' ? ';' : ',');
    const type = format === 'geojson' ? 'application/geo+json' : 'text/csv;charset=utf-8';
    const url = URL.createObjectURL(new Blob([body], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.heading || 'export'}.${format === 'geojson' ? 'geojson' : 'csv'}`.replace(/[\\/:*?"<>|]+/g, '_');
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.dispatchEvent(new CustomEvent('cartable-table-export', { detail: { format }, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const total = this.rows.length;
    const count = this.shown.length;
    const filtering = isFiltering(this.query);
    return html`
      <div class="toolbar">
        <h2 id="table-title">${this.heading}</h2>
        <span class="count" role="status" aria-live="polite">${msg(str`${count} sur ${total}`, { id: 'table.count' })}</span>
        <span class="spacer"></span>
        <input
          type="search"
          aria-label=${msg('Filtrer le tableau', { id: 'table.filter' })}
          placeholder=${msg('Filtrer…', { id: 'table.filter.placeholder' })}
          .value=${this.query.text}
          @input=${(e: Event) => this.#setQuery({ text: (e.target as HTMLInputElement).value })}
        />
        <label class="switch">
          <input type="checkbox" .checked=${this.query.inView} @change=${(e: Event) => this.#setQuery({ inView: (e.target as HTMLInputElement).checked })} />
          ${msg('Dans la vue', { id: 'table.inView' })}
        </label>
        ${this.columns.some((c) => c.filter)
          ? html`<button class="tool" aria-expanded=${this.showFilters ? 'true' : 'false'} aria-controls="filters" @click=${() => (this.showFilters = !this.showFilters)}>
              ${msg('Filtres', { id: 'table.filters' })}
            </button>`
          : nothing}
        ${filtering
          ? html`<button class="tool" @click=${() => this.#setQuery({ text: '', values: {}, ranges: {}, inView: false })}>
              ${msg('Effacer les filtres', { id: 'table.clear' })}
            </button>`
          : nothing}
        <div class="export">
          <button class="tool" aria-expanded=${this.exportOpen ? 'true' : 'false'} aria-haspopup="true" @click=${() => (this.exportOpen = !this.exportOpen)}>
            ${msg('Exporter', { id: 'table.export' })}
          </button>
          ${this.exportOpen
            ? html`<div class="export-menu" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.exportOpen = false)}>
                <button @click=${() => this.#download('csv;')}>${msg('CSV (;, tableurs français)', { id: 'table.export.csvSemicolon' })}</button>
                <button @click=${() => this.#download('csv,')}>${msg('CSV (,)', { id: 'table.export.csvComma' })}</button>
                <button @click=${() => this.#download('geojson')}>GeoJSON</button>
              </div>`
            : nothing}
        </div>
        <button class="icon-button" aria-label=${msg('Fermer le tableau', { id: 'table.close' })} @click=${() => this.dispatchEvent(new CustomEvent('cartable-table-close', { bubbles: true, composed: true }))}>
          <span aria-hidden="true">✕</span>
        </button>
        ${this.partial
          ? html`<p class="note">${msg('Cette couche se charge selon la vue : le tableau ne contient que les objets chargés jusqu’ici.', { id: 'table.partial' })}</p>`
          : nothing}
      </div>
      ${this.showFilters ? this.#filters() : nothing}
      ${this.cards ? this.#cardList() : this.#grid()}
    `;
  }

  #filters(): TemplateResult {
    return html`<div class="filters" id="filters">
      ${this.columns
        .filter((c) => c.filter)
        .map((column) => {
          if (column.filter === 'values') {
            const kept = this.query.values[column.field];
            const values = distinctValues(this.rows, column.field);
            const toggle = (value: string, on: boolean): void => {
              const current = kept ?? values.map((v) => v.value);
              const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
              const all = next.length === values.length;
              this.#setQuery({ values: { ...this.query.values, [column.field]: all ? undefined! : next } });
            };
            return html`<fieldset>
              <legend>${column.label}</legend>
              ${values.map(
                ({ value, count }) => html`<label>
                  <input type="checkbox" .checked=${!kept || kept.includes(value)} @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />
                  ${value || msg('(vide)', { id: 'table.emptyValue' })} <span class="count">(${count})</span>
                </label>`,
              )}
            </fieldset>`;
          }
          const range = this.query.ranges[column.field] ?? {};
          const type = column.type === 'date' ? 'date' : 'number';
          const set = (bound: 'min' | 'max', raw: string): void => {
            const value = raw === '' ? undefined : type === 'number' ? Number(raw) : raw;
            this.#setQuery({ ranges: { ...this.query.ranges, [column.field]: { ...range, [bound]: value } } });
          };
          return html`<fieldset>
            <legend>${column.label}</legend>
            <div class="range">
              <input type=${type} aria-label=${msg(str`${column.label} minimum`, { id: 'table.range.min' })} .value=${range.min === undefined ? '' : String(range.min)} @change=${(e: Event) => set('min', (e.target as HTMLInputElement).value)} />
              <span aria-hidden="true">–</span>
              <input type=${type} aria-label=${msg(str`${column.label} maximum`, { id: 'table.range.max' })} .value=${range.max === undefined ? '' : String(range.max)} @change=${(e: Event) => set('max', (e.target as HTMLInputElement).value)} />
            </div>
          </fieldset>`;
        })}
    </div>`;
  }

  /** The slice of rows that shows in the scroller, with the index of the first. */
  #slice(): { first: number; rows: Row[] } {
    const height = this.#rowHeight;
    const first = Math.max(0, Math.floor(this.scrolled / height) - OVERSCAN);
    const last = Math.min(this.shown.length, Math.ceil((this.scrolled + this.viewportHeight) / height) + OVERSCAN);
    return { first, rows: this.shown.slice(first, last) };
  }

  #grid(): TemplateResult {
    // Fixed widths: every row is its own grid, and all must line up with the header.
    const template = this.columns.map((c, i) => (c.numeric ? '7.5rem' : c.type === 'date' ? '9rem' : i === 0 ? '20rem' : '13rem')).join(' ');
    const { first, rows } = this.#slice();
    const body = this.shown.length * ROW_HEIGHT;
    return html`<div
      class="grid"
      role="grid"
      aria-labelledby="table-title"
      aria-rowcount=${this.shown.length + 1}
      aria-colcount=${this.columns.length}
      style=${styleProps({ '--columns': template })}
      @keydown=${this.#onKeydown}
    >
      <div class="scroller" @scroll=${(e: Event) => (this.scrolled = (e.target as HTMLElement).scrollTop)}>
        <div class="header" role="row" aria-rowindex="1">
          ${this.columns.map((column) => {
            const sorted = this.query.sort?.field === column.field ? this.query.sort.direction : undefined;
            return html`<div role="columnheader" aria-sort=${sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
              <button @click=${() => this.#sortBy(column)}>
                ${column.label}<span aria-hidden="true">${sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
              </button>
            </div>`;
          })}
        </div>
        <div style=${styleProps({ position: 'relative', height: `${body}px` })} role="rowgroup">
          ${rows.map((row, i) => {
            const index = first + i;
            return html`<div
              class="row"
              role="row"
              aria-rowindex=${index + 2}
              aria-selected=${row.id === this.selectedId ? 'true' : 'false'}
              data-index=${index}
              tabindex=${index === this.active ? '0' : '-1'}
              style=${styleProps({ transform: `translateY(${index * ROW_HEIGHT}px)` })}
              @click=${() => {
                this.active = index;
                this.#open(row);
              }}
            >
              ${this.columns.map((column) => html`<div class="cell ${column.numeric ? 'num' : ''}" role="gridcell">${this.#cellText(row, column)}</div>`)}
            </div>`;
          })}
        </div>
        ${this.shown.length === 0 ? html`<p class="empty">${msg('Aucune ligne ne correspond aux filtres.', { id: 'table.none' })}</p>` : nothing}
      </div>
    </div>`;
  }

  #cardList(): TemplateResult {
    const { first, rows } = this.#slice();
    const [lead, ...rest] = this.columns;
    return html`<div class="grid" @keydown=${this.#onKeydown}>
      <div class="scroller" role="list" aria-labelledby="table-title" @scroll=${(e: Event) => (this.scrolled = (e.target as HTMLElement).scrollTop)}>
        <div style=${styleProps({ position: 'relative', height: `${this.shown.length * CARD_HEIGHT}px` })}>
          ${rows.map((row, i) => {
            const index = first + i;
            return html`<div
              class="card"
              role="listitem"
              aria-setsize=${this.shown.length}
              aria-posinset=${index + 1}
              aria-selected=${row.id === this.selectedId ? 'true' : 'false'}
              data-index=${index}
              tabindex=${index === this.active ? '0' : '-1'}
              style=${styleProps({ transform: `translateY(${index * CARD_HEIGHT + 4}px)` })}
              @click=${() => this.#open(row)}
            >
              <strong>${lead ? this.#cellText(row, lead) : row.id}</strong>
              <dl>${rest.slice(0, 3).map((c) => html`<dt>${c.label}</dt><dd>${this.#cellText(row, c)}</dd>`)}</dl>
            </div>`;
          })}
        </div>
        ${this.shown.length === 0 ? html`<p class="empty">${msg('Aucune ligne ne correspond aux filtres.', { id: 'table.none' })}</p>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-table': CartableTable;
  }
}
