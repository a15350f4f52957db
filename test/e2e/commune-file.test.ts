/**
 * A commune report an officer can file, on the shipped Géosites map (issue 19's « Done when »): a person
 * types « bourg d'oisans », picks it, reads the geosites of 38052, exports the CSV — the place named
 * « Bourg-d'Oisans (INSEE 38052) » in its header block, then one row per listed geosite with real named
 * columns (layer, id, the layer's key fields by their labels, each value the record's) — and prints it:
 * the PDF's first page carries the place with its INSEE code, the legend, the scale, a scale bar and a
 * north arrow. The commune service is answered from the shared files (a default fixture); the expected
 * sites are computed from the shared outline and records (support/oisans.ts).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, startSuite, withPage, type Suite } from './support/harness.js';
import { packagedRecords } from './support/geosites.js';
import { inOisans, PUBLIC } from './support/oisans.js';
import { exportCsvLines, listedLabels, nextReady, openGeosites, openPrint, pickCommune, printedPdf, report } from './support/report-page.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const PLACE = "Bourg-d'Oisans (INSEE 38052)";

test('« bourg d’oisans » picked: its CSV names the commune and has one row per geosite with named columns; its print has the place, legend, scale and north', async (t) => {
  const expected = PUBLIC.filter(inOisans).sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(expected.map((s) => s.id), ['RHA0040', 'RHA0041'], 'the public geosites of 38052 (RHA0048 is « Réservé »)');
  // The shipped records and the layer's fields (label → property name), read from the built files.
  const records = new Map(packagedRecords(DIST, 'geosites', 'geosites').map((f) => [f.properties['id_site']!, f.properties]));
  const document = JSON.parse(readFileSync(join(DIST, 'maps', 'geosites.json'), 'utf8')) as { layers: Array<{ id: string; fields: Array<{ name: string; label?: { fr: string } }> }> };
  const fieldOf = new Map(document.layers.find((l) => l.id === 'geosites')!.fields.map((f) => [f.label?.fr ?? f.name, f.name]));

  await withPage(t, suite, { path: 'maps/geosites.html', viewport: { width: 1366, height: 768 } }, async ({ page }) => {
    await openGeosites(page);
    await page.locator('cartable-tools [data-tool="report"]').click();
    await report(page).locator('h2').waitFor();
    await pickCommune(page, "bourg d'oisans", /^(Le )?Bourg-d'Oisans \(38\)$/);
    await nextReady(page, 0);
    assert.deepEqual([...(await listedLabels(page, 'geosites'))].sort(), expected.map((s) => s.name).sort(), 'exactly the geosites inside 38052');

    // The CSV: the header block names the commune and its INSEE code, then one row per listed geosite.
    const lines = await exportCsvLines(page);
    assert.equal(lines[0], "Qu'y a-t-il ici ?");
    assert.equal(lines[1], `Lieu;${PLACE}`);
    assert.match(lines[2]!, /^Date;\d{1,2} \S+ \d{4} à \d\d:\d\d$/);
    assert.equal(lines[3], 'Carte;Géosites — patrimoine géologique');
    assert.equal(lines[5], '');
    const header = lines[6]!.split(';');
    t.diagnostic(`CSV header: ${header.join(';')}`);
    assert.deepEqual(header.slice(0, 5), ['Couche', 'Statut', 'Identifiant', 'Libellé', 'Position'], 'no distance column for a commune');
    const keys = header.slice(5);
    assert.ok(keys.length >= 2 && keys.includes('Lieu-dit'), `the layer's key fields by name: ${keys.join(';')}`);
    assert.ok(!header.some((h) => /^(Champ|Valeur) \d/.test(h)), 'no « Champ n ; Valeur n » pairs');
    const rows = lines.slice(7).map((line) => line.split(';'));
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], r[2], r[3]]).sort((a, b) => a[2]!.localeCompare(b[2]!)),
      expected.map((s) => ['Géosites (INPG)', 'vérifiée', s.id, s.name]),
      'one row per listed geosite: layer, status, id, name',
    );
    for (const row of rows) {
      assert.ok(row.length <= header.length, `no more cells than columns: ${row.join(';')}`);
      const record = records.get(row[2]!)!;
      keys.forEach((label, i) => {
        const name = fieldOf.get(label);
        assert.ok(name, `the column « ${label} » is one of the layer's fields`);
        assert.equal(row[5 + i] ?? '', String(record[name] ?? ''), `${row[2]}: « ${label} » is its ${name}`);
      });
    }

    // Print: a real PDF of the printed report, the commune named on its first page with the map's legend and scale.
    await openPrint(page);
    const { first, words } = await printedPdf(page);
    assert.ok(words.includes(PLACE.replace(/\s/g, '')), `the place with its INSEE code: ${first.slice(0, 400)}`);
    assert.ok(words.includes('Légende'), 'the legend is on the first page');
    assert.ok(words.includes('Géosites(INPG)') && words.includes('Sitenaturel'), 'the legend names the layer and its entries');
    assert.match(words, /Échelle1:[\d\u202f]+/, 'the scale');
    assert.match(first, /(^| )(1|2|5|10) km( |$)|(^| )(100|200|500) m( |$)/, 'the scale bar, to a round length');
    assert.match(first, /(^| )N( |$)/, 'the north arrow');
    for (const site of expected) assert.ok(words.includes(site.name.replace(/\s/g, '')), `the listed ${site.id}`);
    await page.emulateMedia({ media: 'screen' });
  });
});
