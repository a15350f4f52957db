/**
 * The site table of the Géosites map, end to end with the 60 public INPG records: sort, filters and
 * count, the map following the filter, rows leading to records and back, exports, and the link.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axeViolations, recordSettled, startSuite, waitForLayers, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const count = (page: import('playwright-core').Page) => page.locator('cartable-table .toolbar .count').innerText();
const firstCells = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const table = (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-table');
    return [...table.shadowRoot.querySelectorAll('.row')].slice(0, 3).map((r: Element) => r.querySelector('.cell')!.textContent);
  });

test('the table lists the 60 public sites, sorts and filters them, and the map follows', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await page.locator('cartable-map-view .table-toggle').click();
    await page.locator('cartable-table .row').first().waitFor();
    assert.equal(await count(page), '60 sur 60');
    // French order by name (the document's default sort); « Ancienne carrière de pierre à ciment du Pont du Prêtre » is withheld.
    assert.deepEqual(await firstCells(page), ['Amphibolites du Sélé', 'Ancienne carrière de marbre de Valsenestre', 'Anciennes carrières de cipolin de Molines-en-Champsaur']);
    await page.locator('cartable-table input[type="search"]').fill('glacier');
    assert.match(await count(page), /^\d+ sur 60$/);
    const kept = Number((await count(page)).split(' ')[0]);
    assert.ok(kept > 0 && kept < 60, `some sites kept (${kept})`);
    const hidden = await page.evaluate(() => (globalThis as any).__e2e.map().getAllLayers().find((l: any) => l.get('cartable:id') === 'geosites').getSource().getFeatures().filter((f: any) => f.get('cartable:out')).length);
    assert.equal(hidden, 60 - kept, 'the map hides the sites the table leaves out');
    assert.equal(await page.locator('cartable-legend .note.filter').innerText(), `Filtre actif : ${kept} sur 60`);
    assert.equal(new URL(page.url()).searchParams.get('tq'), 'glacier');
    // Column filter by value list, then clear everything.
    await page.locator('cartable-table button[aria-controls="filters"]').click();
    await page.locator('cartable-table fieldset', { hasText: 'Type de site' }).locator('label', { hasText: 'Site anthropique' }).locator('input').uncheck();
    await page.locator('cartable-table button', { hasText: 'Effacer les filtres' }).click();
    assert.equal(await count(page), '60 sur 60');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the table open');
  });
});

test('a row opens its record on the map; a click on the map selects its row', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites' }, async ({ page }) => {
    await page.locator('cartable-table .row').first().waitFor();
    await page.locator('cartable-table .row', { hasText: 'Amphibolites du Sélé' }).click();
    await page.locator('cartable-popup h2', { hasText: 'Amphibolites du Sélé' }).waitFor();
    await recordSettled(page); // The record takes focus once framed: only then does the keyboard go back to the table.
    assert.match(await page.locator('cartable-table .row[aria-selected="true"]').innerText(), /Amphibolites du Sélé/);
    // Keyboard: down a row, Enter.
    await page.locator('cartable-table .row[aria-selected="true"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('cartable-popup h2', { hasText: 'Ancienne carrière de marbre de Valsenestre' }).waitFor();
    assert.match(await page.locator('cartable-table .row[aria-selected="true"]').innerText(), /Valsenestre/);
    // A click on another site of the map selects its row, scrolled into view (once the view has framed the record).
    await page.waitForFunction(() => !(globalThis as any).__e2e.map().getView().getAnimating());
    await page.locator('cartable-popup button[aria-label="Fermer la fiche"]').click();
    const { x, y } = await page.evaluate(() => {
      const map = (globalThis as any).__e2e.map();
      map.getView().setZoom(9);
      map.renderSync();
      const layer = map.getAllLayers().find((l: any) => l.get('cartable:id') === 'geosites');
      const size = map.getSize();
      const features = layer.getSource().getFeatures();
      const pixel = (f: any) => map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
      // A site alone within 24 px, so the click finds it and nothing else.
      const feature = features.find((f: any) => {
        const [px, py] = pixel(f);
        const alone = features.every((o: any) => o === f || Math.hypot(pixel(o)[0] - px, pixel(o)[1] - py) > 24);
        return alone && f.get('nom_site') !== 'Ancienne carrière de marbre de Valsenestre' && px > 40 && py > 40 && px < size[0] - 60 && py < size[1] - 40;
      });
      (globalThis as any).__picked = feature.get('nom_site');
      const [px, py] = map.getPixelFromCoordinate(feature.getGeometry().getCoordinates());
      const box = map.getViewport().getBoundingClientRect();
      return { x: box.left + px, y: box.top + py };
    });
    await page.mouse.click(x, y);
    const picked = await page.evaluate(() => (globalThis as any).__picked as string);
    await page.locator('cartable-table .row[aria-selected="true"]', { hasText: picked }).waitFor();
  });
});

test('a shared link reopens the same filtered, sorted table', async (t) => {
  const path = 'maps/geosites.html?table=geosites&tv.typologie1=Site%20anthropique&ts=-total_eval_interet';
  await withPage(t, suite, { path }, async ({ page }) => {
    await page.locator('cartable-table .row').first().waitFor();
    assert.equal(await count(page), '4 sur 60');
    const sorted = await page.locator('cartable-table [role="columnheader"][aria-sort="descending"]').innerText();
    assert.match(sorted, /Note d'intérêt/);
  });
});

test('exports the filtered rows as CSV (BOM, ";") and GeoJSON', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites&tq=glacier' }, async ({ page }) => {
    await page.locator('cartable-table .row').first().waitFor();
    const kept = Number((await count(page)).split(' ')[0]);
    await page.locator('cartable-table button', { hasText: 'Exporter' }).click();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('cartable-table .export-menu button').first().click()]);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines.length, kept + 1);
    assert.match(lines[0]!, /^Nom du site;Type de site;/);
    await page.locator('cartable-table button', { hasText: 'Exporter' }).click();
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('cartable-table .export-menu button', { hasText: 'GeoJSON' }).click()]);
    const geojson = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'));
    assert.equal(geojson.features.length, kept);
    const [lon, lat] = geojson.features[0].geometry.coordinates;
    assert.ok(lon > 5.5 && lon < 7 && lat > 44 && lat < 45.5, `lon/lat coordinates (${lon}, ${lat})`);
  });
});

test('on a phone the table is a list of cards that leads to the map', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites', viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await page.locator('cartable-table .card').first().waitFor();
    await page.locator('cartable-table .card').first().click();
    await page.locator('cartable-popup').waitFor();
    assert.equal(await page.locator('cartable-table').count(), 0, 'the map shows again');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  });
});
