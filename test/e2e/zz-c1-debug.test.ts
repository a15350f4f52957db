import { after, before, test } from 'node:test';
import { startSuite, toWebMercator, waitForLayers, waitForMap, withPage, type Suite } from '/work/main/test/e2e/support/harness.js';
let suite: Suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });
test('debug', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'ready');
    await page.evaluate(() => (globalThis as any).__e2e.mapView().openReport());
    const r = page.locator('cartable-report');
    await r.getByLabel('Une zone tracée').check();
    await r.getByRole('button', { name: 'Tracer la zone sur la carte' }).click();
    const box = await page.locator('cartable-map-view').evaluate((v) => v.shadowRoot!.querySelector('.map')!.getBoundingClientRect().toJSON());
    console.log('box', box);
    await page.evaluate(() => { (globalThis as any).__e2e.map().on('click', (e: any) => console.log('olclick', e.pixel)); });
    page.on('console', (m) => console.log('page:', m.text()));
    await page.mouse.click(box.x + 200, box.y + 200);
    await page.waitForTimeout(400);
    await page.mouse.click(box.x + 300, box.y + 200);
    await page.waitForTimeout(400);
    console.log(await r.evaluate((el: any) => [el.vertices, el.picking]));
    console.log(await page.evaluate(() => document.elementFromPoint(600, 300)?.tagName));
  });
});
