/**
 * End-to-end harness: serves the built site (dist/) under a sub-path, drives Debian's Chromium, and
 * opens pages under guards that make a test fail on any uncaught page error, any console.error the
 * test did not declare, and any request that leaves 127.0.0.1 without being answered by a fixture.
 *
 * Every non-local URL is routed: a known fixture answers it, anything else is aborted AND recorded as
 * a failure. The tests never reach the network.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import type { Browser, BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import { launchChromium } from '../../support/browser.js';
import { waitUntil } from '../../support/wait-until.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { hasNginx, NGINX, readSiteConfig, serveWithNginx } from '../../support/nginx.js';
import { communeWfsFixture } from './commune-fixture.js';
import { solidPng } from './png.js';
import { remoteGeojsonFixture, remoteMapFixture, SITE_FIXTURES } from './remote-map.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built site; CARTABLE_DIST points elsewhere (to test a build made in another folder). */
export const DIST = process.env.CARTABLE_DIST ? resolve(process.env.CARTABLE_DIST) : join(REPO, 'dist');
export const BASE_PATH = '/cartes/';
export const AXE_PATH = join(REPO, 'node_modules/axe-core/axe.min.js');

/** The colour of the stand-in WMTS tiles (a light green no map symbol uses). */
export const TILE_COLOUR = [120, 200, 120, 255] as const;
export const TILE_PNG = solidPng(256, 256, TILE_COLOUR);

/** Remote resources a remote server would allow a page at 127.0.0.1 to read. */
const CORS = { 'access-control-allow-origin': '*' };

/** Answers one kind of non-local request. */
export interface Fixture {
  readonly name: string;
  match(url: URL): boolean;
  respond(route: Route, request: Request): Promise<void>;
}

/** Any WMTS GetTile request to the IGN Géoplateforme, answered with a solid-colour PNG tile. */
export const wmtsTileFixture: Fixture = {
  name: 'Géoplateforme WMTS tile',
  match: (url) =>
    url.protocol === 'https:' &&
    url.hostname === 'data.geopf.fr' &&
    url.pathname === '/wmts' &&
    [...url.searchParams].some(([key, value]) => key.toLowerCase() === 'request' && value.toLowerCase() === 'gettile'),
  respond: (route) =>
    route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'image/png', 'cache-control': 'no-store' }, body: TILE_PNG }),
};

/** The value of a query parameter, its name compared case-insensitively (as OGC services do). */
const ogcParam = (url: URL, name: string): string | undefined =>
  [...url.searchParams].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

const isGeoplateforme = (url: URL, path: string): boolean =>
  url.protocol === 'https:' && url.hostname === 'data.geopf.fr' && url.pathname === path;

/** A WMS GetMap (any size) to the Géoplateforme, answered with a solid PNG of TILE_COLOUR (a 256 × 256 tile). */
export const wmsMapFixture: Fixture = {
  name: 'Géoplateforme WMS GetMap',
  match: (url) => isGeoplateforme(url, '/wms-r/wms') && ogcParam(url, 'request')?.toLowerCase() === 'getmap',
  respond: (route) =>
    route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'image/png', 'cache-control': 'no-store' }, body: TILE_PNG }),
};

/** The stand-in legend of every WMS layer (a 20 × 12 swatch). */
export const LEGEND_PNG = solidPng(20, 12, [106, 27, 154, 255]);

export const wmsLegendFixture: Fixture = {
  name: 'Géoplateforme WMS GetLegendGraphic',
  match: (url) => isGeoplateforme(url, '/wms-r/wms') && ogcParam(url, 'request')?.toLowerCase() === 'getlegendgraphic',
  respond: (route) => route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'image/png' }, body: LEGEND_PNG }),
};

/** Lon/lat of the hand-made national nature reserve the WFS fixture returns (near Lyon). */
export const WFS_RESERVE_CENTRE = [4.85, 45.75] as const;

