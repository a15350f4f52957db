/**
 * A WMS layer's time and filters, end to end on the built site against a stand-in WMS: the slider and
 * the list (by keyboard) change what GetMap (and GetFeatureInfo) ask, the legend says what is shown,
 * the permalink keeps the choice and reopens it; a link's bad value leaves the default, quietly.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { waitUntil } from '../support/wait-until.js';
import { axeViolations, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';
import { choicesMapFixture, choicesWmsFixture, mapPath } from './support/wms-choices-maps.js';
import { stubPrint, waitForPrints } from './support/print.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const param = (url: URL, name: string): string | null => [...url.searchParams].find(([k]) => k.toUpperCase() === name)?.[1] ?? null;

/** Waits until the service got a request of `kind` whose `name` parameter is `value`. */
async function requested(seen: Map<string, URL[]>, kind: string, name: string, value: string | null): Promise<void> {
  await waitUntil(() => (seen.get(kind) ?? []).some((url) => param(url, name) === value), {
    what: `a ${kind} with ${name}=${value} (seen: ${(seen.get(kind) ?? []).map((u) => param(u, name)).join(' | ')})`,
  });
}

/** The page's own URL once its permalink holds `text`. */
async function permalinkWith(page: Page, text: string): Promise<string> {
  return waitUntil(() => (decodeURIComponent(page.url()).includes(text) ? page.url() : undefined), { what: `the permalink holding ${text}` });
}

const fixtures = (seen: Map<string, URL[]>) => [choicesMapFixture, choicesWmsFixture(seen)];

test('time: the slider (keyboard) changes TIME on GetMap, the legend says the year, the permalink reopens it', async (t) => {
  const seen = new Map<string, URL[]>();
  let link = '';
  await withPage(t, suite, { path: mapPath('carte-temps'), fixtures: fixtures(seen) }, async ({ page }) => {
    await waitForMap(page);
    // The range's last value shows first.
    await requested(seen, 'GetMap', 'TIME', '2023');
    const slider = page.getByRole('slider', { name: 'Année' });
    assert.equal(await slider.getAttribute('aria-valuetext'), '2023');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await requested(seen, 'GetMap', 'TIME', '2021');
    assert.equal(await slider.getAttribute('aria-valuetext'), '2021');
    await page.locator('cartable-legend section[data-layer="zones"] .choice', { hasText: 'Année : 2021' }).waitFor();
    const legend = (seen.get('GetLegendGraphic') ?? []).map((u) => param(u, 'TIME'));
    assert.ok(legend.includes('2021'), `GetLegendGraphic follows the time: ${legend.join(', ')}`);
    link = await permalinkWith(page, 'lc=zones~t:2021');
    // The printed page's legend says the year too.
    await stubPrint(page);
    await page.locator('cartable-tools [data-tool="print"]').click();
    await page.locator('cartable-tools-print .print').click();
    await waitForPrints(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('cartable-print-layout cartable-legend .choice', { hasText: 'Année : 2021' }).isVisible(), 'the printed legend says the year');
  });
  const again = new Map<string, URL[]>();
  await withPage(t, suite, { fixtures: fixtures(again) }, async ({ page }) => {
    await page.goto(link);
    await waitForMap(page);
    assert.equal(await page.getByRole('slider', { name: 'Année' }).getAttribute('aria-valuetext'), '2021');
    const times = (again.get('GetMap') ?? []).map((u) => param(u, 'TIME'));
    assert.ok(times.length > 0 && times.every((time) => time === '2021'), `the reopened map asks 2021 only: ${times.join(', ')}`);
  });
});

test('filter: « EPCI » chosen by keyboard goes to GetMap and GetFeatureInfo as CQL_FILTER; the permalink reopens it', async (t) => {
  const seen = new Map<string, URL[]>();
  let link = '';
  await withPage(t, suite, { path: mapPath('carte-filtre'), fixtures: fixtures(seen) }, async ({ page }) => {
    await waitForMap(page);
    assert.ok((seen.get('GetMap') ?? []).every((u) => param(u, 'CQL_FILTER') === null), '« Tous » at start: no filter');
    const list = page.getByRole('combobox', { name: 'Échelle' });
    await list.focus();
    await page.keyboard.press('ArrowDown'); // Commune
    await page.keyboard.press('ArrowDown'); // EPCI
    await requested(seen, 'GetMap', 'CQL_FILTER', "level='EPCI'");
    await page.locator('cartable-legend section[data-layer="pop"] .choice', { hasText: 'Échelle : EPCI' }).waitFor();
    const box = await page.locator('cartable-map-view .map').boundingBox();
    assert.ok(box, 'the map has a box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await requested(seen, 'GetFeatureInfo', 'CQL_FILTER', "level='EPCI'");
    link = await permalinkWith(page, 'lc=pop~f.level:EPCI');
  });
  const again = new Map<string, URL[]>();
  await withPage(t, suite, { fixtures: fixtures(again) }, async ({ page }) => {
    await page.goto(link);
    await waitForMap(page);
    assert.equal(await page.getByRole('combobox', { name: 'Échelle' }).inputValue(), 'EPCI');
    const filters = (again.get('GetMap') ?? []).map((u) => param(u, 'CQL_FILTER'));
    assert.ok(filters.length > 0 && filters.every((f) => f === "level='EPCI'"), `the reopened map filters on EPCI only: ${filters.join(', ')}`);
  });
});

test('a link with values the layer does not offer opens the map with its defaults, without an error page', async (t) => {
  const seen = new Map<string, URL[]>();
  await withPage(t, suite, { path: `${mapPath('carte-filtre')}&lc=pop~f.level:Canton`, fixtures: fixtures(seen) }, async ({ page }) => {
    await waitForMap(page);
    assert.equal(await page.getByRole('combobox', { name: 'Échelle' }).inputValue(), '');
    assert.ok((seen.get('GetMap') ?? []).every((u) => param(u, 'CQL_FILTER') === null), 'no filter sent');
  });
});

test('axe: no violations with the time slider and the filter list shown', async (t) => {
  for (const id of ['carte-temps', 'carte-filtre'] as const) {
    await withPage(t, suite, { path: mapPath(id), fixtures: fixtures(new Map()) }, async ({ page }) => {
      await waitForMap(page);
      await page.locator('cartable-layer-choices').waitFor();
      const violations = await axeViolations(page);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.targets.join(' ')}`), [], `axe violations on ${id}`);
    });
  }
});
