/**
 * Size budgets that fail CI (sizes, never times): the JavaScript and CSS needed to show the first
 * map, each part loaded later, and the service worker's precache (what every visitor's browser fetches for it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeCost, FIRST_MAP_BUDGET, FIRST_MAP_REQUESTS, firstMapCost, gzipOf, KB, listFiles } from './support/first-map-cost.js';
import { DIST, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

/** Each part loaded on demand (gzip of its own chunk). */
const LAZY_BUDGETS: Record<string, number> = {
  'cartable-popup': 20 * KB,
  'cartable-table': 15 * KB,
  'cartable-search': 15 * KB,
  'cartable-share': 25 * KB,
  // Only for documents that did not come from the build. Issue 22 gave WMS layers records, fields,
  // time and filters: 59.4 → 63.5 KB (ajv's verbose errors carry each schema part, for the messages).
  // Issues 24–25 (charts, theme, State service, statement): 66.7 KB; then the site configuration's
  // validator, which the browser never runs, left this chunk (src/context/validate-site.ts): 44.6 KB.
  validate: 48 * KB,
  proj4: 60 * KB,
  mapbox: 80 * KB,
  register: 6 * KB,
  'cartable-tools': 20 * KB, // measure, coordinates, locate, print
  'cartable-report': 20 * KB, // « Qu'y a-t-il ici ? »
  'add-layer': 12 * KB,
  'cartable-sign-in': 5 * KB, // sites with sign-in only
  // A layer's charts (issue 25), when one opens: the element, figures and exports (5.1 KB), the panel (4.1 KB).
  'chart-rows': 8 * KB,
  'panel-template': 6 * KB,
};
/**
 * What the service worker precaches, gzip: the app shell only (issue 20: 1.54 MB before, every map,
 * document and packaged file; those are now kept at run time, when a person opens them).
 */
const PRECACHE_BUDGET = 300 * KB;

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

test(`the first map needs at most ${FIRST_MAP_BUDGET / KB} KB gzip of JS and CSS, in at most ${FIRST_MAP_REQUESTS} requests`, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    const cost = await firstMapCost(page, DIST);
    assert.ok(cost.requests.length + 1 <= FIRST_MAP_REQUESTS, `first map: ${cost.requests.length + 1} requests > ${FIRST_MAP_REQUESTS}:\n${cost.requests.join('\n')}`);
    // The page carries its validated document: it asks for neither the catalog nor the document.
    assert.deepEqual(cost.requests.filter((path) => /\/(catalog|maps\/lieux-de-france)\.json$/.test(path)), []);
    t.diagnostic(`first map: ${describeCost(cost)}`);
    assert.ok(cost.total <= FIRST_MAP_BUDGET, `first map ${describeCost(cost)} > ${FIRST_MAP_BUDGET / KB} KB:\n${listFiles(cost)}`);
  });
});

test('each part loaded on demand stays within its budget', () => {
  const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  for (const [name, budget] of Object.entries(LAZY_BUDGETS)) {
    const chunks = assets.filter((f) => new RegExp(`^${name}-[\\w-]{8}\\.js$`).test(f));
    assert.ok(chunks.length > 0, `no chunk named ${name} in dist/assets: was it renamed?`);
    for (const chunk of chunks) {
      const size = gzipOf(join(DIST, 'assets', chunk));
      assert.ok(size <= budget, `${chunk}: ${(size / KB).toFixed(1)} KB gzip > ${budget / KB} KB`);
    }
  }
});

test(`the service worker precaches the app shell only, at most ${PRECACHE_BUDGET / KB} KB gzip`, (t) => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(urls.includes('index.html') && urls.includes('catalog.json'), 'the app shell and catalog are precached');
  assert.ok(!urls.some((u) => u.endsWith('.map')), 'no source maps in the precache');
  assert.deepEqual(urls.filter((u) => /^(maps|data)\/|^cartable-map\.js$/.test(u)), [], 'no map page, document, packaged data or embed element');
  const total = urls.reduce((sum, url) => sum + gzipOf(join(DIST, url)), 0);
  t.diagnostic(`precache: ${urls.length} files, ${(total / KB).toFixed(1)} KB gzip`);
  assert.ok(total <= PRECACHE_BUDGET, `precache ${(total / KB).toFixed(1)} KB > ${PRECACHE_BUDGET / KB} KB`);
});
