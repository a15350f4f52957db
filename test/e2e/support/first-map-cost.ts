/**
 * What a map page needs before its first complete render: the requests it made (the page itself
 * included) and the gzip size of the JavaScript and CSS among them. The budgets (test/e2e/budgets.test.ts)
 * and the theme's tests hold every site to the same figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export const KB = 1024;
/**
 * JS + CSS, gzip, that a map needs before its first complete render. Issue 18 raised it to
 * 156 KB; issue 20 grouped the first map's code into a few chunks (plugin/chunks.ts): 155.1 → 135.9 KB.
 */
export const FIRST_MAP_BUDGET = 140 * KB;
/**
 * Requests a map's page makes before its first complete render, the page itself included
 * (issue 20: 67 before its code was grouped and its page carried its document; 8 after).
 */
export const FIRST_MAP_REQUESTS = 15;

export const gzipOf = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

export interface FirstMapCost {
  /** Paths asked for before the map was drawn, the page itself not listed. */
  readonly requests: readonly string[];
  readonly files: ReadonlyArray<{ readonly path: string; readonly gzip: number }>;
  /** gzip bytes of the JS and CSS files among them. */
  readonly total: number;
}

/**
 * Every request (and JS and CSS file) the page made before the map was first complete, however long
 * each took to arrive: the set follows from the code's order, not from the speed of the machine. What
 * the mark starts (the toolbar's code) may share its clamped time: strictly before it. Call after the map rendered.
 */
export async function firstMapCost(page: Page, dist: string, basePath = '/cartes/'): Promise<FirstMapCost> {
  const requests = await page.evaluate(() => {
    const rendered = performance.getEntriesByName('cartable:map-rendered')[0]!.startTime;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime < rendered).map((r) => new URL(r.name).pathname);
  });
  const files = requests.filter((path) => /\.(js|css)$/.test(path)).map((path) => ({ path, gzip: gzipOf(join(dist, path.slice(basePath.length))) }));
  return { requests, files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

/** « 139.5 KB gzip in 6 files, 10 requests », and the files when over budget. */
export const describeCost = (cost: FirstMapCost): string => `${(cost.total / KB).toFixed(1)} KB gzip in ${cost.files.length} files, ${cost.requests.length + 1} requests`;
export const listFiles = (cost: FirstMapCost): string => cost.files.map((f) => `${f.path} ${(f.gzip / KB).toFixed(1)}`).join('\n');
