/**
 * Embeds, end to end, on the built site: a host page served from a SECOND local origin (another
 * static server on 127.0.0.1, another port) shows the map in an iframe; the host page's scroll is
 * never moved by the embed and the wheel scrolls it over the map; commands and events round-trip
 * through postMessage; a command from an origin the map document does not list is ignored; a
 * permalink reopens every state item; axe finds nothing in embed mode.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { readSiteConfig } from '../support/nginx.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';
import { DIST, REPO, axeViolations, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
let host: StaticServer;
let stranger: StaticServer;
let hostDir: string;
const DOC = `maps/e2e-embed-${process.pid}.json`;

/** A map document that lists the host page's origin only, with a table and inline features. */
function embedDocument(allowed: string): unknown {
  const features = [
    { id: 'A', name: 'Alpha', kind: 'lac', at: [5.9, 45.2] },
    { id: 'B', name: 'Bravo', kind: 'glacier', at: [6.4, 45.0] },
    { id: 'C', name: 'Charlie', kind: 'glacier', at: [6.1, 44.8] },
  ];
  return {
    version: 1,
    id: 'e2e-embed',
    title: 'Carte intégrée (essai)',
    attributions: ['Données de démonstration'],
    view: { center: [6.1, 45], zoom: 8 },
    embed: { allowedOrigins: [allowed] },
    basemaps: [{ type: 'empty', id: 'aucun', title: 'Aucun' }, { type: 'empty', id: 'autre', title: 'Autre' }],
    layers: [
      {
        type: 'geojson',
        id: 'sites',
        title: 'Sites',
        idField: 'id',
        fields: [{ name: 'id', type: 'text' }, { name: 'name', label: 'Nom', type: 'text' }, { name: 'kind', label: 'Type', type: 'text' }],
        table: { columns: ['name', { field: 'kind', filter: 'values' }] },
        data: {
          type: 'FeatureCollection',
          features: features.map((f) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: f.at }, properties: { id: f.id, name: f.name, kind: f.kind } })),
        },
        style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#a0522d' } } } },
      },
      {
        type: 'geojson',
        id: 'zones',
        title: 'Zones',
        visible: false,
        data: { type: 'FeatureCollection', features: [] },
        style: { symbol: { fill: { color: '#3366cc' } } },
      },
    ],
  };
}

function hostPage(src: string, title = 'Page hôte'): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="margin:0;font:16px sans-serif">
<main>
<h1>${title}</h1>
<div style="height:500px">Texte de la page hôte avant la carte.</div>
<iframe id="embed" src="${src}" title="Carte intégrée" width="800" height="450" style="border:0" loading="lazy" allow="fullscreen; geolocation"></iframe>
<div style="height:3000px">Texte après la carte.</div>
</main>
<script>
  window.received = [];
  addEventListener('message', (e) => { if (e.data && e.data.cartable) window.received.push({ origin: e.origin, data: e.data }); });
  window.send = (data) => document.getElementById('embed').contentWindow.postMessage(data, '*');
