/**
 * The classic tools, end to end on the built site: measuring with the keyboard and the pointer
 * (checked against geodesic values computed here), « go to » coordinates, copying them, locating
 * with a mocked geolocation (granted and refused), the print layout (visible under print media, a
 * real PDF of the chosen paper size), PNG export (a real image; a layer whose tiles cannot be used
 * is named), the embed switches, axe on every panel, and a 390×844 phone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import Polygon from 'ol/geom/Polygon.js';
import { getArea } from 'ol/sphere.js';
import { printLayout } from '../../src/tools/print-layout.js';
import { haversine, mercatorToLonLat as toLonLat } from '../support/geodesy.js';
import { readSiteConfig } from '../support/nginx.js';
import { keepScreenshot } from '../support/screenshots.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';
import { DIST, REPO, TILE_PNG, axeViolations, nextFrames, startSuite, waitForMap, waitForViewStill, withPage, type Suite } from './support/harness.js';
import { decodePng } from './support/png.js';
import { stubPrint, waitForPrints } from './support/print.js';

let suite: Suite;
const MAP = 'maps/lieux-de-france.html';
const DOC = `maps/e2e-tools-${process.pid}.json`;
/** A tile server of another origin that sends no CORS header (the site's policy allows its images). */
let tiles: StaticServer;
let tilesDir: string;

before(async () => {
  tilesDir = mkdtempSync(join(tmpdir(), 'cartable-tiles-'));
  writeFileSync(join(tilesDir, 'tile.png'), TILE_PNG);
  tiles = await serveStatic(tilesDir);
  const site = readSiteConfig(REPO);
  suite = await startSuite({ site: { ...site, allowedOrigins: [...site.allowedOrigins, { origin: new URL(tiles.url).origin, use: ['data'] }] } });
  writeFileSync(
    join(DIST, DOC),
    JSON.stringify({
      version: 1,
      id: 'e2e-tools',
      title: 'Carte aux tuiles interdites',
      attributions: ['Essai'],
      view: { center: [5.72, 45.19], zoom: 9 },
      basemaps: [{ type: 'empty', id: 'aucun', title: 'Aucun' }],
      layers: [
        { type: 'xyz', id: 'ortho-sans-cors', title: 'Photos sans CORS', url: `${tiles.url}tile.png?z={z}&x={x}&y={y}` },
        {
          type: 'geojson',
          id: 'points',
          title: 'Points',
          data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [5.72, 45.19] }, properties: {} }] },
          style: { symbol: { marker: { shape: 'circle', radius: 9, fill: { color: '#ff0000' } } } },
        },
      ],
    }),
  );
});
after(async () => {
  rmSync(join(DIST, DOC), { force: true });
  await suite?.close();
  await tiles?.close();
  rmSync(tilesDir, { recursive: true, force: true });
});

proj4.defs('EPSG:2154', '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

/** « 1 234,5 km » → metres; « 12,3 ha » → square metres. */
function readMeasure(text: string): number {
  const match = /([\d\s\u202f\u00a0]+(?:,\d+)?)\s*(km²|m²|ha|km|m)(?![a-z²])/.exec(text);
  assert.ok(match, `no measure in « ${JSON.stringify(text)} »`);
  const value = Number(match[1]!.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
  return value * { m: 1, km: 1000, 'm²': 1, ha: 10_000, 'km²': 1_000_000 }[match[2] as 'm']!;
}

const centre = (page: Page): Promise<number[]> => page.evaluate(() => (globalThis as any).__e2e.map().getView().getCenter());
const tool = (page: Page, name: string) => page.locator(`cartable-tools [data-tool="${name}"]`);
const reading = (page: Page) => page.locator('cartable-tools-measure output');

/**
 * Clicks the map once and waits until OpenLayers has ruled out a double click (its 'singleclick'):
 * a next click, even on a busy machine, is then never taken for the second half of one.
 */
async function singleClick(page: Page, x: number, y: number): Promise<void> {
  await page.evaluate(() => {
    (globalThis as any).__singleClick = new Promise((resolve) => (globalThis as any).__e2e.map().once('singleclick', () => resolve(true)));
  });
  await page.mouse.click(x, y);
  await page.evaluate(() => (globalThis as any).__singleClick);
}

async function openMap(page: Page, path = MAP): Promise<void> {
  await page.goto(suite.url(path));
  await waitForMap(page);
  await page.locator('cartable-tools .dock').waitFor({ state: 'attached' });
}

test('measures a distance with the keyboard alone, geodesically', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    await openMap(page);
    await tool(page, 'measure').click();
    assert.equal(await tool(page, 'measure').getAttribute('aria-pressed'), 'true');
    const map = page.locator('cartable-map-view .map');
    await map.focus();
    await page.keyboard.press('Enter');
    const start = toLonLat(await centre(page));
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowDown']) {
      await page.keyboard.press(key);
      await waitForViewStill(page); // each press pans with a short animation
    }
    await page.keyboard.press('Enter');
    const end = toLonLat(await centre(page));
    const expected = haversine(start, end);
    assert.ok(expected > 100_000, `the map moved ${expected} m`);
    const measured = readMeasure(await reading(page).innerText());
    assert.ok(Math.abs(measured - expected) / expected < 0.005, `measured ${measured} m, expected ${expected} m`);
    assert.match(await reading(page).innerText(), /2 point\(s\)/);
    // Backspace takes the last point back; Escape cancels; a second Escape (in the panel) closes the tool.
    await page.keyboard.press('Backspace');
    assert.match(await reading(page).innerText(), /1 point\(s\)/);
    await page.keyboard.press('Escape');
    assert.match(await reading(page).innerText(), /^—/);
    await page.locator('cartable-tools-measure .add-centre').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('cartable-tools-measure').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement as any)?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.dataset?.tool ?? null), 'measure');
  });
});

