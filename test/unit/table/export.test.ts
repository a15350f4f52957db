import { describe, expect, it } from 'vitest';
import { csvDocument } from '../../../src/csv/cell.js';
import type { Column } from '../../../src/table/columns.js';
import { toCsv, toGeoJson } from '../../../src/table/export.js';
import { EMPTY_QUERY } from '../../../src/table/query.js';
import { makeRow } from '../../../src/table/rows.js';
import { readTableUrl, writeTableUrl } from '../../../src/table/url.js';
import { BENIGN_CELLS, HOSTILE_CELLS, parseCsv } from '../csv/cells.js';

const columns: Column[] = [
  { field: 'nom', label: 'Nom du site', type: 'text', numeric: false },
  { field: 'note', label: 'Note; /60', type: 'number', numeric: true },
];

describe('toCsv', () => {
  it('writes UTF-8 with a byte-order mark, ";" by default, quoting what needs it', () => {
    const rows = [makeRow(1, { nom: 'Pic de l’Homme', note: 12.5 }, columns), makeRow(2, { nom: 'Dit "le Grand"\nsud', note: null }, columns)];
    const csv = toCsv(rows, columns);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Nom du site;"Note; /60"', 'Pic de l’Homme;12.5', '"Dit ""le Grand""\nsud";', '']);
    expect(toCsv(rows.slice(0, 1), columns, ',').slice(1).split('\r\n')[0]).toBe('Nom du site,Note; /60');
  });

  it('writes every cell through csvCell: formulas neutralised in labels and values, plain numbers kept', () => {
    const column: Column[] = [{ field: 'v', label: '=1+1', type: 'text', numeric: false }];
    const values = [...HOSTILE_CELLS, ...BENIGN_CELLS];
    const rows = values.map((v, i) => makeRow(i, { v }, column));
    for (const separator of [';', ','] as const) {
      const csv = toCsv(rows, column, separator);
      expect(csv).toBe(csvDocument([['=1+1'], ...values.map((v) => [v])], separator));
      expect(parseCsv(csv.slice(1), separator)).toEqual([
        ["'=1+1"],
        ...HOSTILE_CELLS.map((cell) => [`'${cell}`]),
        ...BENIGN_CELLS.map((cell) => [String(cell)]),
      ]);
    }
  });
});

describe('toGeoJson', () => {
  it('writes the rows with their geometries', () => {
    const rows = [makeRow('PAC0058', { nom: 'Meije', note: 32 }, columns)];
    const json = JSON.parse(toGeoJson(rows, () => ({ type: 'Point', coordinates: [6.3, 45] })));
    expect(json).toEqual({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'PAC0058', geometry: { type: 'Point', coordinates: [6.3, 45] }, properties: { nom: 'Meije', note: 32 } }],
    });
  });
});

describe('table state in the URL', () => {
  it('round-trips the layer, text, ticked values, ranges, sort and the view switch', () => {
    const query = {
      text: "pic de l'homme",
      values: { typologie1: ['Site naturel', 'Site anthropique'] },
      ranges: { total_eval_interet: { min: 20, max: 40 }, date: { min: '2020-01-01' } },
      sort: { field: 'nom_site', direction: 'desc' as const },
      inView: true,
    };
    const url = writeTableUrl(new URL('https://x.example/maps/geosites.html?lang=en&feature=geosites~A'), 'geosites', query);
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('feature')).toBe('geosites~A');
    expect(readTableUrl(url)).toEqual({ layerId: 'geosites', query });
  });

  it('forgets the table when it closes, and ignores nothing else', () => {
    const open = writeTableUrl(new URL('https://x.example/?map=a'), 'geosites', { ...EMPTY_QUERY, text: 'x' });
    const closed = writeTableUrl(open, undefined);
    expect(closed.search).toBe('?map=a');
    expect(readTableUrl(closed)).toEqual({ layerId: undefined, query: { ...EMPTY_QUERY, sort: undefined } });
  });
});
