/**
 * The studio under the development server (npm start): every shipped map opens from ?studio=<id> and
 * saves back through « Enregistrer » byte for byte; a changed title writes that change and nothing else.
 * The server saves into a temporary copy of maps/ (CARTABLE_MAPS_DIR).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, REPO, withPage, type Fixture } from './support/harness.js';
import { copyOfMaps, startDevServer, type DevSuite } from './support/dev-server.js';

const SHIPPED = readdirSync(join(REPO, 'maps'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''));

let suite: DevSuite;
let maps: ReturnType<typeof copyOfMaps>;

before(async () => {
  maps = copyOfMaps();
  suite = await startDevServer({ mapsDir: maps.mapsDir });
});

after(async () => {
  await suite?.close();
  maps?.remove();
});

const original = (id: string): string => readFileSync(join(REPO, 'maps', `${id}.json`), 'utf8');
const saved = (id: string): string => readFileSync(join(maps.mapsDir, `${id}.json`), 'utf8');
const inode = (id: string): number => statSync(join(maps.mapsDir, `${id}.json`)).ino;

/** Waits until the studio holds the map `id` as opened, valid and ready to save. */
async function waitForOpened(page: Page, id: string): Promise<void> {
  const title = (JSON.parse(original(id)) as { title: { fr: string } }).title.fr;
  await page.locator('cartable-studio .bar .title').filter({ hasText: title }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Document valide' }).waitFor();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).and(page.locator(':enabled')).waitFor();
}

/** Saves through the button and waits for the studio to say so. */
async function saveThroughUi(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Enregistré : maps/${id}.json` }).waitFor();
}

describe('the studio saves under the development server', { timeout: 600_000 }, () => {
  for (const id of SHIPPED) {
    it(`opens ${id} from ?studio=${id} and saves it back byte for byte`, async (t) => {
      await withPage(t, suite, { path: `?studio=${id}`, viewport: { width: 1366, height: 768 } }, async ({ page }) => {
        await waitForOpened(page, id);
        const before = inode(id);
        await saveThroughUi(page, id);
        // Written anew (the atomic write renames a new file over it), with the same bytes.
        assert.notEqual(inode(id), before, 'the file was not written');
        assert.equal(saved(id), original(id));
        // The document is no longer « modifié ».
        assert.equal(await page.locator('cartable-studio .bar .title').textContent().then((text) => text?.includes('(modifié)')), false);
      });
    });
  }

  it('writes a changed title and nothing else, and says which problems block a save', async (t) => {
    const id = 'nature-paysage';
    await withPage(t, suite, { path: `?studio=${id}`, viewport: { width: 1366, height: 768 } }, async ({ page }) => {
      await waitForOpened(page, id);
      // What an editor sends up when the person types a new title (the settings editor does this).
      const edit = (path: (string | number)[], value: unknown): Promise<void> =>
        page.evaluate(
          ({ path, value }) => {
            const app = document.querySelector('cartable-studio')!;
            app.dispatchEvent(new CustomEvent('cartable-studio-edit', { detail: { edit: { type: 'set', path, value } }, bubbles: true, composed: true }));
          },
          { path, value },
        );
      await edit(['id'], 'pas un id');
      const button = page.getByRole('button', { name: 'Enregistrer', exact: true });
      await button.and(page.locator(':disabled')).waitFor();
      assert.match((await button.getAttribute('aria-describedby')) ?? '', /save-why/);
      assert.match((await page.locator('cartable-studio-save #save-why').textContent()) ?? '', /Enregistrement impossible : 1 problème/);
      await edit(['id'], id);
      await edit(['title', 'fr'], 'Nature et paysages (studio)');
      await page.locator('cartable-studio .bar .title').filter({ hasText: '(modifié)' }).waitFor();
      await page.keyboard.press('Control+s');
      await page.getByRole('status').filter({ hasText: `Enregistré : maps/${id}.json` }).waitFor();
      const expected = original(id).replace(/("title": \{\s*"fr": )"[^"]*"/, '$1"Nature et paysages (studio)"');
      assert.notEqual(expected, original(id));
      assert.equal(saved(id), expected);
      assert.deepEqual(await violationsOfThisPart(page), []);

      // Another map over a modified document: asked first; « Garder » keeps the work.
      await edit(['title', 'fr'], 'Encore changé');
      const openOther = async (): Promise<void> => {
        await page.getByRole('button', { name: 'Document' }).click();
        await page.getByRole('button', { name: 'Ouvrir une carte du site' }).click();
        await page.getByRole('dialog', { name: 'Ouvrir une carte du site' }).getByRole('button', { name: /\(geosites\)/ }).click();
      };
      await openOther();
      const confirm = page.getByRole('dialog', { name: 'Abandonner les modifications ?' });
      await confirm.waitFor();
      assert.deepEqual(await violationsOfThisPart(page), []);
      await confirm.getByRole('button', { name: 'Garder mon document' }).click();
      await page.locator('cartable-studio .bar .title').filter({ hasText: 'Encore changé' }).waitFor();
      await openOther();
      await confirm.getByRole('button', { name: 'Abandonner les modifications' }).click();
      await waitForOpened(page, 'geosites');
    });
  });

  it('writes the packaged files under maps/data/<id>/ with the document, and refuses one elsewhere, saying why', async (t) => {
    const id = 'lieux-de-france';
    // The refused save: Chromium logs the server's 400.
    const expectedConsoleErrors = [/status of 400 .*__cartable\/studio\/maps\/lieux-de-france/];
    await withPage(t, suite, { path: `?studio=${id}`, viewport: { width: 1366, height: 768 }, expectedConsoleErrors }, async ({ page }) => {
      await waitForOpened(page, id);
      // A dropped file, as the layers editor sends it up (a `file` edit).
      const drop = (path: string): Promise<void> =>
        page.evaluate((path) => {
          const studio = document.querySelector('cartable-studio')!;
          const file = { name: 'ajout.geojson', type: 'application/geo+json', bytes: new TextEncoder().encode('{"type":"FeatureCollection","features":[]}') };
          studio.dispatchEvent(new CustomEvent('cartable-studio-edit', { detail: { edit: { type: 'file', path, file } }, bubbles: true, composed: true }));
        }, path);
      await drop('data/autre-carte/ajout.geojson');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByRole('status').filter({ hasText: `le fichier « data/autre-carte/ajout.geojson » n’est pas sous data/${id}/` }).waitFor();
      assert.equal(existsSync(join(maps.mapsDir, 'data/autre-carte')), false);
      await page.evaluate(() => {
        const studio = document.querySelector('cartable-studio')!;
        studio.dispatchEvent(new CustomEvent('cartable-studio-edit', { detail: { edit: { type: 'file', path: 'data/autre-carte/ajout.geojson', file: undefined } }, bubbles: true, composed: true }));
      });
      await drop(`data/${id}/ajout.geojson`);
      await saveThroughUi(page, id);
      await page.getByRole('status').filter({ hasText: 'et 1 fichier(s) de données' }).waitFor();
      assert.equal(readFileSync(join(maps.mapsDir, `data/${id}/ajout.geojson`), 'utf8'), '{"type":"FeatureCollection","features":[]}');
      assert.equal(saved(id), original(id));
    });
  });

  it('creates a new map from « Nouvelle carte » and saves it as maps/<id>.json', async (t) => {
    await withPage(t, suite, { path: '?studio', viewport: { width: 1366, height: 768 } }, async ({ page }) => {
      await page.getByRole('button', { name: 'Document' }).click();
      await page.getByRole('button', { name: 'Nouvelle carte' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle carte' });
      await dialog.getByLabel('Identifiant').fill('essai-studio');
      await dialog.getByLabel('Titre (français)').fill('Essai du studio');
      await dialog.getByLabel('Titre (anglais)').fill('Studio test');
      assert.deepEqual(await violationsOfThisPart(page), []);
      await dialog.getByRole('button', { name: 'Créer' }).click();
      await page.locator('cartable-studio .bar .title').filter({ hasText: 'Essai du studio' }).waitFor();
      await saveThroughUi(page, 'essai-studio');
      const written = JSON.parse(saved('essai-studio')) as { id: string; title: unknown };
      assert.equal(written.id, 'essai-studio');
      assert.deepEqual(written.title, { fr: 'Essai du studio', en: 'Studio test' });

      // A new map given the id of a map of the site: saving asks before replacing its file.
      await page.getByRole('button', { name: 'Document' }).click();
      await page.getByRole('button', { name: 'Nouvelle carte' }).click();
      await dialog.getByLabel('Identifiant').fill('geosites');
      await dialog.getByText('Une carte du site porte déjà cet identifiant').waitFor();
      await dialog.getByLabel('Titre (français)').fill('Autre');
      await dialog.getByRole('button', { name: 'Créer' }).click();
      await page.locator('cartable-studio .bar .title').filter({ hasText: 'Autre' }).waitFor();
      const before = inode('geosites');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      const replace = page.getByRole('dialog', { name: 'Remplacer une carte du site ?' });
      await replace.waitFor();
      assert.deepEqual(await violationsOfThisPart(page), []);
      await replace.getByRole('button', { name: 'Annuler' }).click();
      await replace.waitFor({ state: 'hidden' });
      assert.equal(inode('geosites'), before);
      assert.equal(saved('geosites'), original('geosites'));
    });
  });
});

describe('the studio opens documents from the person’s computer', { timeout: 300_000 }, () => {
  it('imports an mviewer configuration and shows what the conversion left out', async (t) => {
    // The imported document's services (example.org) do not exist: the preview's requests to them fail, as said.
    const services: Fixture = { name: 'example.org services', match: (url) => url.hostname.endsWith('example.org'), respond: (route) => route.fulfill({ status: 404, body: '' }) };
    const options = { path: '?studio', viewport: { width: 1366, height: 768 }, fixtures: [services], expectedConsoleErrors: [/status of 404.*@ https:\/\/[a-z.]*example\.org\//] };
    await withPage(t, suite, options, async ({ page }) => {
      await page.locator('cartable-studio-start #import-file').setInputFiles(join(REPO, 'test/fixtures/interop/mviewer-rules.xml'));
      const report = page.getByRole('dialog', { name: 'Rapport d’import' });
      await report.waitFor();
      assert.match((await report.textContent()) ?? '', /"PNR" is a JavaScript custom layer/);
      assert.deepEqual(await violationsOfThisPart(page), []);
      await report.getByRole('button', { name: 'Fermer' }).click();
      await page.locator('cartable-studio .bar .title').filter({ hasText: '(modifié)' }).waitFor({ state: 'detached' });
    });
  });

  it('refuses a file that is not a map, saying why, and opens a local map document', async (t) => {
    await withPage(t, suite, { path: '?studio', viewport: { width: 1366, height: 768 } }, async ({ page }) => {
      const local = page.locator('cartable-studio-start #local-file');
      await local.setInputFiles({ name: 'liste.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') });
      const failed = page.getByRole('dialog', { name: 'Impossible d’ouvrir ce document' });
      await failed.getByText('Ce fichier n’est pas un document de carte').waitFor();
      await failed.getByRole('button', { name: 'Fermer' }).click();
      await local.setInputFiles({ name: 'geosites.json', mimeType: 'application/json', buffer: Buffer.from(original('geosites')) });
      await waitForOpened(page, 'geosites');
    });
  });
});

/** axe's findings on the studio's « Document » menu and saving (the shell's own are its tests'). */
async function violationsOfThisPart(page: Page): Promise<unknown[]> {
  return (await axeViolations(page)).filter((v) => v.targets.some((target) => /cartable-studio-(start|save)/.test(target)));
}