test('measures an area with the pointer, and clicks open no record meanwhile', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    await openMap(page);
    await tool(page, 'measure').click();
    await page.locator('cartable-tools-measure button', { hasText: 'Surface' }).click();
    const box = (await page.locator('cartable-map-view .map').boundingBox())!;
    const pixels = [[120, 150], [420, 170], [300, 520]];
    for (const [x, y] of pixels) await singleClick(page, box.x + x!, box.y + y!);
    await page.locator('cartable-tools-measure .finish').click();
    const coordinates = await page.evaluate((px) => px.map((p) => (globalThis as any).__e2e.map().getCoordinateFromPixel(p)), pixels);
    const ring = [...coordinates, coordinates[0]].map(toLonLat);
    const expected = getArea(new Polygon([ring]), { projection: 'EPSG:4326' });
    const text = await reading(page).innerText();
    assert.match(text, /km²/);
    assert.match(text, /Périmètre/);
    assert.match(text, /terminée/);
    const measured = readMeasure(text);
    assert.ok(Math.abs(measured - expected) / expected < 0.005, `measured ${measured} m² (« ${JSON.stringify(text)} »), expected ${expected} m²`);
    assert.equal(await page.locator('cartable-popup').count(), 0, 'a click while measuring opened a record');

    // A distance ended by a double click: its two clicks make one point, and the map does not zoom.
    const zoom = await page.evaluate(() => (globalThis as any).__e2e.map().getView().getZoom());
    await page.locator('cartable-tools-measure button', { hasText: 'Distance' }).click();
    await singleClick(page, box.x + 150, box.y + 400);
    await page.mouse.dblclick(box.x + 450, box.y + 420);
    await reading(page).filter({ hasText: 'terminée' }).waitFor();
    assert.match(await reading(page).innerText(), /2 point\(s\) · terminée/);
    assert.equal(await page.evaluate(() => (globalThis as any).__e2e.map().getView().getZoom()), zoom, 'the double click zoomed');
  });
});

