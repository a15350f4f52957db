import { describe, expect, it } from 'vitest';
import { csvRows, detectDelimiter, parseNumber, readCsvPoints, type CsvOptions } from '../../../src/layers/csv/parse.js';

const options = (extra: Partial<CsvOptions> = {}): CsvOptions => ({
  xField: 'lon',
  yField: 'lat',
  delimiter: 'auto',
  decimal: '.',
  fields: [],
  ...extra,
});

describe('CSV points', () => {
  it('guesses the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('nom,lon,lat')).toBe(',');
    expect(detectDelimiter('nom;lon;lat')).toBe(';');
    expect(detectDelimiter('nom\tlon\tlat')).toBe('\t');
    expect(detectDelimiter('"a;b;c"|lon|lat')).toBe('|');
  });

  it('splits quoted cells holding delimiters, quotes and line breaks, and CRLF lines', () => {
    const rows = [...csvRows('a,b\r\n"x, ""y""","line\nbreak"\r\n', ',')];
    expect(rows).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak']]);
  });

  it('reads numbers with a point or a comma as decimal separator, and nothing else', () => {
    expect(parseNumber('45.19', '.')).toBe(45.19);
    expect(parseNumber(' 45,19 ', ',')).toBe(45.19);
    expect(parseNumber('-1e3', '.')).toBe(-1000);
    expect(parseNumber('0x10', '.')).toBeNaN();
    expect(parseNumber('', '.')).toBeNaN();
    expect(parseNumber('45,19', '.')).toBeNaN();
  });

  it('reads points and their attributes, counts malformed rows and skips blank lines', () => {
    const text = '\ufeffnom,lon,lat,pop\nGrenoble,5.7245,45.1885,158000\nSans lon,,45.1\nLyon,4.8357,45.764,513000\n\nCassé,abc,45\nTrop,1,2,3,4\n';
    const points = readCsvPoints(text, options({ fields: [{ name: 'pop', type: 'integer' }] }));
    expect(points.columns).toEqual(['nom', 'lon', 'lat', 'pop']);
    expect([...points.coordinates]).toEqual([5.7245, 45.1885, 4.8357, 45.764]);
    expect(points.properties).toEqual([{ nom: 'Grenoble', pop: 158000 }, { nom: 'Lyon', pop: 513000 }]);
    expect(points.skipped).toBe(3);
    expect(points.missing).toEqual([]);
  });

  it('reads French-style files: semicolons and decimal commas, projected x/y columns', () => {
    const text = 'id;X;Y\n1;914000,5;6457000,25\n2;700000;6600000\n';
    const points = readCsvPoints(text, options({ xField: 'X', yField: 'Y', decimal: ',' }));
    expect([...points.coordinates]).toEqual([914000.5, 6457000.25, 700000, 6600000]);
    expect(points.properties.map((p) => p.id)).toEqual(['1', '2']);
  });

  it('names the coordinate columns that the header lacks', () => {
    const points = readCsvPoints('nom,longitude,latitude\na,1,2\n', options());
    expect(points.missing).toEqual(['lon', 'lat']);
    expect(points.coordinates).toHaveLength(0);
  });

  it('uses a given delimiter instead of guessing', () => {
    const points = readCsvPoints('lon|lat|nom,x\n1|2|a,b\n', options({ delimiter: '|' }));
    expect(points.properties).toEqual([{ 'nom,x': 'a,b' }]);
  });

  // Its speed is a figure of `npm run bench:csv`, not a test: a time depends on the machine's load.
  it('reads 100 000 lines, every point at its place', () => {
    const lines = ['lon,lat,n'];
    for (let i = 0; i < 100_000; i++) lines.push(`${(i % 360) - 180},${(i % 170) - 85},${i}`);
    const points = readCsvPoints(lines.join('\n'), options());
    expect(points.properties).toHaveLength(100_000);
    expect(points.properties[99_999]).toEqual({ n: '99999' });
    expect([...points.coordinates.slice(-2)]).toEqual([(99_999 % 360) - 180, (99_999 % 170) - 85]);
  });
});
