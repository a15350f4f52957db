import type { Column } from '../../table/columns.js';
import { toCsv, toGeoJson } from '../../table/export.js';
import type { Row } from '../../table/rows.js';

export type ExportFormat = 'csv;' | 'csv,' | 'geojson';

/** Saves rows as a file: CSV with `;` (French spreadsheets) or `,`, or GeoJSON. */
export function downloadRows(
  into: ParentNode,
  { rows, columns, format, name, geometryOf }: { rows: readonly Row[]; columns: readonly Column[]; format: ExportFormat; name: string; geometryOf: (row: Row) => unknown },
): void {
  const body = format === 'geojson' ? toGeoJson(rows, geometryOf) : toCsv(rows, columns, format === 'csv;' ? ';' : ',');
  const type = format === 'geojson' ? 'application/geo+json' : 'text/csv;charset=utf-8';
  downloadBlob(into, new Blob([body], { type }), `${name || 'export'}.${format === 'geojson' ? 'geojson' : 'csv'}`);
}

/** Saves a blob as a file of that name (characters file systems refuse become `_`). */
export function downloadBlob(into: ParentNode, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name.replace(/[\\/:*?"<>|]+/g, '_');
  into.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: free it once the download surely started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
