/**
 * The « Qu'y a-t-il ici ? » report on the built site: a point with a radius on the Géosites map (the
 * 60 public INPG records the site ships, checked against a haversine computation written here), zoom
 * to a line, the CSV export, printing, typed vertices, a country clicked on the offline demo map
 * (checked against ray casting written here), axe, and the phone view; at 1366×768 and 390×844 in
 * French and English, a place picked on the map is framed in the map area the panel leaves free.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DIST, WFS_RESERVE_CENTRE, axeViolations, startSuite, toWebMercator, waitForLayers, waitForMap, withPage, type Suite } from './support/harness.js';
import { packagedRecords } from './support/geosites.js';
import { assertNotCovered, featurePosition, freeAreaOf, waitForInFreeArea } from './support/geometry.js';
import { mapArea, pagePixel, report } from './support/report-page.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

// ---------------------------------------------------------------- independent computations

function haversine([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2! - lat1!) * rad) / 2) ** 2 + Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(((lon2! - lon1!) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

function rayCast(rings: number[][][], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inside = !inside;
    }
  return inside;
}

type Site = { name: string; id: string; at: [number, number] };
const sites = (): Site[] =>
  // The 60 public records, as the built site ships them.
  packagedRecords(DIST, 'geosites', 'geosites').map((f) => ({
    name: f.properties['nom_site']!,
    id: f.properties['id_site']!,
    at: f.geometry.coordinates,
  }));

const LA_GRAVE: [number, number] = [6.3066, 45.0458];

// ---------------------------------------------------------------- page helpers

/** Opens the report the way the toolbar does (the contract event), and waits for its panel. */
async function openReport(page: Page): Promise<void> {
  await page.evaluate(() =>
    (globalThis as any).__e2e.mapView().shadowRoot.querySelector('.map').dispatchEvent(new CustomEvent('cartable-report-open', { bubbles: true, composed: true })),
  );
  await page.locator('cartable-report h2').waitFor();
}

/** The toolbar's « Qu'y a-t-il ici ? » button (issue 10's tools). */
const reportButton = (page: Page) => page.locator('cartable-tools [data-tool="report"]');

async function centreOn(page: Page, lonLat: readonly [number, number], zoom: number): Promise<void> {
  const centre = toWebMercator(lonLat);
  await page.evaluate(
    ([c, z]) => {
      const view = (globalThis as any).__e2e.map().getView();
      view.setCenter(c);
      view.setZoom(z);
      return (globalThis as any).__e2e.nextRender();
    },
    [centre, zoom] as const,
  );
}

/** Centres the part of the map left of the open panel (the cross « Centre de la carte » takes) on a point. */
async function centreBesidePanel(page: Page, lonLat: readonly [number, number], zoom: number): Promise<void> {
  await centreOn(page, lonLat, zoom);
  await page.evaluate(() => {
    const view = (globalThis as any).__e2e.mapView();
    const mapView = view.adapter.map.getView();
    const panel = view.shadowRoot.querySelector('cartable-report').getBoundingClientRect().width;
    const [x, y] = mapView.getCenter();
    mapView.setCenter([x + (panel / 2) * mapView.getResolution(), y]);
    return (globalThis as any).__e2e.nextRender();
  });
}

