/**
 * Benchmark (never pass/fail): the <cartable-map> element on a partner's page.
 *
 * Prints, in one run:
 *   (a) the gzip size (level 9) of cartable-map.js: before, the one inlined file built from the base
 *       commit (the newest commit whose plugin/element.ts inlined every lazy part, or
 *       CARTABLE_BENCH_ELEMENT_BASE); after, the loader, and the loader with the chunks it imports
 *       before the element is defined;
 *   (b) the first map's cost on a host page of another origin (JS+CSS gzip KB and requests until
 *       performance.mark('cartable:map-rendered'), and that time), for the old element, the new one,
 *       and the site's own map page beside them: cold loads (new context, cache disabled),
 *       interleaved, medians.
 *
 * Run: npx vite build && node --import tsx bench/element.ts   (also called from bench/first-map.ts)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic, type StaticServer } from '../test/support/static-server.js';
import { median } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BASE_PATH = '/cartes/';
const MAP = 'lieux-de-france';
const MARK = 'cartable:map-rendered';
const CORS = { 'Access-Control-Allow-Origin': '*' };

const gzip = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** The newest commit whose element was the one inlined file: the parent of the commit that made it a loader. */
function baseCommit(): string {
  if (process.env.CARTABLE_BENCH_ELEMENT_BASE) return git('rev-parse', process.env.CARTABLE_BENCH_ELEMENT_BASE);
  const inlined = (commit: string): boolean => git('show', `${commit}:plugin/element.ts`).includes('inlineDynamicImports: true');
  let newer = 'HEAD';
  for (const commit of git('rev-list', 'HEAD', '--', 'plugin/element.ts').split('\n')) {
    if (inlined(commit)) return git('rev-parse', newer === 'HEAD' ? 'HEAD' : `${newer}^`);
    newer = commit;
  }
  throw new Error('no commit with the inlined element: set CARTABLE_BENCH_ELEMENT_BASE');
}

/** Builds the base commit's cartable-map.js (its own sources, this checkout's node_modules) into `out`. */
function buildOldElement(commit: string, out: string): string {
  const tree = mkdtempSync(join(tmpdir(), 'cartable-element-base-'));
  try {
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${tree}"`]);
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(tree, 'node_modules'));
    const run = (code: string): void => {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: tree, stdio: ['ignore', 'ignore', 'pipe'] });
    };
    run(`const m = await import('./scripts/generate-validators.ts'); await m.generateValidators(process.cwd());`);
    run(`const m = await import('./plugin/element.ts'); await m.buildElement(process.cwd(), ${JSON.stringify(out)});`);
    return join(out, 'cartable-map.js');
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/** The chunks a module imports statically, itself included, read from the built files. */
function staticClosure(file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(resolve(dirname(path), m[1]!));
  };
  visit(file);
  return [...seen];
}

interface Run {
  readonly renderedMs: number;
  readonly requests: number;
  readonly files: number;
  readonly gzip: number;
  /** The JS and CSS files counted, with their gzip sizes. */
  readonly sizes: ReadonlyMap<string, number>;
}

/** One cold load of `url`, until the map's first complete render. */
async function coldRun(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.route((u) => u.hostname !== '127.0.0.1' && u.protocol.startsWith('http'), (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bodies = new Map<string, Promise<number | undefined>>();
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') bodies.set(response.url(), response.body().then(gzip, () => undefined));
    });
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 60_000, polling: 100 });
    const { renderedMs, before } = await page.evaluate((mark) => {
      const rendered = performance.getEntriesByName(mark)[0]!.startTime;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.responseEnd <= rendered);
      return { renderedMs: rendered, before: resources.map((r) => r.name) };
    }, MARK);
    const sizes = new Map<string, number>();
    for (const name of before.filter((n) => bodies.has(n))) {
      const size = await bodies.get(name)!;
      if (size !== undefined) sizes.set(new URL(name).pathname, size);
    }
    const counted = [...sizes.values()];
    // The page itself is one request more.
    return { renderedMs, requests: before.length + 1, files: counted.length, gzip: counted.reduce((a, b) => a + b, 0), sizes };
  } finally {
    await context.close();
  }
}

