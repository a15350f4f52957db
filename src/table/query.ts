import type { Extent } from 'ol/extent.js';
import { foldText } from '../search/normalize.js';
import type { Column } from './columns.js';
import { toNumber, type Row } from './rows.js';

/** What a person asked of a table: a text, values ticked and ranges per column, a sort, the view switch. */
export interface TableQuery {
  readonly text: string;
  /** Per field: the values kept (as text). Missing: every value. */
  readonly values: Readonly<Record<string, readonly string[]>>;
  /** Per field: inclusive bounds (numbers, or ISO dates for date columns). */
  readonly ranges: Readonly<Record<string, { readonly min?: number | string; readonly max?: number | string }>>;
  readonly sort?: { readonly field: string; readonly direction: 'asc' | 'desc' };
  /** Only the rows whose feature lies in the map view. */
  readonly inView: boolean;
}

export const EMPTY_QUERY: TableQuery = { text: '', values: {}, ranges: {}, inView: false };

/** True when something narrows the rows (sorting does not). */
export const isFiltering = (query: TableQuery): boolean =>
  query.text.trim() !== '' ||
  query.inView ||
  Object.values(query.values).some((v) => v !== undefined) ||
  Object.values(query.ranges).some((r) => r && (r.min !== undefined || r.max !== undefined));

const valueText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

function matches(row: Row, query: TableQuery, columns: readonly Column[], words: readonly string[], view: Extent | undefined): boolean {
  for (const word of words) if (!row.text.includes(word)) return false;
  for (const [field, kept] of Object.entries(query.values)) {
    if (!kept) continue;
    if (!kept.includes(valueText(row.values[field]))) return false;
  }
  for (const [field, range] of Object.entries(query.ranges)) {
    if (!range || (range.min === undefined && range.max === undefined)) continue;
    const column = columns.find((c) => c.field === field);
    const raw = row.values[field];
    if (column?.type === 'date') {
      const text = valueText(raw).slice(0, 10);
      if (!text) return false;
      if (range.min !== undefined && text < String(range.min)) return false;
      if (range.max !== undefined && text > String(range.max)) return false;
    } else {
      const n = toNumber(raw);
      if (Number.isNaN(n)) return false;
      if (range.min !== undefined && n < Number(range.min)) return false;
      if (range.max !== undefined && n > Number(range.max)) return false;
    }
  }
  if (view) {
    if (!row.at) return false;
    const [x, y] = row.at;
    if (x < view[0]! || x > view[2]! || y < view[1]! || y > view[3]!) return false;
  }
  return true;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The rows a query keeps, sorted: French order for texts ("Écrins" among the E's: keys are folded
 * once, ties settled by the collator), numbers as numbers, empty values last in both directions.
 */
export function runQuery(rows: readonly Row[], columns: readonly Column[], query: TableQuery, view?: Extent): Row[] {
  const words = foldText(query.text).split(' ').filter(Boolean);
  const filtering = isFiltering(query);
  const kept = filtering ? rows.filter((row) => matches(row, query, columns, words, query.inView ? view : undefined)) : [...rows];
  const sort = query.sort;
  const index = sort ? columns.findIndex((c) => c.field === sort.field) : -1;
  if (index < 0) return kept;
  const sign = sort!.direction === 'desc' ? -1 : 1;
  const numeric = columns[index]!.numeric;
  return kept.sort((a, b) => {
    const ka = a.keys[index]!;
    const kb = b.keys[index]!;
    if (numeric) {
      const na = ka as number;
      const nb = kb as number;
      const ea = Number.isNaN(na);
      const eb = Number.isNaN(nb);
      if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
      return (na - nb) * sign;
    }
    const sa = ka as string;
    const sb = kb as string;
    if (!sa || !sb) return !sa === !sb ? 0 : !sa ? 1 : -1;
    if (sa !== sb) return (sa < sb ? -1 : 1) * sign;
    return collator.compare(String(a.values[columns[index]!.field]), String(b.values[columns[index]!.field])) * sign;
  });
}

/** The distinct values of a column (for its value list), most frequent first, with counts. */
export function distinctValues(rows: readonly Row[], field: string, limit = 200): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const v = valueText(row.values[field]);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value))
    .slice(0, limit);
}
