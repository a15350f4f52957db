/**
 * mviewer's default application imported with its .mst record templates (the hand-made ones of
 * test/fixtures/interop/mviewer-templates, as `cartable import --templates` reads them), opened in the
 * built site: a click on the ports layer shows the GeoServer GML answer as global.port.mst says.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeXmlParser } from '../../src/cli/xml-node.js';
import { validateContext } from '../../src/context/validate.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import type { SiteConfig } from '../../src/context/types.js';
import { importDocument } from '../../src/interop/convert.js';
import { linkedFilesOf } from '../../src/interop/linked-files.js';
import { readSiteConfig } from '../support/nginx.js';
import { keepScreenshot } from '../support/screenshots.js';
import { hasSharedData, SHARED_DATA } from '../support/shared-data.js';
import { REPO, TILE_PNG, axeViolations, startSuite, waitForLayers, waitForMap, withPage, type Fixture, type Suite } from './support/harness.js';
import { SITE_FIXTURES } from './support/remote-map.js';

const SKIP = hasSharedData('configs/mviewer') ? false : 'the shared data folder (../shared/data/configs/mviewer) is absent';
const TEMPLATES = join(REPO, 'test/fixtures/interop/mviewer-templates');
const PHOTO = 'https://ows.region-bretagne.fr/photos/concarneau.png';

/** What GeoServer answers to GetFeatureInfo in application/vnd.ogc.gml (GML 2): two ports. */
const PORTS_GML = `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns="http://www.opengis.net/wfs" xmlns:wfs="http://www.opengis.net/wfs" xmlns:rb="https://ows.region-bretagne.fr/rb" xmlns:gml="http://www.opengis.net/gml">
  <gml:featureMember><rb:port fid="port.12"><rb:nom_port>Concarneau</rb:nom_port><rb:commune>Concarneau</rb:commune><rb:proprietaire>Région Bretagne</rb:proprietaire><rb:nb_places>320</rb:nb_places><rb:peche>oui</rb:peche><rb:criee>oui</rb:criee><rb:fiche_url>https://www.bretagne.bzh/ports/concarneau</rb:fiche_url><rb:photo_url>${PHOTO}</rb:photo_url><rb:the_geom><gml:Point srsName="http://www.opengis.net/gml/srs/epsg.xml#3857"><gml:coordinates decimal="." cs="," ts=" ">-438000,6070000</gml:coordinates></gml:Point></rb:the_geom></rb:port></gml:featureMember>
  <gml:featureMember><rb:port fid="port.31"><rb:nom_port>Le Légué</rb:nom_port><rb:commune>Saint-Brieuc</rb:commune><rb:nb_places>80</rb:nb_places><rb:commerce>oui</rb:commerce><rb:fiche_url>https://www.bretagne.bzh/ports/legue</rb:fiche_url><rb:the_geom><gml:Point srsName="http://www.opengis.net/gml/srs/epsg.xml#3857"><gml:coordinates decimal="." cs="," ts=" ">-306000,6188000</gml:coordinates></gml:Point></rb:the_geom></rb:port></gml:featureMember>
</wfs:FeatureCollection>`;

let suite: Suite;
before(async () => {
  // The Région's servers must be allowed, as a platform publishing the map would.
  const base = readSiteConfig(REPO);
  const extra = ['https://ows.region-bretagne.fr', 'https://kartenn.region-bretagne.fr', 'https://geobretagne.fr', 'https://tile.geobretagne.fr'].map((origin) => ({ origin, use: ['data'] }));
  const site = validateSiteConfig({ ...base, allowedOrigins: [...base.allowedOrigins, ...extra] });
  assert.ok(site.ok);
  suite = await startSuite({ site: site.value as SiteConfig });
});
after(async () => {
  await suite?.close();
});

/** apps_default.xml imported with the fixtures' templates, its ports layer switched on. */
function importedMap(): Record<string, unknown> {
  const files = new Map<string, string>();
  const learn = linkedFilesOf();
  const bytes = readFileSync(join(SHARED_DATA, 'configs/mviewer/apps_default.xml'));
  importDocument({ bytes, parseXml: nodeXmlParser, linkedFiles: learn });
  const local = new Set(readdirSync(TEMPLATES));
  for (const url of learn.wanted.keys()) if (local.has(url.split('/').at(-1)!)) files.set(url, readFileSync(join(TEMPLATES, url.split('/').at(-1)!), 'utf8'));
  const { document } = importDocument({ bytes, parseXml: nodeXmlParser, id: 'region', linkedFiles: linkedFilesOf(files) });
  const text = JSON.stringify(document).replace(/"id":"port","title":"Ports","visible":false/, '"id":"port","title":"Ports","visible":true');
  assert.notEqual(text, JSON.stringify(document), 'the ports layer is switched on');
  const map = JSON.parse(text);
  assert.ok(validateContext(map).ok, 'the converted document is valid');
  return map;
}

const services: Fixture = {
  name: 'Région Bretagne and GéoBretagne services',
  match: (url) => /(^|\.)(region-bretagne|geobretagne)\.fr$/.test(url.hostname),
  respond: (route, request) => {
    const url = new URL(request.url());
    const cors = { 'access-control-allow-origin': '*' };
    if (/getfeatureinfo/i.test(url.search)) {
      const port = /layers=port(&|$)/i.test(url.search);
      return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'application/vnd.ogc.gml' }, body: port ? PORTS_GML : '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs"/>' });
    }
    return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'image/png' }, body: TILE_PNG });
  },
};

const documents: Fixture = {
  name: 'the imported map',
  match: (url) => url.pathname.endsWith(`/${SITE_FIXTURES}imports/region.json`),
  respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(importedMap()) }),
};

for (const [device, viewport] of [['desktop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`${device}: a click on a port shows its record as the mviewer template says (GML answer)`, { skip: SKIP }, async (t) => {
    const path = `?context=${encodeURIComponent(`${SITE_FIXTURES}imports/region.json`)}`;
    await withPage(t, suite, { path, viewport, fixtures: [documents, services] }, async ({ page }) => {
      await waitForMap(page);
      await waitForLayers(page, (layers) => layers.port?.status === 'ready', 'the ports layer');
      const box = await page.locator('cartable-map-view .map').boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
      const popup = page.locator('cartable-popup');
      await popup.getByRole('button', { name: 'Port de Concarneau' }).click();
      await popup.locator('h2', { hasText: 'Port de Concarneau' }).waitFor();
      const body = popup.locator('.body');
      assert.match(await body.innerText(), /Commune\s+Concarneau\s+Propriétaire\s+Région Bretagne/);
      assert.match(await body.innerText(), /Places : 320 places à flot/);
      assert.match(await body.innerText(), /Pêche Port de pêche avec criée/);
      assert.equal(await popup.getByRole('link', { name: 'Fiche du port' }).getAttribute('href'), 'https://www.bretagne.bzh/ports/concarneau');
      assert.equal(await popup.locator('dd img').getAttribute('src'), PHOTO);
      await popup.locator('dd img').evaluate((img: HTMLImageElement) => (img.complete ? undefined : new Promise((done) => img.addEventListener('load', done, { once: true }))));
      assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the record open');
      await keepScreenshot(page, `wms-template-${device}`);
      await popup.getByRole('link', { name: 'Fiche du port' }).scrollIntoViewIfNeeded();
      await keepScreenshot(page, `wms-template-${device}-end`);
    });
  });
}
