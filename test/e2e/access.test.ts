/**
 * Sign-in and restricted maps end to end, with real components on 127.0.0.1: an OpenID Connect
 * provider (oidc-provider: a public client with PKCE, JWT access tokens for one resource, refresh
 * tokens, RP-initiated logout), the restricted output served as docs/deploy.md says — nginx running
 * the shipped recipe (plugin/restricted-deploy.ts) in front of `cartable token-checker`, which checks
 * every token against the provider's keys and access.json (401 / 403) —, and the site built by this
 * test with a site configuration naming both (Vite's build(), CARTABLE_SITE_CONFIG), served by nginx
 * with its Content-Security-Policy.
 *
 * The restricted output served is the build's own (plugin/restricted.ts) plus one hand-made
 * restricted map, « Géosites réservés (essai) », whose layer holds the records marked « Réservé » —
 * the records a public map withholds — and one map for a group the test user is not in, each listed
 * in its group's catalog and in access.json. The Géosites data is the hand-made fixture of
 * test/fixtures/geosites (three « Réservé » records): the suite needs nothing outside the repository.
 * The signed-in site, provider and restricted server: support/signed-in-site.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { SiteConfig } from '../../src/context/types.js';
import type { TestOidcProvider } from '../support/oidc-provider.js';
import { groupCatalogPath } from '../../src/auth/restricted-catalogs.js';
import { serveRestrictedWithNginx, type RestrictedNginx } from '../support/restricted-nginx.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';
import { keepScreenshot } from '../support/screenshots.js';
import { axeViolations, REPO, waitForMap, withPage, type Suite } from './support/harness.js';
import { GEOSITES_FIXTURE } from './support/geosites.js';
import { CLIENT_ID, fontsFixture, REFUSALS, signInAtProvider, signInFromCatalog, startSignedInSite, type SignedInSite } from './support/signed-in-site.js';

const RESTRICTED_ID = 'geosites-reserves-essai';
const RESTRICTED_TITLE = 'Géosites réservés (essai)';
const FORBIDDEN_ID = 'carte-direction-essai';
const FORBIDDEN_TITLE = 'Carte de la direction (essai)';
const LAYER_ID = 'sites-reserves-essai';

let TEMP: string;
let signed: SignedInSite | undefined;
let suite: Suite;
let provider: TestOidcProvider;
let files: RestrictedNginx;
let filesOptions: Parameters<typeof serveRestrictedWithNginx>[0];
let host: StaticServer;
let hostDir: string;
let site: SiteConfig;
let dist: string;
/** Names of the withheld records (confidentialite = Réservé) of the fixture. */
let withheld: string[] = [];

