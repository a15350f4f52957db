/**
 * A report an officer can file, on the shipped Géosites map: a point with a 5 km radius at La Grave is
 * named in WGS84 and Lambert-93 (checked against proj4 with a definition written here); the CSV starts
 * with the place, the date and the map, then one row per site with its key fields as named columns
 * (sites checked against haversine); the printed report, as a real PDF, carries the map extract as
 * wide as the text with the legend, a scale bar and a north arrow, and no grey block at its foot.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { haversine } from '../support/geodesy.js';
import { DIST, REPO, startSuite, waitForLayers, waitForMap, withPage, type Suite } from './support/harness.js';
import { packagedRecords } from './support/geosites.js';
import { centreBesidePanel, exportCsvLines, openPrint, printedPdf, report } from './support/report-page.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const LA_GRAVE: [number, number] = [6.3066, 45.0458];
/** Lambert-93 as the IGN publishes it, written here independently of src/proj. */
const LAMBERT_93 = '+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +units=m +no_defs';
const SCRATCH = join(REPO, 'scratch');

/** A number as French writes it (« 6 444 103 », « 45,04580 ») read back. */
const frenchNumber = (text: string): number => Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));

test('a point and a radius, named in WGS84 and Lambert-93, exported as CSV with named columns and printed to PDF with legend, scale and north', async (t) => {
  const expected = packagedRecords(DIST, 'geosites', 'geosites')
    .map((f) => ({ id: f.properties['id_site']!, name: f.properties['nom_site']!, d: haversine(LA_GRAVE, f.geometry.coordinates) }))
    .filter((s) => s.d <= 5000)
    .sort((a, b) => a.d - b.d);
  assert.ok(expected.length >= 2, 'the place holds several sites (the test means something)');

  await withPage(t, suite, { path: 'maps/geosites.html' }, async ({ page }) => {
    await waitForMap(page);
    await waitForLayers(page, (l) => l.geosites?.status === 'ready', 'geosites ready');
    await page.locator('cartable-tools [data-tool="report"]').click();
    await report(page).locator('h2').waitFor();
    await centreBesidePanel(page, LA_GRAVE, 11);
    await report(page).getByLabel('Un point et un rayon').check();
    await report(page).getByLabel('Rayon (km)').fill('5');
    await report(page).getByRole('button', { name: 'Centre de la carte' }).click();
    await report(page).locator('#results-title').waitFor();

    // The place: its centre in degrees (5 decimals) and in Lambert-93 metres, and its radius.
    const heading = await report(page).locator('.results > p.note').innerText();
    const named = /^Centre de la carte, à moins de 5 km de ([\d,]+)° N, ([\d,]+)° E \(WGS84\) — Lambert-93 : X ([\d\s\u202f]+) m, Y ([\d\s\u202f]+) m · /.exec(heading);
    assert.ok(named, `the place as the heading names it: ${heading}`);
    const [lat, lon, x, y] = named.slice(1).map(frenchNumber) as [number, number, number, number];
    assert.ok(Math.abs(lon - LA_GRAVE[0]) < 0.002 && Math.abs(lat - LA_GRAVE[1]) < 0.002, `centre ${lon} ${lat} at La Grave`);
    const [ex, ey] = proj4(LAMBERT_93, [lon, lat]) as [number, number];
    assert.ok(Math.abs(x - ex) <= 2 && Math.abs(y - ey) <= 2, `Lambert-93 ${x} ${y}, proj4 says ${ex.toFixed(1)} ${ey.toFixed(1)}`);
    const place = heading.slice(0, heading.lastIndexOf(' · '));
    // The picker's « Lieu : » line names it the same way (the map's projection passed to it).
    assert.equal(await report(page).locator('.scroll > p', { hasText: 'Lieu :' }).innerText(), `Lieu : ${place}`);

    // The CSV: title, place, date, map and its address, a blank line, then the table.
    const lines = await exportCsvLines(page);
    assert.equal(lines[0], "Qu'y a-t-il ici ?");
    assert.equal(lines[1], `Lieu;${place}`);
    assert.match(lines[2]!, /^Date;\d{1,2} \S+ \d{4} à \d\d:\d\d$/);
    assert.equal(lines[3], 'Carte;Géosites — patrimoine géologique');
    assert.match(lines[4]!, /^Adresse de la carte;http:\/\/127\.0\.0\.1:\d+\/cartes\/maps\/geosites\.html/);
    assert.equal(lines[5], '');
    const header = lines[6]!.split(';');
    assert.deepEqual(header.slice(0, 6), ['Couche', 'Statut', 'Identifiant', 'Libellé', 'Distance (m)', 'Position']);
    // The layer's key fields by name, never « Champ 1 ; Valeur 1 » pairs.
    assert.ok(header.includes('Lieu-dit'), header.join(';'));
    assert.ok(!header.some((h) => /^(Champ|Valeur) \d/.test(h)));
    const rows = lines.slice(7).map((line) => line.split(';'));
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], r[2], Number(r[4])]),
      expected.map((s) => ['Géosites (INPG)', 'vérifiée', s.id, Math.round(s.d)]),
      'one row per site, nearest first, with its distance',
    );
    assert.ok(rows.every((r) => r.length <= header.length));

    // Print: a real PDF of the printed report.
    const printed = await openPrint(page);
    const boxes = await printed.evaluate((el) => {
      const root = el.shadowRoot!;
      const width = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().width;
      // Anything painted grey (a background neither transparent nor white) on paper.
      const painted: string[] = [];
      for (const node of [document.documentElement, document.body, el, ...root.querySelectorAll('*')]) {
        const rect = node.getBoundingClientRect();
        const colour = getComputedStyle(node).backgroundColor;
        const rgba = colour.match(/[\d.]+/g)!.map(Number);
        const white = rgba.length === 4 ? rgba[3] === 0 || rgba.slice(0, 3).every((c) => c >= 250) : rgba.every((c) => c >= 250);
        if (!white && rect.width > 0 && rect.height > 0) painted.push(`${node.nodeName}.${(node as Element).className} ${colour}`);
      }
      return { image: width('.map img'), text: width('table'), page: el.getBoundingClientRect().width, painted };
    });
    assert.ok(Math.abs(boxes.image - boxes.text) < 2, `the map (${boxes.image}px) is as wide as the text (${boxes.text}px)`);
    assert.deepEqual(boxes.painted, [], 'nothing grey on paper');
    mkdirSync(SCRATCH, { recursive: true });
    await page.screenshot({ path: join(SCRATCH, 'report-file-print.png'), fullPage: true }).catch(() => undefined);

    const { pdf, first, words } = await printedPdf(page);
    writeFileSync(join(SCRATCH, 'report-file.pdf'), pdf);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    assert.ok(box && Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2, `A4 portrait: ${box?.[1]} × ${box?.[2]}`);
    assert.ok(words.includes('Légende'), `the legend is on the first page: ${first.slice(0, 400)}`);
    assert.ok(words.includes('Géosites(INPG)') && words.includes('Sitenaturel'), 'the legend names the layer and its entries');
    assert.match(words, /Échelle1:[\d\u202f]+/, 'the scale');
    assert.match(first, /(^| )(1|2|5|10) km( |$)|(^| )(100|200|500) m( |$)/, 'the scale bar, to a round length');
    assert.match(first, /(^| )N( |$)/, 'the north arrow');
    assert.ok(words.includes('Lambert-93'), 'the place in Lambert-93');
    assert.ok(words.includes(expected[0]!.name.replace(/\s/g, '')), 'the nearest site');
    await page.emulateMedia({ media: 'screen' });
  });
});
