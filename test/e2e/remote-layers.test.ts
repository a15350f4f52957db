/**
 * Maps whose layers come from remote servers, answered by fixtures: Géoplateforme WMTS tiles (a solid
 * PNG) under the Géosites map, whose INPG data the build packaged (no request leaves for GitHub), and
 * a remote GeoJSON layer of the tests' own map that fails (HTTP 500) and recovers.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  DIST,
  TILE_COLOUR,
  layerStates,
  startSuite,
  waitForLayers,
  waitForMap,
  withPage,
  wmtsTileFixture,
  wmsMapFixture,
  wfsFeatureFixture,
  WFS_RESERVE_CENTRE,
  toWebMercator,
  type Fixture,
  type Suite,
} from './support/harness.js';
import { packagedRecords } from './support/geosites.js';
import { colourDistance, screenColourAt, type Rgba } from './support/png.js';
import { REMOTE_MAP_PATH, REMOTE_SITES, remoteGeojsonFailureFixture, remoteGeojsonFixture } from './support/remote-map.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** The colour shown near the top-left corner of the map (away from controls, attributions, scale). */
async function mapCornerColour(page: Page): Promise<Rgba> {
  const box = await page.locator('cartable-map-view .map').boundingBox();
  assert.ok(box, 'the map element has a box');
  return screenColourAt(page, box.x + 30, box.y + 30);
}

async function featuresInSource(page: Page, layerId: string): Promise<number> {
  return page.evaluate((layerId) => {
    const map = (globalThis as any).__e2e.map();
    const layer = map.getAllLayers().find((l: any) => l.get('cartable:id') === layerId);
    return layer ? layer.getSource().getFeatures().length : -1;
  }, layerId);
}

test('geosites: the packaged layer shows its 60 public sites over a WMTS basemap, read from the site itself', async (t) => {
  const requests: string[] = [];
  await withPage(t, suite, {}, async ({ page, hits }) => {
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(suite.url('maps/geosites.html'));
    await waitForMap(page);
    const layers = await layerStates(page);
    assert.equal(layers.geosites?.status, 'ready', `geosites status: ${JSON.stringify(layers.geosites)}`);
    assert.equal(layers.geosites?.featureCount, 60);
    assert.equal(await featuresInSource(page, 'geosites'), 60, 'features in the OpenLayers source');
    // The data comes from the site; any request to GitHub would trip the harness's guard (no fixture answers it).
    assert.deepEqual(requests.filter((url) => /\.geojson$/.test(new URL(url).pathname)).map((url) => new URL(url).pathname.replace(/\.[0-9a-f]{10}\./, '.<hash>.')), ['/cartes/data/site_geol.<hash>.geojson']);
    // A « Réservé » site is not in the public site, even by its id.
    const reserved = await page.evaluate(() => (globalThis as any).__e2e.map().getAllLayers().find((l: any) => l.get('cartable:id') === 'geosites').getSource().getFeatureById('PAC0001'));
    assert.equal(reserved, null);
    assert.equal(packagedRecords(DIST, 'geosites', 'geosites').filter((f) => f.properties.confidentialite !== 'Public').length, 0);
    assert.equal(layers['plan-ign']?.status, 'ready', `basemap status: ${JSON.stringify(layers['plan-ign'])}`);
    assert.ok((hits.get(wmtsTileFixture.name) ?? 0) > 0, 'basemap tiles were requested');
    assert.ok(colourDistance(await mapCornerColour(page), TILE_COLOUR) <= 3, 'the basemap tiles are drawn');
  });
});

/** Chromium logs the failed fetch itself: "Failed to load resource: … status of 500". */
const EXPECTED_500 = /status of 500\b.*@ https:\/\/data\.geopf\.fr\/cartable-e2e\//;

test('a remote GeoJSON layer: an HTTP 500 fails the layer alone, with a retry button; the basemap still works', async (t) => {
  const options = { path: REMOTE_MAP_PATH, fixtures: [remoteGeojsonFailureFixture], expectedConsoleErrors: [EXPECTED_500] };
  await withPage(t, suite, options, async ({ page, hits, expectedErrors }) => {
    await waitForMap(page);
    const layers = await layerStates(page);
    assert.equal(layers['sites-distants']?.status, 'error', `layer status: ${JSON.stringify(layers['sites-distants'])}`);
    assert.deepEqual(layers['sites-distants']?.problem, { code: 'http', detail: '500' });
    // Once, and again if the layer retries by itself (a 500 may pass): each answer logged by the browser.
    const failures = hits.get(remoteGeojsonFailureFixture.name) ?? 0;
    assert.ok(failures >= 1, 'the GeoJSON was requested');
    assert.equal(expectedErrors.length, failures, 'each 500 was logged once by the browser');

    const row = page.locator('li.layer[data-layer="sites-distants"]');
    await row.locator('button', { hasText: 'Réessayer' }).waitFor();
    // The error tells the HTTP status (its words load with the first problem shown).
    await row.locator('.error', { hasText: /500/ }).waitFor();

    // The rest of the map works: the basemap loaded and is drawn.
    assert.equal(layers['plan-ign']?.status, 'ready', `basemap status: ${JSON.stringify(layers['plan-ign'])}`);
    assert.ok((hits.get(wmtsTileFixture.name) ?? 0) > 0, 'basemap tiles were requested');
    assert.ok(colourDistance(await mapCornerColour(page), TILE_COLOUR) <= 3, 'the basemap tiles are drawn');
  });
});

