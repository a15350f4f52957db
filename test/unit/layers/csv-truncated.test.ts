import { describe, expect, it } from 'vitest';
import { readCsvPoints, type CsvOptions } from '../../../src/layers/csv/parse.js';

const options: CsvOptions = { xField: 'lon', yField: 'lat', delimiter: 'auto', decimal: '.', fields: [] };
const rows = Array.from({ length: 42 }, (_, i) => `p${i},${5 + i / 100},45.2,"ok"`).join('\n');
const header = 'nom,lon,lat,remarque';

describe('a CSV file that ends early', () => {
  it('is cut inside a quoted cell', () => {
    const points = readCsvPoints(`${header}\n${rows}\np42,5.5,45.3,"coupé au mil`, options);
    expect(points.truncated).toBe(true);
  });

  it('is cut inside its last line (too few cells, no line end)', () => {
    expect(readCsvPoints(`${header}\n${rows}\np42,5.5`, options).truncated).toBe(true);
  });

  it('is complete without a final line end when its last line has all its cells', () => {
    const points = readCsvPoints(`${header}\n${rows}\np42,5.5,45.3,fin`, options);
    expect(points.truncated).toBe(false);
    expect(points.properties).toHaveLength(43);
  });

  it('is complete when a short last line ends with a line break (a short row, counted as unreadable)', () => {
    const points = readCsvPoints(`${header}\n${rows}\np42,5.5\n`, options);
    expect(points.truncated).toBe(false);
    expect(points.skipped).toBe(1);
  });

  it('keeps a quoted line break inside a complete file', () => {
    expect(readCsvPoints(`${header}\np,5,45,"deux\nlignes"\n`, options)).toMatchObject({ truncated: false, skipped: 0 });
  });
});
