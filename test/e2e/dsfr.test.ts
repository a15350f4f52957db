/**
 * The dsfr preset end to end, on copies of the site built with the DSFR test configuration
 * (test/fixtures/dsfr/site.config.json: a State service with an accessibility statement) and with the
 * same configuration without `stateService`: the catalog's DSFR header and footer, the statement page
 * its footer links to, the Géosites map, desktop and phone, axe finding nothing; and without the State
 * service, no Marianne font and no bloc-marque. CARTABLE_SCREENSHOTS=<folder> keeps screenshots.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SiteConfig } from '../../src/context/types.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import { describeCost, FIRST_MAP_BUDGET, FIRST_MAP_REQUESTS, firstMapCost, listFiles } from './support/first-map-cost.js';
import { keepScreenshot } from '../support/screenshots.js';
import { buildSiteCopy } from './support/geosites.js';
import { axeViolations, REPO, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const FIXTURE = JSON.parse(readFileSync(join(REPO, 'test/fixtures/dsfr/site.config.json'), 'utf8')) as Record<string, unknown>;

interface Built {
  readonly suite: Suite;
  readonly dist: string;
}

const folder = mkdtempSync(join(tmpdir(), 'cartable-dsfr-'));
let state: Built;
let plain: Built;

async function buildAndServe(name: string, config: Record<string, unknown>): Promise<Built> {
  const { $schema: _, ...rest } = config;
  const validated = validateSiteConfig(rest);
  assert.ok(validated.ok, `test site configuration: ${JSON.stringify(!validated.ok && validated.problems)}`);
  const dir = join(folder, name);
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(rest));
  await buildSiteCopy(file, dir);
  return { dist: dir, suite: await startSuite({ dist: dir, site: validated.value as SiteConfig }) };
}

before(async () => {
  state = await buildAndServe('state', FIXTURE);
  const { stateService: _, ...withoutState } = FIXTURE;
  plain = await buildAndServe('plain', withoutState);
});
after(async () => {
  await state?.suite.close();
  await plain?.suite.close();
  rmSync(folder, { recursive: true, force: true });
});

async function assertNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  const listed = violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n      ${v.targets.join('\n      ')}`).join('\n');
  assert.deepEqual(violations.map((v) => v.id), [], `axe violations on ${where}:\n${listed}`);
}

/** The site's paths the page asked for under dsfr/ (the State identity's files). */
function identityRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/dsfr/')) seen.push(path.slice(path.indexOf('/dsfr/') + 1));
  });
  return seen;
}

/** The bloc-marque's lines and whether the package's logo stylesheet drew Marianne, in `host`'s shadow root. */
async function blocMarque(page: Page, host: string): Promise<{ text: string; drawn: boolean } | null> {
  return page.evaluate((selector) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    // The lines between the <br>s (innerText would be upper-cased by the logo's style).
    const lines = (logo: Element): string => [...logo.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent!.trim() : '')).filter(Boolean).join(' ');
    const logo = find(document)?.shadowRoot?.querySelector('.fr-logo');
    if (!logo) return null;
    return { text: lines(logo), drawn: getComputedStyle(logo, '::before').backgroundImage.startsWith('url("data:image/svg') };
  }, host);
}

