/**
 * The usage report end to end (issue 23): a copy of the built site sends its JSON usage events to the
 * reference collector the project ships (collector/collector.mjs, run here as a platform runs it), a
 * run of scripted visits — several maps, a table export, downloads, a metadata record, a map embedded
 * in a partner page on a second origin — fills the collector's day files, and `cartable stats --year`
 * turns them into a report whose figures are exactly the visits'.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SiteConfig } from '../../src/context/types.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import { launchChromium } from '../support/browser.js';
import { hasNginx, serveWithNginx } from '../support/nginx.js';
import { serveStatic } from '../support/static-server.js';
import { runCartable } from '../support/cartable-cli.js';
import { waitUntil } from '../support/wait-until.js';
import { BASE_PATH, REPO, waitForLayers, waitForMap, withPage, type Fixture, type Suite } from './support/harness.js';
import { buildSiteCopy } from './support/geosites.js';
import { startCollector } from '../../collector/collector.mjs';

const TEMP = mkdtempSync(join(tmpdir(), 'cartable-usage-'));
const EVENTS = join(TEMP, 'events');
const REPORT = join(TEMP, 'report');

let browser: Browser;
let collector: { url: string; close(): Promise<void> };
let partner: { origin: string; close(): Promise<void> };
let site: Suite;

/** A partner website on a second origin: GET /partner.html?src=<url> embeds <url> in a frame. */
async function startPartner(): Promise<typeof partner> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/partner.html') {
      const src = (url.searchParams.get('src') ?? '').replace(/"/g, '&quot;');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="fr"><title>Partenaire</title><iframe title="Carte" src="${src}" width="900" height="600"></iframe>`);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

before(async () => {
  partner = await startPartner();
  collector = await startCollector({ dir: EVENTS, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  const { analytics: _shipped, ...shipped } = JSON.parse(readFileSync(join(REPO, 'site.config.json'), 'utf8'));
  const checked = validateSiteConfig({
    ...shipped,
    allowedOrigins: [...(shipped.allowedOrigins ?? []), { origin: partner.origin, use: ['embed'] }],
    analytics: { type: 'endpoint', url: `${collector.url}events` },
  });
  assert.ok(checked.ok, `test site configuration: ${JSON.stringify(!checked.ok && checked.problems)}`);
  const config: SiteConfig = checked.value;
  const configFile = join(TEMP, 'site.json');
  writeFileSync(configFile, JSON.stringify(config));
  const out = join(TEMP, 'site');
  await buildSiteCopy(configFile, out);
  const server = hasNginx() ? await serveWithNginx(out, BASE_PATH, config) : await serveStatic(out, BASE_PATH);
  site = { server, browser, url: (path = '') => new URL(path, server.url).href, close: () => server.close() };
});

after(async () => {
  await site?.close();
  await browser?.close();
  await collector?.close();
  await partner?.close();
  rmSync(TEMP, { recursive: true, force: true });
});

/** The metadata record and tab icons the visits open: stand-in pages (no network in tests). */
const fixtures: Fixture[] = [
  {
    name: 'INPN pages',
    match: (url) => url.hostname === 'inpn.mnhn.fr',
    respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>INPN</title>' }),
  },
  { name: 'favicon', match: (url) => url.pathname === '/favicon.ico', respond: (route) => route.fulfill({ status: 204 }) },
];

/** Events stored by the collector so far (every line of every day file). */
function stored(): Array<Record<string, unknown>> {
  let files: string[] = [];
  try {
    files = readdirSync(EVENTS).filter((f) => f.endsWith('.ndjson'));
  } catch {
    return [];
  }
  return files.flatMap((f) => readFileSync(join(EVENTS, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
}

/** Leaves the page (pagehide: the tracker sends what waits) and waits until the collector stored `count` events of `type`. */
async function leaveAndWait(page: Page, type: string, count: number): Promise<void> {
  await page.goto('about:blank');
  await waitUntil(() => stored().filter((e) => e.type === type).length >= count, { what: `${count} "${type}" events stored by the collector` });
}

/** Opens a layer's information and follows one of its links (a new tab, closed at once). */
async function followInfoLink(page: Page, layerTitle: string, linkText: RegExp): Promise<void> {
  await page.locator(`cartable-layer-tree button[aria-label="Informations sur la couche ${layerTitle}"]`).click();
  const link = page.locator('cartable-layer-info dialog a', { hasText: linkText });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.close();
  await page.locator('cartable-layer-info button[aria-label="Fermer"]').click();
}

const GEOSITES_VISITS = 5;
const EMBEDDED_VISITS = 5;

test('scripted visits → the collector’s day files → cartable stats --year: the report’s figures are the visits’', async (t) => {
  await withPage(t, site, { fixtures }, async ({ page }) => {
    // Géosites, five times; each visit follows the layer's GeoJSON download; the first also opens the
    // table and exports it, and follows the metadata record.
    for (let visit = 1; visit <= GEOSITES_VISITS; visit += 1) {
      await page.goto(site.url('maps/geosites.html'));
      await waitForMap(page);
      await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
      if (visit === 1) await followInfoLink(page, 'Géosites (INPG)', /Fiche de métadonnées/);
      await followInfoLink(page, 'Géosites (INPG)', /Données \(GeoJSON\)/);
      await leaveAndWait(page, 'download-followed', visit);
    }
    // « Lieux habités », five times inside the partner's page (a second origin).
    const framed = `${partner.origin}/partner.html?src=${encodeURIComponent(site.url('maps/lieux-de-france.html'))}`;
    for (let visit = 1; visit <= EMBEDDED_VISITS; visit += 1) {
      await page.goto(framed);
      await page.frameLocator('iframe').locator('cartable-map-view[rendered]').waitFor();
      await leaveAndWait(page, 'map-opened', GEOSITES_VISITS + visit);
    }
    // « Nature & Paysage » once: fewer than five, so every published cell of it says « < 5 ».
    await page.goto(site.url('maps/nature-paysage.html'));
    await waitForMap(page);
    await leaveAndWait(page, 'map-opened', GEOSITES_VISITS + EMBEDDED_VISITS + 1);
  });

  // What the collector stored: the visits' events and their fields only (no address, no agent).
  const events = stored();
  const opened = events.filter((e) => e.type === 'map-opened');
  assert.deepEqual(
    opened.map(({ time: _time, ...rest }) => rest),
    [
      ...Array(GEOSITES_VISITS).fill({ type: 'map-opened', map: 'geosites', embedded: false }),
      ...Array(EMBEDDED_VISITS).fill({ type: 'map-opened', map: 'lieux-de-france', embedded: true, host: partner.origin }),
      { type: 'map-opened', map: 'nature-paysage', embedded: false },
    ],
  );
  assert.doesNotMatch(JSON.stringify(events), /Mozilla|HeadlessChrome|"ip"|user-?agent|referr?er/i);

  const year = String(new Date(String(opened[0]!.time)).getUTCFullYear());
  const run = await runCartable('stats', '--events', EVENTS, '--year', year, '--maps', join(REPO, 'maps'), '-o', REPORT);
  assert.equal(run.status, 0, run.stderr);
  const figures = JSON.parse(readFileSync(join(REPORT, 'figures.json'), 'utf8'));
  const month = String(opened[0]!.time).slice(0, 7);
  const geosites = { fr: 'Géosites (INPG)', en: 'Geosites (INPG)' };
  const total = GEOSITES_VISITS + EMBEDDED_VISITS + 1;
  assert.deepEqual(figures.totals, { consultations: total, restricted: 0, embedded: EMBEDDED_VISITS, downloads: GEOSITES_VISITS, links: '< 5' });
  assert.equal(figures.consultations.series.length, 1, 'no previous year in the collector’s files');
  const [series] = figures.consultations.series;
  assert.equal(series.label, year);
  assert.deepEqual(
    series.values,
    figures.consultations.months.map((m: string) => (m === month ? total : 0)),
  );
  assert.deepEqual(
    figures.topMaps.map(({ rank, map, title, views }: Record<string, unknown>) => ({ rank, map, title: (title as { fr: string }).fr, views })),
    [
      { rank: 1, map: 'geosites', title: 'Géosites — patrimoine géologique', views: GEOSITES_VISITS },
      { rank: 2, map: 'lieux-de-france', title: 'Lieux habités de France par région', views: EMBEDDED_VISITS },
      { rank: 3, map: 'nature-paysage', title: 'Nature & Paysage en Auvergne-Rhône-Alpes', views: '< 5' },
    ],
  );
  // The packaged copy the built site offers is counted as the layer's GeoJSON download.
  assert.deepEqual(figures.downloads, [{ dataset: geosites, format: 'GeoJSON', count: GEOSITES_VISITS }]);
  assert.deepEqual(figures.links, [{ url: 'https://inpn.mnhn.fr/programme/patrimoine-geologique/presentation', layer: geosites, count: '< 5' }]);
  assert.deepEqual(figures.embeds, [{ host: partner.origin, count: EMBEDDED_VISITS }]);
  // The CSV files behind the charts say the same, small counts masked.
  const csv = (name: string): string[] => readFileSync(join(REPORT, name), 'utf8').trim().split(/\r?\n/);
  assert.deepEqual(csv('integrations.csv'), ['site_partenaire,consultations', `${partner.origin},${EMBEDDED_VISITS}`]);
  assert.match(csv('cartes-les-plus-consultees.csv').find((line) => line.includes('nature-paysage'))!, /,< 5,/);
  assert.ok(readFileSync(join(REPORT, 'index.html'), 'utf8').includes('Géosites — patrimoine géologique'), 'the report names the maps by their titles');
});