test('a point and a radius lists the geosites within 5 km of La Grave, nearest first; lines zoom; CSV and print', async (t) => {
  const expected = sites()
    .map((s) => ({ ...s, d: haversine(LA_GRAVE, s.at) }))
    .filter((s) => s.d <= 5000)
    .sort((a, b) => a.d - b.d);
  assert.ok(expected.length >= 2, 'the place holds several sites (the test means something)');

  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await reportButton(page).click();
    await report(page).locator('h2').waitFor();
    await centreBesidePanel(page, LA_GRAVE, 11);
    assert.equal(await report(page).locator('h2').evaluate((h) => h.getRootNode() instanceof ShadowRoot && (h.getRootNode() as ShadowRoot).activeElement === h), true, 'focus on the heading');
    // The map offers communes (issue 19): the report starts on « Une commune »; here, « a point and a radius ».
    assert.equal(await report(page).getByLabel('Une commune', { exact: true }).isChecked(), true);
    await report(page).getByLabel('Un point et un rayon').check();
    await report(page).getByLabel('Rayon (km)').fill('5');
    await report(page).getByRole('button', { name: 'Centre de la carte' }).click();
    await report(page).locator('#results-title').waitFor();
    assert.equal(await report(page).locator('#results-title').innerText(), `${expected.length} objet(s) trouvé(s)`);
    assert.equal(await report(page).locator('h4 .count').first().innerText(), String(expected.length));
    const labels = await report(page).locator('.item .label').allInnerTexts();
    assert.deepEqual(labels, expected.map((s) => s.name), 'the sites, nearest first');
    const firstDistance = await report(page).locator('.item .distance').first().innerText();
    const metres = expected[0]!.d;
    assert.equal(firstDistance, metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(2).replace('.', ',').replace(/,?0+$/, '')} km`);

    // A line zooms to its site and highlights it.
    const second = expected[1]!;
    await report(page).locator('.item', { hasText: second.name }).click();
    // In view beside the panel, at a closer zoom.
    await page.waitForFunction(
      ([x, y]) => {
        const view = (globalThis as any).__e2e.mapView();
        const map = view.adapter.map;
        if (map.getView().getAnimating()) return false;
        const pixel = map.getPixelFromCoordinate([x, y]);
        const panel = view.shadowRoot.querySelector('cartable-report').getBoundingClientRect().width;
        const [width, height] = map.getSize();
        return map.getView().getZoom() > 11.5 && pixel[0] > 0 && pixel[0] < width - panel && pixel[1] > 0 && pixel[1] < height;
      },
      toWebMercator(second.at),
    );
    assert.equal(await report(page).locator('.item[aria-current="true"] .label').innerText(), second.name);
    await page.screenshot({ path: join(import.meta.dirname, '../../scratch/report-desktop.png') }).catch(() => undefined);

    // CSV: BOM, « ; », the header block and its blank line, the columns, one line per site with its distance.
    const [download] = await Promise.all([page.waitForEvent('download'), report(page).getByRole('button', { name: 'Exporter en CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^rapport-centre-de-la-carte-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
    const all = csv.slice(1).trimEnd().split('\r\n');
    const lines = all.slice(all.indexOf('') + 1);
    assert.match(lines[0]!, /^Couche;Statut;Identifiant;Libellé;Distance \(m\);Position;Lieu-dit;/);
    assert.equal(lines.length, expected.length + 1);
    const [layer, status, id, name, distance] = lines[1]!.split(';');
    assert.deepEqual([layer, status, id, Number(distance)], ['Géosites (INPG)', 'vérifiée', expected[0]!.id, Math.round(expected[0]!.d)]);
    assert.ok(name === expected[0]!.name || name === `"${expected[0]!.name}"`);

    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the report open');

    // Print: the print view holds the place, the date, the map extract (or names what forbids it) and the sources.
    await page.evaluate(() => (window.print = () => undefined));
    await report(page).getByRole('button', { name: 'Imprimer' }).click();
    const printed = page.locator('cartable-report-print');
    await printed.locator('h1').waitFor({ state: 'attached' });
    const text = await printed.evaluate((el) => el.shadowRoot!.textContent ?? '');
    assert.match(text, /Centre de la carte, à moins de 5 km/);
    assert.match(text, /INPG – Parc national des Écrins/, 'the sources');
    assert.match(text, /Date :/);
    const image = await printed.evaluate((el) => el.shadowRoot!.querySelector('img')?.getAttribute('src') ?? '');
    const forbidden = await printed.evaluate((el) => el.shadowRoot!.querySelector('figcaption')?.textContent ?? '');
    assert.ok(image.startsWith('data:image/png') || /Plan IGN/.test(forbidden), 'a map image, or the layer that forbids it named');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('cartable-app').isVisible(), false, 'only the report is printed');
    assert.equal(await printed.isVisible(), true);
    await page.screenshot({ path: join(import.meta.dirname, '../../scratch/report-print.png'), fullPage: true }).catch(() => undefined);
    await page.emulateMedia({ media: 'screen' });

    // Escape closes the panel, removes the place and gives focus back to the toolbar's button.
    await report(page).getByRole('button', { name: 'Exporter en CSV' }).focus();
    await page.keyboard.press('Escape');
    await report(page).waitFor({ state: 'hidden' });
    assert.equal(await reportButton(page).evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true, 'focus back on « Qu’y a-t-il ici ? »');
  });
});

test('a drawn area, typed vertices (a wrong one is named) and a typed line with a distance; Escape cancels drawing', async (t) => {
  // A box around La Grave and Villar-d'Arène, in degrees.
  const box = [[6.2, 45.0], [6.45, 45.0], [6.45, 45.1], [6.2, 45.1]];
  const expected = sites().filter((s) => rayCast([[...box, box[0]!]], s.at[0], s.at[1])).map((s) => s.name).sort((a, b) => a.localeCompare(b, 'fr'));
  assert.ok(expected.length >= 2);
  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await openReport(page);
    await report(page).getByLabel('Une zone tracée').check();
    // Drawing takes the pointer: a click adds a vertex, no record opens; Escape gives the pointer back.
    // East of the triangle: the panel covers the right of the map.
    await centreOn(page, [6.55, 45.06], 10);
    const mapBox = (await page.locator('cartable-map-view').evaluate((v) => v.shadowRoot!.querySelector('.map')!.getBoundingClientRect().toJSON())) as DOMRect;
    const at = (lonLat: readonly [number, number]) =>
      page.evaluate((c) => (globalThis as any).__e2e.map().getPixelFromCoordinate(c), toWebMercator(lonLat)) as Promise<[number, number]>;
    await report(page).getByRole('button', { name: 'Tracer la zone sur la carte' }).click();
    await report(page).locator('.picking').waitFor();
    await page.keyboard.press('Escape');
    await report(page).locator('.picking').waitFor({ state: 'detached' });
    // Drawn with the mouse: three vertices on the map (a click on a site opens no record), then « Terminer ».
    await report(page).getByRole('button', { name: 'Tracer la zone sur la carte' }).click();
    const triangle: Array<[number, number]> = [[6.2, 45.0], [6.45, 45.0], [6.3, 45.12]];
    for (const [placed, corner] of triangle.entries()) {
      const [x, y] = await at(corner);
      // Separate clicks, not a double click: each waits until the map has called it a single click.
      await page.evaluate(() => {
        (globalThis as any).__singleClick = new Promise<void>((resolve) => (globalThis as any).__e2e.map().once('singleclick', () => resolve()));
      });
      await page.mouse.click(mapBox.x + x, mapBox.y + y);
      await page.evaluate(() => (globalThis as any).__singleClick);
      // The vertex counts: « Retirer le dernier sommet » once there is one, « Terminer » from the third.
      await report(page).getByRole('button', { name: 'Retirer le dernier sommet' }).and(page.locator(':enabled')).waitFor();
      assert.equal(await report(page).getByRole('button', { name: 'Terminer le tracé' }).isEnabled(), placed + 1 >= 3, `vertex ${placed + 1} placed`);
    }
    await report(page).getByRole('button', { name: 'Terminer le tracé' }).click();
    await report(page).locator('#results-title').waitFor();
    const inTriangle = sites().filter((s) => rayCast([[...triangle, triangle[0]!]], s.at[0], s.at[1])).map((s) => s.name).sort((a, b) => a.localeCompare(b, 'fr'));
    assert.deepEqual(await report(page).locator('.item .label').allInnerTexts(), inTriangle);
    assert.equal(await page.locator('cartable-popup').count(), 0, 'drawing opened no record');
    const textarea = report(page).getByLabel('Ou tapez les sommets, un par ligne');
    await textarea.fill('6.2 45.0\n6.45');
    await report(page).getByRole('button', { name: 'Utiliser ces sommets' }).click();
    assert.equal(await report(page).locator('.problem').innerText(), 'Point 2 : il faut deux nombres, longitude puis latitude (ou x puis y).');
    await textarea.fill(box.map((p) => p.join(' ')).join('\n'));
    await report(page).getByRole('button', { name: 'Utiliser ces sommets' }).click();
    await report(page).locator('#results-title').waitFor();
    assert.deepEqual(await report(page).locator('.item .label').allInnerTexts(), expected);

    // A line with a distance either side: the sites near the Romanche valley road, nearest first.
    const road: Array<[number, number]> = [[6.2, 45.04], [6.45, 45.06]];
    await report(page).getByLabel('Une ligne tracée').check();
    await report(page).getByLabel('Distance de part et d’autre (km)').fill('2');
    await report(page).getByLabel('Ou tapez les sommets, un par ligne').fill(road.map((p) => p.join(' ')).join('\n'));
    await report(page).getByRole('button', { name: 'Utiliser ces sommets' }).click();
    await report(page).locator('p', { hasText: 'à moins de 2 km de la ligne' }).first().waitFor();
    await report(page).locator('#results-title').waitFor();
    const found = await report(page).locator('.item .label').allInnerTexts();
    // Independent: distance to the segment in a local metric plane (1° lon = 111.32 km × cos φ), ± 30 m at the limit.
    const toLocal = ([lon, lat]: readonly number[]): [number, number] => [lon! * 111_320 * Math.cos((45.05 * Math.PI) / 180), lat! * 110_574];
    const [a, b] = road.map(toLocal) as [[number, number], [number, number]];
    const distance = (p: [number, number]): number => {
      const [px, py] = toLocal(p);
      const t = Math.max(0, Math.min(1, ((px - a[0]) * (b[0] - a[0]) + (py - a[1]) * (b[1] - a[1])) / ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2)));
      return Math.hypot(px - (a[0] + t * (b[0] - a[0])), py - (a[1] + t * (b[1] - a[1])));
    };
    const near = sites().map((s) => ({ name: s.name, d: distance(s.at) }));
    const surely = near.filter((s) => s.d < 1970).sort((x, y) => x.d - y.d).map((s) => s.name);
    assert.ok(surely.length >= 2, 'sites along the road');
    assert.deepEqual(found.filter((n) => surely.includes(n)), surely, 'every site surely within 2 km, nearest first');
    for (const name of found) assert.ok(near.find((s) => s.name === name)!.d < 2030, `${name} is within 2 km`);
  });
});

test('a click on a country of the offline map reports the places inside it', async (t) => {
  const file = readdirSync(join(DIST, 'data')).find((f) => /^countries-europe\.[0-9a-f]+\.geojson$/.test(f))!;
  const places = readdirSync(join(DIST, 'data')).find((f) => /^france-places\.[0-9a-f]+\.geojson$/.test(f))!;
  const countries = JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8')) as { features: Array<{ properties: Record<string, string>; geometry: { type: string; coordinates: any } }> };
  const france = countries.features.find((f) => f.properties['nom'] === 'France')!;
  const polygons: number[][][][] = france.geometry.type === 'Polygon' ? [france.geometry.coordinates] : france.geometry.coordinates;
  const all = (JSON.parse(readFileSync(join(DIST, 'data', places), 'utf8')) as { features: Array<{ geometry: { coordinates: [number, number] } }> }).features;
  const inside = all.filter((p) => polygons.some((rings) => rayCast(rings, p.geometry.coordinates[0], p.geometry.coordinates[1]))).length;
  assert.ok(inside > 8000, `most places fall in France (${inside})`);

  await withPage(t, suite, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    await openReport(page);
    await report(page).getByRole('button', { name: 'Cliquer un objet sur la carte' }).click();
    // Near Loches: France, away from any border, and left of the labelled tool column (the report narrows the map).
    const pixel = await page.evaluate((c) => (globalThis as any).__e2e.map().getPixelFromCoordinate(c), toWebMercator([1.0, 47.1]));
    const box = (await page.locator('cartable-map-view').evaluate((v) => v.shadowRoot!.querySelector('.map')!.getBoundingClientRect().toJSON())) as DOMRect;
    await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
    await report(page).locator('#results-title').waitFor({ timeout: 20_000 });
    assert.match(await report(page).locator('p', { hasText: 'Lieu :' }).innerText(), /France/);
    const lieux = report(page).locator('section[aria-labelledby="layer-lieux"]');
    assert.equal(await lieux.locator('.count').innerText(), String(inside));
    assert.equal(await lieux.locator('.item').count(), 100, 'the first 100 lines, then « show all »');
    await lieux.getByRole('button', { name: `Afficher les ${inside} objets` }).waitFor();
    const pays = report(page).locator('section[aria-labelledby="layer-pays"]');
    assert.ok((await pays.locator('.item .label').allInnerTexts()).includes('France'));
    assert.equal(await page.locator('cartable-popup').count(), 0, 'the click picked the place and opened no record');
    await page.screenshot({ path: join(import.meta.dirname, '../../scratch/report-country.png') }).catch(() => undefined);
  });
});

test('on a 390×844 phone the report covers the map, folds to show a feature, and axe finds nothing', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html', viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await centreOn(page, LA_GRAVE, 11);
    await openReport(page);
    const panel = await report(page).boundingBox();
    assert.equal(Math.round(panel!.width), 390, 'the whole width');
    await report(page).getByLabel('Un point et un rayon').check();
    await report(page).getByRole('button', { name: 'Centre de la carte' }).click();
    await report(page).locator('#results-title').waitFor();
    await page.screenshot({ path: join(import.meta.dirname, '../../scratch/report-phone.png') }).catch(() => undefined);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the phone');
    await report(page).locator('.item').first().click();
    await page.waitForFunction(() => (globalThis as any).__e2e.mapView().shadowRoot.querySelector('cartable-report').hasAttribute('folded'));
    const folded = await report(page).boundingBox();
    assert.ok(folded!.height < 844 * 0.45, 'folded to show the map');
    await page.screenshot({ path: join(import.meta.dirname, '../../scratch/report-phone-folded.png') }).catch(() => undefined);
    await report(page).getByRole('button', { name: 'Déplier le rapport' }).click();
    assert.ok((await report(page).boundingBox())!.height > 700);
  });
});

test('an embed shows no report unless its link switches it on (ctl.report=1)', async (t) => {
  await withPage(t, suite, { path: 'maps/geosites.html?embed=1' }, async ({ page }) => {
    await waitForMap(page);
    await page.evaluate(() => (globalThis as any).__e2e.mapView().openReport());
    assert.equal(await page.locator('cartable-report').count(), 0);
  });
  await withPage(t, suite, { path: 'maps/geosites.html?embed=1&ctl.report=1' }, async ({ page }) => {
    await waitForMap(page);
    await openReport(page);
    assert.equal(await report(page).locator('h2').innerText(), "Qu'y a-t-il ici ?");
  });
});

test('in English, WFS layers and WMS layers that name their WFS are asked over the area through the service', async (t) => {
  await withPage(t, suite, { path: 'maps/nature-paysage.html?lang=en' }, async ({ page, hits }) => {
    await waitForMap(page);
    await openReport(page);
    assert.equal(await report(page).locator('h2').innerText(), 'What is here?');
    await report(page).getByLabel('A drawn area').check();
    const [lon, lat] = WFS_RESERVE_CENTRE;
    const square = [[lon - 0.1, lat - 0.1], [lon + 0.1, lat - 0.1], [lon + 0.1, lat + 0.1], [lon - 0.1, lat + 0.1]].map((c) => c.map((n) => n.toFixed(4)));
    const before = hits.get('Géoplateforme WFS GetFeature') ?? 0;
    await report(page).getByLabel('Or type the vertices, one a line').fill(square.map((c) => c.join(' ')).join('\n'));
    await report(page).getByRole('button', { name: 'Use these vertices' }).click();
    await report(page).locator('#results-title').waitFor();
    // The WFS layer and the 8 WMS layers (each names its WFS type in the document).
    assert.ok((hits.get('Géoplateforme WFS GetFeature') ?? 0) >= before + 9, 'the WFS was asked for every layer');
    for (const id of ['rnn-detail', 'rnn']) {
      const reserves = report(page).locator(`section[aria-labelledby="layer-${id}"]`);
      assert.deepEqual(await reserves.locator('.item .label').allInnerTexts(), ['Réserve de démonstration'], id);
    }
    assert.deepEqual(await report(page).locator('.unchecked li').allInnerTexts(), [], 'every layer was checked');
    await page.screenshot({ path: join(import.meta.dirname, '../../scratch/report-services-en.png') }).catch(() => undefined);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing');
  });
});

// ---------------------------------------------------------------- geometry (issue 18)

/** Pans the map so that a point lies in the middle of the map area the covers leave free. */
async function centreInFreeArea(page: Page, lonLat: readonly [number, number], covers: readonly Locator[]): Promise<void> {
  const map = mapArea(page);
  const free = await freeAreaOf(map, covers);
  assert.ok(free, 'some of the map is free');
  const mapBox = await map.boundingBox();
  await page.evaluate(
    ([c, target]) => {
      const olMap = (globalThis as any).__e2e.map();
      const [x, y] = olMap.getPixelFromCoordinate(c);
      const [width, height] = olMap.getSize();
      olMap.getView().setCenter(olMap.getCoordinateFromPixel([width / 2 + x - target[0]!, height / 2 + y - target[1]!]));
      return (globalThis as any).__e2e.nextRender();
    },
    [toWebMercator(lonLat), [(free.left + free.right) / 2 - mapBox!.x, (free.top + free.bottom) / 2 - mapBox!.y]] as const,
  );
}

const WORDS = {
  fr: { circle: 'Un point et un rayon', radius: 'Rayon (km)', pick: 'Cliquer le point sur la carte' },
  en: { circle: 'A point and a radius', radius: 'Radius (km)', pick: 'Click the point on the map' },
} as const;

for (const [width, height] of [[1366, 768], [390, 844]] as const)
  for (const lang of ['fr', 'en'] as const)
    test(`at ${width}×${height} (${lang}), the place clicked for the report is framed in the free map area, not under the panel`, async (t) => {
      // The site nearest La Grave, picked as the centre of a 5 km circle: at zoom 13 the circle (about
      // 370 px across each way) overflows the free area, so only the report's framing brings it inside.
      const site = sites().sort((a, b) => haversine(LA_GRAVE, a.at) - haversine(LA_GRAVE, b.at))[0]!;
      await withPage(t, suite, { path: `maps/geosites.html${lang === 'en' ? '?lang=en' : ''}`, viewport: { width, height } }, async ({ page }) => {
        await waitForMap(page);
        await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
        await centreOn(page, site.at, 13);
        await openReport(page);
        const covers = [report(page)];
        await report(page).getByLabel(WORDS[lang].circle).check();
        await report(page).getByLabel(WORDS[lang].radius).fill('5');
        await report(page).getByRole('button', { name: WORDS[lang].pick }).click();
        await report(page).locator('.picking').waitFor();
        // The person clicks the site where they see it (on a phone the sheet has folded to show the map).
        await centreInFreeArea(page, site.at, covers);
        const at = await featurePosition(mapArea(page), 'geosites', site.id);
        await page.mouse.click(at.x, at.y);
        await report(page).locator('#results-title').waitFor();
        // The whole place: its centre and its edge 5 km north, east, south and west (± 1 %).
        const r = 5000 * 0.99;
        const north = r / 111_195;
        const east = north / Math.cos((site.at[1] * Math.PI) / 180);
        const [lon, lat] = site.at;
        const points: Array<[number, number]> = [[lon, lat], [lon, lat + north], [lon + east, lat], [lon, lat - north], [lon - east, lat]];
        for (const point of points) await waitForInFreeArea(() => pagePixel(page, point), mapArea(page), covers, 4);
        if (width > 600) await assertNotCovered(report(page).locator('#results-title'), 'the report’s results');
        else {
          // A phone: the sheet stays folded below the place; its head unfolds the results.
          assert.equal(await report(page).getAttribute('folded'), '', 'the sheet is folded');
          await assertNotCovered(report(page).locator('.head'), 'the folded report’s head');
        }
        await page.screenshot({ path: join(import.meta.dirname, `../../scratch/report-place-${width}x${height}-${lang}.png`) }).catch(() => undefined);
      });
    });
