/**
 * The search box on the built site: the demo map's places (an index built at build time) found with
 * abbreviations and typos (the first letter too), a result opening its record; the Géosites map
 * (indexed at run time in a worker) with the IGN geocoder answered by a fixture, its places inside
 * the map's territory first; and the catalog's search.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { WFS_RESERVE_CENTRE, axeViolations, startSuite, toWebMercator, waitForLayers, waitForMap, wfsFeatureFixture, withPage, type Fixture, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const box = (page: Page, host: 'cartable-map-view' | 'cartable-catalog') => page.locator(`${host} cartable-search input[role="combobox"]`);
const options = (page: Page) => page.locator('cartable-search [role="option"]');

/** The labels of the options shown, in order. */
const optionLabels = (page: Page) => options(page).evaluateAll((nodes) => nodes.map((n) => n.querySelector('.label')?.textContent ?? ''));

/** Types a query and waits until the first option reads `first`. */
async function search(page: Page, host: 'cartable-map-view' | 'cartable-catalog', query: string, first: RegExp): Promise<string[]> {
  const input = box(page, host);
  await input.fill('');
  await input.pressSequentially(query, { delay: 20 });
  await page.waitForFunction(
    ([host, source]) => {
      const root = document.querySelector('cartable-app')?.shadowRoot?.querySelector(host)?.shadowRoot?.querySelector('cartable-search')?.shadowRoot;
      const label = root?.querySelector('[role="option"] .label')?.textContent ?? '';
      return new RegExp(source).test(label);
    },
    [host, first.source] as const,
    { timeout: 15_000 },
  );
  return optionLabels(page);
}

test('the demo map finds "st etienne" and "grenble"; choosing a result zooms and opens its record', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    const input = box(page, 'cartable-map-view');
    await input.waitFor();

    const etienne = await search(page, 'cartable-map-view', 'st etienne', /^Saint-Étienne$/);
    assert.equal(etienne[0], 'Saint-Étienne');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    // The matched words are highlighted as separate parts, never markup.
    assert.deepEqual(await options(page).first().locator('mark').allInnerTexts(), ['Saint', 'Étienne']);
    assert.match(await page.locator('cartable-search .group-title').first().innerText(), /Lieux habités\s+\d+/i);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the results open');

    const zoomBefore = await page.evaluate(() => (globalThis as any).__e2e.map().getView().getZoom());
    const grenoble = await search(page, 'cartable-map-view', 'grenble', /^Grenoble$/);
    assert.equal(grenoble[0], 'Grenoble');
    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'option-0');
    await input.press('Enter');
    await page.locator('cartable-popup').waitFor();
    const record = await page.locator('cartable-popup').evaluate((el) => el.shadowRoot?.textContent ?? '');
    assert.match(record, /Grenoble/);
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    const feature = new URL(page.url()).searchParams.get('feature');
    assert.match(feature ?? '', /^lieux~\d+$/, `the record is named in the URL: ${feature}`);
    // The record opens, then the view glides to frame it beside the record: wait for the end of the move.
    await page.waitForFunction((z) => (globalThis as any).__e2e.map().getView().getZoom() > z + 3 && !(globalThis as any).__e2e.map().getView().getAnimating(), zoomBefore);
    // Grenoble's feature is in view (framed below its record: the map's middle may be under it).
    const where = await page.evaluate(() => {
      const view = (globalThis as any).__e2e.mapView();
      const { layerId, featureId } = view.store.state.selection;
      const map = (globalThis as any).__e2e.map();
      return { pixel: map.getPixelFromCoordinate(view.adapter.recordOf(layerId, featureId).anchor), size: map.getSize() };
    });
    assert.ok(where.pixel[0] > 0 && where.pixel[0] < where.size[0] && where.pixel[1] > 0 && where.pixel[1] < where.size[1], `Grenoble is in view: ${where.pixel}`);
  });
});

