/**
 * Charts beside the Géosites table, end to end on the built site: the counts by type against the
 * data the map serves, a bar click filtering the table, the map and the link, the link read back,
 * the keyboard, axe, the phone (the chart alone, not covered, a way back to the table) and printing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { keepScreenshot } from '../support/screenshots.js';
import { assertNotCovered } from './support/geometry.js';
import { GEOSITES_FILE, GEOSITES_SKIP, packagedRecords } from './support/geosites.js';
import { DIST, axeViolations, startSuite, waitForLayers, waitForMap, withPage, type Suite } from './support/harness.js';
import { inOisans, PUBLIC } from './support/oisans.js';
import { nextReady, openGeosites, openPrint, pickCommune, readyCount, report } from './support/report-page.js';
import { stubPrint, waitForPrints } from './support/print.js';

const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

type Properties = Record<string, string | null>;

/**
 * Sites per type (typologie1) as the map must count them: the shared INPG file without the records
 * the map withholds (confidentialite « Réservé », maps/geosites.json), checked against what the build
 * actually ships; the shipped file alone when the shared one is absent.
 */
function expectedByType(): { counts: Map<string, number>; total: number } {
  const shipped = packagedRecords(DIST, 'geosites', 'geosites').map((f) => f.properties as Properties);
  let records = shipped;
  if (!GEOSITES_SKIP) {
    const source = JSON.parse(readFileSync(GEOSITES_FILE, 'utf8')) as { features: Array<{ properties: Properties }> };
    records = source.features.map((f) => f.properties).filter((p) => p['confidentialite'] !== 'Réservé');
    assert.deepEqual(shipped.map((p) => p['id_site']).sort(), records.map((p) => p['id_site']).sort(), 'the build ships the public records of the shared file');
  }
  const counts = new Map<string, number>();
  for (const p of records) {
    const value = p['typologie1'];
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return { counts, total: records.length };
}

const panel = (page: Page) => page.locator('cartable-map-view cartable-chart-panel');
const bars = (page: Page) => panel(page).locator('cartable-chart g.item');
/** The table's « Graphiques » button. */
const chartsButton = (page: Page) => page.locator('cartable-table').getByRole('button', { name: 'Graphiques', exact: true });
const tableCount = (page: Page) => page.locator('cartable-table .toolbar .count').innerText();

/** The chart's bars as the panel computed them: value, label, count. */
const figures = (page: Page) =>
  page.evaluate(() => {
    const element = (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-chart-panel');
    return (element.figures?.bars ?? []).map((b: any) => ({ value: b.value as string, label: b.label as string, count: b.count as number }));
  });

/** Sites of the layer the map hides (the table's filter leaves them out). */
const hiddenOnMap = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as any).__e2e
        .map()
        .getAllLayers()
        .find((l: any) => l.get('cartable:id') === 'geosites')
        .getSource()
        .getFeatures()
        .filter((f: any) => f.get('cartable:out')).length,
  );

async function openChart(page: Page): Promise<void> {
  await waitForMap(page);
  await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
  await page.locator('cartable-map-view .table-toggle').click();
  await page.locator('cartable-table .row').first().waitFor();
  await chartsButton(page).click();
  await bars(page).first().waitFor();
}