/** The hand-made restricted document: a basemap (a third-party origin: it must never see the token) and the withheld records. */
function restrictedDocument(restrictedUrl: string): unknown {
  return {
    version: 1,
    id: RESTRICTED_ID,
    title: RESTRICTED_TITLE,
    description: 'Les géosites dont la fiche est réservée (essai de bout en bout).',
    access: { level: 'restricted', groups: ['geologues'] },
    view: { projection: 'EPSG:3857', center: [6.25, 44.85], zoom: 8 },
    basemaps: [
      { type: 'wmts', id: 'plan-ign', title: 'Plan IGN', url: 'https://data.geopf.fr/wmts', layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', active: true },
    ],
    layers: [
      {
        type: 'geojson',
        id: LAYER_ID,
        title: 'Sites réservés',
        url: new URL('data/sites-reserves-essai.geojson', restrictedUrl).href,
        idField: 'id_site',
        fields: [
          { name: 'id_site', type: 'text' },
          { name: 'nom_site', label: 'Nom du site', type: 'text' },
          { name: 'confidentialite', type: 'text' },
        ],
        style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#8a4b00' } } } },
        popup: { title: '{{nom_site}}' },
      },
    ],
  };
}

/** The restricted output served: the build's, plus the hand-made maps, each in its group's catalog and in access.json. */
function prepareRestrictedFolder(buildOutput: string, folder: string, restrictedUrl: string): void {
  mkdirSync(join(folder, 'maps'), { recursive: true });
  mkdirSync(join(folder, 'data'), { recursive: true });
  mkdirSync(join(folder, 'catalogs'), { recursive: true });
  if (existsSync(buildOutput)) cpSync(buildOutput, folder, { recursive: true });
  const readJson = (path: string, empty: unknown) => (existsSync(join(folder, path)) ? JSON.parse(readFileSync(join(folder, path), 'utf8')) : empty);
  const access = readJson('access.json', { version: 1, files: { 'catalog.json': [] } });
  const listFor = (group: string, id: string, title: string) => {
    const path = groupCatalogPath(group);
    const catalog = readJson(path, { version: 1, maps: [] });
    catalog.maps.push({
      id, title, tags: [], layers: ['Sites réservés'], document: `maps/${id}.json`, page: '', online: true, validated: false,
      access: { level: 'restricted', groups: [group] },
    });
    writeFileSync(join(folder, path), JSON.stringify(catalog));
    Object.assign(access.files, { [path]: [group], [`maps/${id}.json`]: [group] });
  };
  listFor('geologues', RESTRICTED_ID, RESTRICTED_TITLE);
  listFor('direction', FORBIDDEN_ID, FORBIDDEN_TITLE);
  access.files['data/sites-reserves-essai.geojson'] = ['direction', 'geologues'];
  writeFileSync(join(folder, 'access.json'), JSON.stringify(access));
  writeFileSync(join(folder, 'maps', `${RESTRICTED_ID}.json`), JSON.stringify(restrictedDocument(restrictedUrl)));
  writeFileSync(
    join(folder, 'maps', `${FORBIDDEN_ID}.json`),
    JSON.stringify({ ...(restrictedDocument(restrictedUrl) as object), id: FORBIDDEN_ID, title: FORBIDDEN_TITLE, access: { level: 'restricted', groups: ['direction'] } }),
  );
  const all = JSON.parse(readFileSync(GEOSITES_FIXTURE, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const reserved = all.features.filter((f) => f.properties.confidentialite === 'Réservé');
  withheld = reserved.map((f) => String(f.properties.nom_site));
  writeFileSync(join(folder, 'data', 'sites-reserves-essai.geojson'), JSON.stringify({ type: 'FeatureCollection', features: reserved }));
}

before(async () => {
  TEMP = mkdtempSync(join(tmpdir(), 'cartable-access-'));
  hostDir = join(TEMP, 'host');
  mkdirSync(hostDir);
  host = await serveStatic(hostDir, '/');
  signed = await startSignedInSite({
    temp: TEMP,
    geosites: GEOSITES_FIXTURE,
    allowedOrigins: [{ origin: new URL(host.url).origin, use: ['embed'] }],
    prepareRestricted: prepareRestrictedFolder,
  });
  ({ suite, site, dist, provider, files, filesOptions } = signed);
}, { timeout: 240_000 });

after(async () => {
  if (signed) {
    signed.files = files; // The one running now (a test restarts it).
    await signed.close();
  }
  await host?.close();
  if (TEMP) rmSync(TEMP, { recursive: true, force: true });
});

/** Every request the page sends with an Authorization header, by origin. */
function watchAuthorization(page: Page): Request[] {
  const seen: Request[] = [];
  page.context().on('request', (request) => {
    if (request.headers().authorization) seen.push(request);
  });
  return seen;
}

/** Screenshots for a person to look at (CARTABLE_SCREENSHOTS). */
const shot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `access-${name}`);

async function storedSession(page: Page): Promise<{ accessToken: string; refreshToken?: string } | null> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('cartable:auth') ?? 'null'));
}

async function featureNames(page: Page): Promise<string[]> {
  return page.evaluate((layerId) => {
    const map = (globalThis as any).__e2e.map();
    const layer = map.getAllLayers().find((l: any) => l.get('cartable:id') === layerId);
    return (layer?.getSource()?.getFeatures() ?? []).map((f: any) => f.get('nom_site'));
  }, LAYER_ID);
}

