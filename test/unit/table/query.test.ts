import { describe, expect, it } from 'vitest';
import type { Column } from '../../../src/table/columns.js';
import { EMPTY_QUERY, distinctValues, isFiltering, runQuery } from '../../../src/table/query.js';
import { makeRow } from '../../../src/table/rows.js';

const columns: Column[] = [
  { field: 'nom', label: 'Nom', type: 'text', numeric: false },
  { field: 'type', label: 'Type', type: 'text', numeric: false, filter: 'values' },
  { field: 'note', label: 'Note', type: 'integer', numeric: true, filter: 'range' },
  { field: 'date', label: 'Date', type: 'date', numeric: false, filter: 'range' },
];

const data: Array<[string, Record<string, unknown>, [number, number]?]> = [
  ['a', { nom: 'Écrins', type: 'naturel', note: 30, date: '2020-05-01' }, [10, 10]],
  ['b', { nom: 'eaux', type: 'naturel', note: '9', date: '2019-01-01' }, [50, 50]],
  ['c', { nom: 'Fontaine', type: 'anthropique', note: null, date: '' }],
  ['d', { nom: 'Dôme', type: 'anthropique', note: 120, date: '2021-12-31' }, [12, 12]],
  ['e', { nom: '', type: '', note: 'n/a', date: '2018-06-30' }, [11, 11]],
  ['f', { nom: 'ecrins', type: 'naturel', note: 30.5 }, [13, 13]],
];
const rows = data.map(([id, values, at]) => makeRow(id, values, columns, at));
const ids = (query: Partial<typeof EMPTY_QUERY>) => runQuery(rows, columns, { ...EMPTY_QUERY, ...query }).map((r) => r.id);

describe('sorting', () => {
  it('sorts texts in French order, accents and case aside, empty last both ways', () => {
    expect(ids({ sort: { field: 'nom', direction: 'asc' } })).toEqual(['d', 'b', 'a', 'f', 'c', 'e']);
    expect(ids({ sort: { field: 'nom', direction: 'desc' } })).toEqual(['c', 'a', 'f', 'b', 'd', 'e']);
  });

  it('sorts numbers as numbers (numbers written as strings too), empty and non-numbers last', () => {
    expect(ids({ sort: { field: 'note', direction: 'asc' } })).toEqual(['b', 'a', 'f', 'd', 'c', 'e']);
    expect(ids({ sort: { field: 'note', direction: 'desc' } })).toEqual(['d', 'f', 'a', 'b', 'c', 'e']);
  });

  it('keeps the original order without a sort', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('filtering', () => {
  it('filters on text across columns, accents and case aside, every word', () => {
    expect(ids({ text: 'ECRINS' })).toEqual(['a', 'f']);
    expect(ids({ text: 'ecrins natur' })).toEqual(['a', 'f']);
    expect(ids({ text: 'dome anthrop' })).toEqual(['d']);
    expect(ids({ text: 'rien' })).toEqual([]);
  });

  it('filters on ticked values, numeric ranges and date ranges', () => {
    expect(ids({ values: { type: ['anthropique'] } })).toEqual(['c', 'd']);
    expect(ids({ values: { type: ['', 'naturel'] } })).toEqual(['a', 'b', 'e', 'f']);
    expect(ids({ ranges: { note: { min: 10, max: 100 } } })).toEqual(['a', 'f']);
    expect(ids({ ranges: { note: { min: 100 } } })).toEqual(['d']);
    expect(ids({ ranges: { date: { min: '2019-06-01', max: '2021-12-31' } } })).toEqual(['a', 'd']);
  });

  it('keeps only rows in the map view when asked', () => {
    const view = [9, 9, 12.5, 12.5] as [number, number, number, number];
    expect(runQuery(rows, columns, { ...EMPTY_QUERY, inView: true }, view).map((r) => r.id)).toEqual(['a', 'd', 'e']);
  });

  it('says when something filters', () => {
    expect(isFiltering(EMPTY_QUERY)).toBe(false);
    expect(isFiltering({ ...EMPTY_QUERY, sort: { field: 'nom', direction: 'asc' } })).toBe(false);
    expect(isFiltering({ ...EMPTY_QUERY, text: ' x ' })).toBe(true);
    expect(isFiltering({ ...EMPTY_QUERY, ranges: { note: {} } })).toBe(false);
  });

  it('lists the values of a column, most frequent first', () => {
    expect(distinctValues(rows, 'type')).toEqual([
      { value: 'naturel', count: 3 },
      { value: 'anthropique', count: 2 },
      { value: '', count: 1 },
    ]);
  });
});
