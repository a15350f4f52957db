/**
 * Benchmark (never pass/fail): what opening Cartable Studio (?studio) costs, beside what the catalog
 * and a map page cost in the same run (the baseline).
 *
 * Builds nothing: serves an existing build (CARTABLE_DIST, else dist/) under /cartes/ and opens each
 * page cold (a new browser context, HTTP cache off, nothing leaves 127.0.0.1), then prints for each:
 * the requests made (the page included) and the gzip size (level 9) of the JavaScript and CSS received
 * until the page was shown — the catalog's cards, the map's first complete render, the studio's shell
 * with its first editor, then the studio's preview drawn — and which of them are studio chunks (their
 * source maps name src/studio/: test/e2e/support/studio-chunks.ts).
 *
 * Run: npx vite build && npm run bench:studio   (or CARTABLE_DIST=/path/to/dist npm run bench:studio)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic, type StaticServer } from '../test/support/static-server.js';
import { studioChunks } from '../test/e2e/support/studio-chunks.js';
import { openColdPage } from './support/cold-page.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = process.env.CARTABLE_DIST ? resolve(process.env.CARTABLE_DIST) : join(ROOT, 'dist');
const BASE_PATH = '/cartes/';

interface Scenario {
  readonly name: string;
  readonly path: string;
  /** Resolves when the page is shown; later marks of the same page follow in `then`. */
  readonly shown: (page: Page) => Promise<void>;
  readonly then?: { readonly name: string; readonly shown: (page: Page) => Promise<void> };
}

const SCENARIOS: Scenario[] = [
  { name: 'catalog', path: '', shown: (page) => page.locator('cartable-catalog li.card').first().waitFor({ timeout: 60_000 }) },
  { name: 'map page (lieux-de-france)', path: 'maps/lieux-de-france.html', shown: (page) => page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 }) },
  {
    name: 'studio: shell and first editor',
    path: '?studio',
    shown: (page) => page.getByLabel('Identifiant', { exact: true }).waitFor({ timeout: 60_000 }),
    then: {
      name: 'studio: with its preview drawn',
      shown: (page) => page.locator('cartable-studio-preview cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 }),
    },
  },
];

interface Received {
  readonly path: string;
  readonly kind: 'js' | 'css' | 'other';
  readonly gzip: number;
}

interface Measure {
  readonly name: string;
  readonly requests: number;
  readonly files: readonly Received[];
}

async function measure(browser: Browser, server: StaticServer, scenario: Scenario): Promise<Measure[]> {
  const { context, page } = await openColdPage(browser);
  try {
    let requests = 0;
    const received: Promise<Received | undefined>[] = [];
    page.on('request', () => (requests += 1));
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : 'other';
      const path = new URL(response.url()).pathname.replace(BASE_PATH, '');
      received.push(response.body().then((body) => ({ path, kind, gzip: kind === 'other' ? 0 : gzipSync(body, { level: 9 }).length }), () => undefined));
    });
    const snapshot = async (name: string): Promise<Measure> => ({
      name,
      requests,
      files: (await Promise.all([...received])).filter((file): file is Received => !!file),
    });
    await page.goto(new URL(scenario.path, server.url).href);
    await scenario.shown(page);
    const measures = [await snapshot(scenario.name)];
    if (scenario.then) {
      await scenario.then.shown(page);
      measures.push(await snapshot(scenario.then.name));
    }
    return measures;
  } finally {
    await context.close();
  }
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`${DIST}/index.html is missing: build the site first (npx vite build), or name a build with CARTABLE_DIST.`);
    process.exitCode = 1;
    return;
  }
  const studio = new Set(studioChunks(DIST));
  const server = await serveStatic(DIST, BASE_PATH);
  const browser = await launchChromium();
  const measures: Measure[] = [];
  try {
    for (const scenario of SCENARIOS) measures.push(...(await measure(browser, server, scenario)));
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`\nOpening the studio (${DIST}, served under ${BASE_PATH}; cold loads, cache off): JS and CSS received until shown, gzip level 9\n`);
  const rows = measures.map((m) => {
    const js = m.files.filter((f) => f.kind === 'js');
    const css = m.files.filter((f) => f.kind === 'css');
    const mine = m.files.filter((f) => studio.has(f.path));
    const sum = (files: readonly Received[]): number => files.reduce((s, f) => s + f.gzip, 0);
    return [m.name, String(m.requests), String(js.length), kb(sum(js)), String(css.length), kb(sum(css)), kb(sum(js) + sum(css)), `${mine.length} (${kb(sum(mine))} KB)`];
  });
  console.log(table(['page', 'requests', 'js files', 'js KB', 'css files', 'css KB', 'total KB', 'studio chunks'], rows));
  const byName = new Map(measures.map((m) => [m.name, m]));
  const total = (name: string): number => byName.get(name)!.files.filter((f) => f.kind !== 'other').reduce((s, f) => s + f.gzip, 0);
  const catalog = total('catalog');
  const map = total('map page (lieux-de-france)');
  const shell = total('studio: shell and first editor');
  console.log(`\nsummary: the studio's shell needs ${kb(shell)} KB gzip of JS+CSS (${kb(shell - catalog)} KB more than the catalog, ${kb(shell - map)} KB beside the map page's ${kb(map)} KB);`);
  const leaked = measures.filter((m) => !m.name.startsWith('studio') && m.files.some((f) => studio.has(f.path)));
  console.log(leaked.length ? `WARNING: ${leaked.map((m) => m.name).join(', ')} loaded studio code` : 'the catalog and the map page loaded no studio chunk.');
  console.log(`\nstudio chunks in this build: ${[...studio].join(', ') || 'none found (no source maps?)'}`);
}

await main();
