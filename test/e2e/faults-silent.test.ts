/**
 * The fault matrix, faults a server does not answer in full (issue 17): no answer at all (a route held
 * open), a body that stalls after its first bytes and a server that sends no CORS header (both from a
 * loopback server: a route can do neither, see support/fault-answers.ts). The map must be ready within
 * its first-render deadline even while every layer waits (the page's clock is moved, never waited out),
 * then each layer fails once with its cause, within its budget, and comes back with « Réessayer ».
 * Also: a click on layers whose services fail to answer it gives one translated line per cause.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_RENDER_DEADLINE } from '../../src/map/first-render.js';
import { KINDS, SHARED_FILES_PRESENT, SKIP_NO_SHARED_DATA, misbehavingServer, type MisbehavingServer } from './support/fault-answers.js';
import { FAULT_CONSOLE_ERRORS, TRACK_FETCHES, frames, rawTextMismatches, untilAnswersBegan } from './support/fault-checks.js';
import { DESKTOP, checkFaultRow, openFaultMap, shoot } from './support/fault-row.js';
import { BASEMAP_ORIGIN, ROUTED_ORIGINS, faultServers, idOf, layersOf, type Kind } from './support/faults.js';
import { LEGEND_PNG, REPO, TILE_PNG, axeViolations, layerStates, startSuite, waitForMap, withPage, type Fixture, type Suite } from './support/harness.js';
import { SITE_FIXTURES } from './support/remote-map.js';
import { readSiteConfig } from '../support/nginx.js';

let suite: Suite;
let loopback: MisbehavingServer;
before(async () => {
  loopback = await misbehavingServer();
  const site = readSiteConfig(REPO);
  const extra = [BASEMAP_ORIGIN, loopback.origin, ...Object.values(loopback.kindOrigins)].map((origin) => ({ origin, use: ['data' as const] }));
  suite = await startSuite({ site: { ...site, allowedOrigins: [...site.allowedOrigins, ...extra] } });
});
after(async () => {
  await suite?.close();
  await loopback?.close();
});

/** Past the requester's 20 s deadline: each look while waiting moves the clock by this much. */
const PAST_DEADLINE = 21_000;
const failIfAny = (row: string, mismatches: string[]): void => assert.deepEqual(mismatches, [], `cells of the ${row} row that fail:\n  ${mismatches.join('\n  ')}`);

