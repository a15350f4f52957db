import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../../plugin/catalog.js';
import { mapPage, PAGE_DOCUMENT_ID } from '../../../plugin/pages.js';
import { validateContext } from '../../../src/context/validate.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { minimalDocument } from '../context/fixtures.js';

const INDEX =
  '<!doctype html><html lang="fr"><head><title>Cartable</title><meta name="description" content="x" /><script type="module" src="./assets/index-abc.js"></script></head><body></body></html>';

describe('mapPage with replacement patterns in the texts', () => {
  it('writes "$&", "$`", "$\'" and "$1" in a title, a description and a site name as they are', () => {
    const patterns = "A $& B $` C $' D $1 E $$";
    const doc = Object.assign(minimalDocument(), { id: 'p', title: `Carte ${patterns}`, description: `Desc ${patterns}` });
    const context = validateContext(doc);
    const site = validateSiteConfig({ version: 1, name: `Site ${patterns}`, baseUrl: 'https://cartes.example.org' });
    if (!context.ok || !site.ok) throw new Error('fixture does not validate');
    const html = mapPage(INDEX, catalogEntry(context.value, { document: 'maps/p.json', page: 'maps/p.html' }), site.value);
    const escaped = 'A $&amp; B $` C $&#39; D $1 E $$';
    expect(html).toContain(`<title>Carte ${escaped} – Site ${escaped}</title>`);
    expect(html).toContain(`<meta name="description" content="Desc ${escaped}" />`);
    expect(html).toContain(`<meta property="og:title" content="Carte ${escaped}" />`);
    expect(html).toContain(`<meta property="og:site_name" content="Site ${escaped}" />`);
    // No copy of index.html pasted in: one document, one head, one title.
    expect(html.match(/<!doctype html>/g)).toHaveLength(1);
    expect(html.match(/<head>/g)).toHaveLength(1);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<\/head>/g)).toHaveLength(1);
  });
});

describe('mapPage with the validated document inline', () => {
  it('carries it as a JSON data block that no text of the document can close or turn into script', () => {
    const hostile = 'Carte </script><script>alert(1)</script> <!-- x --> </SCRIPT >';
    const context = validateContext(Object.assign(minimalDocument(), { id: 'p', title: hostile, description: hostile }));
    const site = validateSiteConfig({ version: 1, name: 'Site' });
    if (!context.ok || !site.ok) throw new Error('fixture does not validate');
    const json = JSON.stringify(context.value);
    const html = mapPage(INDEX, catalogEntry(context.value, { document: 'maps/p.json', page: 'maps/p.html' }), site.value, {
      modules: ['assets/map-abc.js'],
      fetches: ['data/p.1234567890.geojson'],
      document: json,
    });
    const block = new RegExp(`<script type="application/json" id="${PAGE_DOCUMENT_ID}" data-document="maps/p.json">([^]*?)</script>`).exec(html);
    expect(block).not.toBeNull();
    expect(JSON.parse(block![1]!)).toEqual(context.value);
    expect(block![1]).not.toMatch(/<\/?script|<!--/i);
    // Only the entry's script runs: every other script element is the data block.
    expect([...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag)).toEqual([
      '<script type="module" src="../assets/index-abc.js">',
      `<script type="application/json" id="${PAGE_DOCUMENT_ID}" data-document="maps/p.json">`,
    ]);
    expect(html).toContain('<link rel="modulepreload" href="../assets/map-abc.js" />');
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="../data/p.1234567890.geojson" />');
  });
});
