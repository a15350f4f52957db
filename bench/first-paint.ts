/**
 * Benchmark (never pass/fail): the first paint of a map page against the floor of its stack.
 *
 * The same two files — 71 INPG geosites and the 12 Auvergne-Rhône-Alpes départements, read from
 * ../shared/data — drawn with the same styles and view on a blank basemap by:
 *   - Cartable: the bench-only document bench/pages/aura-geosites.json (its layers packaged with
 *     `file`), built into a site of its own with this repository's vite.config.ts (not the shipped
 *     catalog), page maps/aura-geosites.html served under /cartes/;
 *   - bare OpenLayers: bench/pages/bare-aura.ts, one esbuild bundle, no framework;
 *   - with `--baseline <folder>` (a checkout of another commit, e.g. `git archive HEAD~3 | tar -x -C`
 *     with node_modules linked), the same map built by that checkout too: before and after in one run.
 * Cold loads (new context, HTTP cache disabled), interleaved, RUNS each (default 7), on localhost and
 * with RTT ms of added latency per request (default 40; 0 to skip). Prints medians of: painted ms
 * (navigation start → 'cartable:map-rendered' / 'bare:map-rendered': the first complete frame with
 * both files' features), its ratio to bare OpenLayers, requests started before that paint (the page
 * itself included), JS files among them, JS+CSS gzip (level 9) to paint, and JS+CSS gzip once the
 * page is idle (no new request for 2 s).
 *
 * Run: node --import tsx bench/first-paint.ts [--baseline <folder>]   (also run by bench/first-map.ts;
 * KEEP=1 keeps the built pages and prints where)
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import type { InlineConfig, Plugin } from 'vite';
import { launchChromium } from '../test/support/browser.js';
import { hasSharedData, sharedFile } from '../test/support/shared-data.js';
import { serveStatic, type StaticServer } from '../test/support/static-server.js';
import { openColdPage } from './support/cold-page.js';
import { median } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BASE_PATH = '/cartes/';
const MAP_ID = 'aura-geosites';
const DATA = { 'geosites.geojson': 'geosites/inpg-geosites-ecrins.geojson', 'departements.geojson': 'admin/aura-departements.geojson' };

interface Variant {
  readonly label: string;
  readonly url: string;
  readonly mark: string;
  /** The folder served and the URL path it is served under, to read the files' sizes. */
  readonly folder: string;
  readonly basePath: string;
}

interface Run {
  readonly paintedMs: number;
  readonly requests: number;
  readonly jsFiles: number;
  readonly paintGzip: number;
  readonly idleGzip: number;
}

/** A project holding only the bench map (its data copied from ../shared/data), with `repo`'s site configuration and code. */
function benchProject(repo: string, folder: string): string {
  const project = join(folder, 'project');
  mkdirSync(join(project, 'maps/data'), { recursive: true });
  writeFileSync(join(project, 'maps', `${MAP_ID}.json`), readFileSync(join(ROOT, 'bench/pages/aura-geosites.json')));
  for (const [name, shared] of Object.entries(DATA)) copyFileSync(sharedFile(shared), join(project, 'maps/data', name));
  const site = JSON.parse(readFileSync(join(repo, 'site.config.json'), 'utf8')) as Record<string, unknown>;
  delete site.$schema;
  delete site.sources; // Paths relative to the repository, for maps this project does not have.
  writeFileSync(join(project, 'site.config.json'), JSON.stringify(site));
  symlinkSync(join(repo, 'src'), join(project, 'src')); // The <cartable-map> element is built from the project's src/.
  return project;
}

/** Builds the bench map's site with `repo`'s vite.config.ts, its Cartable plugins pointed at the bench project. */
async function buildCartable(repo: string, folder: string): Promise<string> {
  const project = benchProject(repo, folder);
  const outDir = join(folder, 'dist');
  const saved = { config: process.env.CARTABLE_SITE_CONFIG, restricted: process.env.CARTABLE_RESTRICTED_OUT_DIR };
  delete process.env.CARTABLE_SITE_CONFIG;
  process.env.CARTABLE_RESTRICTED_OUT_DIR = join(folder, 'dist-restricted');
  try {
    const vite = (await import(pathToFileURL(join(repo, 'node_modules/vite/dist/node/index.js')).href)) as typeof import('vite');
    const loaded = await vite.loadConfigFromFile({ command: 'build', mode: 'production' }, join(repo, 'vite.config.ts'), repo, 'silent');
    const { cartable } = (await import(pathToFileURL(join(repo, 'plugin/plugin.ts')).href)) as typeof import('../plugin/plugin.js');
    const { pwa } = (await import(pathToFileURL(join(repo, 'plugin/pwa.ts')).href)) as typeof import('../plugin/pwa.js');
    const { loadSiteConfig } = (await import(pathToFileURL(join(repo, 'plugin/site.ts')).href)) as typeof import('../plugin/site.js');
    const config: InlineConfig = {
      ...loaded!.config,
      root: repo,
      configFile: false,
      logLevel: 'error',
      plugins: [cartable({ projectRoot: project }) as Plugin[], pwa(loadSiteConfig(project).site!) as Plugin[]],
      build: { ...loaded!.config.build, outDir, emptyOutDir: true, sourcemap: false },
    };
    await vite.build(config);
  } finally {
    for (const [name, value] of [['CARTABLE_SITE_CONFIG', saved.config], ['CARTABLE_RESTRICTED_OUT_DIR', saved.restricted]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return outDir;
}

/** The bare OpenLayers page: one minified bundle, ol.css, the two files. */
async function buildBare(folder: string): Promise<string> {
  const out = join(folder, 'bare');
  mkdirSync(join(out, 'data'), { recursive: true });
  await esbuild({ entryPoints: [join(ROOT, 'bench/pages/bare-aura.ts')], bundle: true, format: 'esm', minify: true, target: 'es2022', outfile: join(out, 'page.js'), logLevel: 'error' });
  copyFileSync(join(ROOT, 'node_modules/ol/ol.css'), join(out, 'ol.css'));
  for (const [name, shared] of Object.entries(DATA)) copyFileSync(sharedFile(shared), join(out, 'data', name));
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Géosites et départements</title><link rel="stylesheet" href="ol.css"></head><body style="margin:0"><div id="map" style="position:fixed;inset:0"></div><script type="module" src="page.js"></script></body></html>',
  );
  return out;
}

const gzipCache = new Map<string, number>();
function gzipOf(variant: Variant, pathname: string): number {
  const file = join(variant.folder, decodeURIComponent(pathname).slice(variant.basePath.length));
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0));
  return size;
}

