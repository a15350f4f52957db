/**
 * The report as CSV for a spreadsheet and a file: a header block (the report's title, the place, the
 * date, the map), a blank line, then one table with one row per feature and real columns — layer,
 * status, id, name, distance (around a point or a line), position (on the boundary), then the layers'
 * key fields by name (the union of their labels, in layer order; a layer without one leaves it empty).
 * A layer with nothing found or not checked has one row saying so. « ; » between values (what French
 * Excel opens straight away); BOM, CRLF, quoting and formula neutralisation are csvDocument's.
 */
import { csvDocument } from '../csv/cell.js';
import type { Report } from './types.js';

export interface CsvTexts {
  /** The first line: the report's title. */
  readonly title: string;
  /** The lines under it, [what, value]: the place, the date, the map's title and address. */
  readonly about: ReadonlyArray<readonly [string, string]>;
  readonly layer: string;
  readonly status: string;
  readonly id: string;
  readonly label: string;
  readonly distance: string;
  readonly position: string;
  /** What the position column says of a point on the boundary (« en limite »). */
  readonly onBoundary: string;
  readonly checked: string;
  /** The status of a layer that was not checked, with its reason. */
  readonly unchecked: (layerId: string) => string;
  /** Said when a service sent fewer features than it holds. */
  readonly capped: string;
}

type Cell = string | number | undefined;

/** The key fields' labels of every layer, each once, in layer order then in the order the features give them. */
export function keyFieldColumns(report: Report): string[] {
  const labels = new Set<string>();
  for (const layer of report.layers) for (const item of layer.items) for (const field of item.fields) labels.add(field.label);
  return [...labels];
}

export function reportCsv(report: Report, texts: CsvTexts): string {
  const near = report.place.kind !== 'area' || report.layers.some((l) => l.items.some((i) => i.distance !== undefined));
  const keys = keyFieldColumns(report);
  const header: Cell[] = [texts.layer, texts.status, texts.id, texts.label, ...(near ? [texts.distance] : []), texts.position, ...keys];
  const lines: Cell[][] = [[texts.title], ...texts.about.map(([what, value]) => [what, value]), [], header];
  for (const layer of report.layers) {
    const status = layer.unchecked ? texts.unchecked(layer.layerId) : layer.capped ? texts.capped : texts.checked;
    if (!layer.items.length) {
      lines.push([layer.title, status]);
      continue;
    }
    for (const item of layer.items) {
      const values = new Map(item.fields.map((f) => [f.label, f.value]));
      lines.push([
        layer.title,
        status,
        item.id,
        item.label,
        ...(near ? [item.distance === undefined ? undefined : Math.round(item.distance)] : []),
        item.onBoundary ? texts.onBoundary : undefined,
        ...keys.map((key) => values.get(key)),
      ]);
    }
  }
  return csvDocument(lines, ';');
}
