/**
 * « Une commune » on the signed-in copy of the Géosites map: its restricted copy (plugin/restricted.ts)
 * carries the records marked « Réservé » the public map withholds, so the commune report for
 * Bourg-d'Oisans lists exactly the three geosites of 38052 — RHA0040, RHA0041 and the « Réservé »
 * RHA0048 — computed from the shared outline and records (support/oisans.ts). The site is built by
 * this test with the shared INPG records and served signed in with real components
 * (support/signed-in-site.ts); the commune service is answered from the shared files (a default fixture).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withPage } from './support/harness.js';
import { inOisans, SITES } from './support/oisans.js';
import { exportCsvLines, listedLabels, nextReady, openGeosites, pickCommune, report } from './support/report-page.js';
import { fontsFixture, REFUSALS, signInFromCatalog, startSignedInSite, type SignedInSite } from './support/signed-in-site.js';

let TEMP: string;
let signed: SignedInSite;
before(async () => {
  TEMP = mkdtempSync(join(tmpdir(), 'cartable-commune-restricted-'));
  signed = await startSignedInSite({ temp: TEMP });
}, { timeout: 300_000 });
after(async () => {
  await signed?.close();
  if (TEMP) rmSync(TEMP, { recursive: true, force: true });
});

test('signed in, the Géosites map’s restricted copy: the commune report for Bourg-d’Oisans lists RHA0040, RHA0041 and the « Réservé » RHA0048', async (t) => {
  const expected = SITES.filter(inOisans).sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(expected.map((s) => s.id), ['RHA0040', 'RHA0041', 'RHA0048']);
  assert.deepEqual(expected.filter((s) => s.reserved).map((s) => s.id), ['RHA0048'], 'one of them is « Réservé »');
  const { suite, files } = signed;

  await withPage(t, suite, { path: '', viewport: { width: 1366, height: 768 }, fixtures: [fontsFixture], expectedConsoleErrors: REFUSALS }, async ({ page }) => {
    await signInFromCatalog(page);
    const mark = files.requests.length;
    await page.goto(suite.url('maps/geosites.html'));
    await openGeosites(page);
    assert.ok(
      files.requests.slice(mark).some((r) => r.path.endsWith('/maps/geosites.json') && r.status === 200 && r.authorization?.startsWith('Bearer ')),
      'the map is the restricted copy, fetched with the token',
    );
    await page.locator('cartable-tools [data-tool="report"]').click();
    await report(page).locator('h2').waitFor();
    await pickCommune(page, "bourg d'oisans", /^(Le )?Bourg-d'Oisans \(38\)$/);
    await nextReady(page, 0);
    assert.match(await report(page).locator('p', { hasText: 'Lieu :' }).innerText(), /Bourg-d'Oisans \(INSEE 38052\)/);
    assert.equal(await report(page).locator('#results-title').innerText(), '3 objet(s) trouvé(s)');
    assert.deepEqual([...(await listedLabels(page, 'geosites'))].sort(), expected.map((s) => s.name).sort(), 'exactly the geosites inside 38052');
    // Their ids, as the filed report gives them.
    const rows = (await exportCsvLines(page)).slice(7).map((line) => line.split(';'));
    assert.deepEqual(rows.map((r) => r[2]).sort(), ['RHA0040', 'RHA0041', 'RHA0048']);
  });
});
