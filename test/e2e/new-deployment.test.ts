/**
 * A page opened before a new deployment, without the service worker (first visit, blocked worker,
 * cross-site embed): the code it loads later is gone from the server. The page offers the new
 * version instead of breaking, and keeps what it shows. Runs on a copy of the built site, from which
 * the test deletes the share dialog's chunk as a deployment would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