test('sign in, see and open the restricted map with its withheld records, sign out: restricted content gone', async (t) => {
  await withPage(t, suite, { path: '', fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    const withToken = watchAuthorization(page);
    // Signed out: no restricted section, no token anywhere.
    await page.locator('cartable-sign-in button', { hasText: 'Se connecter' }).waitFor();
    assert.equal(await page.locator('cartable-restricted-maps section').count(), 0);

    await signInFromCatalog(page);
    assert.equal(new URL(page.url()).search, '', 'the callback parameters are gone from the address bar');
    const session = await storedSession(page);
    assert.ok(session?.accessToken, 'the tokens are kept in sessionStorage');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cartable:auth')).length), 0, 'never in localStorage');

    // The catalog lists the restricted map the user's group may open, not the other one.
    const item = page.locator(`cartable-restricted-maps li[data-map="${RESTRICTED_ID}"]`);
    await item.waitFor();
    assert.match(await item.innerText(), /Accès restreint/);
    assert.equal(await page.locator(`cartable-restricted-maps li[data-map="${FORBIDDEN_ID}"]`).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await shot(page, 'catalog-signed-in');

    await item.locator('a').click();
    await page.waitForURL((url) => url.searchParams.get('map') === RESTRICTED_ID);
    await waitForMap(page);
    const names = await featureNames(page);
    assert.equal(names.length, 3, 'the 3 withheld records of the fixture are on the map');
    assert.deepEqual([...names].sort(), [...withheld].sort());
    await shot(page, 'restricted-map');

    // The token went to the restricted server only: never to the basemap, the provider or the site.
    const origins = new Set(withToken.map((r) => new URL(r.url()).origin));
    assert.deepEqual([...origins], [new URL(files.url).origin]);
    assert.ok(files.requests.some((r) => r.path.endsWith(`maps/${RESTRICTED_ID}.json`) && r.status === 200));
    assert.ok(files.requests.some((r) => r.path.endsWith('sites-reserves-essai.geojson') && r.status === 200));

    // Sign out from the catalog: through the provider's sign-out page, back to the site.
    await page.goto(suite.url(''));
    await page.locator('cartable-sign-in button', { hasText: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.port === new URL(provider.issuer).port);
    await page.locator('button[name="logout"]').click();
    await page.waitForURL((url) => url.href.startsWith(suite.url('')));
    await page.locator('cartable-sign-in button', { hasText: 'Se connecter' }).waitFor();
    assert.equal(await storedSession(page), null, 'no token left in sessionStorage');
    assert.equal(await page.locator('cartable-restricted-maps section').count(), 0, 'the restricted entries are gone');
    const cached = await page.evaluate(async (prefix) => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls.filter((u) => u.startsWith(prefix));
    }, files.url);
    assert.deepEqual(cached, [], 'nothing restricted in the caches');

    // The restricted map now asks to sign in (the server said 401 to a request without token).
    const before = files.requests.length;
    await page.goto(suite.url(`?map=${RESTRICTED_ID}`));
    await page.locator('cartable-access-message h1', { hasText: 'Connexion requise' }).waitFor();
    const refused = files.requests.slice(before).find((r) => r.path.endsWith(`maps/${RESTRICTED_ID}.json`));
    assert.equal(refused?.status, 401);
    assert.equal(refused?.authorization, undefined);
    assert.deepEqual(await axeViolations(page), []);
    await shot(page, 'sign-in-required');
  });
});

test('a public map with a fuller restricted copy: signed in, its page loads that copy (the withheld records)', async (t) => {
  // The build's own restricted output (plugin/restricted.ts): a public map whose layer declares confidential records.
  const restrictedCatalog = JSON.parse(readFileSync(join(`${dist}-restricted`, 'catalog.json'), 'utf8')) as { maps: { id: string; document: string }[] };
  const publicIds = new Set((JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { maps: { id: string }[] }).maps.map((m) => m.id));
  const copy = restrictedCatalog.maps.find((m) => publicIds.has(m.id));
  assert.ok(copy, 'the build wrote a restricted copy of a public map (the Géosites map declares confidential records)');
  // The entry's document: absolute under the restricted URL, or relative to it.
  const documentPath = new URL(copy.document, site.restricted!.url).href.slice(site.restricted!.url.length);
  const document = JSON.parse(readFileSync(join(`${dist}-restricted`, documentPath), 'utf8'));
  const layer = (document.layers as { id: string; confidential?: unknown; layers?: unknown[] }[]).find((l) => l.confidential);
  assert.ok(layer, `the restricted copy of ${copy.id} has a layer with confidential records`);
  const path = `maps/${copy.id}.html?l=${layer.id}`;
  const count = async (page: Page): Promise<number> => {
    await waitForMap(page);
    return page.evaluate((id) => {
      const found = (globalThis as any).__e2e.map().getAllLayers().find((l: any) => l.get('cartable:id') === id);
      return found.getSource().getFeatures().length;
    }, layer.id);
  };
  await withPage(t, suite, { path, fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    const publicCount = await count(page);
    await page.goto(suite.url(''));
    await signInFromCatalog(page);
    const mark = files.requests.length;
    await page.goto(suite.url(path));
    const fullCount = await count(page);
    t.diagnostic(`${copy.id} / ${layer.id}: ${publicCount} public records, ${fullCount} signed in`);
    assert.ok(fullCount > publicCount, `signed in: ${fullCount} records, public: ${publicCount}`);
    assert.ok(files.requests.slice(mark).some((r) => r.path.endsWith(`/${documentPath}`) && r.status === 200), 'the document came from the restricted server');
  });
});

test('the service worker keeps nothing restricted (its rules skip requests that carry a token)', async (t) => {
  await withPage(t, suite, { path: '', serviceWorkers: 'allow', fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await signInFromCatalog(page);
    await page.goto(suite.url(`?map=${RESTRICTED_ID}`));
    await waitForMap(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Now under the worker's control: the restricted requests go through its fetch handler.
    await page.reload();
    await waitForMap(page);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is under the worker');
    assert.equal((await featureNames(page)).length, withheld.length);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls;
    });
    assert.ok(cached.length > 0, 'the worker did cache the public site');
    const restricted = cached.filter((u) => u.startsWith(new URL(files.url).origin));
    assert.deepEqual(restricted, [], 'nothing from the restricted server');
  });
});

