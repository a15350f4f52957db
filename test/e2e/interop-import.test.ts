/**
 * Maps converted by the `cartable` converters open in the built site: the converted document is
 * served from the site itself (a fixture) and opened with ?context=<path>, as a platform would publish
 * it beside its maps (the shipped configuration allows no other origin for documents). Remote services are answered by the harness's Géoplateforme fixtures.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeXmlParser } from '../../src/cli/xml-node.js';
import { validateContext } from '../../src/context/validate.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import type { SiteConfig } from '../../src/context/types.js';
import { readSiteConfig } from '../support/nginx.js';
import { importDocument } from '../../src/interop/convert.js';
import { exportOwsContext } from '../../src/interop/owc/export.js';
import { importOwsContext } from '../../src/interop/owc/import.js';
import {
  REPO,
  TILE_PNG,
  layerStates,
  startSuite,
  waitForLayers,
  waitForMap,
  withPage,
  wmsMapFixture,
  wmtsTileFixture,
  type Fixture,
  type Suite,
} from './support/harness.js';
import { SITE_FIXTURES } from './support/remote-map.js';
import { keepScreenshot } from '../support/screenshots.js';
import { hasSharedData, SHARED_DATA } from '../support/shared-data.js';

const SHARED = hasSharedData('configs') ? SHARED_DATA : undefined;
const SKIP_SHARED = SHARED ? false : 'the shared data folder (../shared/data/configs) is absent: the real mviewer configuration is not there';
/** Where converted documents are served: a path of the site (its own origin). */
const DOCUMENTS = `${SITE_FIXTURES}imports/`;

/** Serves converted documents at DOCUMENTS<name>.json. */
function documentFixture(documents: Record<string, unknown>): Fixture {
  return {
    name: 'converted documents',
    match: (url) => url.pathname.includes(`/${DOCUMENTS}`) && url.pathname.split('/').at(-1)!.replace(/\.json$/, '') in documents,
    respond: (route, request) => {
      const name = new URL(request.url()).pathname.split('/').at(-1)!.replace(/\.json$/, '');
      return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' }, body: JSON.stringify(documents[name]) });
    },
  };
}

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

test('an imported mviewer configuration opens: its themes, its WMTS basemap drawn, a WMS layer switched on loads', { skip: SKIP_SHARED }, async (t) => {
  const imported = importDocument({ bytes: readFileSync(join(SHARED!, 'configs/mviewer/demo_ign.xml')), parseXml: nodeXmlParser, id: 'demo-ign' });
  assert.ok(validateContext(imported.document).ok, 'the converted document is valid');
  const fixtures = [documentFixture({ 'demo-ign': imported.document })];
  await withPage(t, suite, { path: `?context=${encodeURIComponent(`${DOCUMENTS}demo-ign.json`)}`, fixtures }, async ({ page, hits }) => {
    await waitForMap(page);
    const states = await layerStates(page);
    assert.equal(states.plan?.status, 'ready', `the Plan IGN basemap: ${JSON.stringify(states.plan)}`);
    assert.ok((hits.get(wmtsTileFixture.name) ?? 0) > 0, 'basemap tiles were requested');
    await keepScreenshot(page, 'interop-mviewer-demo-ign');
    for (const theme of ['Géodésie', 'Agriculture', 'Environnement']) {
      await page.getByRole('button', { name: theme, exact: true }).waitFor();
    }
    const rows = { 'BDGEODESIQUE-RN_BDD-POI_WLD': 'Repère géodésique', 'LANDUSE.AGRICULTURE2020': 'RPG2020', 'PROTECTEDAREAS.RN': 'RN' };
    for (const [id, title] of Object.entries(rows)) {
      assert.match(await page.locator(`li.layer[data-layer="${id}"]`).innerText(), new RegExp(title));
    }

    const row = page.locator('li.layer[data-layer="LANDUSE.AGRICULTURE2020"]');
    await row.getByRole('checkbox').first().check();
    await waitForLayers(page, (layers) => layers['LANDUSE.AGRICULTURE2020']?.status === 'ready', 'the RPG WMS layer to load');
    assert.ok((hits.get(wmsMapFixture.name) ?? 0) > 0, 'the WMS GetMap was requested');
  });
});

