/**
 * Unknown addresses, through the real nginx with the recipe the build writes: the site's own "page
 * not found" (404.html), at any depth, in French and English, whose link leads to the catalog; and a
 * broken map document named in the URL, whose problems the page says in French with their JSON path.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, axeViolations, startSuite, withPage, type Suite } from './support/harness.js';

/** A document with two mistakes, served beside the site's own (a copy of the built site holds it). */
const BROKEN = { version: 1, id: 'cassee', title: 'Cassée', view: { center: [2, 46], zoom: 'neuf' }, layers: [{ type: 'geojson', id: 'a', title: 'A', url: 'a.json', opacity: 2, style: {} }] };

let suite: Suite;
let copy: string;
before(async () => {
  copy = mkdtempSync(join(tmpdir(), 'cartable-not-found-'));
  cpSync(DIST, copy, { recursive: true });
  writeFileSync(join(copy, 'maps/cassee-e2e.json'), JSON.stringify(BROKEN));
  suite = await startSuite({ dist: copy });
});
after(async () => {
  await suite?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** Chromium logs the 404 answer of the page itself. */
const NOT_FOUND_LOG = [/Failed to load resource: the server responded with a status of 404/];

for (const path of ['maps/inconnue.html', 'a/b/c/inconnue']) {
  test(`${path}: 404 with the site's page, styled, whose link leads to the catalog`, async (t) => {
    await withPage(t, suite, { expectedConsoleErrors: NOT_FOUND_LOG }, async ({ page }) => {
      const answer = await page.goto(suite.url(path));
      assert.equal(answer?.status(), 404);
      assert.equal(await page.locator('h1').innerText(), 'Page introuvable');
      assert.equal(await page.locator('section[lang="en"] h2').innerText(), 'Page not found');
      // The site's look: the stylesheets came through the base, whatever the depth.
      assert.equal(await page.locator('main').evaluate((main) => getComputedStyle(main).borderTopLeftRadius), '10px');
      assert.deepEqual(await axeViolations(page), []);

      const english = page.getByRole('link', { name: 'See the map catalogue' });
      assert.equal(await english.evaluate((a: HTMLAnchorElement) => a.href), suite.url('?lang=en'));
      await page.getByRole('link', { name: 'Voir le catalogue des cartes' }).click();
      await page.waitForURL(suite.url(''));
      await page.locator('cartable-catalog li.card').first().waitFor();
    });
  });
}

test('a broken document named in the URL: its problems in French, with the file and the JSON path', async (t) => {
  const url = 'maps/cassee-e2e.json';
  await withPage(t, suite, { path: `?context=${url}` }, async ({ page }) => {
    const message = page.locator('cartable-message');
    await message.getByRole('heading', { name: 'Cette carte ne peut pas être affichée' }).waitFor();
    const items = message.locator('li');
    await items.first().waitFor();
    assert.deepEqual(await items.allInnerTexts(), [
      `${url}: /view/zoom — doit être un nombre ≥ 0 et ≤ 30 (trouvé : "neuf")`,
      `${url}: /layers/0/opacity — doit être un nombre ≥ 0 et ≤ 1 (trouvé : 2)`,
    ]);
    assert.deepEqual(await axeViolations(page), []);
  });
});