test('the restricted server out of reach: « Réessayer », which opens the map once it answers again', async (t) => {
  const refusedConnection = [...REFUSALS, /ERR_CONNECTION_REFUSED/];
  await withPage(t, suite, { path: '', fixtures: [fontsFixture], expectedConsoleErrors: refusedConnection }, async ({ page }) => {
    await signInFromCatalog(page);
    await files.close();
    try {
      await page.goto(suite.url(`?map=${RESTRICTED_ID}`));
      await page.locator('cartable-access-message h1', { hasText: 'Carte indisponible pour le moment' }).waitFor();
      assert.ok(await storedSession(page), 'still signed in: an unreachable server is no reason to end the session');
      await shot(page, 'network');
    } finally {
      files = await serveRestrictedWithNginx(filesOptions);
    }
    await page.locator('cartable-access-message button', { hasText: 'Réessayer' }).click();
    await waitForMap(page);
    assert.equal((await featureNames(page)).length, withheld.length);
  });
});

test('403: a map for another group says « Vous n’avez pas accès à cette carte » with who is signed in', async (t) => {
  await withPage(t, suite, { path: '', fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await signInFromCatalog(page);
    await page.goto(suite.url(`?map=${FORBIDDEN_ID}`));
    const message = page.locator('cartable-access-message');
    await message.locator('h1', { hasText: 'Vous n’avez pas accès à cette carte' }).waitFor();
    assert.match(await message.locator('main').innerText(), /Connecté\(e\) en tant que Alice Martin \(alice@example\.org\)/);
    assert.ok(await message.locator('button', { hasText: 'Se déconnecter' }).isVisible());
    assert.ok(await message.locator('button', { hasText: 'Changer de compte' }).isVisible());
    assert.equal(files.requests.filter((r) => r.path.endsWith(`maps/${FORBIDDEN_ID}.json`)).at(-1)?.status, 403);
    assert.deepEqual(await axeViolations(page), []);
    await shot(page, 'forbidden');
  });
});

