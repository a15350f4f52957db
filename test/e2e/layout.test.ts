/**
 * The screen layout, end to end on the built site, at 1366×768 and 390×844, FR and EN (issue 18):
 * what the person just opened is not covered, the header leaves the map its room, the place is in the
 * free map area.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { recordSettled, startSuite, waitForLayers, waitForMap, withPage, type Suite } from './support/harness.js';
import { assertApart, assertNotCovered, boxOf, featurePosition, headerHeight, mapShare, visibleRows, waitForInFreeArea } from './support/geometry.js';

const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** The longest title of the public maps (the longest of all, sites-sensibles-agents, is restricted: the browser test of the header covers it). */
const LONGEST = 'maps/nature-paysage.html';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const header = (page: Page) => page.locator('cartable-map-view header').first();
const map = (page: Page) => page.locator('cartable-map-view .map');
const popup = (page: Page) => page.locator('cartable-map-view cartable-popup');

/** Opens the layer panel from the header, through the « ⋯ » menu where there is one (the phone header). */
async function openLayers(page: Page): Promise<void> {
  const menu = page.locator('cartable-map-view .menu-toggle');
  if ((await menu.count()) && (await menu.isVisible())) await menu.click();
  await page.locator('cartable-map-view .panel-toggle:not(.table-toggle)').filter({ visible: true }).click();
  await page.locator('cartable-map-view aside#panel').waitFor({ state: 'visible' });
}

for (const language of ['fr', 'en'])
  for (const [screen, viewport] of [['wide screen', WIDE], ['phone', PHONE]] as const) {
    test(`${screen} (${language}): the header is one row of at most 72 px and the map keeps at least 75 % of ${viewport.height} px`, async (t) => {
      await withPage(t, suite, { path: `${LONGEST}?lang=${language}`, viewport }, async ({ page }) => {
        await waitForMap(page);
        const height = await headerHeight(header(page));
        assert.ok(height <= 72, `header height ${height}`);
        const share = await mapShare(map(page));
        assert.ok(share >= 0.75, `the map keeps ${Math.round(share * 100)} % of the height`);
      });
    });
  }

test('wide screen: a record opened by a click is not covered, nor is the layer panel beside it', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: WIDE }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    const place = await featurePosition(map(page), 'geosites', 'PAC0058');
    await page.mouse.click(place.x, place.y);
    await popup(page).waitFor();
    await assertNotCovered(popup(page), 'the record');
    await assertNotCovered(page.locator('cartable-map-view aside#panel'), 'the layer panel');
  });
});

test('phone: the layer sheet opened from the header is not covered', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: PHONE }, async ({ page }) => {
    await waitForMap(page);
    await openLayers(page);
    await assertNotCovered(page.locator('cartable-map-view aside#panel'), 'the layer sheet');
  });
});

test('phone: a link with panel=1 and a record shows the record only; Esc closes it and the layer sheet under it comes back', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?panel=1&feature=geosites~PAC0058', viewport: PHONE }, async ({ page }) => {
    await popup(page).waitFor();
    const panel = page.locator('cartable-map-view aside#panel');
    assert.equal(await panel.isVisible(), false, 'one sheet at a time: the record');
    await assertNotCovered(popup(page), 'the record sheet');
    await popup(page).locator('#popup-title').click(); // Esc goes where the person is: in the record.
    await page.keyboard.press('Escape');
    await popup(page).waitFor({ state: 'detached' });
    await panel.waitFor({ state: 'visible' });
    await assertNotCovered(panel, 'the layer sheet');
    assert.match(await page.evaluate(() => location.search), /panel=1/, 'the open panel stays in the URL');
    await page.locator('cartable-map-view .map').focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });
});

for (const viewport of [WIDE, PHONE]) {
  test(`${viewport.width}×${viewport.height}: a linked record frames its place in the map area the record leaves free`, async (t) => {
    await withPage(t, suite, { path: 'maps/geosites.html?feature=geosites~PAC0058', viewport }, async ({ page }) => {
      await popup(page).waitFor();
      const covers = [popup(page), page.locator('cartable-map-view aside#panel')];
      await waitForInFreeArea(() => featurePosition(map(page), 'geosites', 'PAC0058'), map(page), covers, 8);
      await assertNotCovered(popup(page), 'the record');
    });
  });
}

test('wide screen: the table shows at least 8 whole rows with its filters open', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: WIDE }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await page.locator('cartable-map-view .table-toggle').filter({ visible: true }).click();
    await page.locator('cartable-table .row').first().waitFor();
    await page.locator('cartable-table button[aria-controls="filters"]').click();
    const rows = await visibleRows(page.locator('cartable-table .scroller'), '.row');
    assert.ok(rows >= 8, `${rows} whole rows shown`);
  });
});

