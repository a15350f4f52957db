/**
 * Benchmark (never pass/fail): what the service worker fetches for itself on a first visit — its
 * precache and, for a map that works offline, the files it keeps — before (a build of the base
 * commit, made in the same run) and after (this build). Sizes are the gzip (level 9) of each file;
 * the sizes are the same on every run, so each scenario runs once.
 *
 * Scenarios, each in a new browser context, through nginx with the site's headers (served under
 * /cartes/): the catalog; a first map, the offline demo map (its worker keeps it whole) and one that
 * needs the network; a same-site partner page that frames the demo map's iframe embed
 * (maps/<id>.html?embed=1).
 *
 * Run: node --import tsx bench/worker.ts [dist]   (bench/first-map.ts calls benchWorker too)
 * The base build: BENCH_WORKER_BASE=<folder of a built site>, else the commit BENCH_WORKER_BASE_REF
 * (default: d031c44, the last commit before the worker precached the shell only) is built in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { readSiteConfig, serveWithNginx } from '../test/support/nginx.js';
import { waitUntil } from '../test/support/wait-until.js';

/** The base the worker's first visit is compared with by default: main before issue 20's worker. */
const BEFORE_ISSUE_20 = 'd031c44';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BASE_PATH = '/cartes/';
const MAP = 'lieux-de-france';
/** A map with remote layers (its remote requests are refused here: only the site's files count). */
const ONLINE_MAP = 'geosites';

interface Fetches {
  /** Files the worker fetched (from the site's root), sw.js, sw-site.js and workbox's script excluded. */
  readonly files: number;
  readonly gzip: number;
  /** Of those, the ones the page had loaded itself (the HTTP cache may answer them). */
  readonly alsoPage: number;
  readonly alsoPageGzip: number;
}

interface Scenario {
  readonly name: string;
  /** Opens the page and resolves once the worker is done (or, where none is wanted, once the network is quiet). */
  run(page: Page, site: string, keepsMaps: boolean): Promise<void>;
}

const workerDone = (target: Page | Frame): Promise<unknown> => target.evaluate(() => navigator.serviceWorker.ready.then(() => true));

/** Resolves once the worker has kept the offline map (a build whose worker keeps maps). */
const mapKept = (page: Page, site: string): Promise<unknown> =>
  waitUntil(
    () =>
      page.evaluate(
        ([url, map]) => caches.match(url!).then(async (kept) => !!kept && ((await kept.json()) as string[]).includes(map!)),
        [new URL('cartable-kept-maps', site).href, MAP],
      ),
    {
      what: 'the map kept for offline use',
      timeoutMs: 180_000,
      everyMs: 100,
    },
  );