test('an expired token is renewed with the refresh token; expired or tampered tokens without one are refused (401 → sign in)', async (t) => {
  await withPage(t, suite, { path: '', fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await signInFromCatalog(page);
    const valid = (await storedSession(page))!;
    const now = Math.floor(Date.now() / 1000);
    const expired = await provider.signAccessToken({ sub: 'alice', groups: ['geologues'] }, { expiresAt: now - 60 });
    const setToken = (patch: Record<string, unknown>) =>
      page.evaluate((p) => {
        const s = JSON.parse(sessionStorage.getItem('cartable:auth')!);
        sessionStorage.setItem('cartable:auth', JSON.stringify({ ...s, ...p }));
      }, patch);

    // Expired, with a refresh token: the server refuses it, the site renews it once and the map opens.
    const refreshes = provider.grants.get('refresh_token') ?? 0;
    await setToken({ accessToken: expired });
    let mark = files.requests.length;
    await page.goto(suite.url(`?map=${RESTRICTED_ID}`));
    await waitForMap(page);
    assert.equal((await featureNames(page)).length, withheld.length);
    assert.ok(files.requests.slice(mark).some((r) => r.status === 401 && r.authorization === `Bearer ${expired}`), 'the expired token was refused');
    assert.equal(provider.grants.get('refresh_token'), refreshes + 1, 'one renewal');
    assert.notEqual((await storedSession(page))!.accessToken, expired);

    // Expired, no refresh token: refused, the session ends, the page asks to sign in again.
    await setToken({ accessToken: expired, refreshToken: undefined });
    mark = files.requests.length;
    await page.goto(suite.url(`?map=${RESTRICTED_ID}`));
    await page.locator('cartable-access-message h1', { hasText: 'Votre session a expiré' }).waitFor();
    assert.ok(await page.locator('cartable-access-message button', { hasText: 'Se connecter' }).isVisible());
    assert.equal(files.requests.slice(mark).find((r) => r.path.endsWith('.json'))?.status, 401);
    assert.equal(await storedSession(page), null);

    // Tampered: the payload changed (another group) but not the signature.
    await page.goto(suite.url(''));
    await signInFromCatalog(page);
    const [header, payload, signature] = (await storedSession(page))!.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, groups: ['direction'] })).toString('base64url')}.${signature}`;
    await setToken({ accessToken: forged, refreshToken: undefined });
    mark = files.requests.length;
    await page.goto(suite.url(`?map=${FORBIDDEN_ID}`));
    await page.locator('cartable-access-message h1', { hasText: 'Votre session a expiré' }).waitFor();
    const answer = files.requests.slice(mark).find((r) => r.authorization === `Bearer ${forged}`);
    assert.equal(answer?.status, 401, 'the forged token was refused');
    assert.ok(valid.accessToken);
  });
});

test('in an iframe of another site: signing in through a window, the answer handed back by postMessage', async (t) => {
  writeFileSync(
    join(hostDir, 'embed.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head><body><h1>Page hôte</h1>
<iframe title="Carte réservée" width="800" height="500" src="${suite.url(`?map=${RESTRICTED_ID}&embed=1`)}"></iframe></body></html>`,
  );
  await withPage(t, suite, { fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page, context }) => {
    const withToken = watchAuthorization(page);
    await page.goto(new URL('embed.html', host.url).href);
    const frame = page.frameLocator('iframe');
    await frame.locator('cartable-access-message h1', { hasText: 'Connexion requise' }).waitFor();
    const [popup] = await Promise.all([context.waitForEvent('page'), frame.locator('cartable-access-message button', { hasText: 'Se connecter' }).click()]);
    await popup.waitForURL((url) => url.port === new URL(provider.issuer).port);
    await signInAtProvider(popup, 'alice');
    await popup.waitForEvent('close');
    await frame.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 30_000 });
    const origins = new Set(withToken.map((r) => new URL(r.url()).origin));
    assert.deepEqual([...origins], [new URL(files.url).origin]);
  });
});

