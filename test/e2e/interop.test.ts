/**
 * Layers from services, a catalogue's hand-off and live data, on the built site (CSP included):
 * « Ajouter une couche » reads the BRGM WMS capabilities (../shared/data, skipped when absent) served
 * at the Géoplateforme's address (an origin the site allows), the layer joins the tree and the
 * legend, and the link keeps it; geonetwork-ui's hand-off parameters open a layer over the default
 * basemap; a GeoJSON layer with `refresh` reads its data again and says when.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  layerStates,
  startSuite,
  waitForLayers,
  waitForMap,
  withPage,
  wmsLegendFixture,
  wmsMapFixture,
  wmtsTileFixture,
  type Fixture,
  type Suite,
} from './support/harness.js';
import { SITE_FIXTURES } from './support/remote-map.js';
import { keepScreenshot } from '../support/screenshots.js';
import { sharedFile } from '../support/shared-data.js';

const BRGM_FILE = sharedFile('configs/capabilities/wms_capabilities-brgm-1-3-0.xml');
const EXCEPTION_FILE = sharedFile('configs/capabilities/wms_service-exception-report-1-3-0.xml');
const NO_CAPS: string | false = existsSync(BRGM_FILE) && existsSync(EXCEPTION_FILE) ? false : `shared capabilities ${BRGM_FILE} are absent`;

/** The WMS the BRGM capabilities are served for: an origin the site's configuration allows. */
const WMS = 'https://data.geopf.fr/wms-r/wms';
const CORS = { 'access-control-allow-origin': '*' };

const isRequest = (url: URL, request: string): boolean =>
  [...url.searchParams].some(([k, v]) => k.toLowerCase() === 'request' && v.toLowerCase() === request.toLowerCase());

const capabilitiesFixture: Fixture = {
  name: 'BRGM WMS capabilities (at the Géoplateforme address)',
  match: (url) => url.href.startsWith(WMS) && isRequest(url, 'GetCapabilities'),
  respond: (route) => route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'text/xml' }, body: readFileSync(BRGM_FILE) }),
};

const exceptionFixture: Fixture = {
  name: 'WMS exception report',
  match: (url) => url.pathname === '/wms-v/ows' && isRequest(url, 'GetCapabilities'),
  respond: (route) => route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/vnd.ogc.se_xml' }, body: readFileSync(EXCEPTION_FILE) }),
};

const WMTS_FILE = sharedFile('configs/capabilities/wmts_ign.xml');
const WFS_FILE = sharedFile('configs/capabilities/wfs_capabilities-geo2france-2-0-0.xml');
const NO_TILE_CAPS: string | false = existsSync(WMTS_FILE) && existsSync(WFS_FILE) ? false : `shared capabilities ${WMTS_FILE} are absent`;

/** IGN's WMTS and Géo2France's WFS capabilities, served at the Géoplateforme's addresses (tiles and features: the default fixtures). */
const tileAndFeatureCapabilities: Fixture = {
  name: 'WMTS and WFS capabilities',
  match: (url) => url.hostname === 'data.geopf.fr' && (url.pathname === '/wmts' || url.pathname === '/wfs/ows') && isRequest(url, 'GetCapabilities'),
  respond: (route, request) =>
    route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'text/xml' }, body: readFileSync(new URL(request.url()).pathname === '/wmts' ? WMTS_FILE : WFS_FILE) }),
};

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const mapView = (page: Page) => page.locator('cartable-map-view');
const dialog = (page: Page) => page.locator('cartable-add-layer dialog');

