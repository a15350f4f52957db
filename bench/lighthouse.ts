/**
 * Lighthouse (mobile preset) on the built site served by nginx, median of RUNS (default 5) runs, next
 * to the same audit of a bare page that shows one OpenLayers vector layer (the same 8,941 places) and a
 * heading: the floor this stack allows on this machine. Prints figures; never passes or fails.
 * Run: npx vite build && node --import tsx bench/lighthouse.ts
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_ARGS, CHROME_PATH } from '../test/support/browser.js';
import { readSiteConfig, serveWithNginx } from '../test/support/nginx.js';
import { serveStatic } from '../test/support/static-server.js';
import { median } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = Number(process.env.RUNS ?? 5);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

type Scores = Record<(typeof CATEGORIES)[number], number>;

async function audit(url: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: ['--headless=new', ...CHROME_ARGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const categories = result!.lhr.categories;
    return Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? NaN) * 100)])) as Scores;
  } finally {
    await chrome.kill();
  }
}


const bare = mkdtempSync(join(tmpdir(), 'cartable-bare-'));
await build({ entryPoints: [join(ROOT, 'bench/pages/bare-map.ts')], bundle: true, format: 'esm', minify: true, outfile: join(bare, 'page.js'), logLevel: 'error' });
copyFileSync(join(ROOT, 'node_modules/ol/ol.css'), join(bare, 'ol.css'));
const places = readdirSync(join(ROOT, 'dist/data')).find((f) => f.startsWith('france-places.'))!;
copyFileSync(join(ROOT, 'dist/data', places), join(bare, 'places.geojson'));
writeFileSync(
  join(bare, 'index.html'),
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="Carte"><title>Carte</title><link rel="stylesheet" href="ol.css"><link rel="stylesheet" href="page.css"></head><body><h1>Lieux de France</h1><div id="map" style="height:70vh"></div><script type="module" src="page.js"></script></body></html>',
);
writeFileSync(join(bare, 'page.css'), 'body{margin:0;font-family:system-ui,sans-serif}h1{font-size:1.2rem;margin:.5rem}');

const site = await serveWithNginx(join(ROOT, 'dist'), '/cartes/', readSiteConfig(ROOT));
const floor = await serveStatic(bare, '/');
try {
  const pages = [
    ['Cartable demo map (nginx, CSP)', `${site.url}maps/lieux-de-france.html`],
    ['Cartable catalog (nginx, CSP)', site.url],
    ['bare OpenLayers page (floor)', `${floor.url}index.html`],
  ] as const;
  console.log(`Lighthouse ${RUNS}× per page, mobile preset, headless Chromium on this machine (medians)`);
  for (const [label, url] of pages) {
    const runs: Scores[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(url));
    const line = CATEGORIES.map((c) => `${c} ${median(runs.map((r) => r[c]))} [${runs.map((r) => r[c]).join(' ')}]`).join('   ');
    console.log(`${label.padEnd(34)} ${line}`);
  }
} finally {
  await site.close();
  await floor.close();
  rmSync(bare, { recursive: true, force: true });
}
