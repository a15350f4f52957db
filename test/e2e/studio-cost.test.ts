/**
 * Cartable Studio costs map pages nothing: its code (the chunks whose sources are src/studio/, read
 * from the build's source maps) is neither in the first map's cost, nor ever asked for by a map page
 * or the catalog, nor precached by the service worker. Opening ?studio does load it (the check sees it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { firstMapCost } from './support/first-map-cost.js';
import { studioChunks } from './support/studio-chunks.js';
import { BASE_PATH, DIST, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
let chunks: string[];
before(async () => {
  suite = await startSuite();
  chunks = studioChunks(DIST);
});
after(async () => {
  await suite?.close();
});

/** Every path under the site the page asks for (the listener is set before the page opens). */
function requestedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(BASE_PATH)) paths.push(path.slice(BASE_PATH.length));
  });
  return paths;
}

test('the build has studio chunks (source maps name src/studio/), apart from the app’s', () => {
  assert.ok(chunks.length > 0, 'no chunk of dist/assets has a source under src/studio/: are source maps still built?');
  assert.ok(!chunks.some((chunk) => /\/(app|map|index)-[\w-]{8}\.js$/.test(chunk)), `studio code in a shared chunk: ${chunks.join(', ')}`);
});

for (const [what, path] of [
  ['a map page', 'maps/geosites.html'],
  ['the offline demo map', 'maps/lieux-de-france.html'],
] as const) {
  test(`${what} never asks for the studio’s code, before or after its first render`, async (t) => {
    await withPage(t, suite, {}, async ({ page }) => {
      const paths = requestedPaths(page);
      await page.goto(suite.url(path));
      await waitForMap(page);
      const cost = await firstMapCost(page, DIST);
      assert.deepEqual(cost.files.map((f) => f.path.slice(BASE_PATH.length)).filter((file) => chunks.includes(file)), [], 'studio code in the first map’s cost');
      // What loads after the first render (the toolbar's code, the worker's registration) is settled once the network is idle.
      await page.waitForLoadState('networkidle');
      assert.ok(paths.some((p) => p.endsWith('.js')), 'the page’s requests were seen');
      assert.deepEqual(paths.filter((p) => chunks.includes(p)), [], `${what} asked for studio code`);
    });
  });
}

test('the catalog never asks for the studio’s code; opening ?studio does', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    const paths = requestedPaths(page);
    await page.goto(suite.url(''));
    await page.locator('cartable-catalog').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(paths.filter((p) => chunks.includes(p)), [], 'the catalog asked for studio code');
    await page.goto(suite.url('?studio'));
    await page.locator('cartable-studio-settings').getByLabel('Identifiant', { exact: true }).waitFor();
    assert.ok(paths.some((p) => chunks.includes(p)), `?studio loaded none of ${chunks.join(', ')}`);
  });
});

test('the service worker does not precache the studio’s code', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(precached.includes('index.html'), 'the precache list was read');
  assert.deepEqual(precached.filter((url) => chunks.includes(url)), []);
});
