/**
 * Usage figures end to end, with a real HTTP collector on 127.0.0.1 that records what arrives. The
 * site configuration is baked in at build time, so the test builds its own copies of the site (Vite's
 * build(), CARTABLE_SITE_CONFIG naming a configuration in a temporary folder): one sending JSON events
 * to the collector, one sending Matomo bulk requests to it, one without analytics, and one whose
 * collector is down. Each is served under /cartes/ like dist/ (by nginx with the site's
 * Content-Security-Policy when it is installed), and opened under the harness's guards.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SiteConfig } from '../../src/context/types.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import { launchChromium } from '../support/browser.js';
import { hasNginx, serveWithNginx } from '../support/nginx.js';
import { serveStatic } from '../support/static-server.js';
import { BASE_PATH, axeViolations, REPO, waitForLayers, waitForMap, withPage, type Fixture, type Suite } from './support/harness.js';
import { buildSiteCopy } from './support/geosites.js';
import { waitUntil } from '../support/wait-until.js';

// ------------------------------------------------------------------ the collector

interface Arrival {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Collector {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly arrivals: Arrival[];
  close(): Promise<void>;
}

/**
 * Records every request; answers 204 with the CORS headers a collector gives text/plain POSTs. Its
 * origin also plays a partner site: GET /partner.html?src=<url> is a page that embeds <url> in a frame;
 * GET /blank.html is an empty page of its own (it posts the tests' sentinels).
 */