test('a map exported to OWS Context and imported back opens with the same layers as the shipped one', async (t) => {
  const original = validateContext(JSON.parse(readFileSync(join(REPO, 'maps/nature-paysage.json'), 'utf8')));
  assert.ok(original.ok);
  const owc = JSON.parse(JSON.stringify(exportOwsContext(original.value).document));
  const back = importOwsContext(owc);
  const fixtures = [documentFixture({ 'nature-owc': back.document })];
  let shipped: string[] = [];
  await withPage(t, suite, { path: 'maps/nature-paysage.html' }, async ({ page }) => {
    await waitForMap(page);
    shipped = Object.keys(await layerStates(page)).sort();
  });
  await withPage(t, suite, { path: `?context=${encodeURIComponent(`${DOCUMENTS}nature-owc.json`)}`, fixtures }, async ({ page }) => {
    await waitForMap(page);
    assert.deepEqual(Object.keys(await layerStates(page)).sort(), shipped);
    await keepScreenshot(page, 'interop-nature-owc');
  });
});

test("an imported Web Map Context opens in its own projection (GéoBretagne, Lambert-93) and draws its WMS layer", { skip: SKIP_SHARED }, async (t) => {
  const imported = importDocument({ bytes: readFileSync(join(SHARED!, 'configs/wmc/geobretagne_default_epsg2154.wmc')), parseXml: nodeXmlParser, id: 'geobretagne' });
  assert.ok(validateContext(imported.document).ok, 'the converted document is valid');
  // The context's servers are GéoBretagne's (plain http): the site's configuration must allow them, as a platform would.
  const base = readSiteConfig(REPO);
  const extra = ['http://osm.geobretagne.fr', 'http://tile.geobretagne.fr', 'http://geobretagne.fr'].map((origin) => ({ origin, use: ['data'] }));
  const site = validateSiteConfig({ ...base, allowedOrigins: [...base.allowedOrigins, ...extra] });
  assert.ok(site.ok);
  const asked: string[] = [];
  const wms: Fixture = {
    name: 'GéoBretagne WMS',
    match: (url) => url.hostname.endsWith('geobretagne.fr') && /request=(getmap|getlegendgraphic)/i.test(url.search),
    respond: (route, request) => {
      if (/request=getmap/i.test(request.url())) asked.push(request.url());
      return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'image/png' }, body: TILE_PNG });
    },
  };
  const own = await startSuite({ site: site.value as SiteConfig });
  try {
    const fixtures = [documentFixture({ geobretagne: imported.document }), wms];
    await withPage(t, own, { path: `?context=${encodeURIComponent(`${DOCUMENTS}geobretagne.json`)}`, fixtures }, async ({ page }) => {
      await waitForMap(page);
      assert.equal(await page.evaluate(() => (globalThis as any).__e2e.map().getView().getProjection().getCode()), 'EPSG:2154');
      const states = await waitForLayers(page, (layers) => layers['osm-google']?.status === 'ready', 'the OpenStreetMap WMS layer to load');
      assert.equal(states['bzh-commune_bdcarto']?.visible, false, 'a hidden WMC layer stays off');
      assert.ok(asked.length > 0 && asked.every((url) => /SRS=EPSG%3A2154|SRS=EPSG:2154/i.test(url) && /LAYERS=osm%3Agoogle|LAYERS=osm:google/i.test(url)), `GetMap in Lambert-93: ${asked[0]}`);
      assert.match(await page.locator('li.layer[data-layer="bzh-commune_bdcarto"]').innerText(), /Communes BdCarto/);
      await keepScreenshot(page, 'interop-wmc-geobretagne');
    });
  } finally {
    await own.close();
  }
});
