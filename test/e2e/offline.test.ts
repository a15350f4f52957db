/**
 * Offline use and deployment, end to end through nginx: the service worker precaches the site, a map
 * opened once reopens with the network off (data, tiles), the page says it is offline, and the site
 * is installable (manifest with icons).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  layerStates,
  startSuite,
  waitForLayers,
  waitForMap,
  withPage,
  wmtsTileFixture,
  type Fixture,
  type Suite,
} from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Resolves once the service worker is active (it then holds the precache); the test's own time limit bounds it. */
const workerReady = (page: import('playwright-core').Page): Promise<unknown> => page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

/** A bound on a hang (a worker that never activates), not a speed check: long enough for a busy machine. */
const LIMIT = { timeout: 180_000 };

/** Chromium logs every refused load while offline; those are expected here. */
const OFFLINE_ERRORS = [/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/];

test('the demo map, opened once, reopens with no network at all', LIMIT, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', serviceWorkers: 'allow', expectedConsoleErrors: OFFLINE_ERRORS }, async ({ page, context }) => {
    await waitForMap(page);
    await workerReady(page);
    await context.setOffline(true);
    await page.reload();
    await waitForMap(page);
    const layers = await layerStates(page);
    assert.equal(layers.lieux?.status, 'ready');
    assert.equal(layers.lieux?.featureCount, 8941);
    assert.match(await page.locator('cartable-status .pill').innerText(), /Hors ligne/);
    // Another page of the site, never opened, comes from the precache too.
    await page.goto(suite.url(''));
    await page.locator('cartable-catalog li.card').first().waitFor();
  });
});

test('packaged data and remote tiles seen once stay available offline', LIMIT, async (t) => {
  // The tile server answers while "online", then refuses like a dead network.
  let online = true;
  const whileOnline = (fixture: Fixture): Fixture => ({
    name: `${fixture.name} (while online)`,
    match: fixture.match,
    respond: (route, request) => (online ? fixture.respond(route, request) : route.abort('internetdisconnected')),
  });
  // The Géosites data is packaged by the build (its 60 public records), the tiles are remote.
  await withPage(t, suite, { path: 'maps/geosites.html', fixtures: [whileOnline(wmtsTileFixture)], serviceWorkers: 'allow', expectedConsoleErrors: OFFLINE_ERRORS }, async ({ page, context }) => {
    await waitForMap(page);
    await workerReady(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    // The worker took the page during the first visit: reload once online so every load goes through it.
    await page.reload();
    await waitForMap(page);
    online = false;
    await context.setOffline(true);
    await page.reload();
    await waitForMap(page);
    const layers = await layerStates(page);
    assert.equal(layers.geosites?.status, 'ready', 'the geosites come from the cache');
    assert.equal(layers.geosites?.featureCount, 60);
    assert.equal(layers['plan-ign']?.status, 'ready', 'the basemap tiles come from the cache');
  });
});

test('the site is installable and served with the expected headers', async () => {
  const manifest = await (await fetch(suite.url('manifest.webmanifest'))).json();
  assert.equal(manifest.display, 'standalone');
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  for (const icon of manifest.icons) {
    const answer = await fetch(suite.url(icon.src));
    assert.equal(answer.headers.get('content-type'), 'image/png');
    const bytes = new Uint8Array(await answer.arrayBuffer());
    assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47], `${icon.src} is a PNG`);
  }
  const page = await fetch(suite.url('maps/geosites.html'), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'; style-src 'self'/);
  assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
  const html = await page.text();
  const asset = /src="\.\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
  const script = await fetch(suite.url(asset), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(script.headers.get('content-encoding'), 'gzip');
  assert.equal((await fetch(suite.url('sw.js'))).headers.get('cache-control'), 'no-cache');
});
