/**
 * Issue #26's whole path, as a person takes it: from an empty studio under the development server,
 * the Géosites map is composed from the shared INPG file (categories on typologie1, a record with a
 * link, table columns, search on the name, the confidential rule withholding 11 records), saved
 * through « Enregistrer », built by Vite like `npm run build`, and the built map draws the same
 * pixels as a reference document written by hand (test/fixtures/studio/geosites-reference.json).
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { REPO, axeViolations, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';
import { startDevServer, type DevSuite } from './support/dev-server.js';
import { GEOSITES_FILE, GEOSITES_SKIP, buildSiteCopy, packagedRecords } from './support/geosites.js';
import { decodePng, differingShare } from './support/png.js';
import { keepScreenshot } from '../support/screenshots.js';

const DESKTOP = { width: 1366, height: 768 };
const MAP_ID = 'geosites-studio';
const REFERENCE = join(REPO, 'test/fixtures/studio/geosites-reference.json');

let folder: string;
let mapsDir: string;
let dev: DevSuite | undefined;

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'cartable-studio-geosites-'));
  mapsDir = join(folder, 'maps');
  mkdirSync(mapsDir);
});
after(async () => {
  await dev?.close();
  rmSync(folder, { recursive: true, force: true });
});

const section = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const settings = (page: Page) => page.locator('cartable-studio-settings');
const layers = (page: Page) => page.locator('cartable-studio-layers');
const style = (page: Page) => page.locator('cartable-studio-style');
const records = (page: Page) => page.locator('cartable-studio-records');

/** Types into a field as a person does (clears it first). */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.fill('');
  await field.pressSequentially(text);
}

/** The map settings: id, titles, the empty basemap, the opening view typed. */
async function describeMap(page: Page): Promise<void> {
  await section(page, 'Carte').click();
  await typeInto(settings(page).getByLabel('Identifiant', { exact: true }), MAP_ID);
  await typeInto(settings(page).getByLabel('Titre (français)', { exact: true }), 'Géosites — composée au studio');
  await typeInto(settings(page).getByLabel('Titre (anglais)', { exact: true }), 'Geosites — made in the studio');
  await settings(page).getByLabel('Sans fond de carte (le fond de la page)').check();
  await settings(page).getByLabel('Centre : x (EPSG:4326)').fill('6.25');
  await settings(page).getByLabel('Centre : y (EPSG:4326)').fill('44.85');
  await settings(page).getByLabel('Zoom', { exact: true }).fill('9');
}

/** Adds the shared INPG file as a layer (packaged under data/<map id>/ on save) and names it. */
async function addGeosites(page: Page): Promise<void> {
  await section(page, 'Couches').click();
  await layers(page).getByRole('button', { name: 'Ajouter une couche' }).click();
  await layers(page).locator('#layer-file').setInputFiles(GEOSITES_FILE);
  await layers(page).getByRole('status').filter({ hasText: '71 objet(s)' }).waitFor();
  await layers(page).locator('li[data-path="layers/0"] > .item .name').click();
  await typeInto(layers(page).locator('#title-fr'), 'Géosites (INPG)');
  await typeInto(layers(page).locator('#title-en'), 'Geosites (INPG)');
}

/** Categories on typologie1 in the shipped map's colours and markers (7 px, a white 2 px outline). */
async function styleByType(page: Page): Promise<void> {
  await section(page, 'Style').click();
  await style(page).locator('input[name="style-mode"][value="categories"]').check();
  await style(page).locator('#category-field').selectOption('typologie1');
  // The editor orders values by count: « Site naturel » (the most) first. Hex values typed key by key.
  for (const [n, name, colour] of [[0, 'Site naturel', '#a0522d'], [1, 'Site anthropique', '#5b3f8c']] as const) {
    await typeInto(style(page).locator(`#category-${n}-colour`), colour);
    await style(page).getByText(`Symbole de « ${name} »`).click();
    await style(page).locator(`#category-${n}-symbol-radius`).fill('7');
    await style(page).locator(`#category-${n}-symbol-stroke-width`).fill('2');
  }
}