for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test(`State service, ${name}: the catalog has the DSFR header with the bloc-marque, Marianne, and its footer's statement link works`, async (t) => {
    await withPage(t, state.suite, { viewport }, async ({ page }) => {
      const requested = identityRequests(page);
      await page.goto(state.suite.url(''));
      await page.locator('li.card').first().waitFor();
      await page.waitForFunction(() => document.fonts.status === 'loaded' && [...document.fonts].some((face) => face.family === 'Marianne' && face.status === 'loaded'));
      const mark = await blocMarque(page, 'cartable-site-header');
      assert.deepEqual(mark, { text: 'Préfet de la région Auvergne-Rhône-Alpes', drawn: true });
      const header = page.locator('cartable-site-header');
      assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)', 'the DSFR header is white');
      assert.match(await header.getByRole('link').first().innerText(), /DatARA/);
      assert.ok(requested.includes('dsfr/logo.css') && requested.some((path) => /^dsfr\/fonts\/Marianne-\w+\.woff2$/.test(path)), requested.join(', '));
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cartable-accent').trim()), '#000091');
      const footer = page.locator('cartable-site-footer');
      for (const label of ['Accessibilité : non conforme', 'Mentions légales', 'Données personnelles', 'Contact']) {
        assert.equal(await footer.getByRole('link', { name: label, exact: true }).count(), 1, `footer link « ${label} »`);
      }
      assert.equal(await footer.getByRole('link', { name: 'Gestion des cookies' }).count(), 0, 'no cookie management: the site sets no cookie');
      await keepScreenshot(page, `catalog-state-${name}`);
      await keepScreenshot(page, `catalog-state-${name}-full`, { fullPage: true });
      await assertNoAxeViolations(page, `the catalog (${name})`);

      await footer.getByRole('link', { name: 'Accessibilité : non conforme' }).click();
      await page.waitForURL(/accessibilite\.html$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), "Déclaration d'accessibilité");
      const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
      assert.deepEqual(headings, ['État de conformité', 'Contenus non accessibles', 'Établissement de cette déclaration', "Retour d'information et contact", 'Voies de recours']);
      assert.match(await page.locator('main').innerText(), /non conforme[^]*aucun audit/);
      assert.equal(await page.locator('.site-header .fr-logo').evaluate((logo) => logo.innerHTML), 'Préfet<br>de la région<br>Auvergne-Rhône-Alpes');
      await keepScreenshot(page, `statement-state-${name}`, { fullPage: true });
      await assertNoAxeViolations(page, `accessibilite.html (${name})`);

      await page.getByRole('link', { name: 'Accessibility statement in English' }).click();
      await page.waitForURL(/en\/accessibility\.html$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Accessibility statement');
      await assertNoAxeViolations(page, `en/accessibility.html (${name})`);
    });
  });

  test(`State service, ${name}: the Géosites map keeps its compact header in the DSFR colours`, async (t) => {
    await withPage(t, state.suite, { viewport }, async ({ page }) => {
      const requested = identityRequests(page);
      await page.goto(state.suite.url('maps/geosites.html'));
      await waitForMap(page);
      await keepScreenshot(page, `geosites-state-${name}`);
      const headerBox = await page.locator('cartable-map-header').boundingBox();
      assert.ok(headerBox, 'the map header is shown');
      const mark = await blocMarque(page, 'cartable-site-mark');
      if (name === 'desktop') {
        await page.locator('cartable-site-mark .fr-logo').waitFor();
        assert.deepEqual(await blocMarque(page, 'cartable-site-mark'), { text: 'Préfet de la région Auvergne-Rhône-Alpes', drawn: true });
        // One row, as tall as the package's small bloc-marque (fr-logo--sm) needs.
        assert.ok(headerBox.height <= 100, `the map header stays one row with the bloc-marque: ${headerBox.height}px`);
      } else {
        assert.equal(await page.locator('cartable-site-mark').isVisible(), false, `no bloc-marque over a phone's map (${JSON.stringify(mark)})`);
        assert.ok(headerBox.height <= 56, `the phone map header stays one row: ${headerBox.height}px`);
        // Marianne is declared after the map view has re-rendered for the drawn map (when the mark would
        // have come): by then a phone has no bloc-marque, so neither its code nor the logo's style sheet.
        await page.waitForFunction(() => [...document.fonts].some((face) => face.family === 'Marianne'));
        assert.equal(await page.locator('cartable-site-mark').count(), 0, 'no bloc-marque element on a phone');
        assert.equal(requested.includes('dsfr/logo.css'), false, `no logo style sheet on a phone: ${requested.join(', ')}`);
      }
      assert.equal(await page.locator('cartable-map-header').evaluate((el) => getComputedStyle(el).getPropertyValue('--cartable-header-bg').trim()), '#fff');
      await assertNoAxeViolations(page, `maps/geosites.html (${name})`);
    });
  });

  test(`State service, ${name}: the first map stays within the budget; the State identity's files and code come after it is drawn`, async (t) => {
    await withPage(t, state.suite, { viewport, path: 'maps/lieux-de-france.html' }, async ({ page }) => {
      await waitForMap(page);
      const cost = await firstMapCost(page, state.dist);
      t.diagnostic(`State service's first map (${name}): ${describeCost(cost)}`);
      assert.ok(cost.total <= FIRST_MAP_BUDGET && cost.requests.length + 1 <= FIRST_MAP_REQUESTS, `${describeCost(cost)}:\n${listFiles(cost)}`);
      assert.deepEqual(cost.requests.filter((path) => path.includes('/dsfr/')), [], 'no font or logo before the map is drawn');
      // Marianne is declared after the map is drawn, and the map's text then uses it.
      await page.waitForFunction(() => [...document.fonts].some((face) => face.family === 'Marianne'));
    });
  });

  test(`Not a State service, ${name}: the dsfr preset without Marianne or the bloc-marque`, async (t) => {
    await withPage(t, plain.suite, { viewport }, async ({ page }) => {
      const requested = identityRequests(page);
      await page.goto(plain.suite.url(''));
      await page.locator('li.card').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      assert.equal(await blocMarque(page, 'cartable-site-header'), null, 'no bloc-marque');
      assert.equal(await page.evaluate(() => [...document.fonts].some((face) => face.family === 'Marianne')), false, 'Marianne is not declared');
      assert.equal(await page.locator('cartable-site-header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');
      await keepScreenshot(page, `catalog-plain-${name}`);
      await assertNoAxeViolations(page, `the catalog without State service (${name})`);

      await page.goto(plain.suite.url('?lang=en'));
      const english = page.locator('cartable-site-footer').getByRole('link', { name: 'Accessibility: not compliant', exact: true });
      assert.match((await english.getAttribute('href')) ?? '', /\/cartes\/en\/accessibility\.html$/);

      await page.goto(plain.suite.url('maps/geosites.html'));
      await waitForMap(page);
      assert.equal(await page.locator('cartable-site-mark').count(), 0, 'no bloc-marque on the map');
      await keepScreenshot(page, `geosites-plain-${name}`);
      await assertNoAxeViolations(page, `maps/geosites.html without State service (${name})`);

      await page.goto(plain.suite.url('accessibilite.html'));
      assert.equal(await page.locator('.fr-logo').count(), 0);
      await keepScreenshot(page, `statement-plain-${name}`, { fullPage: true });
      await assertNoAxeViolations(page, `accessibilite.html without State service (${name})`);
      assert.deepEqual(requested, [], 'no request for the State identity’s files');
    });
  });
}

test('Not a State service: the build ships neither the Marianne font nor the logo', () => {
  assert.equal(existsSync(join(plain.dist, 'dsfr')), false);
  assert.ok(existsSync(join(state.dist, 'dsfr/fonts/Marianne-Regular.woff2')));
});
