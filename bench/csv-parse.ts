/**
 * `npm run bench:csv`: the time to read 100,000 CSV lines into points (src/layers/csv/parse.ts, the
 * code the CSV worker runs), in Node; median of 7 runs after one warm-up. Prints figures; never
 * passes or fails.
 */
import { readCsvPoints } from '../src/layers/csv/parse.js';
import { median } from './support/stats.js';

const LINES = 100_000;
const lines = ['lon,lat,n'];
for (let i = 0; i < LINES; i++) lines.push(`${(i % 360) - 180},${(i % 170) - 85},${i}`);
const text = lines.join('\n');
const options = { xField: 'lon', yField: 'lat', delimiter: 'auto', decimal: '.', fields: [] } as const;

readCsvPoints(text, options);
const times: number[] = [];
for (let run = 0; run < 7; run++) {
  const start = performance.now();
  readCsvPoints(text, options);
  times.push(performance.now() - start);
}
console.log(`CSV: ${LINES.toLocaleString('en')} lines read into points, median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
