/**
 * « Une commune » on the shipped Géosites map, end to end, the Géoplateforme's commune WFS answered from
 * the shared communes of Isère and Puy-de-Dôme (test/e2e/support/commune-fixture.ts, a default fixture):
 * a person types « bourg d'oisans », picks Bourg-d'Oisans (38) and reads the geosites inside 38052 —
 * checked against ray casting over the shared outline and the shared INPG records (support/oisans.ts) — then a
 * point with a 5 km radius, checked against haversine. The header's « Géosites de ma commune » opens the
 * report on « Une commune » with focus in the commune box (1366×768 and 390×844, French and English);
 * a failing commune service is said in the picker, and the report shown stays. The phone once, whole.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { haversine, mercatorToLonLat } from '../support/geodesy.js';
import { keepScreenshot } from '../support/screenshots.js';
import { isCommuneWfsRequest } from '../support/commune-wfs.js';
import { axeViolations, startSuite, waitForMap, waitForViewStill, withPage, type Fixture, type Suite } from './support/harness.js';
import { centreBesidePanel, countReady, mapArea, nextReady, openGeosites, pagePixel, picker, pickCommune, readyCount, report } from './support/report-page.js';
import { inOisans, OISANS_EXTREMES, PUBLIC, SITES } from './support/oisans.js';
import { waitForInFreeArea } from './support/geometry.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** The point the radius is drawn around: the village of Le Bourg-d'Oisans. */
const VILLAGE: [number, number] = [6.0306, 45.0553];

// ---------------------------------------------------------------- page helpers

