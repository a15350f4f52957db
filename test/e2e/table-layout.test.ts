/**
 * The Géosites table on the screens of issue 18, FR and EN: at 1366×768 at least 8 rows stay in sight
 * with the filters open (in a popover inside the window), the handle resizes the table, and sorting the
 * last column keeps the names in sight; at 390×844 the cards sort from a selector.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, startSuite, withPage, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const words = {
  fr: { filters: 'Filtres', count: '60 sur 60', sortBy: 'Trier par', type: 'Type de site' },
  en: { filters: 'Filters', count: '60 of 60', sortBy: 'Sort by', type: 'Site type' },
} as const;

type Box = { left: number; top: number; right: number; bottom: number };
const within = (inner: Box, outer: Box): boolean =>
  inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;

/** Rows wholly inside the scroller, under its header, and not covered by anything (the hit test finds them). */
const rowsInSight = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const table = (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-table');
    const root: ShadowRoot = table.shadowRoot;
    const scroller = root.querySelector('.scroller')!.getBoundingClientRect();
    const header = root.querySelector('.header')!.getBoundingClientRect();
    return [...root.querySelectorAll<HTMLElement>('.row')].filter((row) => {
      const box = row.getBoundingClientRect();
      if (box.top < header.bottom - 0.5 || box.bottom > scroller.bottom + 0.5) return false;
      const hit = root.elementFromPoint(box.left + 40, box.top + box.height / 2);
      return !!hit && row.contains(hit);
    }).length;
  });

const boxOf = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((e) => {
    const { left, top, right, bottom } = e.getBoundingClientRect();
    return { left, top, right, bottom };
  });

for (const language of ['fr', 'en'] as const) {
  const text = words[language];
  const query = `table=geosites${language === 'en' ? '&lang=en' : ''}`;

  test(`desktop ${language}: 8 rows in sight with the filters open, the popover in the window, names pinned`, async (t) => {
    await withPage(t, suite, { path: `maps/geosites.html?${query}`, viewport: DESKTOP }, async ({ page }) => {
      await page.locator('cartable-table .row').first().waitFor();
      assert.equal(await page.locator('cartable-table .toolbar .count').innerText(), text.count);
      const button = page.locator('cartable-table button[aria-controls="filters"]');
      assert.equal((await button.innerText()).trim(), text.filters);
      await button.click();
      const popover = page.locator('cartable-table #filters');
      await popover.locator('fieldset', { hasText: text.type }).waitFor();
      assert.ok((await rowsInSight(page)) >= 8, `rows in sight with the filters open: ${await rowsInSight(page)}`);
      assert.ok(within(await boxOf(page, 'cartable-table #filters'), { left: 0, top: 0, right: DESKTOP.width, bottom: DESKTOP.height }), 'the popover is inside the window');
      // Every value of every list can be reached inside the popover.
      for (const label of await popover.locator('fieldset label:last-of-type').all()) {
        await label.scrollIntoViewIfNeeded();
        assert.ok(within(await label.evaluate((e) => e.getBoundingClientRect().toJSON()), await boxOf(page, 'cartable-table #filters')));
      }
      assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the filters open');
      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'hidden' });
      assert.equal(await button.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true, 'focus is back on « Filtres »');

      // Sorting by the last column scrolls the grid to it; the names stay in sight.
      const last = page.locator('cartable-table [role="columnheader"]').last();
      await last.locator('button').click();
      assert.equal(await last.getAttribute('aria-sort'), 'ascending');
      await page.locator('cartable-table .scroller').evaluate((s) => (s.scrollLeft = s.scrollWidth));
      const scroller = await boxOf(page, 'cartable-table .scroller');
      const name = page.locator('cartable-table .row .cell').first();
      assert.ok(within(await name.evaluate((e) => e.getBoundingClientRect().toJSON()), scroller), 'the first name is in sight');
      assert.ok(within(await boxOf(page, 'cartable-table [role="columnheader"]'), scroller), 'its header too');
      assert.ok(within(await last.evaluate((e) => e.getBoundingClientRect().toJSON()), scroller), 'and the sorted column');
      assert.ok((await name.innerText()).length > 3);

      // The handle: dragged up by three rows, the table grows by as much, and the map shrinks.
      const handle = page.locator('cartable-table [role="separator"]');
      const before = (await boxOf(page, 'cartable-table')).top;
      const grip = await boxOf(page, 'cartable-table [role="separator"]');
      const x = (grip.left + grip.right) / 2;
      const y = (grip.top + grip.bottom) / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y - 108, { steps: 4 });
      await page.mouse.up();
      assert.ok(Math.abs((await boxOf(page, 'cartable-table')).top - (before - 108)) <= 1, 'the table grew by the drag');
      const mapBottom = await page.evaluate(() => (globalThis as any).__e2e.map().getViewport().getBoundingClientRect().bottom);
      assert.ok(mapBottom <= before - 100, 'the map gave up the room');
      await handle.focus();
      await page.keyboard.press('ArrowDown');
      assert.ok(Math.abs((await boxOf(page, 'cartable-table')).top - (before - 72)) <= 1, 'a key shrinks it by a row');
    });
  });

  test(`phone ${language}: the cards sort from a selector; the filters fit the window`, async (t) => {
    await withPage(t, suite, { path: `maps/geosites.html?${query}`, viewport: PHONE }, async ({ page }) => {
      await page.locator('cartable-table .card').first().waitFor();
      const sort = page.locator('cartable-table .sort');
      assert.match(await sort.innerText(), new RegExp(text.sortBy));
      const [column, direction] = await sort.locator('select').all();
      await column!.selectOption('total_eval_interet');
      await direction!.selectOption('desc');
      await page.waitForURL((url) => url.searchParams.get('ts') === '-total_eval_interet');
      // The first card is a site with the highest interest of all.
      const { first, best, top } = await page.evaluate(() => {
        const table = (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-table');
        const first = table.shadowRoot.querySelector('.card strong').textContent;
        const features = (globalThis as any).__e2e.map().getAllLayers().find((l: any) => l.get('cartable:id') === 'geosites').getSource().getFeatures();
        const notes = features.map((f: any) => Number(f.get('total_eval_interet'))).filter((n: number) => !Number.isNaN(n));
        const best = Math.max(...notes);
        const top = features.filter((f: any) => Number(f.get('total_eval_interet')) === best).map((f: any) => f.get('nom_site'));
        return { first, best, top };
      });
      assert.ok(top.includes(first), `the first card (${first}) has the highest interest (${best})`);
      assert.ok((await boxOf(page, 'cartable-table .sort')).right <= PHONE.width, 'the selector fits the width');
      await page.locator('cartable-table button[aria-controls="filters"]').click();
      await page.locator('cartable-table #filters fieldset').first().waitFor();
      assert.ok(within(await boxOf(page, 'cartable-table #filters'), { left: 0, top: 0, right: PHONE.width, bottom: PHONE.height }), 'the popover is inside the window');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
    });
  });
}