async function addScanLayer(page: Page): Promise<void> {
  await mapView(page).getByRole('button', { name: 'Ajouter une couche' }).click();
  await dialog(page).waitFor();
  await dialog(page).getByLabel('Adresse du service (WMS, WMTS ou WFS)').fill(WMS);
  await dialog(page).getByRole('button', { name: 'Lire le service' }).click();
  await dialog(page).getByRole('list', { name: 'Couches du service' }).waitFor();
  const filter = dialog(page).getByLabel('Filtrer les couches');
  assert.equal(await filter.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true, 'the filter takes the focus once the service is read');
  await filter.fill('1/250');
  const items = dialog(page).locator('#layers li');
  assert.ok((await items.count()) >= 1, 'the filter keeps the 1/250 000 map');
  const scan = dialog(page).locator('#layers li', { hasText: 'SCAN_F_GEOL250' });
  await scan.getByRole('checkbox').check();
  await keepScreenshot(page, 'interop-dialog');
  await dialog(page).getByRole('button', { name: 'Ajouter 1 couche(s)' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
}

test('a WMS layer added from its capabilities joins the tree and the legend; the link keeps it; it can be removed', { skip: NO_CAPS }, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', fixtures: [capabilitiesFixture] }, async ({ page, hits }) => {
    await waitForMap(page);
    await addScanLayer(page);
    const group = mapView(page).locator('cartable-layer-tree li', { hasText: 'Couches ajoutées' }).first();
    await group.waitFor();
    const row = mapView(page).locator('li.layer[data-layer="add-1"]');
    await row.waitFor();
    const title = await row.locator('label span').innerText();
    assert.match(title, /250/, `the layer row shows the title from the capabilities: ${title}`);
    await waitForLayers(page, (l) => l['add-1']?.status === 'ready', 'the added WMS layer to load');
    assert.ok((hits.get(wmsMapFixture.name) ?? 0) > 0, 'GetMap was asked for the added layer');
    // Its legend: the service's GetLegendGraphic image.
    const legendImage = mapView(page).locator('cartable-legend img[src*="GetLegendGraphic"], cartable-legend img[src*="getlegendgraphic"]');
    await legendImage.first().waitFor();
    assert.match((await legendImage.first().getAttribute('src')) ?? '', /LAYER=SCAN_F_GEOL250/i);
    assert.ok((hits.get(wmsLegendFixture.name) ?? 0) > 0, 'the legend image was loaded');
    await keepScreenshot(page, 'interop-added');

    // The link keeps it (written at once: a layer change).
    await page.waitForFunction(() => new URL(location.href).searchParams.has('add'));
    const link = new URL(page.url());
    assert.equal(link.searchParams.get('add'), `add-1~wms~SCAN_F_GEOL250~${WMS}`);
    assert.match(link.searchParams.get('l') ?? '', /^add-1(,|$)/, 'visible, on top');

    // Reopened from the link: the layer is read again from the service and is still there.
    await mapView(page).locator('li.layer[data-layer="add-1"] input[type="range"]').fill('40');
    await page.waitForFunction(() => /add-1:0\.4/.test(new URL(location.href).searchParams.get('l') ?? ''));
    await page.goto(page.url());
    await waitForMap(page);
    await mapView(page).locator('li.layer[data-layer="add-1"]').waitFor();
    const states = await waitForLayers(page, (l) => l['add-1']?.status === 'ready', 'the reopened layer');
    assert.equal(states['add-1']?.opacity, 0.4, 'its opacity came back');
    assert.equal(hits.get(capabilitiesFixture.name), 2, 'the capabilities were read once per opening');

    // Removed: gone from the map, the store and the link; the focus lands on « Ajouter une couche ».
    await mapView(page).getByRole('button', { name: /Retirer la couche .*250/ }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('add'));
    assert.equal((await layerStates(page))['add-1'], undefined);
    assert.equal(await mapView(page).locator('li.layer[data-layer="add-1"]').count(), 0);
    const focused = await page.evaluate(() => (globalThis as any).__e2e.mapView().shadowRoot.activeElement?.className ?? '');
    assert.match(focused, /add-layer/);
    const olLayers = await page.evaluate(() => (globalThis as any).__e2e.map().getAllLayers().filter((l: any) => l.get('cartable:id') === 'add-1').length);
    assert.equal(olLayers, 0, 'the OpenLayers layer left the map');
  });
});

test('the dialog says why a service cannot be used: an origin the site does not allow, an exception report', { skip: NO_CAPS }, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', fixtures: [exceptionFixture] }, async ({ page, hits }) => {
    await waitForMap(page);
    await mapView(page).getByRole('button', { name: 'Ajouter une couche' }).click();
    const address = dialog(page).getByLabel('Adresse du service (WMS, WMTS ou WFS)');
    await address.fill('https://geoservices.brgm.fr/geologie');
    await dialog(page).getByRole('button', { name: 'Lire le service' }).click();
    const alert = dialog(page).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /https:\/\/geoservices\.brgm\.fr.*n'est pas autorisée.*allowedOrigins/s);

    await address.fill('https://data.geopf.fr/wms-v/ows');
    await dialog(page).getByRole('button', { name: 'Lire le service' }).click();
    await dialog(page).getByRole('alert').filter({ hasText: 'Le service a répondu par une erreur' }).waitFor();
    // The address named no service: WMS, WMTS and WFS were each asked, and the first answer is told.
    assert.equal(hits.get(exceptionFixture.name), 3, 'each service type was asked');
    assert.deepEqual(await axeViolations(page), [], 'the dialog with its error passes axe');
  });
});