test('no answer at all: the map is ready within its deadline, then each layer says « ne répond pas », within its budget, and comes back', async (t) => {
  if (!SHARED_FILES_PRESENT) t.diagnostic(SKIP_NO_SHARED_DATA);
  const servers = faultServers('held');
  // The app's request for its document waits until the test has stopped the page's clock (moving the
  // clock from inside a route handler hung here).
  let documentAsked: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (documentAsked = resolve));
  let answerDocument: () => void = () => undefined;
  const clockStopped = new Promise<void>((resolve) => (answerDocument = resolve));
  const fixtures = servers.fixtures.map((fixture): Fixture =>
    fixture.name.endsWith(' document')
      ? { ...fixture, respond: async (route, request) => {
          documentAsked();
          await clockStopped;
          await fixture.respond(route, request);
        } }
      : fixture,
  );
  await withPage(t, suite, { viewport: DESKTOP, fixtures, expectedConsoleErrors: FAULT_CONSOLE_ERRORS }, async ({ page, hits }) => {
    const count = (kind: Kind) => hits.get(servers.nameOf(kind)) ?? 0;
    await page.addInitScript(() => addEventListener('cartable-map-rendered', () => ((globalThis as any).__renderedAt = Date.now())));
    await openFaultMap(page, suite, 'held');
    // From the moment the app has asked for its document, no page timer fires unless the test moves the clock.
    await asked;
    // A little ahead of the page's time, which keeps running meanwhile (the map is not built yet: nothing of it is due).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500);
    answerDocument();
    // The map is built while the clock stands still (a step at a time should building need a timer).
    for (let step = 0; !(await page.evaluate(() => !!(globalThis as any).__e2e.map())); step++) {
      assert.ok(step < 500, 'the map is built');
      await page.clock.runFor(16);
    }
    const builtAt: number = await page.evaluate(() => Date.now());
    // Frame by frame (the layers ask their servers as the map draws), until the map says it is ready.
    const renderedAt = async (): Promise<number | undefined> => page.evaluate(() => (globalThis as any).__renderedAt);
    for (let ran = 0; !(await renderedAt()) && ran < 3 * FIRST_RENDER_DEADLINE; ran += 100) await page.clock.runFor(100);
    const mismatches: string[] = [];
    const at = await renderedAt();
    if (at !== undefined) t.diagnostic(`the map was ready ${at - builtAt} ms (page clock) after it was built`);
    if (at === undefined || at - builtAt > FIRST_RENDER_DEADLINE + 100) {
      mismatches.push(`held: the map was ready ${at === undefined ? 'never' : `${at - builtAt} ms`} after it was built, deadline ${FIRST_RENDER_DEADLINE} ms`);
    }
    await waitForMap(page, 5_000).catch(() => mismatches.push('held: no `rendered` attribute on the map view'));
    // Ready because of the deadline, not because the layers settled: they are all still waiting.
    const states = await layerStates(page);
    for (const kind of layersOf('held')) {
      if (states[idOf(kind)]?.status !== 'loading') mismatches.push(`held/${kind}: ${JSON.stringify(states[idOf(kind)])} when the map was ready, expected loading`);
      if (count(kind) === 0) mismatches.push(`held/${kind}: its server was never asked before the map was ready`);
    }
    await page.clock.resume();
    try {
      mismatches.push(...(await checkFaultRow(page, { fault: 'held', origins: ROUTED_ORIGINS, count, recover: servers.recover, retryFrom: 'alerts', advance: PAST_DEADLINE })));
    } finally {
      await servers.releaseHeld();
    }
    failIfAny('held', mismatches);
  });
});

test('a body that stalls after its first bytes: « Le transfert des données s’est arrêté en route », within the budget, and back', async (t) => {
  if (!SHARED_FILES_PRESENT) t.diagnostic(SKIP_NO_SHARED_DATA);
  loopback.reset();
  // Each kind on a host of its own (see kindOrigins): one alert per layer.
  const origins = (kind: Kind) => loopback.kindOrigins[kind];
  const servers = faultServers('stall', origins);
  await withPage(t, suite, { viewport: DESKTOP, fixtures: servers.fixtures, expectedConsoleErrors: FAULT_CONSOLE_ERRORS }, async ({ page }) => {
    await page.addInitScript(TRACK_FETCHES);
    await openFaultMap(page, suite, 'stall');
    await untilAnswersBegan(page);
    await page.clock.fastForward(FIRST_RENDER_DEADLINE);
    await waitForMap(page);
    const mismatches = await checkFaultRow(page, {
      fault: 'stall',
      origins,
      count: (kind) => loopback.count('stall', kind),
      recover: () => loopback.setRecovered('stall', true),
      retryFrom: 'rows',
      advance: PAST_DEADLINE,
      beforeAdvance: () => untilAnswersBegan(page),
      shots: 'stall',
    });
    failIfAny('stall', mismatches);
  });
});

