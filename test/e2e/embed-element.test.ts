/**
 * The <cartable-map> element on partner pages, end to end: the built site behind nginx with the
 * shipped recipe (its CORS header), host pages on a second local origin. The element is a small
 * loader of the site's own chunks; the host's inherited text styles stay out; it survives being
 * loaded twice, the site's own page beside it, and a host page that took one of its names.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../support/static-server.js';
import { DIST, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
let host: StaticServer;
let hostDir: string;
const MAP = 'maps/lieux-de-france.json';

before(async () => {
  hostDir = mkdtempSync(join(tmpdir(), 'cartable-element-host-'));
  host = await serveStatic(hostDir, '/');
  suite = await startSuite();
  assert.notEqual(new URL(host.url).origin, new URL(suite.server.url).origin);
});

after(async () => {
  rmSync(hostDir, { recursive: true, force: true });
  await host?.close();
  await suite?.close();
});

/** Writes a host page and returns its URL. */
function hostPage(name: string, { head = '', body }: { head?: string; body: string }): string {
  writeFileSync(
    join(hostDir, name),
    `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title>${head}</head>
<body><h1>Page partenaire</h1>${body}</body></html>`,
  );
  return new URL(name, host.url).href;
}

const script = (query = ''): string => `<script type="module" src="${suite.url(`cartable-map.js${query}`)}"></script>`;
const element = (id: string): string => `<cartable-map id="${id}" src="${suite.url(MAP)}" style="height:360px"></cartable-map>`;
const rendered = (page: Page, id: string): Promise<void> =>
  page.locator(`#${id} cartable-map-view[rendered]`).waitFor({ state: 'attached', timeout: 60_000 });

test('a loader of at most 30 KB gzip brings the site’s own chunks across origins (nginx’s CORS header); the site’s built document needs no validator', async (t) => {
  const loader = readFileSync(join(DIST, 'cartable-map.js'));
  const size = gzipSync(loader, { level: 9 }).length;
  assert.ok(size <= 30 * 1024, `cartable-map.js is ${(size / 1024).toFixed(1)} KB gzip`);
  const url = hostPage('loader.html', { body: `${element('map')}${script()}` });
  await withPage(t, suite, {}, async ({ page }) => {
    const scripts: { url: string; cors: string | undefined }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), cors: response.headers()['access-control-allow-origin'] });
    });
    await page.goto(url);
    await rendered(page, 'map');
    const site = new URL(suite.server.url).origin;
    assert.ok(scripts.length > 3, 'the element came in the site’s chunks');
    assert.deepEqual(scripts.filter((s) => !s.url.startsWith(`${site}/cartes/`) || s.cors !== '*'), [], 'every script from the site, with Access-Control-Allow-Origin: *');
    assert.deepEqual(scripts.filter((s) => /\/validate-[^/]+\.js$/.test(s.url)).map((s) => s.url), [], 'no validator for a document the site built');
    const layers = await page.evaluate(() => Object.keys((document.querySelector('cartable-map') as any).mapView.session.store.state.layers));
    assert.ok(layers.length > 0, 'the document’s layers are there');
  });
});

test('the host page’s inherited text styles do not reach inside the element', async (t) => {
  const url = hostPage('styles.html', {
    head: `<style>body { letter-spacing: 6px; word-spacing: 12px; text-align: center; text-transform: uppercase; font-style: italic; line-height: 4; color: rgb(200, 0, 0); white-space: pre; }</style>`,
    body: `${element('map')}${script()}`,
  });
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(url);
    await rendered(page, 'map');
    const title = page.locator('#map cartable-map-header h1');
    await title.waitFor();
    const styles = await title.evaluate((h) => {
      const s = getComputedStyle(h);
      return { letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing, textAlign: s.textAlign, textTransform: s.textTransform, fontStyle: s.fontStyle, whiteSpace: s.whiteSpace, colourIsRed: s.color === 'rgb(200, 0, 0)' };
    });
    assert.deepEqual(styles, { letterSpacing: 'normal', wordSpacing: '0px', textAlign: 'start', textTransform: 'none', fontStyle: 'normal', whiteSpace: 'normal', colourIsRed: false });
    // Nor do the site's page styles reach the host page (its html and body keep the browser's own).
    const host = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, margin: body.margin, height: getComputedStyle(document.documentElement).height === `${innerHeight}px`, sheets: [...document.styleSheets].map((s) => s.href).filter(Boolean) };
    });
    assert.deepEqual(host, { background: 'rgba(0, 0, 0, 0)', margin: '8px', height: false, sheets: [] });
  });
});

