/**
 * Offline use and deployment, end to end through nginx: a first visit's worker fetches only the app
 * shell, a map that works offline opened once reopens with the network off (data, tiles), the page
 * says it is offline, an embed registers no worker unless it asks for offline use, and the site is
 * installable (manifest with icons).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { waitUntil } from '../support/wait-until.js';
import {
  DIST,
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

/** Resolves once the worker has kept map `id` for offline use (the list it writes once every file is in its cache). */
const mapKept = (page: import('playwright-core').Page, id: string): Promise<unknown> =>
  waitUntil(
    () =>
      page.evaluate(async ([url, map]) => {
        const kept = await caches.match(url!);
        return kept ? ((await kept.json()) as string[]).includes(map!) : false;
      }, [suite.url('cartable-kept-maps'), id]),
    { what: `map ${id} kept for offline use`, timeoutMs: 120_000, everyMs: 100 },
  );

/** The site's files the service worker itself fetched (its precache, the maps it keeps), from the site's root. */
function workerFetches(context: import('playwright-core').BrowserContext): string[] {
  const paths: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker() && request.url().startsWith(suite.url(''))) paths.push(decodeURIComponent(new URL(request.url()).pathname.slice('/cartes/'.length)));
  });
  return paths;
}

const KB = 1024;
const gzipOf = (path: string): number => gzipSync(readFileSync(join(DIST, path.split('?')[0]!)), { level: 9 }).length;

/** Chromium logs every refused load while offline; those are expected here. */
const OFFLINE_ERRORS = [/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/];

for (const path of ['', 'maps/geosites.html']) {
  test(`a first visit (${path || 'the catalog'}): the worker fetches the app shell only, at most 300 KB gzip`, LIMIT, async (t) => {
    await withPage(t, suite, { serviceWorkers: 'allow' }, async ({ page, context }) => {
      const fetched = workerFetches(context);
      await page.goto(suite.url(path));
      if (path) await waitForMap(page);
      // Ready once installed and active: the precache is complete.
      await workerReady(page);
      const precache = new Set([...readFileSync(join(DIST, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!));
      const files = fetched.map((f) => f.split('?')[0]!).filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
      assert.ok(files.includes('index.html') && files.includes('catalog.json'), `the shell is fetched: ${files.join(' ')}`);
      assert.deepEqual(files.filter((f) => !precache.has(f)), [], 'the worker fetched nothing but its precache');
      assert.deepEqual(files.filter((f) => /^(maps|data)\/|^cartable-map\.js$/.test(f)), [], 'no map, no data, no embed element');
      const total = files.reduce((sum, f) => sum + gzipOf(f), 0);
      t.diagnostic(`worker's first visit: ${files.length} files, ${(total / KB).toFixed(1)} KB gzip`);
      assert.ok(total <= 300 * KB, `${(total / KB).toFixed(1)} KB gzip > 300 KB`);
    });
  });
}

test('the demo map (« Fonctionne hors ligne »), opened once, reopens with no network at all', LIMIT, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', serviceWorkers: 'allow', expectedConsoleErrors: OFFLINE_ERRORS }, async ({ page, context }) => {
    await waitForMap(page);
    await workerReady(page);
    // Not precached: the worker keeps the map (page, document, data, code) once it has been opened.
    await mapKept(page, 'lieux-de-france');
    await context.setOffline(true);
    await page.reload();
    await waitForMap(page);
    const layers = await layerStates(page);
    assert.equal(layers.lieux?.status, 'ready');
    assert.equal(layers.lieux?.featureCount, 8941);
    // Chromium 150 leaves the context's offline emulation off the document its service worker serves on
    // reload (navigator.onLine stays true there); set again, it reaches that document, which gets the
    // « offline » event a device going offline gives.
    await context.setOffline(false);
    await context.setOffline(true);
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

test('an embed registers no worker unless it asks for offline use (offline=1)', LIMIT, async (t) => {
  for (const [query, wanted] of [['embed=1', false], ['embed=1&offline=1', true]] as const) {
    await withPage(t, suite, { path: `maps/geosites.html?${query}`, serviceWorkers: 'allow' }, async ({ page }) => {
      const asked: string[] = [];
      page.on('request', (request) => {
        if (/\/sw\.js$/.test(request.url())) asked.push(request.url());
      });
      await waitForMap(page);
      // A page registers its worker once its map has rendered and the page has loaded: once the network is quiet after that, it would have.
      await page.waitForLoadState('load');
      await page.waitForLoadState('networkidle');
      if (wanted) await workerReady(page);
      const registrations = await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length));
      assert.equal(registrations, wanted ? 1 : 0, `${query}: ${registrations} worker(s)`);
      if (!wanted) assert.deepEqual(asked, [], `${query}: the worker script is not even fetched`);
    });
  }
});

test('the <cartable-map> element registers the site’s worker only with its offline attribute, on a page of the site’s origin', LIMIT, async (t) => {
  for (const offline of [false, true]) {
    await withPage(t, suite, { serviceWorkers: 'allow' }, async ({ page }) => {
      const host = new URL('/partenaire/carte.html', suite.url('')).href;
      const element = `<cartable-map src="${suite.url('maps/lieux-de-france.json')}"${offline ? ' offline' : ''}></cartable-map>`;
      await page.route(host, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="fr"><title>Partenaire</title><script type="module" src="${suite.url('cartable-map.js')}"></script>${element}` }),
      );
      await page.goto(host);
      await page.locator('cartable-map cartable-map-view[rendered]').waitFor({ state: 'attached' });
      await page.waitForLoadState('load');
      await page.waitForLoadState('networkidle');
      // The host page is outside the worker's scope: never controlled, it still finds the map kept.
      if (offline) await mapKept(page, 'lieux-de-france');
      const registrations = await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.map((g) => g.scope)));
      assert.deepEqual(registrations, offline ? [suite.url('')] : []);
    });
  }
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