test('no CORS header: « Lecture refusée par le navigateur … (CORS) », one probe per failed request at most, and back once allowed', async (t) => {
  if (!SHARED_FILES_PRESENT) t.diagnostic(SKIP_NO_SHARED_DATA);
  loopback.reset();
  // One host for every kind and the basemap: one alert groups them all.
  const origins = () => loopback.origin;
  const servers = faultServers('cors', origins);
  await withPage(t, suite, { viewport: DESKTOP, fixtures: servers.fixtures, expectedConsoleErrors: FAULT_CONSOLE_ERRORS }, async ({ page }) => {
    await openFaultMap(page, suite, 'cors');
    await waitForMap(page);
    const probes = new Map<Kind, number>();
    const mismatches = await checkFaultRow(page, {
      fault: 'cors',
      origins,
      count: (kind) => {
        probes.set(kind, loopback.count('cors', kind, 'HEAD'));
        return loopback.count('cors', kind);
      },
      recover: () => loopback.setRecovered('cors', true),
      retryFrom: 'alerts',
      shots: 'cors',
    });
    // The probe that tells a CORS refusal from a dead server: one HEAD per failed read at most.
    for (const kind of KINDS) {
      const gets = loopback.count('cors', kind);
      if ((probes.get(kind) ?? 0) > gets) mismatches.push(`cors/${kind}: ${probes.get(kind)} probes for ${gets} reads`);
    }
    failIfAny('cors', mismatches);
  });
});

/** Three WMS layers that draw, whose services fail when asked what lies at a point: two answer 500, one 404. */
const CLICK_LAYERS = [
  { id: 'a', title: 'Carte A', status: 500 },
  { id: 'b', title: 'Carte B', status: 500 },
  { id: 'c', title: 'Carte C', status: 404 },
];
const CLICK_MAP = {
  version: 1,
  id: 'pannes-clic',
  title: 'Pannes : clic',
  view: { center: [5.72, 45.19], zoom: 8 },
  layers: CLICK_LAYERS.map(({ id, title }) => ({ type: 'wms', id, title, url: `https://data.geopf.fr/faults/click/${id}/wms`, layers: `CLIC-${id}`, infoFormat: 'json' })),
};
const clickFixtures: Fixture[] = [
  {
    name: 'click map document',
    match: (url) => url.pathname.endsWith(`/${SITE_FIXTURES}pannes-clic.json`),
    respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(CLICK_MAP) }),
  },
  {
    name: 'click WMS',
    match: (url) => url.hostname === 'data.geopf.fr' && url.pathname.startsWith('/faults/click/'),
    respond: (route, request) => {
      const url = new URL(request.url());
      const cors = { 'access-control-allow-origin': '*' };
      if (/getlegendgraphic/i.test(url.search)) return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'image/png' }, body: LEGEND_PNG });
      if (!/getfeatureinfo/i.test(url.search)) return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'image/png' }, body: TILE_PNG });
      const layer = CLICK_LAYERS.find((l) => url.pathname.startsWith(`/faults/click/${l.id}/`))!;
      return route.fulfill({ status: layer.status, headers: { ...cors, 'content-type': 'text/plain' }, body: 'Erreur' });
    },
  },
];

test('a click on layers whose services fail: one translated line per cause naming its layers, in the popup (desktop and phone)', async (t) => {
  await withPage(t, suite, { viewport: DESKTOP, fixtures: clickFixtures, expectedConsoleErrors: FAULT_CONSOLE_ERRORS.concat(/^Failed to load resource: .* @ https:\/\/data\.geopf\.fr\/faults\/click\//) }, async ({ page }) => {
    await page.goto(suite.url(`?context=${encodeURIComponent(`${SITE_FIXTURES}pannes-clic.json`)}`));
    await waitForMap(page);
    const box = await page.locator('cartable-map-view .map').boundingBox();
    assert.ok(box, 'the map has a box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
    const lines = page.locator('cartable-popup .failures li');
    await lines.first().waitFor();
    const states = await layerStates(page);
    assert.deepEqual(CLICK_LAYERS.map(({ id }) => states[id]?.status), ['ready', 'ready', 'ready'], 'a failed question is not a failed layer');
    assert.deepEqual((await lines.allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim()), [
      'Erreur du serveur (500) : réessayer plus tard — Carte A et Carte B',
      'Données introuvables (erreur 404) — Carte C',
    ]);
    assert.deepEqual(await rawTextMismatches(page, 'http500'), []);
    assert.deepEqual(await axeViolations(page), [], 'no axe violation with the popup open');
    await frames(page, 4);
    await shoot(page, 'popup');
  });
});