test('loaded twice (two script tags, two maps): both maps render, nothing is thrown', async (t) => {
  const url = hostPage('twice.html', { body: `${element('one')}${script()}${element('two')}${script('?encore=1')}` });
  await withPage(t, suite, {}, async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.goto(url);
    await rendered(page, 'one');
    await rendered(page, 'two');
    assert.deepEqual(warnings.filter((w) => w.includes('Cartable')), [], 'one copy of the element: no name was taken');
  });
});

test('the site’s own map page, then the element on it: it renders beside the page’s map with the same code', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    assert.equal(await page.evaluate(() => !!customElements.get('cartable-map-view')), true, 'the page’s map view is defined');
    await page.evaluate(
      ([src, loader]) => {
        const map = Object.assign(document.createElement('cartable-map'), { id: 'extra' });
        map.setAttribute('src', src!);
        map.style.height = '300px';
        document.body.append(map);
        const tag = Object.assign(document.createElement('script'), { type: 'module', src: loader });
        document.head.append(tag);
      },
      [suite.url(MAP), suite.url('cartable-map.js')],
    );
    await rendered(page, 'extra');
    const same = await page.evaluate(() => (document.querySelector('#extra') as any).mapView.constructor === customElements.get('cartable-map-view'));
    assert.equal(same, true);
  });
});

test('a host page that defines <cartable-popup>: the element says, in its box, that it cannot start', async (t) => {
  const url = hostPage('popup.html', {
    head: `<script>customElements.define('cartable-popup', class extends HTMLElement {}); window.errors = []; document.addEventListener('cartable-error', (e) => window.errors.push(e.detail.code));</script>`,
    body: `${element('map')}${script()}`,
  });
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(url);
    const problem = page.locator('#map .problem[role="alert"]');
    await problem.waitFor({ timeout: 60_000 });
    assert.equal((await problem.textContent())?.trim(), 'Cette carte ne peut pas démarrer : la page qui l’accueille définit déjà l’élément <cartable-popup> de Cartable.');
    assert.deepEqual(await page.evaluate(() => (window as any).errors), ['element-taken']);
  });
});

test('a host page that defines <cartable-map> itself: its element is left alone, a warning says why, nothing is thrown', async (t) => {
  const url = hostPage('taken.html', {
    head: `<script>customElements.define('cartable-map', class extends HTMLElement { connectedCallback() { this.textContent = 'élément de la page'; } });</script>`,
    body: `${element('map')}${script()}`,
  });
  await withPage(t, suite, {}, async ({ page }) => {
    const warned = page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && m.text().includes('<cartable-map> is already defined'), timeout: 60_000 });
    await page.goto(url);
    await warned;
    assert.equal(await page.locator('#map').textContent(), 'élément de la page');
  });
});

test('the site’s code cannot be loaded: each box says so where the map would be, in its language, and fires cartable-error', async (t) => {
  const url = hostPage('unavailable.html', {
    head: `<script>window.errors = []; document.addEventListener('cartable-error', (e) => window.errors.push(e.detail.code));</script>`,
    body: `${element('fr')}<div lang="en">${element('en')}</div>${script()}`,
  });
  const expectedConsoleErrors = [/cartable-map-[^/]+\.js/, /Failed to load resource: net::ERR_FAILED/];
  await withPage(t, suite, { expectedConsoleErrors }, async ({ page }) => {
    // The element's chunk does not come (a deployment that removed it, a site that is down).
    await page.route(/\/assets\/cartable-map-[^/]+\.js$/, (route) => route.abort());
    await page.goto(url);
    const french = page.locator('#fr p[role="alert"]');
    await french.waitFor({ timeout: 60_000 });
    assert.match((await french.textContent()) ?? '', /^Cette carte n’a pas pu être chargée/);
    assert.match((await page.locator('#en p[role="alert"]').textContent()) ?? '', /^This map could not be loaded/);
    assert.deepEqual(await page.evaluate(() => (window as any).errors), ['element-unavailable', 'element-unavailable']);
    const box = await french.boundingBox();
    assert.ok(box && box.height >= 300, 'the message fills the map’s box');
  });
});