test('the demo map forgives a typo in the first letter, and « balam » reaches Balma', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    await box(page, 'cartable-map-view').waitFor();
    for (const [query, name] of [['trenoble', 'Grenoble'], ['ontpellier', 'Montpellier'], ['roleans', 'Orléans'], ['balam', 'Balma']] as const) {
      const labels = await search(page, 'cartable-map-view', query, new RegExp(`^${name}$`));
      assert.equal(labels[0], name, `« ${query} » gives ${name} first: ${labels.join(', ')}`);
    }
  });
});

test('on a phone the search opens from the header over its row, wide enough, and its list fits the screen', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html', viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await waitForMap(page);
    // The phone header is one row: the search box opens over it from the search button.
    await page.locator('cartable-map-view cartable-map-header .search-open').click();
    const input = box(page, 'cartable-map-view');
    await input.waitFor();
    const rect = await input.boundingBox();
    assert.ok(rect && rect.width >= 300 && rect.x >= 0 && rect.x + rect.width <= 390, `the box is wide enough: ${JSON.stringify(rect)}`);
    await search(page, 'cartable-map-view', 'lyon', /^Lyon/);
    const list = await page.locator('cartable-map-view cartable-search [role="listbox"]').boundingBox();
    assert.ok(list && list.x >= 0 && list.x + list.width <= 391, `the list fits the screen: ${JSON.stringify(list)}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'nothing overflows sideways');
  });
});

test('what is typed before the search code has loaded is kept, and focus moves to the real box', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    // Hold the search element's code until the person has typed, whatever the machine's speed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/cartable-search-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(suite.url('maps/lieux-de-france.html'));
    const standIn = page.locator('cartable-map-view cartable-search input.search-standin');
    await standIn.waitFor();
    assert.equal(await page.locator('cartable-map-view cartable-search input[role="combobox"]').count(), 0, 'the search code is not loaded with the map');
    await standIn.focus();
    await page.keyboard.type('lyo');
    release();
    await page.waitForFunction(() => {
      const box = document.querySelector('cartable-app')?.shadowRoot?.querySelector('cartable-map-view')?.shadowRoot?.querySelector('cartable-search');
      return /^Lyon/.test(box?.shadowRoot?.querySelector('[role="option"] .label')?.textContent ?? '');
    });
    await page.keyboard.type('n');
    const state = await page.evaluate(() => {
      const box = document.querySelector('cartable-app')!.shadowRoot!.querySelector('cartable-map-view')!.shadowRoot!.querySelector('cartable-search')!;
      return { value: box.shadowRoot!.querySelector('input')!.value, focused: box.shadowRoot!.activeElement?.getAttribute('role') };
    });
    assert.deepEqual(state, { value: 'lyon', focused: 'combobox' });
  });
});

/** The IGN completion service, answered with one place. */
const geocoderFixture: Fixture = {
  name: 'IGN completion',
  match: (url) => url.hostname === 'data.geopf.fr' && url.pathname === '/geocodage/completion/',
  respond: (route, request) => {
    const text = new URL(request.url()).searchParams.get('text') ?? '';
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'OK', results: [{ fulltext: `La Grave (${text})`, x: 6.306, y: 45.045, kind: 'PositionOfInterest' }] }),
    });
  },
};

test('the Géosites map finds a site by its locality (in the index built with the site) and a place from the geocoder', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html', fixtures: [geocoderFixture] }, async ({ page, hits }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    const labels = await search(page, 'cartable-map-view', "pic de l'homme", /Meije/);
    assert.match(labels[0]!, /^Panorama du chevauchement de la Meije vu de la Grave — /);
    // The geocoder is asked once typing pauses.
    await page.locator('cartable-search .group-title', { hasText: 'Adresses et lieux' }).waitFor();
    assert.ok((hits.get('IGN completion') ?? 0) >= 1, 'the geocoder was asked');
    assert.ok((hits.get('IGN completion') ?? 0) <= 2, `the geocoder was asked once per pause, not per key: ${hits.get('IGN completion')}`);
    await options(page).first().click();
    await page.locator('cartable-popup h2').waitFor();
    assert.equal(await page.locator('cartable-popup h2').innerText(), 'Panorama du chevauchement de la Meije vu de la Grave');
    assert.equal(new URL(page.url()).searchParams.get('feature'), 'geosites~PAC0058');
  });
});

test('the geocoder places inside the Géosites map territory come first', async (t) => {
  const twoPlaces: Fixture = {
    ...geocoderFixture,
    respond: (route) =>
      route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
        body: JSON.stringify({
          status: 'OK',
          results: [
            { fulltext: 'Villeneuve, Gironde', x: -0.57, y: 45.08, kind: 'PositionOfInterest' },
            { fulltext: 'La Villeneuve, Isère', x: 5.74, y: 45.16, kind: 'PositionOfInterest' },
          ],
        }),
      }),
  };
  await withPage(t, suite, { path: 'maps/geosites.html', fixtures: [twoPlaces] }, async ({ page }) => {
    await waitForMap(page);
    await box(page, 'cartable-map-view').pressSequentially('villeneuve', { delay: 20 });
    await page.locator('cartable-search .group-title', { hasText: 'Adresses et lieux' }).waitFor();
    const labels = await optionLabels(page);
    const isere = labels.indexOf('La Villeneuve, Isère');
    assert.ok(isere >= 0 && isere < labels.indexOf('Villeneuve, Gironde'), `the Isère place first: ${labels.join(' | ')}`);
  });
});

test('a WFS layer is searched through its service; choosing the reserve reads it there and opens its record', async (t) => {
  const asked: URL[] = [];
  const recording: Fixture = {
    name: 'WFS search',
    match: (url) => wfsFeatureFixture.match(url) && url.searchParams.has('FILTER'),
    respond: (route, request) => {
      asked.push(new URL(request.url()));
      return wfsFeatureFixture.respond(route, request);
    },
  };
  await withPage(t, suite, { path: 'maps/nature-paysage.html', fixtures: [recording] }, async ({ page }) => {
    await waitForMap(page);
    const labels = await search(page, 'cartable-map-view', 'reserve demo', /Réserve de démonstration/);
    assert.deepEqual(labels, ['Réserve de démonstration']);
    assert.match(await page.locator('cartable-search .group-title').first().innerText(), /Réserves naturelles nationales/i);
    assert.ok(asked.length >= 1, 'the service was asked');
    const filter = asked.at(-1)!.searchParams.get('FILTER') ?? '';
    assert.match(filter, /<fes:PropertyIsLike wildCard="\*" singleChar="\." escapeChar="!" matchCase="false"><fes:ValueReference>nom_site<\/fes:ValueReference><fes:Literal>\*reserve\*demo\*<\/fes:Literal>/);
    assert.equal(asked.at(-1)!.searchParams.get('BBOX'), null, 'the whole layer is searched, not the view');
    await box(page, 'cartable-map-view').press('Enter');
    await page.locator('cartable-popup').waitFor();
    const record = await page.locator('cartable-popup').evaluate((el) => el.shadowRoot?.textContent ?? '');
    assert.match(record, /Réserve de démonstration/);
    assert.equal(new URL(page.url()).searchParams.get('feature'), 'rnn-detail~FR3600999');
    const centre = await page.evaluate(() => (globalThis as any).__e2e.map().getView().getCenter());
    const [x, y] = toWebMercator(WFS_RESERVE_CENTRE);
    assert.ok(Math.hypot(centre[0] - x, centre[1] - y) < 20_000, `the map went to the reserve: ${centre}`);
  });
});

test('the catalog search finds "geologie" and opens the map', async (t) => {
  await withPage(t, suite, { path: '' }, async ({ page }) => {
    await page.locator('li.card').nth(2).waitFor();
    const labels = await search(page, 'cartable-catalog', 'geologie', /Géosites/);
    assert.deepEqual(labels, ['Géosites — patrimoine géologique']);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the catalog results open');
    await page.waitForFunction(() => document.querySelector('cartable-app')?.shadowRoot?.querySelector('cartable-catalog')?.shadowRoot?.querySelectorAll('li.card').length === 1);
    await box(page, 'cartable-catalog').press('Enter');
    await page.waitForURL(suite.url('maps/geosites.html'));
  });
});