test('phone view: the dialog fits 390 × 844 and the added layer shows in the sheet', { skip: NO_CAPS }, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html?panel=1', fixtures: [capabilitiesFixture], viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await waitForMap(page);
    await mapView(page).getByRole('button', { name: 'Ajouter une couche' }).click();
    await dialog(page).getByLabel('Adresse du service (WMS, WMTS ou WFS)').fill(WMS);
    await dialog(page).getByRole('button', { name: 'Lire le service' }).click();
    await dialog(page).getByRole('list', { name: 'Couches du service' }).waitFor();
    const box = await dialog(page).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 844, `the dialog fits the screen: ${JSON.stringify(box)}`);
    assert.deepEqual(await axeViolations(page), [], 'the dialog listing layers passes axe');
    await keepScreenshot(page, 'interop-phone-dialog');
    await dialog(page).locator('#layers li', { hasText: 'SCAN_F_GEOL250' }).getByRole('checkbox').check();
    await dialog(page).getByRole('button', { name: 'Ajouter 1 couche(s)' }).click();
    await mapView(page).locator('li.layer[data-layer="add-1"]').waitFor();
    await keepScreenshot(page, 'interop-phone-added');
  });
});

async function addFrom(page: Page, address: string, filter: string, name: string): Promise<void> {
  await mapView(page).getByRole('button', { name: 'Ajouter une couche' }).click();
  await dialog(page).getByLabel('Adresse du service (WMS, WMTS ou WFS)').fill(address);
  await dialog(page).getByRole('button', { name: 'Lire le service' }).click();
  await dialog(page).getByLabel('Filtrer les couches').fill(filter);
  await dialog(page).locator('#layers li', { hasText: name }).getByRole('checkbox').check();
  await dialog(page).getByRole('button', { name: 'Ajouter 1 couche(s)' }).click();
  await dialog(page).waitFor({ state: 'hidden' });
}

test('WMTS and WFS layers added from their capabilities draw, with the WFS style in the legend', { skip: NO_TILE_CAPS }, async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', fixtures: [tileAndFeatureCapabilities] }, async ({ page, hits }) => {
    await waitForMap(page);
    await addFrom(page, 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities', 'ortho', 'ORTHOIMAGERY.ORTHOPHOTOS');
    await waitForLayers(page, (l) => l['add-1']?.status === 'ready', 'the WMTS layer');
    assert.ok((hits.get(wmtsTileFixture.name) ?? 0) > 0, 'its tiles were asked');
    // A WFS named by the SERVICE parameter of its address.
    await addFrom(page, 'https://data.geopf.fr/wfs/ows?service=wfs', 'AREL', 'cr_hdf:arel');
    const states = await waitForLayers(page, (l) => l['add-2']?.status === 'ready', 'the WFS layer');
    assert.equal(states['add-2']?.featureCount, 1, 'the feature the GetFeature fixture sends');
    const legend = mapView(page).locator('cartable-legend');
    assert.match(await legend.evaluate((el) => el.shadowRoot?.textContent ?? ''), /Données AREL/, 'the WFS layer has its legend (its style)');
    const link = new URL(page.url());
    assert.deepEqual(link.searchParams.getAll('add'), ['add-2~wfs~cr_hdf:arel~https://data.geopf.fr/wfs/ows', 'add-1~wmts~ORTHOIMAGERY.ORTHOPHOTOS~https://data.geopf.fr/wmts']);
  });
});

const handoff = (query: Record<string, string>): string => `?${Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&')}`;