test('the chart by type counts the sites the map serves; a bar filters the table, the map and the link, and the link reopens it all', async (t) => {
  const { counts, total } = expectedByType();
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: WIDE }, async ({ page }) => {
    await openChart(page);
    assert.equal(await chartsButton(page).getAttribute('aria-pressed'), 'true');
    const shown = await figures(page);
    assert.deepEqual(new Map(shown.map((b: { value: string; count: number }) => [b.value, b.count])), counts, 'bar counts = sites per type in the data');
    // What the person reads says the same (the element's table for screen readers, in bar order).
    const read = await panel(page).locator('cartable-chart table tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!.trim(), Number(r.querySelector('td')!.textContent!.replace(/\D/g, ''))]));
    assert.deepEqual(read, shown.map((b: { label: string; count: number }) => [b.label, b.count]));
    assert.equal(await tableCount(page), `${total} sur ${total}`);
    // Both the chart and the table are in sight on a wide screen.
    assert.ok(await page.locator('cartable-table .row').first().isVisible(), 'the table stays beside the chart');
    await keepScreenshot(page, 'charts-wide');
    await assertNotCovered(panel(page).locator('cartable-chart'), 'the chart');
    // The table's toolbar stays in the window beside the chart (its close button is its last item).
    const close = await page.locator('cartable-table').getByRole('button', { name: 'Fermer le tableau' }).boundingBox();
    assert.ok(close && close.x + close.width <= WIDE.width, `the table's close button lies in the window (${JSON.stringify(close)})`);
    assert.equal(await page.evaluate(() => document.scrollingElement!.scrollLeft), 0, 'the page does not scroll sideways');

    // A click on the largest type's bar keeps its sites in the table and on the map.
    const largest = shown.reduce((a: { count: number }, b: { count: number }) => (b.count > a.count ? b : a));
    const index = shown.indexOf(largest);
    await bars(page).nth(index).click();
    await page.waitForFunction((n) => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-table').shown.length === n, largest.count);
    assert.equal(await tableCount(page), `${largest.count} sur ${total}`);
    const values = await page.locator('cartable-table').evaluate((table: any) => [...new Set(table.shown.map((r: any) => r.values.typologie1))]);
    assert.deepEqual(values, [largest.value], 'the table keeps only that type');
    assert.equal(await hiddenOnMap(page), total - largest.count, 'the map hides the other types');
    assert.equal(await page.locator('cartable-legend .note.filter').innerText(), `Filtre actif : ${largest.count} sur ${total}`);
    assert.equal(await bars(page).nth(index).getAttribute('aria-pressed'), 'true', 'the chosen bar shows as chosen');
    assert.deepEqual(await bars(page).evaluateAll((items) => items.map((g) => g.getAttribute('aria-pressed'))), shown.map((_: unknown, i: number) => String(i === index)), 'only that bar');
    assert.ok((await panel(page).locator('.filter').innerText()).startsWith(`Filtre du graphique : ${largest.label}`), 'the chosen bar is said');
    // The other bars stay to choose from (the chart ignores its own field's filter).
    assert.equal(await bars(page).count(), shown.length);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('tv.typologie1'), largest.value);
    assert.equal(url.searchParams.get('chart'), 'geosites:par-type');
    assert.equal(url.searchParams.get('table'), 'geosites');
    await keepScreenshot(page, 'charts-wide-chosen');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the chart open and a bar chosen');

    // The link reopens the table, the chart and the filter.
    await page.goto(url.href);
    await bars(page).first().waitFor();
    await page.locator('cartable-table .row').first().waitFor();
    assert.equal(await tableCount(page), `${largest.count} sur ${total}`);
    assert.equal(await bars(page).nth(index).getAttribute('aria-pressed'), 'true', 'the chosen bar shows as chosen after a reload');
    assert.ok((await panel(page).locator('.filter').innerText()).startsWith(`Filtre du graphique : ${largest.label}`), 'the chosen bar is said after a reload');
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await page.waitForFunction((n) => {
      const layer = (globalThis as any).__e2e.map().getAllLayers().find((l: any) => l.get('cartable:id') === 'geosites');
      return layer.getSource().getFeatures().filter((f: any) => f.get('cartable:out')).length === n;
    }, total - largest.count);

    // A second click on the bar lets it go.
    await bars(page).nth(index).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('tv.typologie1'));
    assert.equal(await tableCount(page), `${total} sur ${total}`);
    assert.equal(await hiddenOnMap(page), 0);
  });
});

test('the keyboard reaches a bar with Tab, Enter filters on it, « Tout afficher » lets it go; the other chart is a choice away', async (t) => {
  const { total } = expectedByType();
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites&chart=geosites:par-type', viewport: WIDE }, async ({ page }) => {
    await bars(page).first().waitFor();
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await panel(page).getByRole('button', { name: 'Fermer le graphique' }).focus();
    const onBar = () => page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.matches('g.item') ?? false;
    });
    for (let presses = 0; presses < 10 && !(await onBar()); presses++) await page.keyboard.press('Tab');
    assert.ok(await onBar(), 'Tab reaches a bar of the chart');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('tv.typologie1'));
    const chosen = new URL(page.url()).searchParams.get('tv.typologie1');
    const second = (await figures(page))[1];
    assert.equal(chosen, second.value, 'Enter on the second bar keeps its type');
    assert.equal(await tableCount(page), `${second.count} sur ${total}`);
    await panel(page).getByRole('button', { name: 'Tout afficher' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('tv.typologie1'));
    assert.equal(await tableCount(page), `${total} sur ${total}`);
    // The layer's other chart.
    await panel(page).getByRole('button', { name: 'Géosites par rareté' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('chart') === 'geosites:par-rarete');
    assert.equal(await panel(page).getByRole('button', { name: 'Géosites par rareté' }).getAttribute('aria-pressed'), 'true');
    await panel(page).locator('cartable-chart svg.chart').waitFor();
    await keepScreenshot(page, 'charts-wide-rarity');
    // A tall chart (the pie and its legend) scrolls within the table's height: the map keeps its room.
    const [chartBox, tableBox] = [await panel(page).boundingBox(), await page.locator('cartable-table').boundingBox()];
    assert.ok(chartBox && tableBox && Math.abs(chartBox.height - tableBox.height) <= 1, `chart ${chartBox?.height} px high beside a table of ${tableBox?.height} px`);
    // Closing the chart leaves the table.
    await panel(page).getByRole('button', { name: 'Fermer le graphique' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('chart'));
    assert.equal(await panel(page).count(), 0);
    assert.ok(await page.locator('cartable-table .row').first().isVisible());
  });
});

