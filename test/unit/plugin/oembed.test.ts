import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../../plugin/catalog.js';
import { oembedAnswer, oembedLink, oembedPath } from '../../../plugin/oembed.js';
import { mapPage } from '../../../plugin/pages.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { minimalDocument } from '../context/fixtures.js';

const site = (extra: Record<string, unknown> = {}): SiteConfig => {
  const result = validateSiteConfig({ version: 1, name: { fr: 'Plateforme', en: 'Platform' }, ...extra });
  if (!result.ok) throw new Error('bad site');
  return result.value;
};

const entry = () => {
  const doc = minimalDocument();
  doc.id = 'geosites';
  doc.title = { fr: 'Géosites « Écrins » & co', en: 'Geosites' };
  const result = validateContext(doc);
  if (!result.ok) throw new Error('bad doc');
  return catalogEntry(result.value, { document: 'maps/geosites.json', page: 'maps/geosites.html' });
};

const INDEX = '<!doctype html><html><head><title>x</title><meta name="description" content="x"></head><body><script type="module" src="./assets/index.js"></script></body></html>';

describe('oEmbed', () => {
  it('answers with a rich embed whose iframe opens the map page in embed mode, with absolute URLs', () => {
    const answer = oembedAnswer(entry(), site({ baseUrl: 'https://cartes.example/sig' }))!;
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', title: 'Géosites « Écrins » & co', provider_name: 'Plateforme', provider_url: 'https://cartes.example/sig/', width: 800, height: 450 });
    const html = String(answer.html);
    expect(html).toMatch(/^<iframe src="https:\/\/cartes\.example\/sig\/maps\/geosites\.html\?embed=1" title="Géosites « Écrins » &amp; co"/);
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('allow="fullscreen; geolocation"');
    expect(oembedPath(entry())).toBe('maps/geosites.oembed.json');
  });

  it('is left out, answer and discovery link, when the site has no baseUrl', () => {
    expect(oembedAnswer(entry(), site())).toBeUndefined();
    expect(oembedLink(entry(), site())).toBeUndefined();
    expect(mapPage(INDEX, entry(), site())).not.toContain('json+oembed');
  });

  it('puts the discovery link in the map’s static page', () => {
    const page = mapPage(INDEX, entry(), site({ baseUrl: 'https://cartes.example/' }));
    expect(page).toContain(
      '<link rel="alternate" type="application/json+oembed" href="https://cartes.example/maps/geosites.oembed.json" title="Géosites « Écrins » &#38; co" />',
    );
  });
});