</script>
</body></html>`;
}

/**
 * The built site behind nginx with its Content-Security-Policy, the two host origins listed as sites
 * that may embed it (allowedOrigins, use "embed": CSP frame-ancestors); a plain server without nginx.
 */
async function startEmbedSuite(embedders: string[]): Promise<Suite> {
  const site = readSiteConfig(REPO);
  const withEmbedders = { ...site, allowedOrigins: [...site.allowedOrigins, ...embedders.map((origin) => ({ origin, use: ['embed' as const] }))] };
  return startSuite({ site: withEmbedders });
}

before(async () => {
  hostDir = mkdtempSync(join(tmpdir(), 'cartable-host-'));
  host = await serveStatic(hostDir, '/');
  stranger = await serveStatic(hostDir, '/');
  suite = await startEmbedSuite([new URL(host.url).origin, new URL(stranger.url).origin]);
  assert.notEqual(new URL(host.url).origin, new URL(suite.server.url).origin);
  writeFileSync(join(DIST, DOC), JSON.stringify(embedDocument(new URL(host.url).origin)));
});

after(async () => {
  rmSync(join(DIST, DOC), { force: true });
  rmSync(hostDir, { recursive: true, force: true });
  await host?.close();
  await stranger?.close();
  await suite?.close();
});

/** The embed's frame once its map has rendered. */
async function embedFrame(page: Page): Promise<Frame> {
  await page.frameLocator('#embed').locator('cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 30_000 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, 'the embed frame is there');
  return frame;
}

const zoomIn = (frame: Frame): Promise<number> => frame.evaluate(() => (globalThis as any).__e2e.map().getView().getZoom());

async function received(page: Page, predicate: (data: any) => boolean, what: string): Promise<any> {
  const handle = await page.waitForFunction(
    (source) => (window as any).received.find((m: any) => new Function('d', `return (${source})(d)`)(m.data))?.data ?? false,
    predicate.toString(),
    { timeout: 15_000 },
  ).catch(() => undefined);
  assert.ok(handle, `no ${what} event reached the host; got ${JSON.stringify(await page.evaluate(() => (window as any).received))}`);
  return handle.jsonValue();
}

test('an iframe on another origin renders the map and never moves the host page’s scroll; the wheel scrolls the host', async (t) => {
  writeFileSync(join(hostDir, 'scroll.html'), hostPage(suite.url('maps/lieux-de-france.html?embed=1')));
  await withPage(t, suite, { viewport: { width: 1000, height: 700 } }, async ({ page }) => {
    await page.goto(new URL('scroll.html', host.url).href);
    await page.evaluate(() => window.scrollTo(0, 250));
    const frame = await embedFrame(page);
    // Loading is over: the frame's document has loaded and its map has drawn a whole frame since.
    await frame.waitForFunction(() => document.readyState === 'complete');
    await frame.evaluate(() => (globalThis as any).__e2e.nextRender());
    assert.equal(await page.evaluate(() => window.scrollY), 250, 'loading the embed moved the host page');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the embed took the focus');
    const zoom = await zoomIn(frame);
    // The wheel over the map scrolls the host page and leaves the map's zoom alone.
    const box = (await page.locator('#embed').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => addEventListener('scrollend', () => ((window as any).scrollEnded = true), { once: true }));
    await page.mouse.wheel(0, 200);
    // The map saw the wheel and left it to the page (its hint says how to zoom), and the page's scroll ended.
    await frame.locator('cartable-map-view .gesture-hint').waitFor({ state: 'attached' });
    await page.waitForFunction(() => (window as any).scrollEnded === true);
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled >= 400, `the host page scrolled by the wheel (now ${scrolled})`);
    assert.equal(await zoomIn(frame), zoom, 'the plain wheel zoomed the embedded map');
    // Ctrl + wheel zooms the map, and the host page stays where it is.
    const still = await page.evaluate(() => window.scrollY);
    const after = (await page.locator('#embed').boundingBox())!;
    await page.mouse.move(after.x + after.width / 2, after.y + after.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await frame.waitForFunction((z) => (globalThis as any).__e2e.map().getView().getZoom() !== z, zoom, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.scrollY), still);
  });
});

test('WordPress: in a sandboxed iframe with a secret in the fragment, the map renders and answers the resize message', async (t) => {
  writeFileSync(
    join(hostDir, 'wordpress.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Article</title></head><body><main><h1>Article</h1>
<iframe id="embed" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" data-secret="Xy12Ab34Cd"
  src="${suite.url('maps/lieux-de-france.html?embed=1')}#?secret=Xy12Ab34Cd" title="Carte" width="600" height="380"></iframe></main>
<script>
  window.wp = [];
  addEventListener('message', (e) => { if (e.data && e.data.message) window.wp.push(e.data); });
  window.sayReady = () => document.getElementById('embed').contentWindow.postMessage({ message: 'ready', secret: 'Xy12Ab34Cd' }, '*');
</script></body></html>`,
  );
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(new URL('wordpress.html', host.url).href);
    await embedFrame(page);
    // The map gives its height once drawn, and again when WordPress says it is ready.
    await page.waitForFunction(() => (window as any).wp.some((m: any) => m.message === 'height'), undefined, { timeout: 10_000 });
    await page.evaluate(() => (window as any).sayReady());
    await page.waitForFunction(() => (window as any).wp.length >= 2, undefined, { timeout: 10_000 });
    const answers = await page.evaluate(() => (window as any).wp);
    assert.ok(answers.every((m: any) => m.message === 'height' && m.secret === 'Xy12Ab34Cd'), JSON.stringify(answers));
    assert.equal(answers[0].value, 380);
  });
});

