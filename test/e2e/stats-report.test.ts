/**
 * The usage report of `cartable stats`, opened in Chromium as a reader would (no script in it):
 * axe finds nothing, on a desktop and on a 390 px phone, in French and in English, and nothing is
 * wider than the phone's screen (tables scroll inside their own box).
 * STATS_SHOTS=<folder> also writes screenshots there.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { launchChromium } from '../support/browser.js';
import { axeViolations } from './support/harness.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/stats');
const SHOTS = process.env.STATS_SHOTS;
let folder: string;
let browser: Browser;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cartable-stats-report-'));
  let err = '';
  const code = await main(['stats', '--year', '2026', '--events', join(FIXTURES, 'events'), '--maps', join(FIXTURES, 'maps'), '-o', folder], { out: () => {}, err: (t) => (err += t) });
  assert.equal(code, 0, err);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const sizes = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const lang of ['fr', 'en'] as const) {
  for (const size of sizes) {
    test(`the ${lang} report is accessible and fits a ${size.name} (${size.width}×${size.height})`, async () => {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
      try {
        await page.goto(pathToFileURL(join(folder, lang === 'fr' ? 'index.html' : 'en/index.html')).href);
        assert.equal(await page.locator('script').count(), 0, 'the report needs no script');
        assert.equal(await page.locator('svg[role="img"]').count(), 6);
        assert.equal(await page.locator('svg[role="img"] + .scroll table').count(), 6, 'each chart is followed by its table');
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          charts: [...document.querySelectorAll('svg.chart')].map((svg) => svg.getBoundingClientRect().right),
        }));
        assert.ok(widths.page <= size.width, `the page is ${widths.page} px wide`);
        for (const right of widths.charts) assert.ok(right <= size.width, `a chart ends at ${right} px`);
        // The chart's words stay readable: at least 9 px on the screen.
        const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('svg.chart text')].map((t) => t.getBoundingClientRect().height)));
        assert.ok(smallest >= 9, `a chart text is ${smallest} px high`);
        const link = page.locator(`a[href$="consultations-par-mois.csv"]`).first();
        assert.ok(readFileSync(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)), 'utf8').startsWith('mois,2026,2025'));
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `report-${lang}-${size.name}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
}
