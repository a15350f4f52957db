/**
 * The report (« Qu'y a-t-il ici ? ») driven end to end: its panel and commune box, its
 * `cartable-report-ready` events counted, a commune picked, the CSV read back as lines, the printed
 * report as a PDF's first page. Shared by the commune and report-file tests.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { toWebMercator, waitForLayers, waitForMap } from './harness.js';
import { pdfPagesText } from './pdf-text.js';

export const report = (page: Page) => page.locator('cartable-report');

/** The map's box on the page. */
export const mapArea = (page: Page) => page.locator('cartable-map-view .map').first();

/** Where a lon/lat point is on the page now. */
export const pagePixel = (page: Page, lonLat: readonly [number, number]) =>
  mapArea(page).evaluate((element, c) => {
    const [x, y] = (globalThis as any).__e2e.map().getPixelFromCoordinate(c);
    const box = element.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, toWebMercator(lonLat));
export const picker = (page: Page) => report(page).getByRole('combobox', { name: 'Nom ou code INSEE de la commune' });
/** The labels of the records the report lists for a layer. */
export const listedLabels = (page: Page, layerId: string): Promise<string[]> =>
  report(page).locator(`section[aria-labelledby="layer-${layerId}"] .item .label`).allInnerTexts();

/** Counts the report's `cartable-report-ready` events (its results are on screen) from now on. */
export async function countReady(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as any;
    w.__ready = 0;
    w.__e2e.mapView().addEventListener('cartable-report-ready', () => w.__ready++);
  });
}
export const readyCount = (page: Page): Promise<number> => page.evaluate(() => (globalThis as any).__ready as number);
export async function nextReady(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => (globalThis as any).__ready > n, before, { timeout: 30_000 });
}

/** Waits for the Géosites map and its layer, and starts counting the report's ready events. */
export async function openGeosites(page: Page): Promise<void> {
  await waitForMap(page);
  await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
  await countReady(page);
}

/** Types a commune's name in the picker and picks the suggestion that reads `option`. */
export async function pickCommune(page: Page, typed: string, option: RegExp): Promise<void> {
  await picker(page).fill(typed);
  await report(page).getByRole('option', { name: option }).click();
}

/** Centres the part of the map left of the open panel (the cross « Centre de la carte » takes) on a point. */
export async function centreBesidePanel(page: Page, lonLat: readonly [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) => {
      const view = (globalThis as any).__e2e.mapView();
      const olView = view.adapter.map.getView();
      olView.setCenter(c);
      olView.setZoom(z);
      const panel = view.shadowRoot.querySelector('cartable-report').getBoundingClientRect().width;
      const [x, y] = olView.getCenter();
      olView.setCenter([x + (panel / 2) * olView.getResolution(), y]);
      return (globalThis as any).__e2e.nextRender();
    },
    [toWebMercator(lonLat), zoom] as const,
  );
}

/** « Exporter en CSV »: the downloaded file's lines (its byte-order mark dropped). */
export async function exportCsvLines(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), report(page).getByRole('button', { name: 'Exporter en CSV' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  return text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0).trimEnd().split('\r\n');
}

/** « Imprimer » (the browser's dialog stubbed): the printed report, its map extract loaded, in print media. */
export async function openPrint(page: Page) {
  await page.evaluate(() => (window.print = () => undefined));
  await report(page).getByRole('button', { name: 'Imprimer' }).click();
  const printed = page.locator('cartable-report-print');
  await printed.locator('.map img').waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  await printed.locator('.map img').waitFor();
  return printed;
}

/** The printed page as a real A4 PDF: its bytes, its first page's text (spaces folded) and that text without spaces. */
export async function printedPdf(page: Page): Promise<{ pdf: Buffer; first: string; words: string }> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const first = pdfPagesText(pdf)[0]!.replace(/\s+/g, ' ');
  return { pdf, first, words: first.replace(/\s/g, '') };
}