test('commands from the listed origin drive the map, and its events reach the host', async (t) => {
  writeFileSync(join(hostDir, 'api.html'), hostPage(suite.url(`index.html?context=${DOC}&embed=1&ctl.table=1`)));
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(new URL('api.html', host.url).href);
    await page.evaluate(() => window.scrollTo(0, 400));
    const frame = await embedFrame(page);
    const ready = await received(page, (d) => d.event === 'ready', 'ready');
    assert.deepEqual(ready, { cartable: 1, event: 'ready', map: 'e2e-embed', version: 1 });

    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'set-view', center: [6.4, 45.0], zoom: 10 }));
    const moved = await received(page, (d) => d.event === 'view-changed' && d.zoom === 10, 'view-changed');
    assert.deepEqual(moved.center.map((n: number) => Math.round(n * 1000) / 1000), [6.4, 45]);
    assert.equal(moved.extent.length, 4);

    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'set-layers', show: ['zones'], hide: ['sites'] }));
    await frame.waitForFunction(() => {
      const layers = (globalThis as any).__e2e.layers();
      return layers.zones.visible && !layers.sites.visible;
    });
    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'set-layers', show: ['sites'] }));

    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'select-feature', layerId: 'sites', featureId: 'B' }));
    const selected = await received(page, (d) => d.event === 'feature-selected' && d.featureId === 'B', 'feature-selected');
    assert.equal(selected.layerId, 'sites');
    await frame.locator('cartable-popup').waitFor({ state: 'attached' });

    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'set-table-filter', layerId: 'sites', filter: { values: { kind: ['glacier'] } } }));
    await frame.locator('cartable-table').waitFor({ state: 'attached' });
    await frame.waitForFunction(() => new URL(location.href).searchParams.get('tv.kind') === 'glacier');

    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'fit-extent', extent: [5.8, 44.7, 6.5, 45.3] }));
    await received(page, (d) => d.event === 'view-changed' && d.center[0] > 6.1 && d.center[0] < 6.2, 'view-changed after fit-extent');

    // A failing command answers with an error carrying its id.
    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'select-feature', layerId: 'sites', featureId: 'ZZZ', id: 'q1' }));
    const error = await received(page, (d) => d.event === 'error' && d.id === 'q1', 'error');
    assert.equal(error.code, 'feature-not-found');

    // Malformed messages and other versions are ignored and counted; nothing breaks.
    await page.evaluate(() => {
      const send = (window as any).send;
      send({ cartable: 1, command: 'set-view', center: ['x'] });
      send({ cartable: 9, command: 'set-view', center: [0, 0], zoom: 1 });
      send('hello');
    });
    await frame.waitForFunction(() => (globalThis as any).__cartableEmbedStats?.ignored.version === 1);
    const stats = await frame.evaluate(() => (globalThis as any).__cartableEmbedStats);
    assert.equal(stats.ignored.malformed, 1);
    assert.equal(stats.ignored.foreign, 1);
    assert.equal(stats.ignored.origin, 0);
    // Every event went to the host's own origin.
    const origins = await page.evaluate(() => [...new Set((window as any).received.map((m: any) => m.origin))]);
    assert.deepEqual(origins, [new URL(suite.server.url).origin]);
  });
});

test('a command from an origin the map does not list is ignored, and that origin hears nothing', async (t) => {
  writeFileSync(join(hostDir, 'stranger.html'), hostPage(suite.url(`index.html?context=${DOC}&embed=1`), 'Autre site'));
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(new URL('stranger.html', stranger.url).href);
    const frame = await embedFrame(page);
    const zoom = await zoomIn(frame);
    // No event tells a stranger the embed listens: wait, inside the frame, until it does.
    await frame.waitForFunction(() => (globalThis as any).__cartableEmbedStats !== undefined);
    await page.evaluate(() => (window as any).send({ cartable: 1, command: 'set-view', center: [6.4, 45.0], zoom: 12 }));
    // Counted as ignored in the same step that would otherwise have run it.
    await frame.waitForFunction(() => (globalThis as any).__cartableEmbedStats?.ignored.origin === 1);
    assert.equal(await zoomIn(frame), zoom);
    const stats = await frame.evaluate(() => (globalThis as any).__cartableEmbedStats);
    assert.equal(stats.accepted, 0);
    assert.equal(stats.recent[0].origin, new URL(stranger.url).origin);
    // A message the frame posts now reaches the host after any the map posted before it.
    await frame.evaluate(() => parent.postMessage({ cartable: 1, sentinel: true }, '*'));
    await page.waitForFunction(() => (window as any).received.some((m: any) => m.data.sentinel));
    assert.deepEqual(
      await page.evaluate(() => (window as any).received.filter((m: any) => !m.data.sentinel)),
      [],
      'events reached an origin the map does not list',
    );
  });
});