test('catalogue hand-off (geonetwork-ui): the layer opens over the default basemap, zoomed to it, with a link that reopens it', { skip: NO_CAPS }, async (t) => {
  // As geonetwork-ui fills its template: service_url encoded, the type in lower case, the name as it is.
  const path = handoff({ service_url: encodeURIComponent(WMS), service_type: 'wms', layer_name: 'SCAN_F_GEOL250' });
  await withPage(t, suite, { path, fixtures: [capabilitiesFixture] }, async ({ page, hits }) => {
    await waitForMap(page);
    const states = await waitForLayers(page, (l) => l['add-1']?.status === 'ready' && l['plan-ign']?.status === 'ready', 'the layer and the basemap');
    assert.equal(states['add-1']?.visible, true);
    assert.ok((hits.get(wmtsTileFixture.name) ?? 0) > 0, 'the default basemap (Plan IGN) is drawn');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('service_url'), null, 'the hand-off parameters became a link');
    assert.equal(url.searchParams.get('add'), `add-1~wms~SCAN_F_GEOL250~${WMS}`);
    assert.match(await page.title(), /250/, 'the page is named after the layer');
    // Zoomed to the layer's box (metropolitan France for this map): the view's centre lies in it.
    const centre = await page.evaluate(async () => {
      const view = (globalThis as any).__e2e.map().getView();
      const [x, y] = view.getCenter();
      return [(x / 6378137) * (180 / Math.PI), (2 * Math.atan(Math.exp(y / 6378137)) - Math.PI / 2) * (180 / Math.PI)];
    });
    assert.ok(centre[0]! > -6 && centre[0]! < 11 && centre[1]! > 40 && centre[1]! < 52, `view centre ${centre}`);
    assert.deepEqual(await axeViolations(page), []);
    await keepScreenshot(page, 'interop-handoff');
  });
});

test('catalogue hand-off with wrong or missing parameters: a clear message with a link to the catalog', async (t) => {
  const cases: Array<[string, RegExp]> = [
    [handoff({ service_type: 'WMS', layer_name: 'x' }), /service_url/],
    [handoff({ service_url: encodeURIComponent(WMS), service_type: 'KML', layer_name: 'x' }), /WMS, WMTS, WFS ou GEOJSON/],
    [handoff({ service_url: encodeURIComponent(WMS), service_type: 'WMS' }), /layer_name/],
    [handoff({ service_url: encodeURIComponent('https://evil.example/wms'), service_type: 'WMS', layer_name: 'x' }), /evil\.example.*allowedOrigins/s],
  ];
  await withPage(t, suite, {}, async ({ page }) => {
    for (const [path, text] of cases) {
      await page.goto(suite.url(path));
      const message = page.locator('cartable-message');
      await message.getByRole('heading', { name: 'Couche impossible à ouvrir' }).waitFor();
      assert.match(await message.evaluate((el) => el.shadowRoot?.textContent ?? ''), text, path);
      assert.ok((await message.getByRole('link', { name: /catalogue/i }).count()) > 0, `a link to the catalog: ${path}`);
    }
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('catalogue hand-off of a GeoJSON resource: drawn over the default basemap and zoomed to its features', async (t) => {
  const data = 'https://data.geopf.fr/cartable-e2e/live/parkings.geojson';
  const body = { type: 'FeatureCollection', features: [station(1, 4.80), station(2, 4.90)].map((f, i) => ({ ...f, geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], 45.70 + i * 0.1] } })) };
  const fixture: Fixture = { name: 'GeoJSON resource', match: (url) => url.href === data, respond: (route) => route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/geo+json' }, body: JSON.stringify(body) }) };
  const path = handoff({ service_url: encodeURIComponent(data), service_type: 'GEOJSON', layer_name: 'Parkings relais' });
  await withPage(t, suite, { path, fixtures: [fixture] }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l['add-1']?.status === 'ready' && l['add-1']?.featureCount === 2, 'the GeoJSON layer');
    assert.equal(await mapView(page).locator('li.layer[data-layer="add-1"] label span').innerText(), 'Parkings relais');
    assert.equal(new URL(page.url()).searchParams.get('add'), `add-1~geojson~Parkings relais~${data}`);
    // Zoomed to the two points near Lyon (not the whole of France any more).
    await page.waitForFunction(() => {
      const view = (globalThis as any).__e2e.map().getView();
      const [x, y] = view.getCenter();
      const lon = (x / 6378137) * (180 / Math.PI);
      const lat = (2 * Math.atan(Math.exp(y / 6378137)) - Math.PI / 2) * (180 / Math.PI);
      return Math.abs(lon - 4.85) < 0.05 && Math.abs(lat - 45.75) < 0.05 && view.getZoom() > 9;
    });
  });
});