async function coldRun(browser: Browser, variant: Variant, rtt: number): Promise<Run> {
  const { context, page } = await openColdPage(browser, { rtt });
  try {
    await page.goto(variant.url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, variant.mark, { timeout: 60_000 });
    const paintedMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, variant.mark);
    // Idle: no new request for 2 s (the search, the toolbar and the worker's registration come after the paint).
    let count = -1;
    for (let still = 0; still < 8; ) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
      still = now === count ? still + 1 : 0;
      count = now;
    }
    const entries = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ path: new URL(r.name).pathname, start: r.startTime })),
    );
    const code = (e: { path: string }): boolean => /\.(js|css)$/.test(e.path);
    const before = entries.filter((e) => e.start < paintedMs); // What the paint starts may share its clamped time.
    const sum = (list: { path: string }[]): number => [...new Set(list.filter(code).map((e) => e.path))].reduce((s, p) => s + gzipOf(variant, p), 0);
    return {
      paintedMs,
      requests: before.length + 1, // + the page itself
      jsFiles: new Set(before.filter((e) => e.path.endsWith('.js')).map((e) => e.path)).size,
      paintGzip: sum(before),
      idleGzip: sum(entries),
    };
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

export async function benchFirstPaint(options: { runs?: number; rtts?: number[]; baseline?: string } = {}): Promise<void> {
  const runs = options.runs ?? Number(process.env.RUNS ?? 7);
  const rtts = options.rtts ?? (process.env.RTT ?? '0,40').split(',').map(Number);
  const missing = Object.values(DATA).filter((f) => !hasSharedData(f));
  if (missing.length) {
    console.log(`\nFirst paint vs bare OpenLayers: skipped, ../shared/data lacks ${missing.join(', ')}`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'cartable-first-paint-'));
  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  try {
    process.stderr.write('first paint: building the bench map and the bare OpenLayers page…\n');
    const variants: Variant[] = [];
    const sites: [string, string][] = [['Cartable', ROOT], ...(options.baseline ? [['Cartable (baseline)', resolve(options.baseline)] as [string, string]] : [])];
    for (const [label, repo] of sites) {
      const dist = await buildCartable(repo, join(folder, label.replace(/\W+/g, '-')));
      const server = await serveStatic(dist, BASE_PATH);
      servers.push(server);
      variants.push({ label, url: `${server.url}maps/${MAP_ID}.html`, mark: 'cartable:map-rendered', folder: dist, basePath: BASE_PATH });
    }
    const bare = await buildBare(folder);
    const server = await serveStatic(bare, '/');
    servers.push(server);
    variants.push({ label: 'bare OpenLayers', url: `${server.url}index.html`, mark: 'bare:map-rendered', folder: bare, basePath: '/' });

    browser = await launchChromium();
    for (const rtt of rtts) {
      const results = new Map<Variant, Run[]>(variants.map((v) => [v, []]));
      for (let i = 0; i < runs; i += 1) {
        // Interleaved, the order turning each round: no variant always runs first on a warming machine.
        for (let j = 0; j < variants.length; j += 1) {
          const variant = variants[(i + j) % variants.length]!;
          results.get(variant)!.push(await coldRun(browser, variant, rtt));
        }
        process.stderr.write(`first paint${rtt ? ` (RTT ${rtt} ms)` : ''}: round ${i + 1}/${runs}\n`);
      }
      const floor = median(results.get(variants.at(-1)!)!.map((r) => r.paintedMs));
      const rows = variants.map((variant) => {
        const list = results.get(variant)!;
        const m = (pick: (r: Run) => number): number => median(list.map(pick));
        return [
          variant.label,
          m((r) => r.paintedMs).toFixed(0),
          (m((r) => r.paintedMs) / floor).toFixed(2),
          list.map((r) => r.paintedMs.toFixed(0)).join(' '),
          String(m((r) => r.requests)),
          String(m((r) => r.jsFiles)),
          kb(m((r) => r.paintGzip)),
          kb(m((r) => r.idleGzip)),
        ];
      });
      console.log(
        `\nFirst paint: maps/${MAP_ID}.html (71 geosites + 12 départements, blank basemap) vs the same on bare OpenLayers — ` +
          `${runs} interleaved cold loads each, localhost${rtt ? ` + ${rtt} ms latency per request` : ''}, medians\n`,
      );
      console.log(table(['page', 'painted ms', '× bare', 'runs (ms)', 'requests to paint', 'JS files', 'JS+CSS KB gz to paint', 'KB gz after idle'], rows));
    }
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    if (process.env.KEEP) console.log(`\n(KEEP: the built pages are in ${folder})`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--baseline');
  await benchFirstPaint({ baseline: at > 0 ? process.argv[at + 1] : undefined });
}
