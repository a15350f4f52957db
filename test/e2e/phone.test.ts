/**
 * A phone-sized viewport (390×844): the side panel folds behind the header's « ⋯ » menu and nothing
 * overflows sideways.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

const PHONE = { width: 390, height: 844 };

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

async function assertNoHorizontalOverflow(page: Page, when: string): Promise<void> {
  const { scrollWidth, bodyScrollWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
  }));
  assert.ok(scrollWidth <= PHONE.width, `${when}: documentElement.scrollWidth ${scrollWidth} > ${PHONE.width}`);
  assert.ok(bodyScrollWidth <= PHONE.width, `${when}: body.scrollWidth ${bodyScrollWidth} > ${PHONE.width}`);
}

test('phone: the map panel is hidden, the « ⋯ » menu opens it, nothing overflows', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', viewport: PHONE }, async ({ page }) => {
    await waitForMap(page);
    const panel = page.locator('cartable-map-view aside#panel');
    const menu = page.locator('cartable-map-view .menu-toggle');
    const toggle = page.locator('cartable-map-view .menu .panel-toggle');
    assert.equal(await panel.isHidden(), true, 'the panel starts hidden');
    assert.equal(await menu.isVisible(), true, 'the « ⋯ » menu button is shown');
    await menu.click();
    await toggle.waitFor({ state: 'visible' });
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await assertNoHorizontalOverflow(page, 'panel closed, menu open');

    await toggle.click();
    await panel.waitFor({ state: 'visible', timeout: 5_000 });
    await toggle.waitFor({ state: 'hidden' }); // The menu closes on a choice.
    assert.equal(await page.locator('li.layer[data-layer="lieux"] input[type="checkbox"]').isVisible(), true, 'the layer list shows');
    const box = await panel.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `the panel fits the screen: ${JSON.stringify(box)}`);
    await assertNoHorizontalOverflow(page, 'panel open');

    await menu.click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    await toggle.click();
    await panel.waitFor({ state: 'hidden', timeout: 5_000 });
    await menu.click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
  });
});

test('phone: the catalog does not overflow sideways', async (t) => {
  await withPage(t, suite, { path: '', viewport: PHONE }, async ({ page }) => {
    await page.locator('li.card').nth(2).waitFor();
    await assertNoHorizontalOverflow(page, 'catalog');
  });
});
