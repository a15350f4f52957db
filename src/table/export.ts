import { csvDocument, type CsvSeparator } from '../csv/cell.js';
import type { Column } from './columns.js';
import type { Row } from './rows.js';

/** The rows as CSV (see csvDocument: BOM, CRLF, quoting, formulas neutralised), ";" by default for French spreadsheets. */
export function toCsv(rows: readonly Row[], columns: readonly Column[], separator: CsvSeparator = ';'): string {
  const header = columns.map((c) => c.label);
  return csvDocument([header, ...rows.map((row) => columns.map((c) => row.values[c.field]))], separator);
}

/** The rows as a GeoJSON FeatureCollection (geometries given in lon/lat by the caller). */
export function toGeoJson(rows: readonly Row[], geometryOf: (row: Row) => unknown): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((row) => ({ type: 'Feature', id: row.id, geometry: geometryOf(row) ?? null, properties: row.values })),
  });
}