async function startCollector(): Promise<Collector> {
  const arrivals: Arrival[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/partner.html') {
      const src = (url.searchParams.get('src') ?? '').replace(/"/g, '&quot;');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Partenaire</title><iframe src="${src}" width="900" height="600"></iframe>`);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/blank.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Collecteur</title>');
      return;
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      arrivals.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'cache-control': 'no-store' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, arrivals, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback port nothing listens on (a collector that is down). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ------------------------------------------------------------------ the sites

const TEMP = mkdtempSync(join(tmpdir(), 'cartable-analytics-'));

/** The shipped site configuration with `analytics` replaced (and more allowed origins), validated as the build will. */
function siteConfig(analytics: Record<string, unknown> | undefined, origins: readonly object[] = []): SiteConfig {
  const { analytics: _shipped, ...shipped } = JSON.parse(readFileSync(join(REPO, 'site.config.json'), 'utf8'));
  const allowedOrigins = [...(shipped.allowedOrigins ?? []), ...origins];
  const result = validateSiteConfig({ ...shipped, allowedOrigins, ...(analytics ? { analytics } : {}) });
  assert.ok(result.ok, `test site configuration: ${JSON.stringify(!result.ok && result.problems)}`);
  return result.value;
}

/** Builds a copy of the site with this configuration into the temporary folder (its Géosites data local: never fetched). */
async function buildSite(name: string, site: SiteConfig): Promise<string> {
  const configFile = join(TEMP, `${name}.site.json`);
  writeFileSync(configFile, JSON.stringify(site));
  const outDir = join(TEMP, name);
  await buildSiteCopy(configFile, outDir);
  return outDir;
}

/** Serves a built copy under /cartes/ (nginx with its CSP when installed) for the shared browser. */
async function serveSite(folder: string, site: SiteConfig): Promise<Suite> {
  const server = hasNginx() ? await serveWithNginx(folder, BASE_PATH, site) : await serveStatic(folder, BASE_PATH);
  return { server, browser, url: (path = '') => new URL(path, server.url).href, close: () => server.close() };
}

let browser: Browser;
let collector: Collector;
let deadUrl: string;
const sites: Record<'endpoint' | 'matomo' | 'none' | 'dead', Suite> = {} as never;

before(async () => {
  collector = await startCollector();
  deadUrl = `http://127.0.0.1:${await deadPort()}/collect`;
  browser = await launchChromium();
  const configs = {
    // The collector's origin is also a partner site allowed to embed the maps (CSP frame-ancestors).
    endpoint: siteConfig({ type: 'endpoint', url: `${collector.url}collect` }, [{ origin: new URL(collector.url).origin, use: ['embed'] }]),
    matomo: siteConfig({ type: 'matomo', url: `${collector.url}matomo/`, siteId: '5' }),
    none: siteConfig(undefined),
    dead: siteConfig({ type: 'endpoint', url: deadUrl }),
  };
  for (const [name, config] of Object.entries(configs) as Array<[keyof typeof configs, SiteConfig]>) {
    sites[name] = await serveSite(await buildSite(name, config), config);
  }
});

after(async () => {
  for (const site of Object.values(sites)) await site?.close();
  await browser?.close();
  await collector?.close();
  rmSync(TEMP, { recursive: true, force: true });
});

// ------------------------------------------------------------------ helpers

/** The metadata record of the Géosites layer, opened in a new tab: a stand-in page. */
const inpnFixture: Fixture = {
  name: 'INPN pages',
  match: (url) => url.hostname === 'inpn.mnhn.fr',
  respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>INPN</title>' }),
};

/** Tab icons a browser may ask of the sites the links open. */
const faviconFixture: Fixture = {
  name: 'favicon',
  match: (url) => url.pathname === '/favicon.ico',
  respond: (route) => route.fulfill({ status: 204 }),
};

/** Leaves the page (pagehide: the tracker sends what waits). */
async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/** The arrivals after `from`, once `count` POSTs have come (or what did come, for the failure message). */
async function arrivalsAfter(from: number, count: number): Promise<Arrival[]> {
  await waitUntil(() => collector.arrivals.slice(from).filter((a) => a.method === 'POST').length >= count, { what: `${count} POSTs at the collector` }).catch(() => undefined);
  return collector.arrivals.slice(from);
}

const SENTINEL = '/sentinel';
let sentinels = 0;

/**
 * What arrived after `from`, for tests where nothing must: once the map page is left, the browser
 * posts a sentinel to the collector the way the tracker posts (fetch, keepalive, from a page of the
 * collector's own origin); once it has arrived, whatever the tracker sent on leaving has arrived too.
 */
async function arrivedBeforeSentinel(page: Page, from: number): Promise<Arrival[]> {
  const path = `${SENTINEL}?${++sentinels}`;
  await page.goto(`${collector.url}blank.html`);
  await page.evaluate((path) => void fetch(path, { method: 'POST', keepalive: true, body: 'sentinel', headers: { 'Content-Type': 'text/plain' } }), path);
  await waitUntil(() => collector.arrivals.some((a) => a.path === path), { what: 'the sentinel at the collector' });
  return collector.arrivals.slice(from).filter((a) => !a.path.startsWith(SENTINEL));
}

/** The JSON events of the arrivals, without their time (checked apart). */
function eventsOf(arrivals: readonly Arrival[]): Array<Record<string, unknown>> {
  return arrivals.flatMap((a) =>
    (JSON.parse(a.body).events as Array<Record<string, unknown>>).map(({ time, ...rest }) => {
      assert.match(String(time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'an ISO time on every event');
      return rest;
    }),
  );
}

/** Checks how the figures travel: POST, text/plain, no cookie, no credentials, no referrer, no preflight. */
function assertPlainPosts(arrivals: readonly Arrival[], path: string): void {
  assert.ok(arrivals.length > 0, 'something arrived');
  for (const arrival of arrivals) {
    assert.equal(arrival.method, 'POST', 'no CORS preflight, only POSTs');
    assert.equal(arrival.path, path);
    assert.match(String(arrival.headers['content-type']), /^text\/plain/);
    for (const header of ['cookie', 'authorization', 'referer']) assert.equal(arrival.headers[header], undefined, `no ${header} header`);
  }
}

/** Everything that must never leave the page, in any body. */
function assertNothingForbidden(arrivals: readonly Arrival[], forbidden: readonly (string | RegExp)[]): void {
  const text = arrivals.map((a) => decodeURIComponent(a.body)).join('\n');
  for (const item of forbidden) {
    if (typeof item === 'string') assert.ok(!text.toLowerCase().includes(item.toLowerCase()), `"${item}" was sent`);
    else assert.doesNotMatch(text, item);
  }
  // No coordinates: no number with decimals anywhere.
  assert.doesNotMatch(text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '').replace(/127\.0\.0\.1/g, ''), /\d+\.\d+/, 'no decimal number (coordinates) was sent');
}

const box = (page: Page) => page.locator('cartable-map-view cartable-search input[role="combobox"]');
const options = (page: Page) => page.locator('cartable-map-view cartable-search [role="option"]');

/** Switches a layer off then on again with its checkbox (one "layer shown"). */
async function switchOnAgain(page: Page, layerId: string): Promise<void> {
  const checkbox = page.locator(`li.layer[data-layer="${layerId}"] input[type="checkbox"]`);
  await checkbox.uncheck();
  await checkbox.check();
  await waitForLayers(page, (l) => l[layerId]?.visible === true, `${layerId} visible`);
}

/** Searches the demo map for "grenble", chooses the first result; resolves to the number of results shown. */
async function searchGrenoble(page: Page): Promise<number> {
  await box(page).waitFor();
  await box(page).pressSequentially('grenble', { delay: 20 });
  await options(page).filter({ hasText: 'Grenoble' }).first().waitFor({ timeout: 15_000 });
  const shown = await options(page).count();
  await box(page).press('Enter');
  await page.locator('cartable-popup').waitFor();
  return shown;
}

/** Opens a layer's information and follows one of its links (new tab, closed at once); resolves to its URL. */
async function followInfoLink(page: Page, layerTitle: string, linkText: RegExp): Promise<string> {
  await page.locator(`cartable-layer-tree button[aria-label="Informations sur la couche ${layerTitle}"]`).click();
  const link = page.locator('cartable-layer-info dialog a', { hasText: linkText });
  const href = (await link.getAttribute('href'))!;
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.close();
  await page.locator('cartable-layer-info button[aria-label="Fermer"]').click();
  return href;
}

// ------------------------------------------------------------------ tests

test('the events of a visit arrive at the endpoint, exactly, with nothing forbidden', async (t) => {
  const from = collector.arrivals.length;
  const site = sites.endpoint;
  let results = 0;
  await withPage(t, site, { path: 'maps/lieux-de-france.html', fixtures: [inpnFixture, faviconFixture] }, async ({ page }) => {
    await waitForMap(page);
    await switchOnAgain(page, 'pays');
    results = await searchGrenoble(page);
    const lieuxDownload = await followInfoLink(page, 'Lieux habités', /Données de la carte/);
    await leave(page);

    await page.goto(site.url('maps/geosites.html'));
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await page.locator('cartable-map-view .table-toggle').click();
    await page.locator('cartable-table .row').first().waitFor();
    await page.locator('cartable-table button', { hasText: 'Exporter' }).click();
    await Promise.all([page.waitForEvent('download'), page.locator('cartable-table .export-menu button').first().click()]);
    await followInfoLink(page, 'Géosites (INPG)', /Fiche de métadonnées/);
    const geositesDownload = await followInfoLink(page, 'Géosites (INPG)', /Données \(GeoJSON\)/);
    // The packaged public copy, never the original the build read.
    assert.match(geositesDownload, /^http:\/\/127\.0\.0\.1:\d+\/cartes\/data\/site_geol\.[0-9a-f]{10}\.geojson$/);
    await leave(page);

    await page.goto(site.url(''));
    await page.locator('li.card').first().waitFor();
    const catalogBox = page.locator('cartable-catalog cartable-search input[role="combobox"]');
    await catalogBox.pressSequentially('geologie', { delay: 20 });
    await page.locator('cartable-catalog cartable-search [role="option"]').first().waitFor();
    const catalogResults = await page.locator('cartable-catalog cartable-search [role="option"]').count();
    await catalogBox.press('Tab');
    await leave(page);

    await page.goto(site.url('index.html?map=nope'));
    await page.locator('cartable-message h1').waitFor();
    await leave(page);

    const arrivals = await arrivalsAfter(from, 4);
    assertPlainPosts(arrivals, '/collect');
    assert.deepEqual(eventsOf(arrivals), [
      { type: 'map-opened', map: 'lieux-de-france', embedded: false },
      { type: 'layer-shown', map: 'lieux-de-france', layer: 'pays' },
      { type: 'search-used', map: 'lieux-de-france', chars: 7, results },
      { type: 'record-opened', map: 'lieux-de-france', layer: 'lieux' },
      { type: 'download-followed', map: 'lieux-de-france', layer: 'lieux', url: lieuxDownload },
      { type: 'map-opened', map: 'geosites', embedded: false },
      { type: 'table-shown', map: 'geosites', layer: 'geosites' },
      { type: 'table-exported', map: 'geosites', layer: 'geosites', format: 'csv' },
      { type: 'metadata-followed', map: 'geosites', layer: 'geosites', url: 'https://inpn.mnhn.fr/programme/patrimoine-geologique/presentation' },
      { type: 'download-followed', map: 'geosites', layer: 'geosites', url: geositesDownload },
      { type: 'catalog-opened' },
      { type: 'search-used', chars: 8, results: catalogResults },
      { type: 'error-shown', kind: 'not-found' },
    ]);
    // Never: search texts, attribute values, feature ids, page URLs (they name features and filters).
    assertNothingForbidden(arrivals, ['grenble', 'geologie', 'Grenoble', 'Amphibolites', 'feature=', 'lieux~', 'nope', '?map=']);
  });
});

test('a map embedded in a partner page says so, with the partner origin only', async (t) => {
  const from = collector.arrivals.length;
  const partner = `${collector.url}partner.html?src=${encodeURIComponent(sites.endpoint.url('maps/lieux-de-france.html'))}`;
  await withPage(t, sites.endpoint, {}, async ({ page }) => {
    await page.goto(partner);
    const frame = page.frameLocator('iframe');
    await frame.locator('cartable-map-view[rendered]').waitFor({ timeout: 30_000 });
    await frame.locator('li.layer[data-layer="pays"] input[type="checkbox"]').uncheck();
    await frame.locator('li.layer[data-layer="pays"] input[type="checkbox"]').check();
    await leave(page);
    const arrivals = await arrivalsAfter(from, 1);
    assertPlainPosts(arrivals, '/collect');
    assert.deepEqual(eventsOf(arrivals), [
      { type: 'map-opened', map: 'lieux-de-france', embedded: true, host: new URL(collector.url).origin },
      { type: 'layer-shown', map: 'lieux-de-france', layer: 'pays' },
    ]);
    assertNothingForbidden(arrivals, ['partner.html', 'src=']);
  });
});

test('Matomo receives bulk tracking requests with download= and no visitor id', async (t) => {
  const from = collector.arrivals.length;
  const site = sites.matomo;
  await withPage(t, site, { path: 'maps/lieux-de-france.html', fixtures: [faviconFixture] }, async ({ page }) => {
    await waitForMap(page);
    await switchOnAgain(page, 'pays');
    const download = await followInfoLink(page, 'Lieux habités', /Données de la carte/);
    await leave(page);
    const arrivals = await arrivalsAfter(from, 1);
    assertPlainPosts(arrivals, '/matomo/matomo.php');
    const requests = arrivals.flatMap((a) => JSON.parse(a.body).requests as string[]);
    const mapPage = site.url('?map=lieux-de-france');
    const q = (params: Record<string, string>) => `?idsite=5&rec=1&apiv=1&send_image=0&${new URLSearchParams(params).toString().replace(/\+/g, '%20')}`;
    assert.deepEqual(
      requests.map((r) => new URLSearchParams(r.slice(1)).toString()),
      [
        q({ action_name: 'lieux-de-france', url: mapPage }),
        q({ url: mapPage, e_c: 'layer', e_a: 'shown', e_n: 'lieux-de-france/pays' }),
        q({ url: download, download }),
      ].map((r) => new URLSearchParams(r.slice(1)).toString()),
    );
    for (const request of requests) assert.doesNotMatch(request, /[?&](_id|uid|cid|ua|lang|cookie|token_auth)=/);
  });
});

test('nothing is sent by a site without analytics, and it shows no statistics control', async (t) => {
  const from = collector.arrivals.length;
  const posts: string[] = [];
  await withPage(t, sites.none, { path: '' }, async ({ page }) => {
    page.on('request', (request) => request.method() !== 'GET' && posts.push(`${request.method()} ${request.url()}`));
    await page.locator('li.card').first().waitFor();
    assert.equal(await page.locator('cartable-analytics-choice').count(), 0);
    await page.goto(sites.none.url('maps/lieux-de-france.html'));
    await waitForMap(page);
    await switchOnAgain(page, 'pays');
    await searchGrenoble(page);
    assert.equal(await page.locator('cartable-analytics-choice').count(), 0);
    await leave(page);
    assert.deepEqual(await arrivedBeforeSentinel(page, from), []);
    assert.deepEqual(posts.filter((p) => !p.includes(SENTINEL)), [], 'no request other than GET left the page');
  });
});

test('nothing is sent under Global Privacy Control, and the panel says why', async (t) => {
  const from = collector.arrivals.length;
  await withPage(t, sites.endpoint, {}, async ({ page, context }) => {
    await context.addInitScript({ content: `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });` });
    await page.goto(sites.endpoint.url('maps/lieux-de-france.html'));
    await waitForMap(page);
    await switchOnAgain(page, 'pays');
    await searchGrenoble(page);
    const choice = page.locator('cartable-map-view cartable-analytics-choice');
    assert.match(await choice.locator('[role="status"]').innerText(), /votre navigateur demande de ne pas être suivi/);
    assert.equal(await choice.locator('button').count(), 0, 'no switch: the browser decides');
    await leave(page);
    assert.deepEqual(await arrivedBeforeSentinel(page, from), []);
  });
});

test('nothing is sent once the person opts out, on this page and the next ones', async (t) => {
  const from = collector.arrivals.length;
  await withPage(t, sites.endpoint, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    const choice = page.locator('cartable-map-view cartable-analytics-choice');
    await choice.locator('summary').click();
    assert.match(await choice.locator('details').innerText(), /jamais le texte/);
    await choice.locator('button', { hasText: 'Statistiques de visite : désactiver' }).click();
    assert.match(await choice.locator('[role="status"]').innerText(), /désactivées sur cet appareil/);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the statistics choice in the panel');
    await switchOnAgain(page, 'pays');
    await leave(page);
    // The choice is remembered: the catalog of the same browser sends nothing either.
    await page.goto(sites.endpoint.url(''));
    await page.locator('li.card').first().waitFor();
    assert.equal(
      await page.locator('cartable-catalog cartable-analytics-choice button').innerText(),
      'Statistiques de visite : réactiver',
    );
    await leave(page);
    assert.deepEqual(await arrivedBeforeSentinel(page, from), []);
  });
});

test('a collector that is down changes nothing for the person using the map', async (t) => {
  const dead = new URL(deadUrl);
  await withPage(
    t,
    sites.dead,
    {
      path: 'maps/lieux-de-france.html',
      // Chromium itself logs a request that fails to connect; the viewer logs nothing.
      expectedConsoleErrors: [new RegExp(`^Failed to load resource: net::ERR_CONNECTION_REFUSED @ ${dead.origin.replace(/[.]/g, '\\.')}/collect$`)],
    },
    async ({ page }) => {
      let failed = 0;
      page.on('requestfailed', (request) => void (request.url() === deadUrl && failed++));
      await waitForMap(page);
      await switchOnAgain(page, 'pays');
      // The page hides (another tab): the tracker sends, and the send fails.
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
        delete (document as unknown as { visibilityState?: string }).visibilityState;
      });
      // The map keeps working: a layer, a search, a record (sending is fire and forget: nothing waits for it).
      await switchOnAgain(page, 'lieux');
      await searchGrenoble(page);
      assert.match(await page.locator('cartable-popup').evaluate((el) => el.shadowRoot?.textContent ?? ''), /Grenoble/);
      await waitUntil(() => failed >= 1, { what: 'the figures sent to the collector, and failed' });
    },
  );
});