/** A map document served by the site itself, with a GeoJSON layer from a data origin refreshed every minute. */
const LIVE_DOC = `${SITE_FIXTURES}live/live.json`;
const LIVE_DATA = 'https://data.geopf.fr/cartable-e2e/live/stations.geojson';
const liveDocument = {
  version: 1,
  id: 'live',
  title: 'Stations en direct',
  view: { center: [5.7, 45.2], zoom: 9 },
  layers: [
    {
      type: 'geojson',
      id: 'stations',
      title: 'Stations',
      url: LIVE_DATA,
      idField: 'id',
      refresh: { seconds: 60 },
      fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'text' }],
      style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#1d4ed8' } } } },
    },
  ],
};
const station = (id: number, lon: number) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, 45.2] }, properties: { id, nom: `Station ${id}` } });

test('live data: a GeoJSON layer with refresh reads its data again, keeps the feature objects, says when, and keeps the last good data on failure', async (t) => {
  const answers = [
    { status: 200, body: { type: 'FeatureCollection', features: [station(1, 5.7), station(2, 5.8)] } },
    { status: 200, body: { type: 'FeatureCollection', features: [station(1, 5.75), station(2, 5.8), station(3, 5.9)] } },
    { status: 503, body: { error: 'maintenance' } },
  ];
  let served = 0;
  const fixtures: Fixture[] = [
    { name: 'live document', match: (url) => url.pathname.endsWith(`/${LIVE_DOC}`), respond: (route) => route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: JSON.stringify(liveDocument) }) },
    {
      name: 'live data',
      match: (url) => url.href === LIVE_DATA,
      respond: (route) => {
        const answer = answers[Math.min(served++, answers.length - 1)]!;
        return route.fulfill({ status: answer.status, headers: { ...CORS, 'content-type': 'application/geo+json' }, body: JSON.stringify(answer.body) });
      },
    },
  ];
  const options = { fixtures, expectedConsoleErrors: [/status of 503\b/] };
  await withPage(t, suite, options, async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-29T10:00:00') });
    await page.goto(suite.url(`?context=${encodeURIComponent(LIVE_DOC)}`));
    await waitForMap(page);
    const row = mapView(page).locator('li.layer[data-layer="stations"]');
    const updated = row.locator('.note.updated');
    await updated.waitFor();
    const first = await updated.innerText();
    assert.match(first, /^mis à jour à \d{2}:\d{2}$/);
    assert.equal((await layerStates(page)).stations?.featureCount, 2);
    // The object of feature 1 (its OpenLayers uid), to see that it is the same one after the refresh.
    const feature1 = (): Promise<{ uid: string; lon: number; nom: string }> =>
      page.evaluate(() => {
        const layer = (globalThis as any).__e2e.map().getAllLayers().find((l: any) => l.get('cartable:id') === 'stations');
        const feature = layer.getSource().getFeatureById(1);
        return { uid: feature.ol_uid, lon: feature.getGeometry().getCoordinates()[0], nom: feature.get('nom') };
      });
    const before = await feature1();

    await page.clock.fastForward(61_000);
    await waitForLayers(page, (l) => l.stations?.featureCount === 3, 'the refreshed data (3 stations)');
    const second = await updated.innerText();
    assert.notEqual(second, first, 'the update time moved');
    const kept = await feature1();
    assert.equal(kept.uid, before.uid, 'feature 1 kept its object');
    assert.equal(kept.nom, 'Station 1');
    assert.ok(Math.abs(kept.lon - (5.75 * 6378137 * Math.PI) / 180) < 1, 'and moved to its new place');

    await page.clock.fastForward(61_000);
    // The cause's words load with the first problem shown: wait for the note that names it.
    const stale = row.locator('.note.error', { hasText: /Actualisation impossible \(Erreur du serveur \(503\) : réessayer plus tard\) : données de \d{2}:\d{2}/ });
    await stale.waitFor();
    assert.equal((await layerStates(page)).stations?.featureCount, 3, 'the last good data stays');
    assert.deepEqual(await axeViolations(page), []);
    await keepScreenshot(page, 'interop-live');
  });
});
