/**
 * The studio on the published (static) site: it opens the built copy of a map and gives the
 * document with « Télécharger » and « Copier » (no server can write there).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, DIST, startSuite, withPage, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

describe('the studio on a static site', { timeout: 300_000 }, () => {
  it('downloads and copies the opened map’s document, laid out, with its built values', async (t) => {
    const built = JSON.parse(readFileSync(join(DIST, 'maps/geosites.json'), 'utf8')) as Record<string, unknown>;
    await withPage(t, suite, { path: '?studio=geosites', viewport: { width: 1366, height: 768 } }, async ({ page, context }) => {
      const download = page.getByRole('button', { name: 'Télécharger' });
      await download.and(page.locator(':enabled')).waitFor();
      // No « Enregistrer »: nothing on a static server can write.
      assert.equal(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count(), 0);
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      assert.equal(file.suggestedFilename(), 'geosites.json');
      const text = readFileSync((await file.path())!, 'utf8');
      assert.equal(text, `${JSON.stringify(built, null, 2)}\n`);
      await page.getByRole('status').filter({ hasText: '« geosites.json » est téléchargé' }).waitFor();

      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Copier' }).click();
      await page.getByRole('status').filter({ hasText: 'Document copié' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

      // The list of maps says that the built copy is what opens.
      await page.getByRole('button', { name: 'Document' }).click();
      await page.getByRole('button', { name: 'Ouvrir une carte du site' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ouvrir une carte du site' });
      await dialog.getByText('c’est la copie construite de la carte qui s’ouvre').waitFor();
      const violations = (await axeViolations(page)).filter((v) => v.targets.some((target) => /cartable-studio-(start|save)/.test(target)));
      assert.deepEqual(violations, []);
    });
  });
});
