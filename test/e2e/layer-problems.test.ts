/**
 * Broken answers under the site's real Content-Security-Policy (nginx, style-src 'self'): a WFS whose
 * GetFeature answers are cut XML and a WMS whose images come back as cut exception reports. The
 * layers say why they failed, and reading those answers logs no CSP refusal (Chromium's DOMParser
 * styles its <parsererror> page inline: hundreds of console errors for one layer, before).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WFS_RESERVE_CENTRE,
  layerStates,
  startSuite,
  toWebMercator,
  waitForLayers,
  waitForMap,
  withPage,
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

const CORS = { 'access-control-allow-origin': '*' };
const ogcRequest = (url: URL): string | undefined => [...url.searchParams].find(([key]) => key.toLowerCase() === 'request')?.[1]?.toLowerCase();

/** GetFeature answered with GML cut in the middle (well-formed up to there, never closed). */
const cutGml: Fixture = {
  name: 'WFS GetFeature (cut GML)',
  match: (url) => url.hostname === 'data.geopf.fr' && url.pathname === '/wfs/ows' && ogcRequest(url) === 'getfeature',
  respond: (route) =>
    route.fulfill({
      status: 200,
      headers: { ...CORS, 'content-type': 'text/xml; subtype=gml/3.2' },
      body: '<?xml version="1.0" encoding="UTF-8"?><wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" numberReturned="1"><wfs:member><rnn:rnn xmlns:rnn="urn:rnn"><rnn:nom_site>Réserve',
    }),
};

/** GetMap answered with an exception report cut in the middle. */
const cutReport: Fixture = {
  name: 'WMS GetMap (cut exception report)',
  match: (url) => url.hostname === 'data.geopf.fr' && url.pathname === '/wms-r/wms' && ogcRequest(url) === 'getmap',
  respond: (route) =>
    route.fulfill({
      status: 200,
      headers: { ...CORS, 'content-type': 'application/vnd.ogc.se_xml' },
      body: '<?xml version="1.0"?><ServiceExceptionReport version="1.3.0"><ServiceException code="InternalError">Le serveur',
    }),
};

test('nature-paysage: cut XML from the WFS and the WMS fails those layers with their cause, and no CSP refusal is logged', async (t) => {
  await withPage(t, suite, { path: 'maps/nature-paysage.html', fixtures: [cutGml, cutReport] }, async ({ page, hits, problems }) => {
    await waitForMap(page);
    const [x, y] = toWebMercator(WFS_RESERVE_CENTRE);
    // 1:100 000: below the WFS layer's maxScale of 1:250 000, so its features are asked for.
    await page.evaluate(([x, y]) => {
      const view = (globalThis as any).__e2e.map().getView();
      view.setCenter([x, y]);
      view.setResolution(100000 * 0.00028);
    }, [x, y]);
    const wmsFailed = (l: Awaited<ReturnType<typeof layerStates>>): boolean => Object.values(l).some((s) => s.status === 'error' && s.problem?.code === 'service');
    const layers = await waitForLayers(page, (l) => l['rnn-detail']?.status === 'error' && wmsFailed(l), 'rnn-detail and a WMS layer in error');
    assert.deepEqual(layers['rnn-detail']?.problem, { code: 'invalid-data', detail: 'GML' });
    assert.ok((hits.get(cutGml.name) ?? 0) >= 1, 'GetFeature was asked');
    assert.ok((hits.get(cutReport.name) ?? 0) >= 1, 'GetMap was asked');
    // The cause's words load with the first problem shown: wait for the note that names it.
    await page.locator('li.layer[data-layer="rnn-detail"] .error', { hasText: /illisibles \(format attendu : GML\)/ }).waitFor();
    // Answers of both kinds were read: no CSP refusal so far (the guard checks every console.error after this body).
    assert.deepEqual(problems.filter((p) => /Content Security Policy/.test(p)), []);
  });
});
