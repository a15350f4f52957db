/**
 * Studio style editor: a colour typed in « Style » → the preview's map drawn with it, in the built
 * site (headless Chromium, 1366×768) on the Géosites map (60 public INPG records), for the in-place
 * restyle (MapSession.restyle: the layer takes the new style, features kept) against the full
 * rebuild (a new session and OpenLayers map, the data read again: the preview's restyleInPlace off),
 * interleaved in the same run. Timed in the page from the edit to the next frame OpenLayers renders
 * (the adapter's postrender; for a rebuild, the new map's first complete render). The document's
 * basemaps are left out: only the style's layer counts. Prints medians; never passes or fails.
 *
 * Run: npm run bench:studio-style   (the built site: CARTABLE_DIST, else dist/; RUNS=15 by default)
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { median, percentile } from './support/stats.js';

const dist = resolve(process.env.CARTABLE_DIST ?? resolve(import.meta.dirname, '../dist'));
const RUNS = Number(process.env.RUNS ?? 15);
const WARM_UP = 2;
if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`no built site in ${dist}: run vite build first (or set CARTABLE_DIST)`);

// In the page: the studio's parts, and one timed edit (a string: the page runs it as written).
const SETUP = `(() => {
  const studio = document.querySelector('cartable-studio');
  const part = (tag) => studio.shadowRoot.querySelector(tag);
  const mapView = () => part('cartable-studio-preview').shadowRoot.querySelector('cartable-map-view');
  window.studioBench = {
    async load(url) {
      const text = await (await fetch(url)).text();
      const document = { ...JSON.parse(text), basemaps: [] };
      studio.dispatchEvent(new CustomEvent('cartable-studio-load', { detail: { document, origin: { kind: 'map', id: document.id, text } }, bubbles: true, composed: true }));
    },
    ready() {
      const view = mapView();
      return !!(view && view.adapter && view.store.state.layers.geosites && view.store.state.layers.geosites.status === 'ready');
    },
    async edit(colour, inPlace) {
      const preview = part('cartable-studio-preview');
      preview.restyleInPlace = inPlace;
      const view = mapView();
      const before = view.session;
      const input = part('cartable-studio-style').shadowRoot.querySelector('#category-0-colour');
      const start = performance.now();
      input.value = colour;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await studio.updateComplete;
      await preview.updateComplete;
      await view.updateComplete;
      if (view.session === before) await new Promise((done) => { const stop = view.adapter.onRender(() => { stop(); done(); }); });
      else await view.session.rendered();
      return { ms: performance.now() - start, same: view.session === before };
    },
  };
})()`;

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.goto(`${server.url}?studio`);
  await page.locator('cartable-studio').waitFor();
  await page.evaluate(SETUP);
  await page.evaluate(`studioBench.load(${JSON.stringify(`${server.url}maps/geosites.json`)})`);
  await page.getByRole('tab', { name: 'Style' }).click();
  await page.waitForFunction('studioBench.ready()', undefined, { timeout: 120_000 });
  await page.locator('#category-0-colour').waitFor();

  const times: Record<'in place' | 'rebuild', number[]> = { 'in place': [], rebuild: [] };
  // Each edit a colour other than the last: an edit that changes nothing draws nothing.
  const colours = ['#0072b2', '#d55e00', '#009e73'];
  let edits = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    for (const path of ['in place', 'rebuild'] as const) {
      const colour = colours[edits++ % colours.length]!;
      const { ms, same } = (await page.evaluate(`studioBench.edit(${JSON.stringify(colour)}, ${path === 'in place'})`)) as { ms: number; same: boolean };
      if (same !== (path === 'in place')) throw new Error(`${path}: the map was ${same ? 'kept' : 'rebuilt'}`);
      await page.waitForFunction('studioBench.ready()', undefined, { timeout: 120_000 });
      if (run >= WARM_UP) times[path].push(ms);
    }
  }
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  console.log(`\nStudio style edit → map repainted (Géosites, ${RUNS} runs each after ${WARM_UP} warm-up, interleaved; ms)\n`);
  console.log(row(['path', 'median', 'p90', 'min', 'max']));
  console.log(row(['---', '---:', '---:', '---:', '---:']));
  for (const [path, values] of Object.entries(times)) {
    console.log(row([path, ...[median(values), percentile(values, 90), Math.min(...values), Math.max(...values)].map((v) => v.toFixed(1))]));
  }
  const ratio = median(times.rebuild) / median(times['in place']);
  console.log(`\nIn place is ${ratio.toFixed(1)}× faster than the rebuild (medians).`);
} finally {
  await browser.close();
  await server.close();
}
