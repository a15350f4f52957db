import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Column } from '../../table/columns.js';
import type { TableQuery } from '../../table/query.js';

type Sort = TableQuery['sort'];

/**
 * Sorting where there are no column headers (cards, on phones): a column (or the layer's own order)
 * and a direction.
 */
export function renderSortSelect(columns: readonly Column[], sort: Sort, setSort: (sort: Sort) => void): TemplateResult {
  const direction = sort?.direction ?? 'asc';
  return html`<div class="sort">
    <label>
      ${msg('Trier par', { id: 'table.sort' })}
      <select @change=${(e: Event) => {
        const field = (e.target as HTMLSelectElement).value;
        setSort(field ? { field, direction } : undefined);
      }}>
        <option value="" ?selected=${!sort}>${msg('Ordre de la couche', { id: 'table.sort.none' })}</option>
        ${columns.map((c) => html`<option value=${c.field} ?selected=${sort?.field === c.field}>${c.label}</option>`)}
      </select>
    </label>
    <select
      aria-label=${msg('Sens du tri', { id: 'table.sort.direction' })}
      ?disabled=${!sort}
      @change=${(e: Event) => sort && setSort({ field: sort.field, direction: (e.target as HTMLSelectElement).value === 'desc' ? 'desc' : 'asc' })}
    >
      <option value="asc" ?selected=${direction === 'asc'}>${msg('croissant', { id: 'table.sort.asc' })}</option>
      <option value="desc" ?selected=${direction === 'desc'}>${msg('décroissant', { id: 'table.sort.desc' })}</option>
    </select>
  </div>`;
}