test('in an iframe whose popups are blocked: a link opens the map in a new tab to sign in', async (t) => {
  await withPage(t, suite, { fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await page.addInitScript(() => {
      if (window.top !== window.self) window.open = () => null;
    });
    await page.goto(new URL('embed.html', host.url).href);
    const frame = page.frameLocator('iframe');
    await frame.locator('cartable-access-message button', { hasText: 'Se connecter' }).click();
    const link = frame.locator('cartable-access-message a', { hasText: 'Ouvrir dans un nouvel onglet pour se connecter' });
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!);
    assert.equal(href.searchParams.get('map'), RESTRICTED_ID);
    assert.equal(href.searchParams.has('embed'), false);
    assert.equal(await link.getAttribute('target'), '_blank');
    await shot(page, 'embed-popup-blocked');
  });
});

test('on a phone (390×844): the sign-in control, the restricted maps and the access pages fit and pass axe', async (t) => {
  await withPage(t, suite, { path: '', viewport: { width: 390, height: 844 }, fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await signInFromCatalog(page);
    await page.locator(`cartable-restricted-maps li[data-map="${RESTRICTED_ID}"]`).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    assert.deepEqual(await axeViolations(page), []);
    await shot(page, 'phone-catalog');
    await page.goto(suite.url(`?map=${FORBIDDEN_ID}`));
    await page.locator('cartable-access-message h1').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await shot(page, 'phone-forbidden');
  });
});

test('in English: signing in comes back to the same page, still in English', async (t) => {
  await withPage(t, suite, { path: '?lang=en', fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await page.locator('cartable-sign-in button', { hasText: 'Sign in' }).click();
    await signInAtProvider(page, 'alice');
    await page.locator('cartable-sign-in', { hasText: 'Signed in as Alice Martin' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
    assert.ok(await page.locator('cartable-restricted-maps h2', { hasText: 'Restricted maps' }).isVisible());
  });
});

test('a return URL to another site is refused after sign-in (no open redirect)', async (t) => {
  await withPage(t, suite, { path: '', fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    // A sign-in whose pending record (in this tab's sessionStorage) asks to go to an attacker's page.
    const verifier = randomBytes(32).toString('base64url');
    const pending = { state: randomBytes(16).toString('base64url'), nonce: randomBytes(16).toString('base64url'), verifier, returnTo: 'https://evil.example/vol' };
    await page.evaluate((p) => sessionStorage.setItem('cartable:auth-pending', JSON.stringify(p)), pending);
    const authorize = new URL(`${provider.issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: CLIENT_ID, redirect_uri: suite.url(''), response_type: 'code', scope: 'openid profile groups maps:read',
      state: pending.state, nonce: pending.nonce, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    }).toString();
    await page.goto(authorize.href);
    await signInAtProvider(page, 'alice');
    await page.locator('cartable-sign-in', { hasText: 'Alice Martin' }).waitFor();
    assert.equal(page.url(), suite.url(''), 'back on the site root, not on the attacker page');
  });
});

test('the public output holds no restricted string', async () => {
  const { projectLeaks } = await import('../../plugin/leaks.js');
  assert.deepEqual(projectLeaks(dist, REPO), []);
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dist);
  const all = texts.join('\n');
  for (const secret of [RESTRICTED_ID, RESTRICTED_TITLE, FORBIDDEN_ID, FORBIDDEN_TITLE, LAYER_ID]) {
    assert.ok(!all.includes(secret), `the public output holds "${secret}"`);
  }
});
