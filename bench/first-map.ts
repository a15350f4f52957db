/**
 * Benchmark (never pass/fail): what it costs to show the first map.
 *
 * Serves dist/ under /cartes/ and opens maps/lieux-de-france.html cold 5 times (a new browser context
 * each time, HTTP cache disabled), then prints:
 *   (a) the gzip size (level 9) of the JavaScript and CSS the page loads until its map has rendered,
 *       file by file and in total;
 *   (b) the time from navigation start to performance.mark('cartable:map-rendered'), median and runs.
 *
 * Run: npx vite build && node --import tsx bench/first-map.ts   (or `npm run bench`)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic, type StaticServer } from '../test/support/static-server.js';
import { openColdPage } from './support/cold-page.js';
import { median } from './support/stats.js';
import { benchFirstPaint } from './first-paint.js';
import { benchWorker } from './worker.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const BASE_PATH = '/cartes/';
const PAGE = 'maps/lieux-de-france.html';
const RUNS = 5;
const MARK = 'cartable:map-rendered';

interface Asset {
  readonly path: string;
  readonly type: 'script' | 'stylesheet';
  readonly bytes: number;
  readonly gzip: number;
}

interface Run {
  readonly renderedMs: number;
  readonly assets: Asset[];
}

async function coldRun(browser: Browser, server: StaticServer): Promise<Run> {
  // The demo map is offline: nothing may leave 127.0.0.1.
  const { context, page } = await openColdPage(browser);
  try {

    const pending: Promise<Asset | undefined>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      const path = new URL(response.url()).pathname.replace(BASE_PATH, '');
      pending.push(
        response.body().then(
          (body) => ({ path, type, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => undefined,
        ),
      );
    });

    await page.goto(new URL(PAGE, server.url).href);
    await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 });
    const renderedMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, MARK);
    // What was loaded to show the first map: the responses complete when it rendered (as the budget
    // test counts them; the toolbar and the service worker's code arrive just after and are not counted).
    const before = new Set(
      await page.evaluate((mark) => {
        const rendered = performance.getEntriesByName(mark)[0]!.startTime;
        return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.responseEnd <= rendered)
          .map((r) => new URL(r.name).pathname);
      }, MARK),
    );
    const assets = (await Promise.all(pending.splice(0)))
      .filter((a): a is Asset => a !== undefined)
      .filter((a) => before.has(BASE_PATH + a.path));
    return { renderedMs, assets };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

function table(headers: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (alignRight[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`${DIST}/index.html is missing: build the site first (npx vite build).`);
    process.exitCode = 1;
    return;
  }
  const server = await serveStatic(DIST, BASE_PATH);
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const run = await coldRun(browser, server);
      runs.push(run);
      process.stderr.write(`run ${i + 1}/${RUNS}: ${run.renderedMs.toFixed(0)} ms\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`\nFirst map: ${PAGE} served under ${BASE_PATH}, ${RUNS} cold loads (new context, cache disabled)\n`);

  // (a) Bytes. The file set should be the same on every run; show the first and say if one differed.
  const first = runs[0]!.assets;
  const rows = [...first]
    .sort((a, b) => a.type.localeCompare(b.type) || b.gzip - a.gzip)
    .map((a) => [a.type === 'script' ? 'js' : 'css', a.path, kb(a.bytes), kb(a.gzip)]);
  const sum = (type?: Asset['type']) => {
    const chosen = first.filter((a) => !type || a.type === type);
    return { bytes: chosen.reduce((s, a) => s + a.bytes, 0), gzip: chosen.reduce((s, a) => s + a.gzip, 0), n: chosen.length };
  };
  const js = sum('script');
  const css = sum('stylesheet');
  const all = sum();
  rows.push(
    ['', '', '', ''],
    ['js', `total (${js.n} files)`, kb(js.bytes), kb(js.gzip)],
    ['css', `total (${css.n} files)`, kb(css.bytes), kb(css.gzip)],
    ['all', `TOTAL (${all.n} files)`, kb(all.bytes), kb(all.gzip)],
  );
  console.log('(a) JavaScript and CSS loaded until the map rendered (gzip level 9)\n');
  console.log(table(['type', 'file', 'raw KB', 'gzip KB'], rows, [false, false, true, true]));
  const signature = (run: Run) => run.assets.map((a) => `${a.path}:${a.bytes}`).sort().join('|');
  const differing = runs.filter((run) => signature(run) !== signature(runs[0]!)).length;
  if (differing) console.log(`\nnote: ${differing} of ${RUNS} runs loaded a different set of files before rendering`);

  // (b) Time to the first complete render.
  const times = runs.map((r) => r.renderedMs);
  console.log(`\n(b) navigation start → performance.mark('${MARK}')\n`);
  console.log(
    table(
      ['run', ...times.map((_, i) => String(i + 1)), 'median'],
      [['ms', ...times.map((t) => t.toFixed(0)), median(times).toFixed(0)]],
      [false, ...times.map(() => true), true],
    ),
  );
  console.log(`\nsummary: ${kb(all.gzip)} KB gzip of JS+CSS; first map rendered in ${median(times).toFixed(0)} ms (median of ${RUNS})`);
}

await main();
// The first paint of a map page against a bare OpenLayers page drawing the same files (bench/first-paint.ts).
await benchFirstPaint();
await (await import('./element.js')).benchElement(); // the <cartable-map> element beside the site's first map (bench/element.ts)
await benchWorker({ dist: DIST });
