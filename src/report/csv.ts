/**
 * The report as CSV for a spreadsheet: « ; » between values (what French Excel opens straight away);
 * the byte-order mark, CRLF, quoting and formula neutralisation are csvDocument's (src/csv/cell.ts).
 */
import { csvDocument } from '../csv/cell.js';
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

/** One line per feature found; one line per layer with nothing found or that could not be checked. */
export function reportCsv(report: Report, texts: CsvTexts): string {
  const header = [texts.layer, texts.status, texts.feature, texts.id, texts.distance];
  for (let n = 1; n <= KEY_FIELDS; n++) header.push(texts.field(n), texts.value(n));
  const lines: Array<ReadonlyArray<string | number | undefined>> = [header];
  for (const layer of report.layers) {
    const status = layer.unchecked ? texts.unchecked(layer.layerId) : layer.capped ? texts.capped : texts.checked;
    if (!layer.items.length) {
      lines.push([layer.title, status]);
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
      lines.push(cells);
    }
  }
  return csvDocument(lines, ';');
}
