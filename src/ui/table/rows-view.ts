import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Column } from '../../table/columns.js';
import type { TableQuery } from '../../table/query.js';
import type { Row } from '../../table/rows.js';
import { styleProps } from '../style-props.js';
import { CARD_HEIGHT, ROW_HEIGHT, columnWidths } from './layout.js';

/** What the grid and the card list draw from, and where they report to. */
export interface RowsView {
  readonly columns: readonly Column[];
  /** The rows the query keeps, in order. */
  readonly shown: readonly Row[];
  /** The slice of `shown` to draw. */
  readonly first: number;
  readonly end: number;
  readonly selectedId?: string | number;
  /** The row that takes focus (roving tabindex). */
  readonly active: number;
  readonly sort?: TableQuery['sort'];
  cellText(row: Row, column: Column): string;
  onScroll(event: Event): void;
  onKeydown(event: KeyboardEvent): void;
  onRowClick(index: number, row: Row): void;
  onSort(column: Column): void;
}

const none = (): TemplateResult => html`<p class="empty">${msg('Aucune ligne ne correspond aux filtres.', { id: 'table.none' })}</p>`;

const ariaSort = (direction: 'asc' | 'desc' | undefined): string => (direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none');

/**
 * A grid: a sticky header of sort buttons and the rows, each its own CSS grid. The first column (the
 * name) is pinned: scrolling sideways to a right-hand column keeps the names in sight.
 */
export function renderGrid(view: RowsView): TemplateResult {
  const { columns, shown, first, end } = view;
  const widths = columnWidths(columns);
  return html`<div
    class="grid"
    role="grid"
    aria-labelledby="table-title"
    aria-rowcount=${shown.length + 1}
    aria-colcount=${columns.length}
    style=${styleProps({ '--columns': widths.join(' '), '--pinned': widths[0] ?? '0px' })}
    @keydown=${view.onKeydown}
  >
    <div class="scroller" @scroll=${view.onScroll}>
      <div class="header" role="row" aria-rowindex="1">
        ${columns.map((column) => {
          const sorted = view.sort?.field === column.field ? view.sort.direction : undefined;
          return html`<div role="columnheader" aria-sort=${ariaSort(sorted)}>
            <button @click=${() => view.onSort(column)}>
              ${column.label}<span aria-hidden="true">${sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
            </button>
          </div>`;
        })}
      </div>
      <div style=${styleProps({ position: 'relative', height: `${shown.length * ROW_HEIGHT}px` })} role="rowgroup">
        ${shown.slice(first, end).map((row, i) => {
          const index = first + i;
          return html`<div
            class="row"
            role="row"
            aria-rowindex=${index + 2}
            aria-selected=${row.id === view.selectedId ? 'true' : 'false'}
            data-index=${index}
            tabindex=${index === view.active ? '0' : '-1'}
            style=${styleProps({ transform: `translateY(${index * ROW_HEIGHT}px)` })}
            @click=${() => view.onRowClick(index, row)}
          >
            ${columns.map((column) => html`<div class="cell ${column.numeric ? 'num' : ''}" role="gridcell">${view.cellText(row, column)}</div>`)}
          </div>`;
        })}
      </div>
      ${shown.length === 0 ? none() : nothing}
    </div>
  </div>`;
}

/** Cards (phones): the first column as a title, the next three as a short list. */
export function renderCards(view: RowsView): TemplateResult {
  const { columns, shown, first, end } = view;
  const [lead, ...rest] = columns;
  return html`<div class="grid" @keydown=${view.onKeydown}>
    <div class="scroller" role="list" aria-labelledby="table-title" @scroll=${view.onScroll}>
      <div style=${styleProps({ position: 'relative', height: `${shown.length * CARD_HEIGHT}px` })}>
        ${shown.slice(first, end).map((row, i) => {
          const index = first + i;
          return html`<div
            class="card"
            role="listitem"
            aria-setsize=${shown.length}
            aria-posinset=${index + 1}
            aria-selected=${row.id === view.selectedId ? 'true' : 'false'}
            data-index=${index}
            tabindex=${index === view.active ? '0' : '-1'}
            style=${styleProps({ transform: `translateY(${index * CARD_HEIGHT + 4}px)` })}
            @click=${() => view.onRowClick(index, row)}
          >
            <strong>${lead ? view.cellText(row, lead) : row.id}</strong>
            <dl>${rest.slice(0, 3).map((c) => html`<dt>${c.label}</dt><dd>${view.cellText(row, c)}</dd>`)}</dl>
          </div>`;
        })}
      </div>
      ${shown.length === 0 ? none() : nothing}
    </div>
  </div>`;
}
