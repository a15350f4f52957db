/**
 * The built site served under a sub-path: the catalog, its filter, and the offline demo map opened
 * from its card — hit-testing a known place and hiding a layer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { layerStates, startSuite, toWebMercator, waitForMap, withPage, type Suite } from './support/harness.js';
import { colourDistance, parseCssColour, screenColourAt, type Rgba } from './support/png.js';

const MAP_IDS = ['geosites', 'lieux-de-france', 'nature-paysage'];
const PARIS = [2.3522, 48.8566] as const;
/** The Île-de-France symbol's fill in maps/lieux-de-france.json. */
const ILE_DE_FRANCE_FILL: Rgba = [0x4d, 0x4d, 0x4d, 255];

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

async function visibleCards(page: Page): Promise<string[]> {
  const ids = await page.locator('li.card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-map') ?? ''));
  return ids.sort();
}

test('the catalog opens under a sub-path and lists the three maps', async (t) => {
  await withPage(t, suite, { path: '' }, async ({ page }) => {
    assert.match(page.url(), /\/cartes\/$/);
    await page.locator('li.card').nth(2).waitFor();
    assert.deepEqual(await visibleCards(page), MAP_IDS);
    for (const id of MAP_IDS) {
      const href = await page.locator(`li.card[data-map="${id}"] h2 a`).getAttribute('href');
      assert.equal(href, suite.url(`maps/${id}.html`), `card link of ${id}`);
    }
    assert.match(await page.locator('cartable-catalog .count').innerText(), /^3\D+3$/);
  });
});

test('the filter narrows the catalog, accents and case ignored', async (t) => {
  await withPage(t, suite, { path: '' }, async ({ page }) => {
    const filter = page.locator('cartable-catalog cartable-search input[role="combobox"]');
    await page.locator('li.card').nth(2).waitFor();

    await filter.fill('nature');
    await page.waitForFunction(() => document.querySelector('cartable-app')?.shadowRoot?.querySelector('cartable-catalog')?.shadowRoot?.querySelectorAll('li.card').length === 1);
    assert.deepEqual(await visibleCards(page), ['nature-paysage']);
    assert.match(await page.locator('cartable-catalog .count').innerText(), /^1\D+3$/);

    await filter.fill('GEOLOGIQUE');
    await page.waitForFunction(() => document.querySelector('cartable-app')?.shadowRoot?.querySelector('cartable-catalog')?.shadowRoot?.querySelector('li.card[data-map="geosites"]'));
    assert.deepEqual(await visibleCards(page), ['geosites']);

    await filter.fill('');
    await page.locator('li.card').nth(2).waitFor();
    assert.deepEqual(await visibleCards(page), MAP_IDS);
  });
});

/** The page coordinates of a lon/lat on the map, in CSS pixels. */
async function pagePixelOf(page: Page, lonLat: readonly [number, number]) {
  const coordinate = toWebMercator(lonLat);
  return page.evaluate((coordinate) => {
    const map = (globalThis as any).__e2e.map();
    const pixel = map.getPixelFromCoordinate(coordinate) as [number, number];
    const box = map.getViewport().getBoundingClientRect();
    return { pixel, x: box.left + pixel[0], y: box.top + pixel[1], size: map.getSize() as [number, number] };
  }, coordinate);
}

/** Ids of the layers and the `region` of the features found around a map pixel. */
async function featuresAt(page: Page, pixel: [number, number]) {
  return page.evaluate((pixel) => {
    const map = (globalThis as any).__e2e.map();
    const found: { layer: string; region: unknown }[] = [];
    const features = map.getFeaturesAtPixel(pixel, { hitTolerance: 6 });
    map.forEachFeatureAtPixel(
      pixel,
      (feature: any, layer: any) => {
        found.push({ layer: layer?.get('cartable:id'), region: feature.get('region') });
      },
      { hitTolerance: 6 },
    );
    return { count: features.length, regions: features.map((f: any) => f.get('region')), found };
  }, pixel);
}

test('the demo map opens from its card, renders, hit-tests Paris and hides a layer', async (t) => {
  await withPage(t, suite, { path: '' }, async ({ page }) => {
    await page.locator('li.card[data-map="lieux-de-france"] h2 a').click();
    await page.waitForURL(suite.url('maps/lieux-de-france.html'));
    await waitForMap(page);

    const layers = await layerStates(page);
    assert.equal(layers.lieux?.status, 'ready', 'lieux layer is ready');
    assert.equal(layers.lieux?.featureCount, 8941, 'lieux layer has all GeoNames places');
    assert.equal(layers.pays?.status, 'ready', 'pays layer is ready');

    // Paris, projected by formula, must fall on the map and on Île-de-France places.
    const paris = await pagePixelOf(page, PARIS);
    assert.ok(
      paris.pixel[0] > 0 && paris.pixel[1] > 0 && paris.pixel[0] < paris.size[0] && paris.pixel[1] < paris.size[1],
      `Paris is inside the map: pixel ${paris.pixel} in ${paris.size}`,
    );
    const hit = await featuresAt(page, paris.pixel);
    const places = hit.found.filter((f) => f.layer === 'lieux');
    assert.ok(hit.regions.includes('11'), `getFeaturesAtPixel finds an Île-de-France place: ${JSON.stringify(hit.regions)}`);
    assert.ok(places.length > 0, 'features of the lieux layer at Paris');
    assert.ok(places.every((f) => f.region === '11'), `only Île-de-France places near Paris: ${JSON.stringify(places)}`);

    // The map's canvas shows something at Paris, not the bare map background.
    const background = parseCssColour(
      await page.locator('cartable-map-view .map').evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    const shown = await screenColourAt(page, paris.x, paris.y);
    assert.ok(colourDistance(shown, background) > 24, `pixel at Paris ${shown} differs from the map background ${background}`);
    assert.ok(
      colourDistance(shown, ILE_DE_FRANCE_FILL) < 40,
      `pixel at Paris ${shown} is close to the Île-de-France symbol colour ${ILE_DE_FRANCE_FILL}`,
    );

    // Unchecking "lieux" hides it: state, hit detection and pixels agree.
    const checkbox = page.locator('li.layer[data-layer="lieux"] input[type="checkbox"]');
    assert.equal(await checkbox.isChecked(), true);
    await checkbox.uncheck();
    await page.evaluate(() => (globalThis as any).__e2e.nextRender());
    assert.equal((await layerStates(page)).lieux?.visible, false, 'store.state.layers.lieux.visible');
    const after = await featuresAt(page, paris.pixel);
    assert.deepEqual(
      after.found.filter((f) => f.layer === 'lieux'),
      [],
      'no feature of the hidden layer at Paris',
    );
    assert.ok(!after.regions.includes('11'), 'no place feature at Paris once hidden');
    const hidden = await screenColourAt(page, paris.x, paris.y);
    assert.ok(colourDistance(hidden, ILE_DE_FRANCE_FILL) >= 40, `the place symbol is gone from the canvas: ${hidden}`);
  });
});