function hostPage(script: string, documentUrl: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title></head>
<body><h1>Page partenaire</h1><p>Un texte avant la carte.</p>
<cartable-map src="${documentUrl}" style="height:480px"></cartable-map>
<script type="module" src="${script}"></script></body></html>`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function benchElement({ dist = join(ROOT, 'dist'), runs = 5 }: { dist?: string; runs?: number } = {}): Promise<void> {
  const loader = join(dist, 'cartable-map.js');
  if (!existsSync(loader)) {
    console.error(`${loader} is missing: build the site first (npx vite build).`);
    process.exitCode = 1;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'cartable-element-bench-'));
  const servers: StaticServer[] = [];
  try {
    const commit = baseCommit();
    process.stderr.write(`building the inlined element of ${commit.slice(0, 7)}…\n`);
    const old = buildOldElement(commit, join(work, 'old'));
    // The loader imports the element's chunk dynamically (after asking for every file at once).
    const entry = /import\((["'])(\.\/[^"']+)\1\)/.exec(readFileSync(loader, 'utf8'))?.[2];
    const closure = [loader, ...(entry ? staticClosure(resolve(dist, entry)) : [])];
    const closureGzip = closure.reduce((sum, file) => sum + gzip(readFileSync(file)), 0);

    console.log(`\n<cartable-map> element: the file partner pages load (gzip level 9)\n`);
    console.log(
      table(
        ['cartable-map.js', 'files', 'gzip KB'],
        [
          [`before: one inlined file (${commit.slice(0, 7)})`, '1', kb(gzip(readFileSync(old)))],
          ['after: the loader', '1', kb(gzip(readFileSync(loader)))],
          ['after: the loader + the chunks that define the element', String(closure.length), kb(closureGzip)],
        ],
      ),
    );

    const site = await serveStatic(dist, BASE_PATH, { headers: CORS });
    const oldServer = await serveStatic(join(work, 'old'), '/', { headers: CORS });
    const host = await serveStatic(work, '/');
    servers.push(site, oldServer, host);
    const documentUrl = new URL(`maps/${MAP}.json`, site.url).href;
    writeFileSync(join(work, 'old.html'), hostPage(new URL('cartable-map.js', oldServer.url).href, documentUrl));
    writeFileSync(join(work, 'new.html'), hostPage(new URL('cartable-map.js', site.url).href, documentUrl));
    const cases = [
      { name: `site's page maps/${MAP}.html`, url: new URL(`maps/${MAP}.html`, site.url).href },
      { name: 'host page, element before', url: new URL('old.html', host.url).href },
      { name: 'host page, element after', url: new URL('new.html', host.url).href },
    ];
    const results = new Map<string, Run[]>(cases.map((c) => [c.name, []]));
    const browser = await launchChromium();
    try {
      for (let i = 0; i < runs; i += 1) {
        for (const c of cases) {
          const run = await coldRun(browser, c.url);
          results.get(c.name)!.push(run);
          process.stderr.write(`run ${i + 1}/${runs} ${c.name}: ${run.renderedMs.toFixed(0)} ms, ${run.requests} requests, ${kb(run.gzip)} KB\n`);
        }
      }
    } finally {
      await browser.close();
    }
    console.log(`\nFirst map ${MAP} on a host page of another origin, to performance.mark('${MARK}'): ${runs} cold loads each, interleaved, medians\n`);
    console.log(
      table(
        ['page', 'requests', 'JS+CSS files', 'JS+CSS gzip KB', 'rendered ms'],
        cases.map((c) => {
          const r = results.get(c.name)!;
          const m = (pick: (run: Run) => number): number => median(r.map(pick));
          return [c.name, m((x) => x.requests).toFixed(0), m((x) => x.files).toFixed(0), kb(m((x) => x.gzip)), m((x) => x.renderedMs).toFixed(0)];
        }),
      ),
    );
    console.log('(requests: the page and everything it fetched before the mark; times on a shared, noisy machine)');
    // What the element loads that the site's page does not, and the reverse (first runs).
    const [site0, , new0] = cases.map((c) => results.get(c.name)![0]!.sizes);
    const only = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string =>
      [...a].filter(([path]) => !b.has(path)).map(([path, size]) => `${path.replace(/^.*\//, '')} ${kb(size)}`).join(', ') || 'nothing';
    console.log(`\nonly the element after: ${only(new0!, site0!)}\nonly the site's page: ${only(site0!, new0!)}`);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.env.CARTABLE_DIST ? resolve(process.env.CARTABLE_DIST) : undefined;
  await benchElement({ dist });
}