/**
 * A WFS GetFeature to the Géoplateforme, answered with one hand-made reserve (a square of 0.1° around
 * WFS_RESERVE_CENTRE) in GeoJSON, in the CRS asked for (EPSG:4326 or EPSG:3857). Of the protected
 * areas, only the national nature reserves (PROTECTEDAREAS.RNN:rnn) have it; the others are empty.
 */
export const wfsFeatureFixture: Fixture = {
  name: 'Géoplateforme WFS GetFeature',
  match: (url) => isGeoplateforme(url, '/wfs/ows') && ogcParam(url, 'request')?.toLowerCase() === 'getfeature',
  respond: (route, request) => {
    const srs = ogcParam(new URL(request.url()), 'srsname') ?? 'EPSG:4326';
    const typeName = ogcParam(new URL(request.url()), 'typenames') ?? ogcParam(new URL(request.url()), 'typename');
    if (typeName?.startsWith('PROTECTEDAREAS.') && typeName !== 'PROTECTEDAREAS.RNN:rnn') {
      const empty = { type: 'FeatureCollection', numberMatched: 0, numberReturned: 0, features: [] };
      return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: JSON.stringify(empty) });
    }
    const [lon, lat] = WFS_RESERVE_CENTRE;
    const ring = [[lon - 0.05, lat - 0.05], [lon + 0.05, lat - 0.05], [lon + 0.05, lat + 0.05], [lon - 0.05, lat + 0.05], [lon - 0.05, lat - 0.05]]
      .map((c) => (/3857$/.test(srs) ? toWebMercator(c as [number, number]) : c));
    const body = {
      type: 'FeatureCollection',
      numberMatched: 1,
      numberReturned: 1,
      features: [
        {
          type: 'Feature',
          id: 'rnn.1',
          geometry: { type: 'Polygon', coordinates: [ring] },
          properties: { id_mnhn: 'FR3600999', nom_site: 'Réserve de démonstration', date_crea: '1990-01-01', surf_off: 123, gest_site: 'Démo', url_fiche: 'https://inpn.mnhn.fr/' },
        },
      ],
    };
    return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  },
};

/** The fixtures every page gets unless a test puts others before them. */
export function defaultFixtures(): Fixture[] {
  return [remoteMapFixture, remoteGeojsonFixture, wmtsTileFixture, wmsMapFixture, wmsLegendFixture, communeWfsFixture, wfsFeatureFixture];
}

export interface Suite {
  readonly server: { readonly url: string };
  readonly browser: Browser;
  /** Absolute URL of a path of the site (relative to its root, e.g. `maps/geosites.html`). */
  url(path?: string): string;
  close(): Promise<void>;
}

/**
 * Serves dist/ under /cartes/ and launches one browser, for all the tests of a file. The server is a
 * real nginx with the site's Content-Security-Policy (.ci/run installs it; required). `site` replaces the site configuration nginx's headers are made
 * from (e.g. to let test hosts embed the site).
 */
