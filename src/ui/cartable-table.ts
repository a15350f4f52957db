import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { Extent } from '../map/places.js';
import type { Column } from '../table/columns.js';
import { EMPTY_QUERY, isFiltering, runQuery, type TableQuery } from '../table/query.js';
import type { Row } from '../table/rows.js';
import { emit } from './events.js';
import { CellTexts } from './table/cell-text.js';
import { downloadRows, type ExportFormat } from './table/download.js';
import { renderFilters } from './table/filters.js';
import { TableHeightController } from './table/height.js';
import { CARD_HEIGHT, ROW_HEIGHT, keyMove, visibleSlice } from './table/layout.js';
import { deepActiveElement, placePopover } from './table/popover.js';
import { renderCards, renderGrid, type RowsView } from './table/rows-view.js';
import { renderSortSelect } from './table/sort-select.js';
import { tableStyles } from './table/styles.js';
import { base } from './theme.js';

/**
 * @summary Every feature of a layer as a sortable, filterable, virtualised grid (cards on phones).
 * Rows are drawn only where they show, so 171,000 rows scroll like 71. Docked under the map, its height
 * follows a handle on its top edge (see table/height.ts); filters and exports open in popovers.
 * @fires cartable-table-query - detail: TableQuery (sort, text, column filters, view switch)
 * @fires cartable-table-filtered - detail: { ids: Set of kept ids, or null when nothing filters }
 * @fires cartable-table-open-row - detail: { id }
 * @fires cartable-table-export - detail: { format }
 * @fires cartable-table-close
 * @fires cartable-chart-open - detail: { chartId } to show the layer's charts, {} to close them
 */
@localized()
@element('cartable-table')
export class CartableTable extends LitElement {
  static override styles = [base, tableStyles];

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
  /** The chart « Graphiques » opens (the layer's first), or none when the layer has no charts. */
  @property() firstChart = '';
  /** A chart is open beside (or, on a phone, instead of) the table. */
  @property({ type: Boolean }) chartOpen = false;
  /** The geometry of a row in lon/lat, for the GeoJSON export. */
  @property({ attribute: false }) geometryOf: (row: Row) => unknown = () => null;

  @state() private scrolled = 0;
  @state() private viewportHeight = 400;
  @state() private active = 0;
  /** The filter popover is open (its value lists are only worked out then). */
  @state() private filtersOpen = false;
  @state() private exportOpen = false;

  @query('.scroller') private scroller?: HTMLElement;
  @query('#export-menu') private exportMenu?: HTMLElement;

  #height = new TableHeightController(this, () => !this.cards);