/** The record (title, a link), the table, the search and the confidential rule. */
async function describeRecords(page: Page): Promise<void> {
  await section(page, 'Fiches').click();
  const panel = records(page);
  await panel.getByLabel('Identifiant des fiches').selectOption('id_site');
  const title = panel.getByLabel('Titre de la fiche (français)', { exact: true });
  await title.fill('');
  await panel.getByLabel('Insérer un champ dans Titre de la fiche (français)').selectOption('nom_site');
  await panel.getByRole('button', { name: 'Ajouter un lien' }).click();
  await typeInto(panel.getByLabel('Texte du lien 1 (français)'), 'Fiche INPN du site');
  await typeInto(panel.getByLabel('Adresse du lien 1', { exact: true }), 'https://inpn.mnhn.fr/site/geologique/');
  await panel.getByLabel('Insérer un champ dans Adresse du lien 1').selectOption('id_site');
  // The table starts with the layer's first three fields: the name stays, the others give way to the type.
  await panel.getByLabel('Une table liste les fiches de la couche').check();
  const columns = panel.getByRole('list', { name: 'colonnes de la table' });
  for (const field of ['id_site', 'code_region']) await columns.getByRole('button', { name: new RegExp(`^Retirer (.*\\()?${field}\\)?$`) }).click();
  await panel.getByLabel('Ajouter un champ à colonnes de la table').selectOption('typologie1');
  await panel.getByLabel('Ajouter un champ à champs cherchés').selectOption('nom_site');
  await panel.getByLabel('Champ qui dit si une fiche est confidentielle').selectOption('confidentialite');
  await panel.getByLabel('Réservé (11)').check();
  await panel.getByRole('status').filter({ hasText: '11 fiches retenues sur 71' }).waitFor();
}

test('the studio composes the Géosites map, saves it, the build accepts it and draws it like the hand-written reference', { skip: GEOSITES_SKIP, timeout: 600_000 }, async (t) => {
  dev = await startDevServer({ mapsDir });
  await withPage(t, dev, { path: '?studio', viewport: DESKTOP }, async ({ page }) => {
    await settings(page).getByLabel('Identifiant', { exact: true }).waitFor();
    await describeMap(page);
    await addGeosites(page);
    await styleByType(page);
    await describeRecords(page);
    await page.locator('cartable-studio .problems').filter({ hasText: 'Document valide' }).waitFor();
    await keepScreenshot(page, 'studio-geosites-composed');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Enregistré : maps/${MAP_ID}.json` }).waitFor();
  });
  await dev.close();
  dev = undefined;

  const saved = JSON.parse(readFileSync(join(mapsDir, `${MAP_ID}.json`), 'utf8')) as { layers: Array<Record<string, any>> };
  const layer = saved.layers[0]!;
  assert.equal(layer.type, 'geojson');
  assert.ok(existsSync(join(mapsDir, layer.file)), `the packaged file ${layer.file} is written under maps/`);
  assert.deepEqual(layer.style.categories.values.map((v: { value: string }) => v.value), ['Site naturel', 'Site anthropique']);
  assert.deepEqual(layer.confidential, { field: 'confidentialite', values: ['Réservé'] });
  assert.deepEqual(layer.search.fields, ['nom_site']);
  assert.deepEqual(layer.table.columns, ['nom_site', 'typologie1']);
  assert.match(JSON.stringify(layer.popup.links), /\{\{id_site\}\}/);

  // `npm run build` on the folder: the reference beside the studio's map, its data from the shared file.
  copyFileSync(REFERENCE, join(mapsDir, 'geosites-reference.json'));
  const config = join(folder, 'site.config.json');
  writeFileSync(config, readFileSync(join(REPO, 'site.config.json')));
  const dist = join(folder, 'dist');
  await buildSiteCopy(config, dist, 'error', GEOSITES_FILE, mapsDir);
  // The public build withholds the 11 « Réservé » records of both, as the studio counted.
  assert.equal(packagedRecords(dist, MAP_ID, layer.id).length, 60);
  assert.equal(packagedRecords(dist, 'geosites-reference', 'geosites').length, 60);

  const suite: Suite = await startSuite({ dist });
  try {
    const shots: Buffer[] = [];
    for (const id of [MAP_ID, 'geosites-reference']) {
      await withPage(t, suite, { path: `maps/${id}.html`, viewport: DESKTOP }, async ({ page }) => {
        await waitForMap(page);
        await keepScreenshot(page, `studio-geosites-built-${id}`);
        shots.push(await page.locator('cartable-map-view .ol-viewport').screenshot());
      });
    }
    const [studio, reference] = shots.map((png) => decodePng(png));
    // Antialiasing may differ by a shade at a marker's edge; a marker of another colour or place would not.
    const share = differingShare(studio!, reference!, 24);
    assert.ok(share < 0.002, `${(share * 100).toFixed(2)} % of the map's pixels differ from the reference's`);
  } finally {
    await suite.close();
  }
});
