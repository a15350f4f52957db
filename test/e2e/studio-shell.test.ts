/**
 * The studio's shell in the built site: its tabs by keyboard, undo and redo by their buttons (which
 * name the step) and by Ctrl+Z / Ctrl+Shift+Z, the problems line and a problem said next to its field,
 * the opening view framed on the preview's map, axe, and the read-only preview on a phone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, startSuite, withPage, type Suite } from './support/harness.js';
import { waitUntil } from '../support/wait-until.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const settings = (page: Page) => page.locator('cartable-studio-settings');
const idField = (page: Page) => settings(page).getByLabel('Identifiant', { exact: true });
const titleField = (page: Page) => settings(page).getByLabel('Titre (français)', { exact: true });

async function openStudio(page: Page): Promise<void> {
  await page.goto(suite.url('?studio'));
  await idField(page).waitFor();
  // The preview shows the new document's map: the studio is whole.
  await page.locator('cartable-studio-preview cartable-map-view[rendered]').waitFor({ state: 'attached' });
}

test('studio: the tabs follow the arrow, Home and End keys, each showing its panel', async (t) => {
  await withPage(t, suite, { viewport: DESKTOP }, async ({ page }) => {
    await openStudio(page);
    await tab(page, 'Carte').focus();
    const selected = () => page.locator('[role="tab"][aria-selected="true"]').innerText();
    const focused = () => page.evaluate(() => document.querySelector('cartable-studio')!.shadowRoot!.activeElement?.textContent?.trim());
    await page.keyboard.press('ArrowRight');
    assert.equal(await selected(), 'Couches');
    assert.equal(await focused(), 'Couches');
    assert.equal(await page.getByRole('tabpanel').getAttribute('aria-labelledby'), 'tab-layers');
    await page.keyboard.press('End');
    assert.equal(await selected(), 'Fiches');
    await page.keyboard.press('ArrowRight');
    assert.equal(await selected(), 'Carte', 'the last tab wraps to the first');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await selected(), 'Fiches');
    await page.keyboard.press('Home');
    assert.equal(await selected(), 'Carte');
    await idField(page).waitFor();
    // Only the selected tab is in the Tab order: Tab goes from it to what follows the tab list.
    assert.deepEqual(await page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('tabindex'))), ['0', '-1', '-1', '-1']);
  });
});

test('studio: undo and redo name their step, by button and by Ctrl+Z / Ctrl+Shift+Z', async (t) => {
  await withPage(t, suite, { viewport: DESKTOP }, async ({ page }) => {
    await openStudio(page);
    const undo = page.locator('button.undo');
    const redo = page.locator('button.redo');
    assert.equal(await undo.isDisabled(), true);
    await titleField(page).fill('');
    await titleField(page).pressSequentially('Géosites');
    assert.equal(await undo.getAttribute('aria-label'), 'Annuler : Titre (français)', 'typing in one field is one step, named after it');
    await page.getByLabel('Description (français)', { exact: true }).pressSequentially('Des sites');
    assert.equal(await undo.getAttribute('aria-label'), 'Annuler : Description (français)');

    await page.keyboard.press('Control+z');
    assert.equal(await page.getByLabel('Description (français)', { exact: true }).inputValue(), '');
    assert.equal(await redo.getAttribute('aria-label'), 'Rétablir : Description (français)');
    await undo.click();
    assert.equal(await titleField(page).inputValue(), 'Nouvelle carte');
    assert.equal(await undo.isDisabled(), true);
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await titleField(page).inputValue(), 'Géosites');
    await redo.click();
    assert.equal(await page.getByLabel('Description (français)', { exact: true }).inputValue(), 'Des sites');
    assert.equal(await redo.isDisabled(), true);
    assert.match(await page.locator('cartable-studio .bar .title').innerText(), /Géosites \(modifié\)/);
  });
});

test('studio: a wrong id is said next to its field and counted on the problems line, which leads to it; axe finds nothing', async (t) => {
  await withPage(t, suite, { viewport: DESKTOP }, async ({ page }) => {
    await openStudio(page);
    const status = page.locator('cartable-studio .problems [role="status"]');
    assert.equal((await status.innerText()).trim(), 'Document valide');
    assert.deepEqual(await axeViolations(page), []);

    await idField(page).fill('ma carte');
    assert.match(await status.innerText(), /^1 problème\(s\) à corriger avant d’enregistrer : Carte \(1\)\.$/);
    assert.equal(await idField(page).getAttribute('aria-invalid'), 'true');
    const described = (await idField(page).getAttribute('aria-describedby'))!.split(' ');
    const problem = page.locator(`cartable-studio-settings #${described.at(-1)}`);
    assert.match(await problem.innerText(), /lettre ou un chiffre.*ma carte/s);
    assert.deepEqual(await axeViolations(page), []);

    // From another tab, the line's button opens the section on its wrong field.
    await tab(page, 'Style').click();
    await page.getByRole('button', { name: 'Voir : Carte' }).click();
    await page.waitForFunction(() => {
      const settings = document.querySelector('cartable-studio')?.shadowRoot?.querySelector('cartable-studio-settings');
      return settings?.shadowRoot?.activeElement?.id === 'f-id';
    });
    await page.keyboard.press('Control+z');
    assert.equal((await status.innerText()).trim(), 'Document valide');
    assert.equal(await idField(page).getAttribute('aria-invalid'), 'false');
  });
});

test('studio: « Cadrer sur la carte actuelle » writes the view the preview shows', async (t) => {
  await withPage(t, suite, { viewport: DESKTOP }, async ({ page }) => {
    await openStudio(page);
    assert.match(await page.locator('cartable-studio-settings .view-now').innerText(), /zoom 7$/);
    await page.locator('cartable-studio-preview').getByRole('button', { name: 'Zoomer', exact: true }).click();
    // The preview's view is in its store once the zoom's animation ended (no event reaches the page for it).
    await waitUntil(
      () =>
        page.evaluate(async () => {
          const studio = document.querySelector('cartable-studio')!;
          const preview = studio.shadowRoot!.querySelector('cartable-studio-preview') as unknown as { currentView(): Promise<{ zoom?: number } | undefined> };
          return (await preview.currentView())?.zoom === 8;
        }),
      { what: 'the preview zoomed in to 8' },
    );
    await page.getByRole('button', { name: 'Cadrer sur la carte actuelle' }).click();
    await page.locator('cartable-studio-settings .frame-status', { hasText: 'la carte actuelle' }).waitFor();
    assert.match(await page.locator('cartable-studio-settings .view-now').innerText(), /zoom 8$/);
    assert.equal(await page.locator('button.undo').getAttribute('aria-label'), 'Annuler : vue à l’ouverture');
  });
});

test('studio on a phone: the map, read only, nothing to edit, nothing overflowing; axe finds nothing', async (t) => {
  await withPage(t, suite, { viewport: PHONE }, async ({ page }) => {
    await page.goto(suite.url('?studio'));
    await page.locator('cartable-studio-preview cartable-map-view[rendered]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('cartable-studio .narrow-note').isVisible(), true);
    assert.equal(await page.getByRole('tablist').count(), 0, 'no editor');
    assert.equal(await page.locator('button.undo').count(), 0, 'no undo');
    assert.equal(await page.locator('cartable-studio-save').count(), 0, 'no save');
    const box = await page.locator('cartable-studio-preview').boundingBox();
    assert.ok(box && box.width <= PHONE.width && box.height > PHONE.height / 2, `the preview fills the screen: ${JSON.stringify(box)}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `scrollWidth ${width} > ${PHONE.width}`);
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('studio in English: the shell and its editors speak it from their first drawing', async (t) => {
  await withPage(t, suite, { viewport: DESKTOP }, async ({ page }) => {
    await page.goto(suite.url('?studio&lang=en'));
    await settings(page).getByLabel('Identifier', { exact: true }).waitFor();
    assert.equal(await tab(page, 'Map').getAttribute('aria-selected'), 'true');
    assert.equal(await settings(page).getByLabel('Title (English)', { exact: true }).getAttribute('placeholder'), 'Same as French');
    await page.getByRole('button', { name: 'Frame on the current map' }).waitFor();
  });
});