for (const language of ['fr', 'en'])
  for (const viewport of [WIDE, PHONE]) {
    test(`${viewport.width}×${viewport.height} (${language}): a record opened by a click is not covered and its place stays in the free map area`, async (t) => {
      await withPage(t, suite, { path: `maps/geosites.html?lang=${language}`, viewport }, async ({ page }) => {
        await waitForMap(page);
        await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
        const place = await featurePosition(map(page), 'geosites', 'PAC0058');
        await page.mouse.click(place.x, place.y);
        await recordSettled(page);
        await assertNotCovered(popup(page), 'the record');
        const covers = [popup(page), page.locator('cartable-map-view aside#panel')];
        await waitForInFreeArea(() => featurePosition(map(page), 'geosites', 'PAC0058'), map(page), covers, 8);
      });
    });
  }

for (const viewport of [WIDE, PHONE]) {
  test(`${viewport.width}×${viewport.height}: opening the report closes the record, and nothing covers the report`, async (t) => {
    await withPage(t, suite, { path: 'maps/geosites.html?feature=geosites~PAC0058', viewport }, async ({ page }) => {
      await popup(page).waitFor();
      await waitForTools(page);
      const folded = page.locator('cartable-tools .tool.menu');
      if (await folded.isVisible()) await folded.click(); // The phone's « Outils » list.
      await page.locator('cartable-tools [data-tool="report"]').click();
      const report = page.locator('cartable-map-view cartable-report');
      await report.locator('h2').waitFor();
      await popup(page).waitFor({ state: 'detached' });
      await assertNotCovered(report, 'the report');
    });
  });
}

/** The toolbar loads after the first frame. */
async function waitForTools(page: Page): Promise<void> {
  await page.locator('cartable-tools [data-tool="report"], cartable-tools .tool.menu').filter({ visible: true }).first().waitFor();
}

for (const viewport of [WIDE, PHONE]) {
  test(`${viewport.width}×${viewport.height}: the offline notice covers neither the scale bar nor the legend`, async (t) => {
    // Code the page loads after its first frame (search, permalink) fails once the network is gone: that is the point.
    const expectedConsoleErrors = [/ERR_INTERNET_DISCONNECTED/];
    await withPage(t, suite, { path: 'maps/geosites.html?panel=1', viewport, expectedConsoleErrors }, async ({ page, context }) => {
      await waitForMap(page);
      await context.setOffline(true);
      const notice = page.locator('cartable-status .pill');
      await notice.waitFor();
      await assertApart(notice, page.locator('cartable-map-view .ol-scale-line'), 'the offline notice and the scale bar');
      await assertApart(notice, page.locator('cartable-map-view cartable-legend'), 'the offline notice and the legend');
      await context.setOffline(false);
    });
  });
}

test('phone: a notice on the map (here: a link part this map ignores) is not under the « Outils » button nor the zoom', async (t) => {
  for (const language of ['fr', 'en']) {
    await withPage(t, suite, { path: `maps/geosites.html?lang=${language}&l=geosites,no-such-layer`, viewport: PHONE }, async ({ page }) => {
      await waitForMap(page);
      await waitForTools(page);
      const notice = page.locator('cartable-map-view .notice').filter({ hasText: /./ });
      await notice.waitFor();
      await assertApart(notice, page.locator('cartable-tools .tool.menu'), `${language}: the notice and the « Outils » button`);
      await assertApart(notice, page.locator('cartable-map-view .ol-zoom'), `${language}: the notice and the zoom`);
    });
  }
});

test('an embed 390 px wide: the layer sheet leaves the map more than half of its height', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?embed=1&panel=1', viewport: { width: 390, height: 450 } }, async ({ page }) => {
    await waitForMap(page);
    const sheet = page.locator('cartable-map-view aside#panel');
    await sheet.waitFor();
    const [sheetBox, mapBox] = [await boxOf(sheet), await boxOf(map(page))];
    const share = (sheetBox.bottom - sheetBox.top) / (mapBox.bottom - mapBox.top);
    assert.ok(share <= 0.5, `the sheet covers ${Math.round(share * 100)} % of the map`);
  });
});

test('768×768 with the table open: the tool column is not under the table', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites', viewport: { width: 768, height: 768 } }, async ({ page }) => {
    await page.locator('cartable-table .row').first().waitFor();
    const bar = page.locator('cartable-tools .bar');
    await bar.waitFor();
    await assertNotCovered(bar, 'the tool column');
    await assertApart(bar, page.locator('cartable-map-view .table-panel'), 'the tool column and the table');
  });
});