test('the <cartable-map> element, loaded from the site by a script tag on another origin, renders, takes commands and fires events', async (t) => {
  writeFileSync(
    join(hostDir, 'element.html'),
    `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page hôte</title>
<style>body { margin: 0 } div, p { color: red !important; } * { font-size: 40px }</style></head>
<body><main><h1>Page hôte</h1><div style="height:500px">Texte</div>
<cartable-map id="map" src="${suite.url(DOC)}" center="6.1,45" zoom="9" ctl-zoom="0" style="height:420px"></cartable-map>
<div style="height:3000px">Texte après</div></main>
<script>
  window.events = [];
  for (const name of ['cartable-ready', 'cartable-view-changed', 'cartable-feature-selected', 'cartable-error']) {
    document.addEventListener(name, (e) => window.events.push({ type: e.type, detail: e.detail }));
  }
</script>
<script type="module" src="${suite.url('cartable-map.js')}"></script>
</body></html>`,
  );
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(new URL('element.html', host.url).href);
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.locator('cartable-map cartable-map-view[rendered]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => (window as any).events.some((e: any) => e.type === 'cartable-ready'));
    const shown = await page.evaluate(() => {
      const element = document.querySelector('cartable-map') as any;
      const view = element.mapView;
      return {
        ready: (window as any).events.find((e: any) => e.type === 'cartable-ready').detail,
        zoom: view.adapter.map.getView().getZoom(),
        zoomButtons: !!view.shadowRoot.querySelector('.ol-zoom'),
        shadow: !!element.shadowRoot && !document.querySelector('cartable-map-view'),
        scrollY: window.scrollY,
        focus: document.activeElement?.tagName,
      };
    });
    assert.deepEqual(shown, { ready: { map: 'e2e-embed', version: 1 }, zoom: 9, zoomButtons: false, shadow: true, scrollY: 300, focus: 'BODY' });
    // The host page's styles do not reach inside.
    const colour = await page.locator('cartable-map').locator('h1').evaluate((h) => getComputedStyle(h).color);
    assert.notEqual(colour, 'rgb(255, 0, 0)');
    await page.evaluate(() => (document.querySelector('cartable-map') as any).command({ cartable: 1, command: 'select-feature', layerId: 'sites', featureId: 'A' }));
    await page.waitForFunction(() => (window as any).events.some((e: any) => e.type === 'cartable-feature-selected' && e.detail.featureId === 'A'));
    await page.evaluate(() => (document.querySelector('cartable-map') as any).command({ cartable: 1, command: 'set-view', center: [6.4, 45.0], zoom: 10 }));
    await page.waitForFunction(() => (window as any).events.some((e: any) => e.type === 'cartable-view-changed' && e.detail.zoom === 10));
    const failed = await page.evaluate(() =>
      (document.querySelector('cartable-map') as any).command({ cartable: 1, command: 'set-layers', show: ['nope'], id: 7 }).then(() => 'ok', (e: Error) => e.name),
    );
    assert.equal(failed, 'CommandError');
    await page.waitForFunction(() => (window as any).events.some((e: any) => e.type === 'cartable-error' && e.detail.id === 7 && e.detail.code === 'unknown-layer'));
    // The host page's URL is never touched.
    assert.equal(new URL(page.url()).search, '');
  });
});

