import { foldText } from '../search/normalize.js';
import type { Column } from './columns.js';

/** One feature as a table row: its id, its values, and what sorting and filtering need, computed once. */
export interface Row {
  readonly id: string | number;
  readonly values: Readonly<Record<string, unknown>>;
  /** Per column: the number for numeric columns (NaN when empty or not a number), else the folded text. */
  readonly keys: ReadonlyArray<number | string>;
  /** Every column's folded text, for the text filter. */
  readonly text: string;
  /** A point for "only what is in the map view" (map projection), when the feature has a geometry. */
  readonly at?: readonly [number, number];
}

/** A number from a value (numbers written as strings count, with a comma or a point). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim().replace(',', '.'));
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number.NaN;
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The text of a value for sorting and filtering (arrays joined; objects are not sorted on). */
function textOf(value: unknown): string {
  if (isEmpty(value)) return '';
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (typeof value === 'object') return '';
  return String(value);
}

/** Date fields sort as their ISO text, which orders like the dates. */
export function makeRow(id: string | number, values: Readonly<Record<string, unknown>>, columns: readonly Column[], at?: readonly [number, number]): Row {
  const keys: Array<number | string> = [];
  const texts: string[] = [];
  for (const column of columns) {
    const value = values[column.field];
    const text = textOf(value);
    texts.push(text);
    keys.push(column.numeric ? (isEmpty(value) ? Number.NaN : toNumber(value)) : column.type === 'date' ? text : foldText(text));
  }
  return { id, values, keys, text: foldText(texts.join(' ')), at };
}