test('goes to coordinates typed in any accepted form, says what is wrong otherwise, and copies them', async (t) => {
  await withPage(t, suite, {}, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openMap(page);
    await tool(page, 'coordinates').click();
    const input = page.locator('cartable-tools-coordinates input[name="goto"]');
    const error = page.locator('cartable-tools-coordinates #goto-error');
    await input.fill('95 100');
    await input.press('Enter');
    assert.match(await error.innerText(), /latitude doit être comprise entre −90 et 90/);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await input.fill('Grenoble');
    await input.press('Enter');
    assert.match(await error.innerText(), /Deux valeurs sont attendues/);

    const grenoble93 = proj4('EPSG:4326', 'EPSG:2154', [5.72, 45.19]);
    // Lambert-93 is read once its code has loaded: the panel then shows a Lambert-93 row.
    await page.locator('cartable-tools-coordinates [data-row="l93"]').waitFor();
    for (const typed of [`45°11'24"N 5°43'12"E`, '5.72 45.19', `${grenoble93[0]!.toFixed(2)} ${grenoble93[1]!.toFixed(2)}`]) {
      await input.fill(typed);
      await input.press('Enter');
      await waitForViewStill(page); // the map glides there
      assert.equal(await error.innerText(), '');
      const [lon, lat] = toLonLat(await centre(page));
      assert.ok(Math.abs(lon! - 5.72) < 1e-4 && Math.abs(lat! - 45.19) < 1e-4, `${typed} → ${lon}, ${lat}`);
    }
    assert.match(await page.locator('cartable-tools-coordinates form .status').innerText(), /Lu en Lambert-93/);
    const marked = await page.evaluate(() =>
      (globalThis as any).__e2e.map().getAllLayers().filter((l: any) => l.get('cartable:tool') === 'marks').flatMap((l: any) => l.getSource().getFeatures().map((f: any) => f.get('kind'))),
    );
    assert.deepEqual(marked, ['place']);

    // The readout names the chosen point; copying Lambert-93 puts « x, y » on the clipboard.
    const l93 = proj4('EPSG:4326', 'EPSG:2154', toLonLat(await centre(page)));
    await page.locator('cartable-tools-coordinates [data-copy="l93"]').click();
    await page.locator('cartable-tools-coordinates .status', { hasText: 'Copié' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const [x, y] = copied.split(',').map(Number);
    assert.ok(Math.abs(x! - l93[0]!) < 1 && Math.abs(y! - l93[1]!) < 1, `copied « ${copied} », expected ${l93}`);
    await page.locator('cartable-tools-coordinates [data-copy="wgs84"]').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '45.190000, 5.720000');
  });
});

test('the coordinates follow the pointer and a click picks a point', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    await openMap(page);
    await tool(page, 'coordinates').click();
    const box = (await page.locator('cartable-map-view .map').boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 300);
    await page.locator('cartable-tools-coordinates .hint', { hasText: 'Sous le pointeur' }).waitFor();
    const at = toLonLat(await page.evaluate(() => (globalThis as any).__e2e.map().getCoordinateFromPixel([200, 300])));
    const text = await page.locator('cartable-tools-coordinates [data-row="wgs84"]').innerText();
    const shown = /^([\d,]+)° N, ([\d,]+)° ([EO])$/.exec(text);
    assert.ok(shown, text);
    const lat = Number(shown[1]!.replace(',', '.'));
    const lon = Number(shown[2]!.replace(',', '.')) * (shown[3] === 'O' ? -1 : 1);
    // Within a pixel (about 2 km at this zoom) of the point under the pointer.
    assert.ok(Math.abs(lat - at[1]!) < 0.03 && Math.abs(lon - at[0]!) < 0.03, `${text} for ${at}`);
    await page.mouse.click(box.x + 200, box.y + 300);
    await page.locator('cartable-tools-coordinates .hint', { hasText: 'Point choisi' }).waitFor();
    // The map has seen the move, and the frame the readout would follow it in has passed.
    await page.evaluate(() => void (globalThis as any).__e2e.map().once('pointermove', () => ((globalThis as any).__moved = true)));
    await page.mouse.move(box.x + 260, box.y + 340); // on the map, beside the picked point (a panel covers other parts)
    await page.waitForFunction(() => (globalThis as any).__moved === true);
    await nextFrames(page);
    assert.equal(await page.locator('cartable-tools-coordinates [data-row="wgs84"]').innerText(), text, 'a picked point stays');
  });
});

