/**
 * Another platform's look through the site configuration alone: its colours (tokens) and its logo, on
 * the catalog and on Géosites, desktop and phone: the tokens reach the elements, the logo shows, axe
 * finds nothing. (The default look: accessibility.test.ts; the dsfr preset: dsfr.test.ts.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteConfig } from '../../src/context/types.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import { keepScreenshot } from '../support/screenshots.js';
import { buildSiteCopy } from './support/geosites.js';
import { axeViolations, REPO, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** A green platform: its accent, header and links, and its logo (a file of the site). */
const THEME = { '--cartable-accent': '#00695c', '--cartable-link': '#00695c', '--cartable-header-bg': '#004d40', '--cartable-tag-bg': '#e0f2f1', '--cartable-tag-text': '#004d40' };

const folder = mkdtempSync(join(tmpdir(), 'cartable-custom-theme-'));
let suite: Suite;

before(async () => {
  const shipped = JSON.parse(readFileSync(join(REPO, 'site.config.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _, sources: _sources, ...rest } = shipped;
  const config = { ...rest, name: { fr: 'Géo Vallées — les cartes', en: 'Géo Vallées — maps' }, logo: 'favicon.svg', theme: THEME };
  const validated = validateSiteConfig(config);
  assert.ok(validated.ok, `test site configuration: ${JSON.stringify(!validated.ok && validated.problems)}`);
  const file = join(folder, 'site.json');
  writeFileSync(file, JSON.stringify(config));
  await buildSiteCopy(file, join(folder, 'dist'));
  suite = await startSuite({ dist: join(folder, 'dist'), site: validated.value as SiteConfig });
});
after(async () => {
  await suite?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function assertNoAxeViolations(page: Parameters<typeof axeViolations>[0], where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.targets.join(', ')}`), [], `axe violations on ${where}`);
}

for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test(`custom theme, ${name}: the catalog in the platform's colours, with its logo`, async (t) => {
    await withPage(t, suite, { viewport }, async ({ page }) => {
      await page.goto(suite.url(''));
      await page.locator('li.card').first().waitFor();
      const header = page.locator('cartable-site-header');
      assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 77, 64)', 'the header in the platform’s colour');
      const logo = page.locator('cartable-site-header img');
      await logo.waitFor();
      assert.ok(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the logo is shown');
      const tag = page.locator('li.card .tags li').first();
      assert.equal(await tag.evaluate((el) => getComputedStyle(el).color), 'rgb(0, 77, 64)', 'the cards’ tags in the platform’s colours');
      await keepScreenshot(page, `custom-catalog-${name}`);
      await assertNoAxeViolations(page, `the catalog (${name})`);
    });
  });

  test(`custom theme, ${name}: Géosites in the platform's colours`, async (t) => {
    await withPage(t, suite, { viewport, path: 'maps/geosites.html' }, async ({ page }) => {
      await waitForMap(page);
      const header = page.locator('cartable-map-header header');
      assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 77, 64)');
      await keepScreenshot(page, `custom-geosites-${name}`);
      await assertNoAxeViolations(page, `maps/geosites.html (${name})`);
    });
  });
}
