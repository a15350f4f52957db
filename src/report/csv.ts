/**
 * The report as CSV for a spreadsheet: UTF-8 with a byte-order mark and « ; » between values (what
 * French Excel opens straight away, accents intact), CRLF line ends, RFC 4180 quoting. A text that
 * starts with = + - @ (or a tab or carriage return) is neutralised with a leading apostrophe, so a
 * spreadsheet never runs a value from the data as a formula (CSV injection); plain numbers stay.
 */
import { KEY_FIELDS } from './describe.js';
import type { Report } from './types.js';

export interface CsvTexts {
  readonly layer: string;
  readonly status: string;
  readonly feature: string;
  readonly id: string;
  readonly distance: string;
  readonly field: (n: number) => string;
  readonly value: (n: number) => string;
  readonly checked: string;
  /** The status of a layer that was not checked, with its reason. */
  readonly unchecked: (layerId: string) => string;
  /** Said when a service sent fewer features than it holds. */
  readonly capped: string;
}

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

const NUMBER = /^-?\d+([.,]\d+)?$/;

/** A value as one CSV cell: neutralised, then quoted when needed. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per feature found; one line per layer with nothing found or that could not be checked. */
export function reportCsv(report: Report, texts: CsvTexts): string {
  const header = [texts.layer, texts.status, texts.feature, texts.id, texts.distance];
  for (let n = 1; n <= KEY_FIELDS; n++) header.push(texts.field(n), texts.value(n));
  const lines = [header.map(csvCell).join(CSV_SEPARATOR)];
  for (const layer of report.layers) {
    const status = layer.unchecked ? texts.unchecked(layer.layerId) : layer.capped ? texts.capped : texts.checked;
    if (!layer.items.length) {
      lines.push([layer.title, status].map(csvCell).join(CSV_SEPARATOR));
      continue;
    }
    for (const item of layer.items) {
      const cells: Array<string | number | undefined> = [
        layer.title,
        status,
        item.label,
        item.id,
        item.distance === undefined ? undefined : Math.round(item.distance),
      ];
      for (let n = 0; n < KEY_FIELDS; n++) cells.push(item.fields[n]?.label, item.fields[n]?.value);
      lines.push(cells.map(csvCell).join(CSV_SEPARATOR));
    }
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