test('locates the person only when asked, with the accuracy circle; says so when refused', async (t) => {
  await withPage(t, suite, {}, async ({ page, context }) => {
    await context.setGeolocation({ latitude: 45.19, longitude: 5.72, accuracy: 120 });
    await context.grantPermissions(['geolocation']);
    await page.addInitScript(() => {
      (globalThis as any).__asked = 0;
      const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args) => ((globalThis as any).__asked++, real(...args));
    });
    const asked = (): Promise<number> => page.evaluate(() => (globalThis as any).__asked);
    await openMap(page);
    // Loading is over: the locate button is there and the map has drawn a whole frame since.
    await tool(page, 'locate').waitFor();
    await page.evaluate(() => (globalThis as any).__e2e.nextRender());
    assert.equal(await asked(), 0, 'the position was asked for on load');
    await tool(page, 'locate').click();
    await page.locator('cartable-tools .message', { hasText: 'Vous êtes ici, à 120 m près.' }).waitFor();
    assert.equal(await asked(), 1);
    const marks = await page.evaluate(() =>
      (globalThis as any).__e2e.map().getAllLayers().filter((l: any) => l.get('cartable:tool') === 'marks').flatMap((l: any) => l.getSource().getFeatures().map((f: any) => f.get('kind'))).sort(),
    );
    assert.deepEqual(marks, ['accuracy', 'position']);
    await waitForViewStill(page); // the map frames the accuracy circle
    const [lon, lat] = toLonLat(await centre(page));
    assert.ok(Math.abs(lon! - 5.72) < 0.01 && Math.abs(lat! - 45.19) < 0.01, `centred on ${lon}, ${lat}`);
  });
  await withPage(t, suite, {}, async ({ page, context }) => {
    await context.clearPermissions(); // headless Chromium answers the prompt with a refusal
    await openMap(page);
    await tool(page, 'locate').click();
    await page.locator('cartable-tools .message', { hasText: 'Localisation refusée' }).waitFor();
  });
});

test('prints through a layout of the chosen paper: title, map, legend, scale, north, sources, date', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    await openMap(page);
    await stubPrint(page);
    const sizeBefore = await page.evaluate(() => (globalThis as any).__e2e.map().getSize());
    await tool(page, 'print').click();
    await page.locator('cartable-tools-print input[name="orientation"][value="portrait"]').check();
    await page.locator('cartable-tools-print #print-title').fill('Mon titre imprimé');
    await page.locator('cartable-tools-print .print').click();
    await waitForPrints(page);
    // The map on screen is back to its size.
    assert.deepEqual(await page.evaluate(() => (globalThis as any).__e2e.map().getSize()), sizeBefore);
    const layout = page.locator('cartable-print-layout');
    assert.equal(await layout.isVisible(), false, 'the print layout shows on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await layout.isVisible(), true);
    assert.equal(await page.locator('cartable-app').isVisible(), false, 'the app prints too');
    const text = await layout.locator('.page').innerText();
    assert.match(text, /Mon titre imprimé/);
    assert.match(text, /Imprimée le \d+ \S+ \d{4}/);
    assert.ok(await layout.locator('cartable-legend').getByText('Auvergne-Rhône-Alpes').isVisible(), 'the legend is printed');
    assert.match(text, /1 : [\d\u202f]+/); // the scale
    assert.match(text, /© GeoNames/);
    assert.ok(await layout.locator('svg.north').isVisible());
    // The map box has the paper's map aspect, filled with the map.
    const { ratio, boxRatio, painted } = await page.evaluate(() => {
      const root = document.querySelector('cartable-print-layout')!.shadowRoot!;
      const canvas = root.querySelector('.map canvas') as HTMLCanvasElement;
      const box = root.querySelector('.map')!.getBoundingClientRect();
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return { ratio: canvas.width / canvas.height, boxRatio: box.width / box.height, painted: colours.size };
    });
    assert.ok(Math.abs(ratio - boxRatio) < 0.02, `map image ${ratio} in a box of ${boxRatio}`);
    const [mapW, mapH] = printLayout('A4', 'portrait').map;
    assert.ok(Math.abs(ratio - mapW / mapH) < 0.01, `map image ${ratio}, A4 portrait map box ${mapW / mapH}`);
    assert.ok(painted > 20, `the printed map holds ${painted} colours`);
    await keepScreenshot(page, 'tools-print', { fullPage: true });
    // A real PDF honours the page size the layout asks for (A4 portrait: 595 × 842 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    assert.ok(box, 'no page size in the PDF');
    assert.ok(Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2, `PDF page ${box[1]} × ${box[2]}`);
    assert.equal((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length, 1, 'the layout fits one page');
  });
});