test('a remote GeoJSON layer: "Réessayer" after a 500 loads the layer once the server answers', async (t) => {
  let failing = true;
  const flaky: Fixture = {
    name: 'remote GeoJSON (500, then 200)',
    match: remoteGeojsonFixture.match,
    respond: (route, request) => (failing ? remoteGeojsonFailureFixture : remoteGeojsonFixture).respond(route, request),
  };
  const options = { path: REMOTE_MAP_PATH, fixtures: [flaky], expectedConsoleErrors: [EXPECTED_500] };
  await withPage(t, suite, options, async ({ page, hits }) => {
    await waitForMap(page);
    assert.equal((await layerStates(page))['sites-distants']?.status, 'error');
    const row = page.locator('li.layer[data-layer="sites-distants"]');
    const failures = hits.get(flaky.name) ?? 0;

    failing = false;
    await row.locator('button', { hasText: 'Réessayer' }).click();
    const after = await waitForLayers(page, (l) => l['sites-distants']?.status === 'ready', 'the remote layer ready after retry');
    const count = REMOTE_SITES.features.length;
    assert.equal(after['sites-distants']?.featureCount, count);
    assert.equal(after['sites-distants']?.problem, undefined);
    assert.equal(hits.get(flaky.name), failures + 1, '« Réessayer » asks once more');
    await row.locator('button', { hasText: 'Réessayer' }).waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await featuresInSource(page, 'sites-distants'), count, 'the sites are on the map, once each');
  });
});

/** Layers drawn only closer in than the opening view (maxScale below its scale): not loaded, by design. */
const CLOSE_UP_LAYERS = ['rnn-detail'];

test('nature-paysage: WMS overlays render from fixture images and every visible layer is ready', async (t) => {
  await withPage(t, suite, { path: 'maps/nature-paysage.html' }, async ({ page, hits }) => {
    await waitForMap(page);
    const layers = await layerStates(page);
    const visible = Object.entries(layers).filter(([id, state]) => state.visible && !CLOSE_UP_LAYERS.includes(id));
    assert.ok(visible.length >= 3, `a basemap and overlays are visible: ${visible.map(([id]) => id)}`);
    for (const [id, state] of visible) assert.equal(state.status, 'ready', `${id}: ${JSON.stringify(state)}`);
    for (const id of ['sic', 'zps', 'plan-ign']) assert.equal(layers[id]?.visible, true, `${id} is visible`);
    assert.equal(layers['rnn-detail']?.status, 'idle', 'the WFS reserves are not read at the regional scale');
    assert.equal(hits.get(wfsFeatureFixture.name) ?? 0, 0, 'no GetFeature at the regional scale');
    assert.ok((hits.get(wmtsTileFixture.name) ?? 0) > 0, 'basemap tiles were requested');
    const overlays = visible.filter(([id]) => id !== 'plan-ign').length;
    assert.ok((hits.get(wmsMapFixture.name) ?? 0) >= overlays, `WMS GetMap was requested for each of the ${overlays} overlays`);
    // Every tile is the same colour, so the overlays blended over the basemap show that colour too.
    assert.ok(colourDistance(await mapCornerColour(page), TILE_COLOUR) <= 3, 'tiles are drawn');
  });
});

test('nature-paysage: closer in, the national nature reserves are read from the WFS as features', async (t) => {
  await withPage(t, suite, { path: 'maps/nature-paysage.html' }, async ({ page, hits }) => {
    await waitForMap(page);
    const [x, y] = toWebMercator(WFS_RESERVE_CENTRE);
    // 1:100 000 (0.28 mm pixels): below the layer's maxScale of 1:250 000.
    await page.evaluate(([x, y]) => {
      const view = (globalThis as any).__e2e.map().getView();
      view.setCenter([x, y]);
      view.setResolution(100000 * 0.00028);
    }, [x, y]);
    const layers = await waitForLayers(page, (l) => l['rnn-detail']?.status === 'ready', 'rnn-detail ready');
    assert.deepEqual(
      { featureCount: layers['rnn-detail']?.featureCount, problem: layers['rnn-detail']?.problem },
      { featureCount: 1, problem: undefined },
    );
    assert.ok((hits.get(wfsFeatureFixture.name) ?? 0) >= 1, 'GetFeature was asked');
    assert.equal(await featuresInSource(page, 'rnn-detail'), 1, 'the reserve is in the OpenLayers source');
    const id = await page.evaluate(([x, y]) => {
      const map = (globalThis as any).__e2e.map();
      map.renderSync();
      const features = map.getFeaturesAtPixel(map.getPixelFromCoordinate([x, y]), { hitTolerance: 2 });
      return features.map((f: any) => f.getId());
    }, [x, y]);
    assert.deepEqual(id, ['FR3600999'], 'the reserve is drawn where it lies');
  });
});