test('a permalink reopens every state item: view, layers with order and opacity, basemap, record, panel, table filter, language', async (t) => {
  const query = `context=${DOC}&c=6.1,44.8&z=11&l=zones:0.4,sites:0.7&bm=autre&feature=sites~C&panel=1&table=sites&tv.kind=glacier&lang=en`;
  await withPage(t, suite, { path: `index.html?${query}` }, async ({ page }) => {
    await waitForMap(page);
    await page.locator('cartable-popup').waitFor({ state: 'attached' });
    await page.locator('cartable-table').waitFor({ state: 'attached' });
    const state = await page.evaluate(() => {
      const view = (globalThis as any).__e2e.mapView();
      const map = view.adapter.map;
      const s = view.store.state;
      const z = (id: string) => map.getAllLayers().find((l: any) => l.get('cartable:id') === id).getZIndex();
      return {
        zoom: map.getView().getZoom(),
        layers: { sites: [s.layers.sites.visible, s.layers.sites.opacity], zones: [s.layers.zones.visible, s.layers.zones.opacity] },
        zonesOnTop: z('zones') > z('sites'),
        basemap: s.basemap,
        selection: s.selection,
        panel: !view.shadowRoot.querySelector('aside').hidden,
        lang: document.documentElement.lang,
        title: view.shadowRoot.querySelector('cartable-map-header').shadowRoot.querySelector('.share-toggle').textContent.trim(),
      };
    });
    assert.deepEqual(state, {
      zoom: 11,
      layers: { sites: [true, 0.7], zones: [true, 0.4] },
      zonesOnTop: true,
      basemap: 'autre',
      selection: { layerId: 'sites', featureId: 'C' },
      panel: true,
      lang: 'en',
      title: 'Share',
    });
    // The record is the linked one; the table keeps its filter; the centre is the linked one.
    await page.locator('cartable-popup').getByText('Charlie').first().waitFor();
    // The view may have moved south to bring the record's place out from under the table, by at most the table's height.
    const { centre, tableMetres } = await page.evaluate(() => {
      const view = (globalThis as any).__e2e.mapView();
      const table = view.shadowRoot.querySelector('.table-panel') as HTMLElement;
      return { centre: view.adapter.map.getView().getCenter(), tableMetres: table.getBoundingClientRect().height * view.adapter.map.getView().getResolution() };
    });
    const south = 5593000 - centre[1];
    assert.ok(Math.abs(centre[0] - 679068) < 2000 && south > -3000 && south < tableMetres + 3000, `centre ${centre}, table ${Math.round(tableMetres)} m high`);
    // The Share dialog's link carries the same state.
    await page.locator('.share-toggle').click();
    const link = new URL(await page.locator('#share-link').inputValue());
    for (const [key, value] of [['l', 'zones:0.4,sites:0.7'], ['bm', 'autre'], ['feature', 'sites~C'], ['panel', '1'], ['table', 'sites'], ['tv.kind', 'glacier'], ['lang', 'en'], ['z', '11']]) {
      assert.equal(link.searchParams.get(key), value, key);
    }
    assert.ok(await page.locator('svg.qr').isVisible());
    // The dialog, with its embed builder open, passes axe.
    await page.locator('cartable-share summary').click();
    await page.locator('#share-code').waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.targets.join(' ')}`), [], 'axe violations in the share dialog');
    await page.keyboard.press('Escape');
    await page.locator('cartable-share dialog[open]').waitFor({ state: 'detached' });
    assert.equal(
      await page.evaluate(() => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-map-header').shadowRoot.activeElement?.classList.contains('share-toggle')),
      true,
      'focus went back to Share',
    );
  });
});

test('a bad or stale permalink opens the map with a quiet notice', async (t) => {
  await withPage(t, suite, { path: `index.html?context=${DOC}&z=NaN&c=1,2&l=gone&feature=sites~nope` }, async ({ page }) => {
    await waitForMap(page);
    await page.locator('.notice').filter({ hasText: /./ }).waitFor();
    const visible = await page.evaluate(() => (globalThis as any).__e2e.layers().sites.visible);
    assert.equal(visible, true);
  });
});

test('axe: no violations in embed mode', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html?embed=1&ctl.search=1&ctl.table=1' }, async ({ page }) => {
    await waitForMap(page);
    const violations = await axeViolations(page);
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.targets.join(' ')}`),
      [],
      'axe violations in embed mode',
    );
  });
});
