/**
 * Click → record visible, on a vector layer of 10,000 points, in the built viewer (headless
 * Chromium): p50/p95 over 50 clicks on random features. Prints figures; never passes or fails.
 * Run: npx vite build && node --import tsx bench/popup-click.ts
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { percentile } from './support/stats.js';

const FEATURES = 10_000;
const CLICKS = 50;
const dist = resolve(import.meta.dirname, '../dist');

// A copy of the site with a 10,000-point layer and a document that shows it.
const site = mkdtempSync(join(tmpdir(), 'cartable-bench-'));
cpSync(dist, site, { recursive: true });
mkdirSync(join(site, 'bench'), { recursive: true });
let seed = 42;
const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
writeFileSync(
  join(site, 'bench/points.geojson'),
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: FEATURES }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-4.5 + random() * 12.5, 42.5 + random() * 8.5] },
      properties: { id: i, nom: `Site ${i}`, description: 'Un texte de fiche. '.repeat(20), hauteur: Math.round(random() * 4000) },
    })),
  }),
);
writeFileSync(
  join(site, 'bench/points.json'),
  JSON.stringify({
    version: 1,
    id: 'bench',
    title: 'Bench',
    view: { center: [2.5, 46.6], zoom: 6 },
    layers: [
      {
        type: 'geojson',
        id: 'points',
        title: 'Points',
        url: 'points.geojson',
        idField: 'id',
        fields: [{ name: 'id', type: 'integer' }, { name: 'nom' }, { name: 'description', type: 'longtext' }, { name: 'hauteur', type: 'number', unit: 'm' }],
        popup: { title: '{{nom}}', fields: ['hauteur', 'description'] },
        style: { symbol: { marker: { shape: 'circle', radius: 3, fill: { color: '#1d4ed8' } } } },
      },
    ],
  }),
);

const server = await serveStatic(site, '/cartes/');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
  await page.goto(`${server.url}index.html?context=bench/points.json`);
  await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 60_000 });
  // Each sample: a real pointer click at a random feature's pixel, timed in the page from the
  // pointer-down to the frame where the record's title is painted.
  const times = await page.evaluate(async (clicks) => {
    const view = document.querySelector('cartable-app')!.shadowRoot!.querySelector('cartable-map-view') as any;
    const map = view.adapter.map;
    const layer = map.getAllLayers().find((l: any) => l.get('cartable:id') === 'points');
    const features = layer.getSource().getFeatures();
    const viewport = map.getViewport() as HTMLElement;
    const rect = viewport.getBoundingClientRect();
    const size = map.getSize();
    const samples: number[] = [];
    let tries = 0;
    while (samples.length < clicks && tries++ < clicks * 20) {
      const feature = features[Math.floor(Math.random() * features.length)];
      const [x, y] = map.getPixelFromCoordinate(feature.getGeometry().getCoordinates());
      if (x < 30 || y < 30 || x > size[0] - 420 || y > size[1] - 30) continue; // away from the edges and the popup
      view.shadowRoot.querySelector('cartable-popup') && view.shadowRoot.querySelector('cartable-popup').dispatchEvent(new CustomEvent('cartable-popup-close', { bubbles: true, composed: true }));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const init = { bubbles: true, composed: true, clientX: rect.left + x, clientY: rect.top + y, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0 };
      const start = performance.now();
      viewport.dispatchEvent(new PointerEvent('pointerdown', init));
      viewport.dispatchEvent(new PointerEvent('pointerup', init));
      viewport.dispatchEvent(new MouseEvent('click', init));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const title = view.shadowRoot.querySelector('cartable-popup')?.shadowRoot?.querySelector('h2')?.textContent;
        if (title) break;
        if (performance.now() - start > 5000) throw new Error('no record after 5 s');
      }
      samples.push(performance.now() - start);
      // Let the pan that reveals the feature settle, so each click starts from a still map.
      await new Promise((r) => setTimeout(r, 300));
    }
    return samples;
  }, CLICKS);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`click → record visible, ${FEATURES.toLocaleString('en')} points, ${times.length} clicks (headless Chromium, software rendering)`);
  console.log(`  p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   min ${sorted[0]!.toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`);
  console.log('  (measured in the page from pointer-down to the first frame with the record title; includes one animation frame)');
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
