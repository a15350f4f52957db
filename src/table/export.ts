import type { Column } from './columns.js';
import type { Row } from './rows.js';

/**
 * The rows as CSV: UTF-8 with a byte-order mark (so spreadsheet software reads accents right), ";" by
 * default for French spreadsheets, values quoted when needed, formulas defused (a value starting with
 * = + - @ is prefixed with ' so a spreadsheet does not run it).
 */
export function toCsv(rows: readonly Row[], columns: readonly Column[], separator: ';' | ',' = ';'): string {
  const cell = (value: unknown): string => {
    let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
    return /["\n\r]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.label)).join(separator)];
  for (const row of rows) lines.push(columns.map((c) => cell(row.values[c.field])).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as a GeoJSON FeatureCollection (geometries given in lon/lat by the caller). */
export function toGeoJson(rows: readonly Row[], geometryOf: (row: Row) => unknown): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((row) => ({ type: 'Feature', id: row.id, geometry: geometryOf(row) ?? null, properties: row.values })),
  });
}
