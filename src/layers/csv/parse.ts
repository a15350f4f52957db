/**
 * CSV of points: a header line naming the columns, then one point per line. Pure functions, run in a
 * module worker (csv.worker.ts) or, as a fallback, on the main thread.
 */
import type { FieldDef } from '../../context/types.js';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface CsvOptions {
  readonly xField: string;
  readonly yField: string;
  readonly delimiter: 'auto' | Delimiter;
  readonly decimal: '.' | ',';
  /** Declared fields: numbers, integers and booleans are converted; other values stay text. */
  readonly fields: readonly Pick<FieldDef, 'name' | 'type'>[];
}

export interface CsvPoints {
  readonly columns: string[];
  /** x0, y0, x1, y1… in the file's CRS. */
  readonly coordinates: Float64Array;
  readonly properties: Record<string, string | number | boolean | null>[];
  /** Lines left out: too few columns, or coordinates that are not numbers. */
  readonly skipped: number;
  /** Columns named by the layer that the header lacks. */
  readonly missing: string[];
  /** The file ends inside a record: in a quoted cell, or on a last line cut short (no line end, too few cells). */
  readonly truncated: boolean;
}

/** How the text ended, for the rows' reader: inside a quoted cell, and whether the last row had its line end. */
export interface CsvEnding {
  readonly unterminatedQuote: boolean;
  readonly lastRowEnded: boolean;
}

const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];

/** The delimiter of a header line: the candidate that appears most often outside quotes (comma on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells may hold delimiters, quotes "" and line
 * breaks); returns how the text ended.
 */
export function* csvRows(text: string, delimiter: Delimiter): Generator<string[], CsvEnding> {
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (; i < n; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      yield row;
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0 || quoted) {
    row.push(cell);
    yield row;
    return { unterminatedQuote: quoted, lastRowEnded: false };
  }
  return { unterminatedQuote: false, lastRowEnded: true };
}

/** A number written with the given decimal separator ("4,85" with ","; spaces as thousands separators). */
export function parseNumber(value: string | undefined, decimal: '.' | ','): number {
  if (value === undefined) return NaN;
  let text = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return NaN;
  if (decimal === ',') text = text.replace(',', '.');
  // Number() accepts "0x10" and "": only plain decimal numbers here.
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
}

function convert(value: string, type: FieldDef['type'] | undefined, decimal: '.' | ','): string | number | boolean | null {
  if (type === 'number' || type === 'integer') {
    const n = parseNumber(value, decimal);
    return Number.isNaN(n) ? null : n;
  }
  if (type === 'boolean') {
    const v = value.trim().toLowerCase();
    return ['true', '1', 'oui', 'yes', 'vrai'].includes(v) ? true : ['false', '0', 'non', 'no', 'faux'].includes(v) ? false : null;
  }
  return value;
}

/** Reads the points of a CSV text. Lines with unreadable coordinates are counted in `skipped`. */
export function readCsvPoints(text: string, options: CsvOptions): CsvPoints {
  const firstLineEnd = text.search(/\r?\n/);
  const headerLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(headerLine) : options.delimiter;
  const rows = csvRows(text, delimiter);
  const header = rows.next();
  const columns = header.done ? [] : header.value.map((c) => c.trim());
  const xIndex = columns.indexOf(options.xField);
  const yIndex = columns.indexOf(options.yField);
  const missing = [options.xField, options.yField].filter((_name, i) => (i === 0 ? xIndex : yIndex) < 0);
  if (missing.length) return { columns, coordinates: new Float64Array(0), properties: [], skipped: 0, missing, truncated: false };

  const types = columns.map((name) => options.fields.find((f) => f.name === name)?.type);
  let coordinates = new Float64Array(1024);
  const properties: CsvPoints['properties'] = [];
  let skipped = 0;
  let next = rows.next();
  let last: string[] | undefined;
  for (; !next.done; next = rows.next()) {
    const row = next.value;
    last = row;
    if (row.length === 1 && row[0]!.trim() === '') continue; // blank line
    const x = parseNumber(row[xIndex], options.decimal);
    const y = parseNumber(row[yIndex], options.decimal);
    if (!Number.isFinite(x) || !Number.isFinite(y) || row.length > columns.length) {
      skipped += 1;
      continue;
    }
    const n = properties.length;
    if (coordinates.length < 2 * n + 2) {
      const grown = new Float64Array(coordinates.length * 2);
      grown.set(coordinates);
      coordinates = grown;
    }
    coordinates[2 * n] = x;
    coordinates[2 * n + 1] = y;
    const record: Record<string, string | number | boolean | null> = {};
    columns.forEach((name, i) => {
      if (i !== xIndex && i !== yIndex && name !== '') record[name] = convert(row[i] ?? '', types[i], options.decimal);
    });
    properties.push(record);
  }
  // A file cut while sent or saved: in a quoted cell, or with its last line short of cells and of a line end.
  const ending = next.value;
  const truncated = ending.unterminatedQuote || (!ending.lastRowEnded && last !== undefined && last.length < columns.length);
  return { columns, coordinates: coordinates.slice(0, 2 * properties.length), properties, skipped, missing: [], truncated };
}