test('the chart exports as CSV, SVG and PNG files named after it', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites&chart=geosites:par-type', viewport: WIDE }, async ({ page }) => {
    await bars(page).first().waitFor();
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    const shown = await figures(page);
    const saved = async (format: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: format, exact: true }).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), body: readFileSync(path) };
    };
    const csv = await saved('CSV');
    assert.equal(csv.name, 'geosites-par-type.csv');
    const text = csv.body.toString('utf8');
    for (const bar of shown) assert.match(text, new RegExp(`${bar.label.replace(/[()]/g, '.')}[^\\n]*;${bar.count};`), `the CSV counts ${bar.label}`);
    const svgFile = await saved('SVG');
    assert.equal(svgFile.name, 'geosites-par-type.svg');
    assert.match(svgFile.body.toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await saved('PNG');
    assert.equal(png.name, 'geosites-par-type.png');
    assert.deepEqual([...png.body.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  });
});

test('phone: the chart takes the table’s place, is not covered, filters, and « Retour au tableau » brings the table back', async (t) => {
  const { total } = expectedByType();
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites&chart=geosites:par-type', viewport: PHONE }, async ({ page }) => {
    await bars(page).first().waitFor();
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await assertNotCovered(panel(page).locator('cartable-chart'), 'the chart on a phone');
    assert.equal(await page.locator('cartable-table').isVisible(), false, 'the chart alone on a phone');
    await keepScreenshot(page, 'charts-phone');
    const first = (await figures(page))[0];
    await bars(page).first().click();
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('tv.typologie1') === v, first.value);
    await assertNotCovered(panel(page).locator('cartable-chart'), 'the chart on a phone, a bar chosen');
    await keepScreenshot(page, 'charts-phone-chosen');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the phone chart');
    await panel(page).getByRole('button', { name: 'Retour au tableau' }).click();
    await page.locator('cartable-table').waitFor({ state: 'visible' });
    assert.equal(await tableCount(page), `${first.count} sur ${total}`, 'the table keeps the chart’s filter');
  });
});

test('the print layout carries the open chart', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?table=geosites&chart=geosites:par-type', viewport: WIDE }, async ({ page }) => {
    await bars(page).first().waitFor();
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    const shown = await figures(page);
    await stubPrint(page);
    await page.locator('cartable-tools [data-tool="print"]').click();
    await page.locator('cartable-tools-print .print').click();
    await waitForPrints(page);
    await page.emulateMedia({ media: 'print' });
    const layout = page.locator('cartable-print-layout');
    const printed = layout.locator('cartable-chart');
    assert.ok(await printed.locator('svg.chart').isVisible(), 'the chart is printed');
    assert.equal(await printed.locator('g.item').count(), shown.length);
    assert.match(await printed.locator('figcaption').innerText(), /Géosites par type/);
    const { chartRight, pageRight } = await printed.evaluate((chart) => ({
      chartRight: chart.getBoundingClientRect().right,
      pageRight: (chart.getRootNode() as ShadowRoot).querySelector('.page')!.getBoundingClientRect().right,
    }));
    assert.ok(chartRight <= pageRight + 0.5, `the chart (right edge ${chartRight}) stays on the page (${pageRight})`);
    await keepScreenshot(page, 'charts-print', { fullPage: true });
  });
});

test('the commune report charts the geosites found in the commune, on screen and printed', async (t) => {
  const found = new Set(PUBLIC.filter(inOisans).map((s) => s.id));
  const types = new Map<string, number>();
  for (const p of packagedRecords(DIST, 'geosites', 'geosites').map((f) => f.properties as Properties)) {
    if (found.has(p['id_site']!) && p['typologie1']) types.set(p['typologie1'], (types.get(p['typologie1']) ?? 0) + 1);
  }
  assert.ok(found.size > 0, 'some public geosites lie in Bourg-d’Oisans');
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: WIDE }, async ({ page }) => {
    await openGeosites(page);
    await page.locator('cartable-tools [data-tool="report"]').click();
    await report(page).locator('h2').waitFor();
    const before = await readyCount(page);
    await pickCommune(page, "bourg d'oisans", /^(Le )?Bourg-d'Oisans \(38\)$/);
    await nextReady(page, before);
    const charts = report(page).locator('section[aria-labelledby="layer-geosites"] cartable-report-charts cartable-chart');
    await charts.first().locator('svg.chart').waitFor();
    assert.equal(await charts.count(), 2, 'the layer’s two charts');
    const byType = await charts.first().evaluate((chart: any) => chart.figures.bars.map((b: any) => [b.value, b.count]));
    assert.deepEqual(new Map(byType), types, 'the chart counts the sites found in the commune, by type');
    await keepScreenshot(page, 'charts-commune-report');
    // The printed report carries them too.
    const printed = await openPrint(page);
    const printedCharts = printed.locator('cartable-chart');
    await printedCharts.first().locator('svg.chart').waitFor();
    assert.equal(await printedCharts.count(), 2);
    assert.deepEqual(new Map(await printedCharts.first().evaluate((chart: any) => chart.figures.bars.map((b: any) => [b.value, b.count]))), types);
    await keepScreenshot(page, 'charts-commune-report-print', { fullPage: true });
  });
});
