import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument, neutraliseFormula } from '../../../src/csv/cell.js';
import { BENIGN_CELLS, HOSTILE_CELLS, parseCsv } from './cells.js';

describe('neutraliseFormula', () => {
  it.each(HOSTILE_CELLS.map((cell) => [JSON.stringify(cell), cell]))('puts an apostrophe before %s', (_, cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(BENIGN_CELLS.map((cell) => [JSON.stringify(cell), String(cell)]))('leaves %s as it is', (_, cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('csvCell', () => {
  it('quotes (RFC 4180) what holds the separator, a quote, a line break or edge spaces, and nothing else', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('1,5', ',')).toBe('"1,5"');
    expect(csvCell('Dit "le Grand"')).toBe('"Dit ""le Grand"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell('fin\r')).toBe('"fin\r"');
    expect(csvCell(' marge ')).toBe('" marge "');
    expect(csvCell('Pic de l’Homme')).toBe('Pic de l’Homme');
  });

  it('neutralises before quoting, so the apostrophe sits inside the quotes', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
  });

  it('writes nothing for null and undefined, JSON for objects, numbers as numbers', () => {
    expect([null, undefined, { a: 1 }, ['x', 'y'], -3, true].map((v) => csvCell(v))).toEqual(['', '', '"{""a"":1}"', '"[""x"",""y""]"', '-3', 'true']);
  });
});

describe('csvDocument', () => {
  it('writes a BOM, CRLF after every line, and reads back to the neutralised cells', () => {
    for (const separator of [';', ','] as const) {
      const rows = [...HOSTILE_CELLS, ...BENIGN_CELLS].map((cell) => ['x', cell]);
      const csv = csvDocument(rows, separator);
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(parseCsv(csv.slice(1), separator)).toEqual([
        ...HOSTILE_CELLS.map((cell) => ['x', `'${cell}`]),
        ...BENIGN_CELLS.map((cell) => ['x', String(cell)]),
      ]);
    }
  });
});
