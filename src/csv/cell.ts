/**
 * Writing CSV for spreadsheets, the one place every export goes through (the table, the report): the
 * text of a value, formula neutralisation, RFC 4180 quoting, the byte-order mark and CRLF line ends.
 * Reading CSV files as map layers is another matter (src/layers/csv).
 */

/** A byte-order mark first, so spreadsheet software reads the UTF-8 accents right. */
export const CSV_BOM = '\uFEFF';

/** « ; » is what a French spreadsheet splits on; « , » for English ones. */
export type CsvSeparator = ';' | ',';

/**
 * What makes a spreadsheet read a cell as a formula: = + - @, and their full-width forms (＝ ＋ － ＠),
 * which some spreadsheets fold to the ASCII ones. Spaces before them do not stop it.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Tab, CR, LF: spreadsheets drop them from the start of a cell, and read what follows. */
const CONTROL_START = /^[\t\r\n]/;
/** A plain number ("-12.5", "+33", "1,5", "1e3"): a spreadsheet reads it as that number, nothing runs. */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * The text with a leading apostrophe when a spreadsheet would run it as a formula (CSV injection:
 * `=HYPERLINK(…)`, `-1+cmd|' /C calc'!A0`…), unchanged otherwise; plain numbers stay numbers.
 */
export function neutraliseFormula(text: string): string {
  const start = text.trimStart();
  if (PLAIN_NUMBER.test(start.trimEnd())) return text;
  return CONTROL_START.test(text) || FORMULA_START.test(start) ? `'${text}` : text;
}

/** A value as text: nothing for null and undefined, JSON for objects and lists. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * One CSV cell: formula neutralised, then quoted (RFC 4180, quotes doubled) when it holds the
 * separator, a quote or a line break, or starts or ends with a space a reader might trim.
 */
export function csvCell(value: unknown, separator: CsvSeparator = ';'): string {
  const text = neutraliseFormula(textOf(value));
  const quoted = /["\r\n]/.test(text) || text.includes(separator) || text !== text.trim();
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: byte-order mark, one line per row, CRLF after each. */
export function csvDocument(rows: readonly (readonly unknown[])[], separator: CsvSeparator = ';'): string {
  const lines = rows.map((cells) => cells.map((value) => csvCell(value, separator)).join(separator));
  return `${CSV_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