  /** The rows the query keeps, in order (computed when rows, query or view change). */
  shown: Row[] = [];
  #resize?: ResizeObserver;
  #texts = new CellTexts();

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
      emit(this, 'cartable-table-filtered', { ids: isFiltering(this.query) ? new Set(this.shown.map((r) => r.id)) : null });
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
    emit(this, 'cartable-table-query', { ...this.query, ...patch });
  }

  #open(row: Row): void {
    emit(this, 'cartable-table-open-row', { id: row.id });
  }

  #sortBy(column: Column): void {
    const current = this.query.sort;
    const direction = current?.field === column.field && current.direction === 'asc' ? 'desc' : 'asc';
    this.#setQuery({ sort: { field: column.field, direction } });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((this.scroller?.clientHeight ?? 400) / this.#rowHeight) - 1);
    const next = keyMove(event.key, this.active, this.shown.length - 1, page);
    if (next === undefined) return;
    event.preventDefault();
    if (next === 'open') {
      const row = this.shown[this.active];
      if (row) this.#open(row);
      return;
    }
    this.active = next;
    this.#scrollToIndex(this.active);
    // Render the slice around the new row now, so that it exists when it takes focus.
    this.scrolled = this.scroller?.scrollTop ?? this.scrolled;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus({ preventScroll: true }));
  };

  #download(format: ExportFormat): void {
    this.exportMenu?.hidePopover();
    downloadRows(this.renderRoot, { rows: this.shown, columns: this.columns, format, name: this.heading, geometryOf: this.geometryOf });
    emit(this, 'cartable-table-export', { format });
  }

  override render(): TemplateResult {
    const total = this.rows.length;
    const count = this.shown.length;
    const filtering = isFiltering(this.query);
    return html`
      ${this.cards ? nothing : this.#resizeHandle()}
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
          ? html`<button class="tool" popovertarget="filters" aria-expanded=${this.filtersOpen ? 'true' : 'false'} aria-controls="filters">
              ${msg('Filtres', { id: 'table.filters' })}
            </button>`
          : nothing}
        ${filtering
          ? html`<button class="tool" @click=${() => this.#setQuery({ text: '', values: {}, ranges: {}, inView: false })}>
              ${msg('Effacer les filtres', { id: 'table.clear' })}
            </button>`
          : nothing}
        ${this.firstChart
          ? html`<button class="tool" aria-pressed=${this.chartOpen ? 'true' : 'false'} @click=${() => emit(this, 'cartable-chart-open', this.chartOpen ? {} : { chartId: this.firstChart })}>
              ${msg('Graphiques', { id: 'chartPanel.charts' })}
            </button>`
          : nothing}
        <button class="tool" popovertarget="export-menu" aria-expanded=${this.exportOpen ? 'true' : 'false'} aria-haspopup="true">
          ${msg('Exporter', { id: 'table.export' })}
        </button>
        <button class="icon-button" aria-label=${msg('Fermer le tableau', { id: 'table.close' })} @click=${() => emit(this, 'cartable-table-close', {})}>
          <span aria-hidden="true">✕</span>
        </button>
        ${this.partial
          ? html`<p class="note">${msg('Cette couche se charge selon la vue : le tableau ne contient que les objets chargés jusqu’ici.', { id: 'table.partial' })}</p>`
          : nothing}
      </div>
      ${this.#filterPopover()}
      <div id="export-menu" class="popover export-menu" popover @beforetoggle=${this.#onBeforeToggle} @toggle=${this.#onToggle}>
        <button @click=${() => this.#download('csv;')}>${msg('CSV (;, tableurs français)', { id: 'table.export.csvSemicolon' })}</button>
        <button @click=${() => this.#download('csv,')}>${msg('CSV (,)', { id: 'table.export.csvComma' })}</button>
        <button @click=${() => this.#download('geojson')}>GeoJSON</button>
      </div>
      ${this.cards ? renderSortSelect(this.columns, this.query.sort, (sort) => this.#setQuery({ sort })) : nothing}
      ${this.cards ? renderCards(this.#rowsView()) : renderGrid(this.#rowsView())}
    `;
  }

  /** The handle on the top edge that sets the table's height (desktop), a separator for assistive technology. */
  #resizeHandle(): TemplateResult {
    const height = this.#height;
    const rows = Math.max(0, Math.floor(this.viewportHeight / ROW_HEIGHT) - 1);
    return html`<div
      class="resize"
      role="separator"
      tabindex="0"
      aria-orientation="horizontal"
      aria-label=${msg('Hauteur du tableau', { id: 'table.resize' })}
      aria-valuemin=${height.min}
      aria-valuemax=${height.max}
      aria-valuenow=${height.height}
      aria-valuetext=${msg(str`${rows} lignes visibles`, { id: 'table.resize.rows' })}
      @pointerdown=${height.onPointerDown}
      @pointermove=${height.onPointerMove}
      @pointerup=${height.onPointerUp}
      @pointercancel=${height.onPointerUp}
      @keydown=${height.onKeydown}
    ></div>`;
  }

  #filterPopover(): TemplateResult {
    return html`<div id="filters" class="popover filters" popover role="dialog" aria-label=${msg('Filtres', { id: 'table.filters' })} @beforetoggle=${this.#onBeforeToggle} @toggle=${this.#onToggle}>
      ${this.filtersOpen
        ? html`<div class="popover-head">
              <strong>${msg('Filtres', { id: 'table.filters' })}</strong>
              <button class="icon-button" popovertarget="filters" popovertargetaction="hide" aria-label=${msg('Fermer les filtres', { id: 'table.filters.close' })}>
                <span aria-hidden="true">✕</span>
              </button>
            </div>
            ${renderFilters({ columns: this.columns, rows: this.rows, query: this.query, setQuery: (p) => this.#setQuery(p) })}`
        : nothing}
    </div>`;
  }

  /** Before a popover shows: place it by its button (over the map on a desktop, so the rows stay in sight). */
  #onBeforeToggle = (event: Event): void => {
    const popover = event.currentTarget as HTMLElement;
    const open = (event as ToggleEvent).newState === 'open';
    if (popover.id === 'filters') this.filtersOpen = open;
    else this.exportOpen = open;
    const anchor = this.renderRoot.querySelector<HTMLElement>(`[popovertarget="${popover.id}"]`);
    if (open && anchor) placePopover(popover, anchor, this.cards ? 'below' : 'above');
  };

  /** Once shown, focus goes into the popover; once closed (Esc, a click elsewhere), back to its button. */
  #onToggle = async (event: Event): Promise<void> => {
    const popover = event.currentTarget as HTMLElement;
    const anchor = this.renderRoot.querySelector<HTMLElement>(`.toolbar [popovertarget="${popover.id}"]`);
    if ((event as ToggleEvent).newState === 'open') {
      await this.updateComplete;
      popover.querySelector<HTMLElement>('fieldset input, .export-menu > button, button')?.focus();
      return;
    }
    const active = deepActiveElement();
    // Focus left with the popover (to the page itself): it goes back to the button, not to the top of the page.
    if (!active || active === document.body || popover.contains(active)) anchor?.focus();
  };

  #rowsView(): RowsView {
    const { first, end } = visibleSlice(this.scrolled, this.viewportHeight, this.#rowHeight, this.shown.length);
    return {
      columns: this.columns,
      shown: this.shown,
      first,
      end,
      selectedId: this.selectedId,
      active: this.active,
      sort: this.query.sort,
      cellText: (row, column) => this.#texts.text(row, column, this.language),
      onScroll: (e) => (this.scrolled = (e.target as HTMLElement).scrollTop),
      onKeydown: this.#onKeydown,
      onRowClick: (index, row) => {
        this.active = index;
        this.#open(row);
      },
      onSort: (column) => this.#sortBy(column),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-table': CartableTable;
  }
}