test('exports the map as a PNG image that holds what the map shows', async (t) => {
  await withPage(t, suite, {}, async ({ page }) => {
    await openMap(page);
    await tool(page, 'print').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('cartable-tools-print .png').click()]);
    assert.match(download.suggestedFilename(), /^lieux-de-france-\d{4}-\d{2}-\d{2}\.png$/);
    const png = decodePng(readFileSync((await download.path())!));
    const size = await page.evaluate(() => (globalThis as any).__e2e.map().getSize());
    assert.deepEqual([png.width, png.height], size);
    // A place of the map is drawn in the exported image where it is on screen, in its region's colour.
    const probe = await page.evaluate(() => {
      const map = (globalThis as any).__e2e.map();
      const layer = map.getAllLayers().find((l: any) => l.get('cartable:id') === 'lieux');
      const canvas = map.getViewport().querySelector('.ol-layer canvas') as HTMLCanvasElement;
      void layer;
      const ctx = canvas.getContext('2d')!;
      for (let y = 100; y < canvas.height - 100; y += 7) for (let x = 100; x < canvas.width - 100; x += 7) {
        const [r, g, b, a] = ctx.getImageData(x, y, 1, 1).data;
        if (a === 255 && Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 80) return { x, y, rgb: [r, g, b] };
      }
      return undefined;
    });
    assert.ok(probe, 'no coloured pixel on the map');
    const exported = png.pixel(probe.x, probe.y).slice(0, 3);
    assert.ok(exported.every((v, i) => Math.abs(v - probe.rgb[i]!) < 40), `exported ${exported} where the map shows ${probe.rgb}`);
    assert.match(await page.locator('cartable-tools-print .status').innerText(), /Image enregistrée : lieux-de-france-/);
    assert.equal(await page.locator('cartable-tools-print .warning').count(), 0);
  });
});

test('names the layer whose tiles the image cannot hold', async (t) => {
  await withPage(
    t,
    suite,
    { expectedConsoleErrors: [/blocked by CORS policy|Failed to load resource/] },
    async ({ page }) => {
      await openMap(page, `index.html?context=${DOC}`);
      await tool(page, 'print').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('cartable-tools-print .png').click()]);
      const png = decodePng(readFileSync((await download.path())!));
      assert.ok(png.width > 0);
      const warning = await page.locator('cartable-tools-print .warning').innerText();
      assert.match(warning, /« Photos sans CORS »/);
      assert.doesNotMatch(warning, /Points/);
    },
  );
});

test('embed switches show the tools only when asked', async (t) => {
  const buttons = (page: Page): Promise<string[]> =>
    page.locator('cartable-tools .bar [data-tool]').evaluateAll((all) => all.map((b) => (b as HTMLElement).dataset.tool!));
  await withPage(t, suite, {}, async ({ page }) => {
    await page.goto(suite.url(`${MAP}?embed=1`));
    await waitForMap(page);
    // The map view has drawn itself since the first frame, when the toolbar would have come.
    await page.evaluate(() => (globalThis as any).__e2e.mapView().updateComplete);
    await page.evaluate(() => (globalThis as any).__e2e.nextRender());
    assert.equal(await page.locator('cartable-tools').count(), 0, 'an embed shows no tools by default');
    await openMap(page, `${MAP}?embed=1&ctl.tools=1`);
    assert.deepEqual(await buttons(page), ['measure', 'coordinates', 'locate']);
    await openMap(page, `${MAP}?embed=1&ctl.print=1&ctl.report=1`);
    assert.deepEqual(await buttons(page), ['report', 'print']);
    await openMap(page, MAP);
    assert.deepEqual(await buttons(page), ['report', 'measure', 'coordinates', 'locate', 'print']);
  });
});

test('every panel is accessible (axe), on a desktop and on a phone', async (t) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await withPage(t, suite, { viewport }, async ({ page }) => {
      await openMap(page);
      const phone = viewport.width < 700;
      if (phone) {
        assert.equal(await tool(page, 'measure').isVisible(), false, 'the toolbar folds on a phone');
        await page.locator('cartable-tools .menu').click();
      }
      for (const name of ['measure', 'coordinates', 'print']) {
        if (phone && !(await tool(page, name).isVisible())) await page.locator('cartable-tools .menu').click();
        await tool(page, name).click();
        await page.locator(`cartable-tools-${name}`).waitFor();
        const panel = (await page.locator('cartable-tools .panel').boundingBox())!;
        assert.ok(panel.x >= 0 && panel.x + panel.width <= viewport.width + 1, `${name} panel fits the width`);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations)}`);
        if (phone) await keepScreenshot(page, `tools-phone-${name}`);
      }
    });
  }
});
