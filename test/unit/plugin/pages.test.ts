import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../../plugin/catalog.js';
import { mapPage } from '../../../plugin/pages.js';
import { validateContext, validateSiteConfig } from '../../../src/context/validate.js';
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
