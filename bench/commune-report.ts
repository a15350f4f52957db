/**
 * Benchmark (prints figures, never pass/fail): « Une commune » on the built Géosites map in headless
 * Chromium — from the click on a commune suggestion to the frame after the report says its results are
 * shown (`cartable-report-ready`): the outline fetched from the commune service (answered in Node from
 * the shared communes, test/support/commune-wfs.ts, through Playwright's routing), read into the map's
 * projection, the report made and painted. Side by side, in the same run and interleaved with it, the
 * baseline: « Centre de la carte » with a 5 km radius (no request). p50/p95 over RUNS of each.
 * Run: npm run bench:commune (builds first); CARTABLE_DIST names another build, BENCH_RUNS the runs (20).
 */
import { resolve } from 'node:path';
import { launchChromium } from '../test/support/browser.js';
import { answerCommuneWfs, isCommuneWfsRequest } from '../test/support/commune-wfs.js';
import { serveStatic } from '../test/support/static-server.js';
import { solidPng } from '../test/e2e/support/png.js';
import { percentile } from './support/stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const dist = resolve(process.env.CARTABLE_DIST ?? resolve(import.meta.dirname, '../dist'));
const TILE = solidPng(256, 256, [120, 200, 120, 255]);

const server = await serveStatic(dist, '/cartes/');
const browser = await launchChromium();
try {
  // No service worker: it would fetch the commune service itself, past the routing below.
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' })).newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  let communeRequests = 0;
  await page.route(
    (url) => !url.href.startsWith(server.url),
    (route, request) => {
      const url = new URL(request.url());
      if (isCommuneWfsRequest(url)) {
        communeRequests++;
        const answer = answerCommuneWfs(url);
        return route.fulfill({ status: answer.status, headers: { 'access-control-allow-origin': '*', 'content-type': answer.contentType }, body: answer.body });
      }
      if (url.hostname === 'data.geopf.fr' && url.pathname === '/wmts') return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'image/png' }, body: TILE });
      return route.abort();
    },
  );
  // tsx keeps function names with a helper that page.evaluate() then serialises: give the page one.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  await page.goto(`${server.url}maps/geosites.html`);
  await page.locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 120_000 });

  const samples = await page.evaluate(async (runs) => {
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
    /** Waits (untimed) until `get` gives something, frame by frame. */
    const until = async <T>(get: () => T | null | undefined, what: string): Promise<T> => {
      const start = performance.now();
      for (;;) {
        const value = get();
        if (value) return value;
        if (performance.now() - start > 30_000) throw new Error(`no ${what} after 30 s`);
        await frame();
      }
    };
    const view = document.querySelector('cartable-app')!.shadowRoot!.querySelector('cartable-map-view') as any;
    const olView = view.adapter.map.getView();
    view.shadowRoot.querySelector('.map').dispatchEvent(new CustomEvent('cartable-report-open', { detail: {}, bubbles: true, composed: true }));
    const report = await until(() => view.shadowRoot.querySelector('cartable-report:not([hidden])'), 'report');
    const root = report.shadowRoot as ShadowRoot;
    const mode = (label: string): void => {
      const radio = [...root.querySelectorAll<HTMLInputElement>('.modes input')].find((r) => r.parentElement!.textContent!.trim() === label)!;
      radio.click();
    };
    /** Starts the clock with `act`, stops it at the frame after the report's ready event. */
    const timed = async (act: () => void): Promise<number> => {
      const ready = new Promise<void>((r) => report.addEventListener('cartable-report-ready', () => r(), { once: true }));
      const start = performance.now();
      act();
      await ready;
      await frame();
      return performance.now() - start;
    };
    const still = () => until(() => !olView.getAnimating(), 'still view');

    const commune: number[] = [];
    const circle: number[] = [];
    for (let run = 0; run <= runs; run++) {
      // « Une commune »: type (untimed) until the suggestion is listed, then the timed pick.
      mode('Une commune');
      const picker = await until(() => root.querySelector('cartable-commune-picker'), 'picker');
      const input = await until(() => picker.shadowRoot?.querySelector('input') as HTMLInputElement | null, 'commune box');
      input.value = 'oisans';
      input.dispatchEvent(new Event('input'));
      const option = await until(
        () => [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => /Bourg-d'Oisans \(38\)/.test(o.textContent!)),
        'suggestion',
      );
      const pick = await timed(() => option.click());
      await still();
      // The baseline: a point and a 5 km radius at the map's centre.
      mode('Un point et un rayon');
      const centre = await until(() => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Centre de la carte'), 'centre button');
      const around = await timed(() => centre.click());
      await still();
      if (run > 0) {
        // The first run warms the code paths (and loads the commune source's chunk).
        commune.push(pick);
        circle.push(around);
      }
    }
    return { commune, circle };
  }, RUNS);

  const line = (name: string, times: number[]): string => {
    const sorted = [...times].sort((a, b) => a - b);
    return `${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   min ${sorted[0]!.toFixed(1).padStart(6)}   max ${sorted.at(-1)!.toFixed(1).padStart(7)}`;
  };
  console.log(`Géosites map (built: ${dist}), 1366×768, headless Chromium, software rendering; ${RUNS} runs of each, interleaved, after one warm-up`);
  console.log(line('commune pick → report painted (Bourg-d’Oisans)', samples.commune));
  console.log(line('baseline: « Centre de la carte », 5 km', samples.circle));
  console.log(`  p95 ratio ${(percentile(samples.commune, 95) / percentile(samples.circle, 95)).toFixed(2)}; commune service requests answered: ${communeRequests} (in Node, through Playwright's routing)`);
} finally {
  await browser.close();
  await server.close();
}
