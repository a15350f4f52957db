/**
 * Benchmark (never pass/fail): what the map tools cost, on the offline demo map.
 *
 * Serves the built site (CARTABLE_DIST, else dist/) under /cartes/ and opens maps/lieux-de-france.html
 * 5 times (a new browser context each time), then prints, median and runs:
 *   (a) the gzip size of the toolbar's chunk and when it has arrived after the first map render;
 *   (b) the time from pressing « Exporter en PNG » to the file's download;
 *   (c) the time from pressing « Imprimer… » (A4 landscape, then A3 portrait) to the browser's print
 *       call: rendering the map at the paper's size and laying the page out.
 *
 * Run: npx vite build && node --import tsx bench/tools.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { median } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = process.env.CARTABLE_DIST ? resolve(process.env.CARTABLE_DIST) : join(ROOT, 'dist');
const RUNS = 5;

const line = (label: string, values: number[]): string => `${label}: median ${median(values).toFixed(0)} ms (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`;

async function printTime(page: Page, paper: string, orientation: string): Promise<number> {
  await page.locator(`cartable-tools-print input[value="${paper}"]`).check();
  await page.locator(`cartable-tools-print input[value="${orientation}"]`).check();
  await page.evaluate(() => {
    (globalThis as any).__printedAt = 0;
    globalThis.print = () => void ((globalThis as any).__printedAt = performance.now());
  });
  const start = await page.evaluate(() => performance.now());
  await page.locator('cartable-tools-print .print').click();
  await page.waitForFunction(() => (globalThis as any).__printedAt > 0, undefined, { timeout: 60_000 });
  const end = await page.evaluate(() => (globalThis as any).__printedAt as number);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  return end - start;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first (npx vite build)`);
  const chunk = readdirSync(join(DIST, 'assets')).find((f) => /^cartable-tools-[\w-]{8}\.js$/.test(f));
  const server = await serveStatic(DIST, '/cartes/');
  const browser = await launchChromium();
  const ready: number[] = [];
  const png: number[] = [];
  const a4: number[] = [];
  const a3: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(new URL('maps/lieux-de-france.html', server.url).href);
      await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 });
      await page.locator('cartable-tools .bar').waitFor();
      ready.push(
        await page.evaluate(() => {
          const rendered = performance.getEntriesByName('cartable:map-rendered')[0]!.startTime;
          const tools = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => /cartable-tools-/.test(r.name));
          return (tools?.responseEnd ?? rendered) - rendered;
        }),
      );
      await page.locator('cartable-tools [data-tool="print"]').click();
      const start = Date.now();
      await Promise.all([page.waitForEvent('download'), page.locator('cartable-tools-print .png').click()]);
      png.push(Date.now() - start);
      a4.push(await printTime(page, 'A4', 'landscape'));
      a3.push(await printTime(page, 'A3', 'portrait'));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (chunk) console.log(`toolbar chunk ${chunk}: ${(gzipSync(readFileSync(join(DIST, 'assets', chunk)), { level: 9 }).length / 1024).toFixed(1)} KB gzip (loaded after the first map)`);
  console.log(line('toolbar chunk arrived after the first render', ready));
  console.log(line('PNG export (1280×800 page, click → download)', png));
  console.log(line('print, A4 landscape (click → print dialog)', a4));
  console.log(line('print, A3 portrait (click → print dialog)', a3));
}

await main();
