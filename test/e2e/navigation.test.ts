/**
 * Routes and languages: an unknown map id, a map opened in English and switched live to French.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

test('an unknown map id shows "Carte introuvable" with a link back to the catalog', async (t) => {
  await withPage(t, suite, { path: 'index.html?map=nope' }, async ({ page }) => {
    const heading = page.locator('cartable-message h1');
    await heading.waitFor();
    assert.equal((await heading.innerText()).trim(), 'Carte introuvable');
    assert.match(await page.locator('cartable-message main').innerText(), /nope/, 'the message names the id');

    const back = page.locator('cartable-message a');
    assert.equal(await back.getAttribute('href'), suite.url(''), 'the link leads to the catalog root');
    await back.click();
    await page.waitForURL(suite.url(''));
    await page.locator('li.card[data-map="lieux-de-france"]').waitFor();
  });
});

test('?lang=en shows the map in English; the FR button switches live and drops lang from the URL', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html?lang=en' }, async ({ page }) => {
    const title = page.locator('cartable-map-view header h1');
    await title.waitFor();
    assert.equal((await title.innerText()).trim(), 'Populated places of France by region');
    await waitForMap(page);
    const en = page.locator('cartable-map-view cartable-language-switch button[lang="en"]');
    const fr = page.locator('cartable-map-view cartable-language-switch button[lang="fr"]');
    assert.equal(await en.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('li.layer[data-layer="lieux"] label').innerText(), 'Populated places');

    await fr.click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('lang'));
    await page
      .locator('cartable-map-view header h1', { hasText: 'Lieux habités de France par région' })
      .waitFor({ timeout: 5_000 });
    assert.equal(new URL(page.url()).pathname, new URL(suite.url('maps/lieux-de-france.html')).pathname);
    assert.equal(await fr.getAttribute('aria-pressed'), 'true');
    await page.locator('li.layer[data-layer="lieux"] label', { hasText: 'Lieux habités' }).waitFor({ timeout: 5_000 });
  });
});
