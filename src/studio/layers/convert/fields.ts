/**
 * The fields of a dropped layer, guessed from its records' values: what the popup, table and search
 * editors start from (the author can correct each type afterwards).
 */
import type { FieldType } from '../../../context/schema/fields.js';

export interface GuessedField {
  readonly name: string;
  readonly type: FieldType;
}

const URL_TEXT = /^https?:\/\/\S+$/i;
const IMAGE_URL = /^https?:\/\/\S+\.(png|jpe?g|gif|webp|svg)(\?\S*)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const PHONE = /^(\+\d{1,3}[\s.]?)?(\(0\)[\s.]?)?\d{1,4}([\s.-]?\d{2,4}){3,5}$/;
/** Longer texts read better as paragraphs (the popup's « long text »). */
const LONG_TEXT = 120;

/** The type that every non-empty value fits, the most specific first ("text" when nothing else). */
export function guessFieldType(values: readonly unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return 'text';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return present.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  }
  if (!present.every((v) => typeof v === 'string')) return 'text';
  const texts = present as string[];
  const all = (test: RegExp): boolean => texts.every((t) => test.test(t.trim()));
  if (all(IMAGE_URL)) return 'image';
  if (all(URL_TEXT)) return 'url';
  if (all(EMAIL)) return 'email';
  if (all(DATE)) return 'date';
  if (all(PHONE) && texts.every((t) => t.replace(/\D/g, '').length >= 9)) return 'phone';
  if (texts.some((t) => t.length > LONG_TEXT || t.includes('\n'))) return 'longtext';
  return 'text';
}

/** One field per property name, in the order the records first give them. */
export function guessFields(records: readonly (Readonly<Record<string, unknown>> | null | undefined)[]): GuessedField[] {
  const values = new Map<string, unknown[]>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record ?? {})) {
      if (!values.has(name)) values.set(name, []);
      values.get(name)!.push(value);
    }
  }
  return [...values].filter(([name]) => name !== '').map(([name, list]) => ({ name, type: guessFieldType(list) }));
}