/** The element focused now, through shadow roots: its tag and role. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.localName, role: active?.getAttribute('role'), id: active?.id };
  });


/** The report's place now, as the report holds it (a circle's centre in the view's projection). */
const placeCentre = (page: Page): Promise<number[]> =>
  page.evaluate(() => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-report').place.center);

// ---------------------------------------------------------------- the tests

test('« Une commune »: bourg d’oisans gives the geosites inside 38052 and no other; then a point and 5 km, checked with haversine', async (t) => {
  const expected = PUBLIC.filter(inOisans);
  // The three: two ship publicly, RHA0048 is « Réservé » (withheld from the public map, like every such record).
  assert.deepEqual(SITES.filter(inOisans).map((s) => s.id).sort(), ['RHA0040', 'RHA0041', 'RHA0048']);
  assert.deepEqual(expected.map((s) => s.id).sort(), ['RHA0040', 'RHA0041']);

  await withPage(t, suite, { path: 'maps/geosites.html', viewport: { width: 1366, height: 768 } }, async ({ page, hits }) => {
    await openGeosites(page);
    await page.locator('cartable-tools [data-tool="report"]').click();
    await report(page).locator('h2').waitFor();
    // The map offers communes: « Une commune » comes first, and is the mode.
    const modes = report(page).locator('.modes input[type="radio"]');
    assert.equal(await modes.first().evaluate((r) => r.parentElement!.textContent!.trim()), 'Une commune');
    assert.equal(await report(page).getByLabel('Une commune', { exact: true }).isChecked(), true);

    await picker(page).fill("bourg d'oisans");
    const option = report(page).getByRole('option', { name: /^(Le )?Bourg-d'Oisans \(38\)$/ });
    await option.waitFor();
    assert.equal(await picker(page).getAttribute('aria-expanded'), 'true');
    assert.ok((hits.get('Géoplateforme WFS communes') ?? 0) >= 1, 'the commune service was asked');
    await keepScreenshot(page, 'commune-suggestions-1366');

    const before = await readyCount(page);
    await option.click();
    await nextReady(page, before);
    assert.match(await report(page).locator('p', { hasText: 'Lieu :' }).innerText(), /Bourg-d'Oisans \(INSEE 38052\)/);
    assert.equal(await report(page).locator('#results-title').innerText(), `${expected.length} objet(s) trouvé(s)`);
    const listed = await report(page).locator('section[aria-labelledby="layer-geosites"] .item .label').allInnerTexts();
    assert.deepEqual([...listed].sort(), expected.map((s) => s.name).sort(), 'exactly the geosites inside 38052');
    // The outline is framed in the map area the panel leaves free, whole.
    await waitForViewStill(page);
    for (const point of OISANS_EXTREMES) await waitForInFreeArea(() => pagePixel(page, point), mapArea(page), [report(page)], 2);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the commune report');
    await keepScreenshot(page, 'commune-report-1366');
    // (The CSV and the printed page of this commune report: test/e2e/commune-file.test.ts.)

    // A point with a 5 km radius around the village, its listed geosites checked with haversine.
    await report(page).getByLabel('Un point et un rayon').check();
    await report(page).getByLabel('Rayon (km)').fill('5');
    await centreBesidePanel(page, VILLAGE, 12);
    const again = await readyCount(page);
    await report(page).getByRole('button', { name: 'Centre de la carte' }).click();
    await nextReady(page, again);
    const centre = mercatorToLonLat(await placeCentre(page));
    assert.ok(haversine(centre, VILLAGE) < 50, `the centre is the village (${centre})`);
    const near = PUBLIC.map((s) => ({ ...s, d: haversine(centre, s.at) }));
    assert.ok(near.every((s) => Math.abs(s.d - 5000) > 20), 'no geosite within 20 m of the limit (the comparison is unambiguous)');
    const within = near.filter((s) => s.d <= 5000).sort((a, b) => a.d - b.d);
    assert.ok(within.length >= 2, 'the circle holds several geosites');
    assert.deepEqual(await report(page).locator('section[aria-labelledby="layer-geosites"] .item .label').allInnerTexts(), within.map((s) => s.name), 'the geosites within 5 km, nearest first');
  });
});

const WORDS = {
  fr: { entry: 'Géosites de ma commune', mode: 'Une commune', box: 'Nom ou code INSEE de la commune', more: 'Plus d’actions' },
  en: { entry: 'Geosites in my commune', mode: 'A municipality', box: 'Name or INSEE code of the municipality', more: 'More actions' },
} as const;

for (const [width, height] of [[1366, 768], [390, 844]] as const)
  for (const lang of ['fr', 'en'] as const)
    test(`at ${width}×${height} (${lang}), the header's « ${WORDS[lang].entry} » opens the report on the commune box`, async (t) => {
      const words = WORDS[lang];
      await withPage(t, suite, { path: `maps/geosites.html${lang === 'en' ? '?lang=en' : ''}`, viewport: { width, height } }, async ({ page }) => {
        await waitForMap(page);
        const header = page.locator('cartable-map-header');
        const phone = width < 600;
        if (phone) {
          // No room on the row: the entry is the « ⋯ » menu's first item.
          await header.getByRole('button', { name: words.more }).click();
          const item = header.getByRole('menuitem', { name: words.entry });
          await item.waitFor();
          await keepScreenshot(page, `commune-entry-${width}-${lang}`);
          await item.click();
        } else {
          const entry = header.getByRole('button', { name: words.entry });
          await entry.waitFor();
          // On the one row, whole, inside the header.
          const [box, row] = [await entry.boundingBox(), await header.boundingBox()];
          assert.ok(box && row && box.x >= row.x && box.x + box.width <= row.x + row.width + 0.5 && box.y + box.height <= row.y + row.height + 0.5, 'the entry fits the header row');
          assert.equal(await header.evaluate((h) => h.shadowRoot!.querySelector('header')!.scrollWidth <= h.shadowRoot!.querySelector('header')!.clientWidth), true, 'nothing overflows the header');
          await keepScreenshot(page, `commune-entry-${width}-${lang}`);
          await entry.click();
        }
        await report(page).locator('h2').waitFor();
        assert.equal(await report(page).getByLabel(words.mode, { exact: true }).isChecked(), true);
        await page.waitForFunction(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.getAttribute('role') === 'combobox';
        });
        assert.deepEqual(await focused(page), { tag: 'input', role: 'combobox', id: 'commune' }, 'focus in the commune box');
        assert.equal(await report(page).getByRole('combobox', { name: words.box }).count(), 1);
        // The keyboard alone: type, arrow down, Enter.
        await countReady(page);
        await page.keyboard.type('oisans');
        await report(page).getByRole('option').first().waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await nextReady(page, 0);
        assert.match(await report(page).locator('.scroll > p', { hasText: /Lieu|Place/ }).innerText(), /Bourg-d'Oisans \(INSEE 38052\)/);
      });
    });

test('on a 390×844 phone: the entry, the suggestions, the report folded over the commune, unfolded to read it; axe finds nothing', async (t) => {
  const expected = PUBLIC.filter(inOisans).map((s) => s.name).sort();
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await openGeosites(page);
    const header = page.locator('cartable-map-header');
    await header.getByRole('button', { name: 'Plus d’actions' }).click();
    await header.getByRole('menuitem', { name: 'Géosites de ma commune' }).click();
    await report(page).locator('h2').waitFor();
    assert.equal(Math.round((await report(page).boundingBox())!.width), 390, 'the sheet covers the width');
    await picker(page).fill("bourg d'oisans");
    const option = report(page).getByRole('option', { name: /Bourg-d'Oisans \(38\)/ });
    await option.waitFor();
    const box = await option.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390 && box.height >= 24, 'the suggestion is on screen and big enough to touch');
    await keepScreenshot(page, 'commune-suggestions-390');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the suggestions open');
    await option.click();
    await nextReady(page, 0);
    // The sheet folds so the commune shows above it.
    await page.waitForFunction(() => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-report').hasAttribute('folded'));
    await waitForViewStill(page);
    await keepScreenshot(page, 'commune-report-390-folded');
    await report(page).getByRole('button', { name: 'Déplier le rapport' }).click();
    assert.deepEqual([...(await report(page).locator('section[aria-labelledby="layer-geosites"] .item .label').allInnerTexts())].sort(), expected);
    await keepScreenshot(page, 'commune-report-390');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the phone');
  });
});

test('a failing commune service is said in the picker, and the report shown stays', async (t) => {
  let failure: 'none' | 'error' | 'silent' = 'none';
  // Put before the default fixtures: while `failure` is set, the commune service fails its way.
  const failing: Fixture = {
    name: 'failing commune service',
    match: (url) => failure !== 'none' && isCommuneWfsRequest(url),
    respond: (route) =>
      failure === 'error'
        ? route.fulfill({ status: 503, headers: { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }, body: 'Service Unavailable' })
        : route.abort('timedout'),
  };
  await withPage(
    t,
    suite,
    { path: 'maps/geosites.html', viewport: { width: 1366, height: 768 }, fixtures: [failing], expectedConsoleErrors: [/503/, /ERR_TIMED_OUT/, /Failed to load resource/] },
    async ({ page }) => {
      await openGeosites(page);
      await page.locator('cartable-tools [data-tool="report"]').click();
      await report(page).locator('h2').waitFor();
      await pickCommune(page, 'oisans', /Bourg-d'Oisans \(38\)/);
      await nextReady(page, 0);
      const shown = await report(page).locator('#results-title').innerText();

      failure = 'error';
      await picker(page).fill('grenoble');
      const problem = report(page).locator('cartable-commune-picker .problem[role="alert"]');
      await problem.waitFor();
      assert.equal(await problem.innerText(), 'Le service des communes a répondu par une erreur. Réessayez dans un moment.');
      assert.equal(await picker(page).getAttribute('aria-expanded'), 'false');
      assert.equal(await report(page).locator('#results-title').innerText(), shown, 'the report shown stays');
      assert.match(await report(page).locator('p', { hasText: 'Lieu :' }).innerText(), /Bourg-d'Oisans \(INSEE 38052\)/);
      await keepScreenshot(page, 'commune-service-error-1366');

      failure = 'silent';
      await picker(page).fill('vienne');
      await report(page).locator('cartable-commune-picker .problem', { hasText: 'ne répond pas' }).waitFor({ timeout: 60_000 });
      assert.equal(await problem.innerText(), 'Le service des communes ne répond pas. Réessayez dans un moment.');

      // Back again: a commune no service has is said too.
      failure = 'none';
      await picker(page).fill('zzzz');
      await report(page).locator('cartable-commune-picker .empty').waitFor();
      assert.equal(await report(page).locator('cartable-commune-picker .empty').innerText(), 'Aucune commune ne correspond à « zzzz »');
      assert.equal(await problem.count(), 0, 'the failure message went');
    },
  );
});
