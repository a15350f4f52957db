import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Column } from '../../table/columns.js';
import { distinctValues, type TableQuery } from '../../table/query.js';
import type { Row } from '../../table/rows.js';

export interface FiltersView {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly query: TableQuery;
  setQuery(patch: Partial<TableQuery>): void;
}

/** One fieldset per filtered column: a value list (checkboxes) or a range (two inputs). */
export function renderFilters(view: FiltersView): TemplateResult[] {
  return view.columns.filter((c) => c.filter).map((column) => (column.filter === 'values' ? valueList(view, column) : range(view, column)));
}

function valueList({ rows, query, setQuery }: FiltersView, column: Column): TemplateResult {
  const kept = query.values[column.field];
  const values = distinctValues(rows, column.field);
  const toggle = (value: string, on: boolean): void => {
    const current = kept ?? values.map((v) => v.value);
    const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    const all = next.length === values.length;
    setQuery({ values: { ...query.values, [column.field]: all ? undefined! : next } });
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

function range({ query, setQuery }: FiltersView, column: Column): TemplateResult {
  const bounds = query.ranges[column.field] ?? {};
  const type = column.type === 'date' ? 'date' : 'number';
  const set = (bound: 'min' | 'max', raw: string): void => {
    const value = raw === '' ? undefined : type === 'number' ? Number(raw) : raw;
    setQuery({ ranges: { ...query.ranges, [column.field]: { ...bounds, [bound]: value } } });
  };
  const shown = (value: number | string | undefined): string => (value === undefined ? '' : String(value));
  return html`<fieldset>
    <legend>${column.label}</legend>
    <div class="range">
      <input type=${type} aria-label=${msg(str`${column.label} minimum`, { id: 'table.range.min' })} .value=${shown(bounds.min)} @change=${(e: Event) => set('min', (e.target as HTMLInputElement).value)} />
      <span aria-hidden="true">–</span>
      <input type=${type} aria-label=${msg(str`${column.label} maximum`, { id: 'table.range.max' })} .value=${shown(bounds.max)} @change=${(e: Event) => set('max', (e.target as HTMLInputElement).value)} />
    </div>
  </fieldset>`;
}
