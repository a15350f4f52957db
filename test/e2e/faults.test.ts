/**
 * The fault matrix, faults a server answers (issue 17): for each fault, one map of the tests' own
 * with a layer of every kind (GeoJSON, CSV, FlatGeobuf, PMTiles, WFS, WMS, WMTS, XYZ) and a WMTS
 * basemap, each served by a counted fixture that answers with the fault: HTTP 500, HTTP 404, a
 * malformed body, a captive portal's page with 200, an OGC exception report, a truncated file. Each
 * layer must fail once, with its cause in exact words (French; one English run), in the layer list
 * and in the map's alerts grouped by service; no browser words; requests within the loading policy's
 * budget as the view moves; and « Réessayer » loads it once the server is back.
 * The faults a server does not answer (none, a stalled body, no CORS header) are in faults-silent.test.ts.
 */
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { FAULT_CONSOLE_ERRORS } from './support/fault-checks.js';
import { SHARED_FILES_PRESENT, SKIP_NO_SHARED_DATA } from './support/fault-answers.js';
import { DESKTOP, checkFaultRow, openFaultMap, type RowOptions } from './support/fault-row.js';
import { BASEMAP_ORIGIN, ROUTED_ORIGINS, faultServers, type Fault } from './support/faults.js';
import { REPO, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';
import { readSiteConfig } from '../support/nginx.js';

let suite: Suite;
before(async () => {
  const site = readSiteConfig(REPO);
  // The basemap's service is another host (its own alert): the site allows it, as a deployment would.
  suite = await startSuite({ site: { ...site, allowedOrigins: [...site.allowedOrigins, { origin: BASEMAP_ORIGIN, use: ['data'] }] } });
});
after(async () => {
  await suite?.close();
});

async function row(t: TestContext, fault: Fault, options: Pick<RowOptions, 'lang' | 'retryFrom' | 'shots' | 'axe'>): Promise<void> {
  if (!SHARED_FILES_PRESENT) t.diagnostic(SKIP_NO_SHARED_DATA);
  const servers = faultServers(fault);
  await withPage(t, suite, { viewport: DESKTOP, fixtures: servers.fixtures, expectedConsoleErrors: FAULT_CONSOLE_ERRORS }, async ({ page, hits }) => {
    await openFaultMap(page, suite, fault, options.lang);
    await waitForMap(page);
    const mismatches = await checkFaultRow(page, {
      fault,
      origins: ROUTED_ORIGINS,
      count: (kind) => hits.get(servers.nameOf(kind)) ?? 0,
      recover: servers.recover,
      ...options,
    });
    assert.deepEqual(mismatches, [], `cells of the ${fault} row that fail:\n  ${mismatches.join('\n  ')}`);
  });
}

test('HTTP 500 from every service: each layer says « Erreur du serveur (500) », within its budget, and comes back with « Tout réessayer »; no axe violation', async (t) => {
  await row(t, 'http500', { retryFrom: 'alerts', shots: 'http500', axe: true });
});

test('HTTP 500, in English: each layer and the alerts say it in English', async (t) => {
  await row(t, 'http500', { lang: 'en', retryFrom: 'alerts' });
});

test('HTTP 404 from every service: « Données introuvables (erreur 404) », and each layer’s own « Réessayer »', async (t) => {
  await row(t, 'http404', { retryFrom: 'rows' });
});

test('a malformed body in the right media type: each kind says its data cannot be read', async (t) => {
  await row(t, 'malformed', { retryFrom: 'alerts' });
});

test('a captive portal answering every request with its page and 200: « une page web (text/html) au lieu des données »', async (t) => {
  await row(t, 'portal', { retryFrom: 'rows', shots: 'portal' });
});

test('OGC exception reports (WMS 200, WFS and WMTS 400): each layer quotes its service’s words', async (t) => {
  await row(t, 'exception', { retryFrom: 'alerts' });
});

test('truncated files (CSV, FlatGeobuf, PMTiles): « Le fichier s’arrête avant la fin (tronqué) »', async (t) => {
  await row(t, 'truncated', { retryFrom: 'rows' });
});