export async function startSuite(options: { site?: SiteConfig; dist?: string } = {}): Promise<Suite> {
  // `dist`: a site built by the test itself (e.g. with a site configuration of its own).
  const dist = options.dist ?? DIST;
  assert.ok(
    existsSync(join(dist, 'index.html')),
    `${dist}/index.html is missing: build the site first (npx vite build)`,
  );
  // The CSP, cache and compression tests need nginx's own headers: no plain static server stands in.
  assert.ok(hasNginx(), `nginx is missing (${NGINX}): the end-to-end tests serve the site with a real nginx (Debian package nginx, which .ci/run installs; NGINX_PATH names another)`);
  const server = await serveWithNginx(dist, BASE_PATH, options.site ?? readSiteConfig(REPO));
  const browser = await launchChromium();
  return {
    server,
    browser,
    url: (path = '') => new URL(path, server.url).href,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageOptions {
  /** 'allow' to let the site's service worker run (offline tests); blocked otherwise. */
  readonly serviceWorkers?: 'allow' | 'block';
  /** Path to open, relative to the site root (nothing is opened when omitted). */
  readonly path?: string;
  readonly viewport?: { width: number; height: number };
  /** Fixtures tried before the default ones (first match wins). */
  readonly fixtures?: readonly Fixture[];
  /**
   * console.error messages the test causes on purpose (e.g. Chromium's "Failed to load resource: …
   * status of 500" for a fixture that fails). Each pattern is tried on "<text> @ <source URL>".
   */
  readonly expectedConsoleErrors?: readonly RegExp[];
}

export interface Session {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Requests answered, by fixture name. */
  readonly hits: Map<string, number>;
  /** Everything that went wrong so far (checked after the test body). */
  readonly problems: string[];
  /** console.error messages that matched an expected pattern. */
  readonly expectedErrors: string[];
  url(path?: string): string;
}

const isLocal = (url: URL): boolean => url.hostname === '127.0.0.1';
const isNetwork = (url: URL): boolean => ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
/** A request for the tests' own documents (SITE_FIXTURES): answered by a fixture, not by the site. */
const isSiteFixture = (url: URL): boolean => isLocal(url) && url.pathname.startsWith(`${BASE_PATH}${SITE_FIXTURES}`);

/**
 * Helpers the tests call in the page. Plain JavaScript, installed before any page script runs.
 * `__name` neutralises the helper that tsx (esbuild keepNames) inserts into functions which
 * page.evaluate() then serialises.
 */
const PAGE_HELPERS = `
  globalThis.__name = globalThis.__name || ((fn) => fn);
  globalThis.__e2e = {
    app() { return document.querySelector('cartable-app'); },
    mapView() { return this.app()?.shadowRoot?.querySelector('cartable-map-view') ?? null; },
    map() { return this.mapView()?.adapter?.map ?? null; },
    layers() { return this.mapView()?.store?.state?.layers ?? null; },
    nextRender() {
      const map = this.map();
      return new Promise((resolve) => { map.once('rendercomplete', () => resolve(true)); map.render(); });
    },
  };
`;

/**
 * Opens a fresh browser context and page under the guards, runs `body`, then fails the test if any
 * guard tripped. The context is closed whatever happens.
 */
export async function withPage(
  t: TestContext,
  suite: Suite,
  options: PageOptions,
  body: (session: Session) => Promise<void>,
): Promise<void> {
  // The service worker precaches the whole site at each first visit: only the tests of offline use want it.
  const context = await suite.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const problems: string[] = [];
  const expectedErrors: string[] = [];
  const hits = new Map<string, number>();
  const fixtures = [...(options.fixtures ?? []), ...defaultFixtures()];
  const routed = new WeakSet<Request>();
  const outgoing: Request[] = [];

  await context.addInitScript({ content: PAGE_HELPERS });
  await context.route(
    (url) => (isNetwork(url) && !isLocal(url)) || isSiteFixture(url),
    async (route, request) => {
      routed.add(request);
      const url = new URL(request.url());
      const fixture = fixtures.find((f) => f.match(url));
      if (fixture) {
        hits.set(fixture.name, (hits.get(fixture.name) ?? 0) + 1);
        await fixture.respond(route, request);
        return;
      }
      problems.push(`${isSiteFixture(url) ? 'no fixture answers the test document' : 'request left 127.0.0.1 with no fixture to answer it'}: ${request.method()} ${request.url()}`);
      await route.abort('blockedbyclient');
    },
  );
  // A backstop for requests that would bypass routing (e.g. from a service worker): checked at the end.
  // A page request the site's service worker answered (from its cache, or by a fetch of its own,
  // which is routed) never reached the network itself.
  const fromWorker = new WeakSet<Request>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (isNetwork(url) && !isLocal(url)) outgoing.push(request);
  });
  context.on('response', (response) => {
    if (response.fromServiceWorker()) fromWorker.add(response.request());
  });
  context.on('requestfailed', (request) => {
    // Refused by the worker or offline: it left nothing.
    if (request.failure()?.errorText.includes('ERR_INTERNET_DISCONNECTED')) fromWorker.add(request);
  });
  const unrouted = (): string[] =>
    outgoing
      .filter((r) => !routed.has(r) && !fromWorker.has(r))
      .map((r) => `request left 127.0.0.1 without going through the fixtures: ${r.method()} ${r.url()}`);

  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught page error: ${error.stack ?? error.message}`));
  page.on('crash', () => problems.push('the page crashed'));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const line = `${message.text()} @ ${message.location().url || '?'}`;
    if (options.expectedConsoleErrors?.some((pattern) => pattern.test(line))) expectedErrors.push(line);
    else problems.push(`console.error: ${line}`);
  });
  page.on('websocket', (socket) => {
    if (!isLocal(new URL(socket.url()))) problems.push(`web socket left 127.0.0.1: ${socket.url()}`);
  });

  const session: Session = { page, context, hits, problems, expectedErrors, url: suite.url };
  try {
    if (options.path !== undefined) await page.goto(suite.url(options.path));
    await body(session);
  } catch (error) {
    // The guards often say why a step timed out: show them with the step's own failure.
    const all = [...problems, ...unrouted()];
    if (all.length) t.diagnostic(`guards also tripped: ${all.join(' | ')}`);
    await context.close();
    throw error;
  }
  try {
    const all = [...problems, ...unrouted()];
    assert.deepEqual(all, [], `the page broke a guard:\n  ${all.join('\n  ')}`);
  } finally {
    await context.close();
  }
}

/** Waits until the map view says every visible layer has loaded or failed and the map has rendered. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout });
}

export interface LayerStateSnapshot {
  visible: boolean;
  opacity: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  problem?: { code: string; detail?: string };
  featureCount?: number;
}

/** The map store's layer states (`store.state.layers`). */
export async function layerStates(page: Page): Promise<Record<string, LayerStateSnapshot>> {
  return page.evaluate(() => JSON.parse(JSON.stringify((globalThis as any).__e2e.layers())));
}

/** Waits until `predicate` holds for the layer states (the store notifies no one outside), or fails with the last states seen. */
export async function waitForLayers(
  page: Page,
  predicate: (layers: Record<string, LayerStateSnapshot>) => boolean,
  description: string,
  timeout = 20_000,
): Promise<Record<string, LayerStateSnapshot>> {
  let last: Record<string, LayerStateSnapshot> = {};
  try {
    await waitUntil(async () => {
      last = await layerStates(page);
      return !!last && predicate(last);
    }, { what: description, timeoutMs: timeout });
  } catch {
    assert.fail(`timed out waiting for ${description}; layer states: ${JSON.stringify(last)}`);
  }
  return last;
}

/** Waits until the map's view has stopped moving: no animation and no gesture under way (OpenLayers' own state). */
export async function waitForViewStill(page: Page | Frame): Promise<void> {
  await page.waitForFunction(() => {
    const view = (globalThis as any).__e2e.map().getView();
    return !view.getAnimating() && !view.getInteracting();
  });
}

/**
 * A record opened by a person (a click, a row, a search result) takes focus once it is placed and its
 * feature framed: then the view only has to stop. Before that, focus put elsewhere would be taken back.
 */
export async function recordSettled(page: Page | Frame): Promise<void> {
  await page.waitForFunction(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement && active.localName !== 'cartable-popup') active = active.shadowRoot.activeElement;
    return active?.localName === 'cartable-popup';
  });
  await waitForViewStill(page);
}

/** Waits for `count` animation frames of the page: work it queued for its next frames has run. */
export async function nextFrames(page: Page | Frame, count = 2): Promise<void> {
  await page.evaluate((count) => new Promise<void>((resolve) => {
    const next = (left: number): void => void (left ? requestAnimationFrame(() => next(left - 1)) : resolve());
    next(count);
  }), count);
}

/** Web Mercator (EPSG:3857) coordinates of a longitude/latitude, by the spherical formula. */
export function toWebMercator([lon, lat]: readonly [number, number]): [number, number] {
  const R = 6378137;
  return [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

/** Runs axe-core on the whole document (it walks open shadow roots) and returns its violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be refused by the site's CSP.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n: any) => JSON.stringify(n.target)),
    }));
  });
}
