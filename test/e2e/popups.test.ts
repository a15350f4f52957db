/**
 * Records of the Géosites map, end to end on the built site: a click on a site opens its record,
 * its link reopens it (deep link), and the record reads well on a phone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, nextFrames, startSuite, waitForLayers, waitForMap, waitForViewStill, withPage, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Page coordinates of a geosite, from the map itself. */
async function sitePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const e2e = (globalThis as any).__e2e;
    const map = e2e.map();
    const layer = map.getAllLayers().find((l: any) => l.get('cartable:id') === 'geosites');
    const feature = layer.getSource().getFeatureById(id);
    const [x, y] = map.getPixelFromCoordinate(feature.getGeometry().getCoordinates());
    const box = map.getViewport().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, id);
}

const popupTitle = (page: Page) => page.locator('cartable-popup h2').innerText();

test('a click on a geosite opens its record, highlighted and named in the URL; Escape closes it', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    const { x, y } = await sitePosition(page, 'PAC0058');
    await page.mouse.click(x, y);
    await page.locator('cartable-popup').waitFor();
    assert.equal(await popupTitle(page), 'Panorama du chevauchement de la Meije vu de la Grave');
    const text = await page.locator('cartable-popup .body').innerText();
    assert.match(text, /Superficie : 10 km²/);
    assert.match(text, /DESCRIPTION/i);
    assert.match(text, /Lire la suite/);
    assert.equal(new URL(page.url()).searchParams.get('feature'), 'geosites~PAC0058');
    // Focus goes into the record a person opened, once the map has moved to show its feature.
    await page.waitForFunction(() => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-popup')?.shadowRoot.activeElement?.tagName === 'H2');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with a record open');
    await page.keyboard.press('Escape');
    await page.locator('cartable-popup').waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).searchParams.get('feature'), null);
  });
});

test('a double click zooms in and leaves no record open', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    const zoom = await page.evaluate(() => (globalThis as any).__e2e.map().getView().getZoom());
    const { x, y } = await sitePosition(page, 'PAC0058');
    await page.mouse.dblclick(x, y);
    await page.waitForFunction((z) => (globalThis as any).__e2e.map().getView().getZoom() >= z + 0.99, zoom);
    // The clicks' lookups went on once the record's code had loaded: it has, a task has passed since,
    // and the map view has drawn what they asked for.
    await page.waitForFunction(() => customElements.get('cartable-popup') !== undefined);
    await nextFrames(page);
    await page.evaluate(() => (globalThis as any).__e2e.mapView().updateComplete);
    assert.equal(await page.locator('cartable-popup').count(), 0, 'the record opened by the first click is closed');
  });
});

test('a link to a geosite zooms to it and opens its record without taking focus or scrolling', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?feature=geosites~PAC0100' }, async ({ page }) => {
    await page.locator('cartable-popup').waitFor();
    assert.equal(await popupTitle(page), 'Plis cylindriques de la Bâtie-des-Vigneaux');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const zoom = await page.evaluate(() => (globalThis as any).__e2e.map().getView().getZoom());
    assert.ok(zoom >= 12, `zoomed in to the site (zoom ${zoom})`);
  });
});

test('a stale link says the record is gone and leaves the map working', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?feature=geosites~NOPE' }, async ({ page }) => {
    await waitForMap(page);
    await page.locator('cartable-map-view .notice', { hasText: 'NOPE' }).waitFor();
    assert.equal(await page.locator('cartable-popup').count(), 0);
  });
});

test('on a phone the record is a bottom sheet that leaves the site in view', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?feature=geosites~PAC0058', viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await page.locator('cartable-popup').waitFor();
    // The sheet is drawn, then the map pans to reveal the site (on the frame after): wait until it stops.
    await page.evaluate(() => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-popup').updateComplete);
    await nextFrames(page);
    await waitForViewStill(page);
    const sheet = await page.locator('cartable-map-view .popup-holder.sheet').boundingBox();
    assert.ok(sheet, 'the record is a sheet');
    assert.ok(sheet.width >= 389, 'the sheet spans the screen');
    const site = await sitePosition(page, 'PAC0058');
    assert.ok(site.y < sheet.y - 10, `the site (y=${site.y}) stays above the sheet (top ${sheet.y})`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'nothing overflows sideways');
  });
});