const SCENARIOS: Scenario[] = [
  {
    name: 'catalog',
    run: async (page, site) => {
      await page.goto(site);
      await workerDone(page);
    },
  },
  {
    name: `first map (${MAP}, works offline)`,
    run: async (page, site, keepsMaps) => {
      await page.goto(new URL(`maps/${MAP}.html`, site).href);
      await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 });
      await workerDone(page);
      if (keepsMaps) await mapKept(page, site);
    },
  },
  {
    name: `first map (${ONLINE_MAP}, needs the network)`,
    run: async (page, site) => {
      await page.goto(new URL(`maps/${ONLINE_MAP}.html`, site).href);
      await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 });
      await workerDone(page);
    },
  },
  {
    name: 'framed on a partner page',
    run: async (page, site) => {
      const partner = new URL('/partenaire/carte.html', site).href;
      const frame = new URL(`maps/${MAP}.html?embed=1`, site).href;
      await page.route(partner, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Partenaire</title><iframe src="${frame}" width="800" height="500"></iframe>` }),
      );
      await page.goto(partner);
      await page.frameLocator('iframe').locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 });
      // A worker, if the embed registers one, starts once the map has rendered and the frame has loaded: once the network is quiet after that, it has.
      const embed = page.frames()[1]!;
      await embed.waitForLoadState('load');
      await page.waitForLoadState('networkidle');
      if (await embed.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length > 0))) await workerDone(embed);
    },
  },
];

async function measure(browser: Browser, dist: string, site: string, scenario: Scenario): Promise<Fetches> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
  try {
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'),
      (route) => route.abort('blockedbyclient'),
    );
    const worker: string[] = [];
    const page = new Set<string>();
    const root = new URL(site);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return;
      const path = decodeURIComponent(url.pathname.slice(root.pathname.length));
      if (request.serviceWorker()) worker.push(path);
      else page.add(path);
    });
    await scenario.run(await context.newPage(), site, existsSync(join(dist, 'sw-site.js')));
    const files = worker.filter((f) => f !== 'sw.js' && f !== 'sw-site.js' && !/^workbox-[\w-]+\.js$/.test(f));
    const also = files.filter((f) => page.has(f));
    const gzip = (list: string[]): number =>
      list.reduce((sum, f) => sum + (existsSync(join(dist, f)) ? gzipSync(readFileSync(join(dist, f)), { level: 9 }).length : 0), 0);
    return { files: files.length, gzip: gzip(files), alsoPage: also.length, alsoPageGzip: gzip(also) };
  } finally {
    await context.close();
  }
}

/** Builds the site at a commit in a temporary folder; returns the built site's folder. */
function buildCommit(ref: string): { dist: string; remove(): void } {
  const temporary = mkdtempSync(join(tmpdir(), 'cartable-base-'));
  const folder = join(temporary, 'project');
  mkdirSync(folder);
  execFileSync('sh', ['-c', `git archive ${ref} | tar -x -C "${folder}"`], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'));
  // Local copies of the sources named beside the project (site.config.json's "sources": "../shared/…").
  const sources = Object.values((JSON.parse(readFileSync(join(folder, 'site.config.json'), 'utf8')) as { sources?: Record<string, string> }).sources ?? {});
  for (const top of new Set(sources.filter((p) => p.startsWith('../')).map((p) => p.split('/')[1]!))) {
    if (existsSync(join(ROOT, '..', top))) symlinkSync(resolve(ROOT, '..', top), join(temporary, top));
  }
  const env = { ...process.env, CARTABLE_RESTRICTED_OUT_DIR: join(folder, 'dist-restricted') };
  execFileSync('npm', ['run', '-s', 'generate'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'], env });
  return { dist: join(folder, 'dist'), remove: () => rmSync(temporary, { recursive: true, force: true }) };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

export async function benchWorker(options: { dist?: string; baseDist?: string; baseRef?: string } = {}): Promise<void> {
  const dist = resolve(options.dist ?? join(ROOT, 'dist'));
  let baseDist = options.baseDist ?? process.env.BENCH_WORKER_BASE;
  let built: ReturnType<typeof buildCommit> | undefined;
  const ref = (): string => options.baseRef ?? process.env.BENCH_WORKER_BASE_REF ?? BEFORE_ISSUE_20;
  let name = baseDist;
  if (!baseDist) {
    name = ref().slice(0, 8);
    process.stderr.write(`worker bench: building the base commit ${name}…\n`);
    built = buildCommit(name);
    baseDist = built.dist;
  }
  const builds = [
    { name: `base (${name})`, dist: baseDist },
    { name: 'this build', dist },
  ];
  const site = readSiteConfig(ROOT);
  const browser = await launchChromium();
  const results: Fetches[][] = [];
  try {
    for (const build of builds) {
      const server = await serveWithNginx(build.dist, BASE_PATH, site);
      try {
        const rows: Fetches[] = [];
        for (const scenario of SCENARIOS) rows.push(await measure(browser, build.dist, server.url, scenario));
        results.push(rows);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    built?.remove();
  }
  console.log("\nService worker: what it fetches for itself on a first visit (requests; gzip level 9 of each file; sw.js, sw-site.js, workbox's script not counted)\n");
  const header = ['scenario', ...builds.flatMap((b) => [`${b.name}: requests`, 'KB gzip', 'of which the page loaded too'])];
  const lines = SCENARIOS.map((scenario, i) => [
    scenario.name,
    ...results.flatMap((rows) => {
      const r = rows[i]!;
      return [String(r.files), kb(r.gzip), `${r.alsoPage} / ${kb(r.alsoPageGzip)} KB`];
    }),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n'));
  console.log("\nA first map that works offline: its worker also keeps the map's page, document, data and code (the files the page loaded too come from the HTTP cache under the site's cache headers).");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchWorker({ dist: process.argv[2] });
