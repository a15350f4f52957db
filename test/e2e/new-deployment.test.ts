/**
 * A new deployment. Without the service worker (first visit, blocked worker, embed), a page opened
 * before it asks later for code that is gone from the server: the page offers the new version
 * instead of breaking, and keeps what it shows. With the worker, the old version keeps serving until
 * the person chooses « Recharger ». Runs on a copy of the built site, which the tests change as a
 * deployment would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
let copy: string;
before(async () => {
  copy = mkdtempSync(join(tmpdir(), 'cartable-deployment-'));
  cpSync(DIST, copy, { recursive: true });
  suite = await startSuite({ dist: copy });
});
after(async () => {
  await suite?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('« Partager » after its chunk is gone: « Une nouvelle version est disponible — Recharger », no page error, the map stays', async (t) => {
  // Chromium logs the chunk's 404 answer.
  const expectedConsoleErrors = [/Failed to load resource: the server responded with a status of 404/];
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', expectedConsoleErrors }, async ({ page }) => {
    await waitForMap(page);
    const chunks = readdirSync(join(copy, 'assets')).filter((name) => /^cartable-share-[\w-]{8}\.js$/.test(name));
    assert.equal(chunks.length, 1, 'the share dialog has a chunk of its own');
    rmSync(join(copy, 'assets', chunks[0]!));

    await page.locator('cartable-map-view button.share-toggle').click();
    const prompt = page.locator('cartable-status .pill', { hasText: 'Une nouvelle version est disponible' });
    await prompt.waitFor();
    assert.equal(await prompt.getByRole('button', { name: 'Recharger' }).count(), 1);
    // Nothing shown is lost: the map is still there, and no dialog half-opened.
    assert.equal(await page.locator('cartable-map-view[rendered]').count(), 1);
    assert.equal(await page.locator('cartable-share').count(), 0);
  });
});

test('with the worker, a new deployment waits for « Recharger »: the old version serves until then', { timeout: 180_000 }, async (t) => {
  await withPage(t, suite, { path: '', serviceWorkers: 'allow' }, async ({ page }) => {
    const title = page.locator('cartable-catalog li.card h2').first();
    const before = await title.innerText();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The deployment: a new title in the catalog, and the worker that precaches it.
    const catalogFile = join(copy, 'catalog.json');
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
    catalog.maps[0].title.fr += ' (nouvelle version)';
    writeFileSync(catalogFile, JSON.stringify(catalog));
    const worker = readFileSync(join(copy, 'sw.js'), 'utf8');
    const deployed = worker.replace(/(url:"catalog\.json",revision:")[^"]+/, '$1new-deployment');
    assert.notEqual(deployed, worker, 'the worker lists the catalog');
    writeFileSync(join(copy, 'sw.js'), deployed);

    await page.reload();
    const prompt = page.locator('cartable-status .pill', { hasText: 'Une nouvelle version est disponible' });
    await prompt.waitFor();
    assert.equal(await title.innerText(), before, 'the old version serves the page until the person reloads');
    await prompt.getByRole('button', { name: 'Recharger' }).click();
    await page.locator('cartable-catalog li.card h2', { hasText: '(nouvelle version)' }).waitFor();
  });
});
