import { describe, expect, it } from 'vitest';
import { buildCatalog, catalogEntry, needsNetwork } from '../../../plugin/catalog.js';
import { mapPage } from '../../../plugin/pages.js';
import type { MapContext, SiteConfig } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { minimalDocument } from '../context/fixtures.js';

function context(change: (doc: Record<string, any>) => void = () => {}): MapContext {
  const doc = minimalDocument();
  change(doc);
  const result = validateContext(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const site = (extra: Record<string, unknown> = {}): SiteConfig => {
  const result = validateSiteConfig({ version: 1, name: 'Plateforme', ...extra });
  if (!result.ok) throw new Error('bad site');
  return result.value;
};

const paths = (id: string) => ({ document: `maps/${id}.json`, page: `maps/${id}.html` });

describe('catalog', () => {
  it('lists public maps only, sorted by French title, with their layer names', () => {
    const a = context((d) => Object.assign(d, { id: 'a', title: 'Écrins' }));
    const b = context((d) => Object.assign(d, { id: 'b', title: 'Zones humides' }));
    const c = context((d) => Object.assign(d, { id: 'c', title: 'Eaux' }));
    const secret = context((d) => Object.assign(d, { id: 's', title: 'Secret', access: { level: 'restricted', groups: ['agents'] } }));
    const catalog = buildCatalog([a, b, c, secret].map((ctx) => ({ context: ctx, entry: catalogEntry(ctx, paths(ctx.id)) })));
    expect(catalog.maps.map((m) => m.id)).toEqual(['c', 'a', 'b']);
    expect(catalog.maps[0]).toMatchObject({ layers: ['Sites'], document: 'maps/c.json', page: 'maps/c.html' });
    expect(JSON.stringify(catalog)).not.toContain('Secret');
  });

  it('says which maps need the network', () => {
    expect(needsNetwork(context())).toBe(true);
    const local = context((d) => {
      d.layers[0].url = undefined;
      delete d.layers[0].url;
      d.layers[0].file = 'data/x.geojson';
    });
    expect(needsNetwork(local)).toBe(false);
    const withRemoteBasemap = context((d) => {
      delete d.layers[0].url;
      d.layers[0].file = 'data/x.geojson';
      d.basemaps = [{ type: 'xyz', id: 'osm', title: 'OSM', url: 'https://tile.example.org/{z}/{x}/{y}.png' }];
    });
    expect(needsNetwork(withRemoteBasemap)).toBe(true);
  });
});

describe('mapPage', () => {
  const index = '<!doctype html><html lang="fr"><head><title>Cartable</title><meta name="description" content="x" /><script type="module" src="./assets/index-abc.js"></script><link rel="stylesheet" href="./assets/index.css"></head><body></body></html>';

  it('carries the title, description and Open Graph tags, with assets one folder up', () => {
    const ctx = context((d) => Object.assign(d, { id: 'geo', title: 'Géosites', description: 'Les sites « remarquables »' }));
    const html = mapPage(index, catalogEntry(ctx, paths('geo')), site({ baseUrl: 'https://cartes.example.org/cartes' }));
    expect(html).toContain('<title>Géosites – Plateforme</title>');
    expect(html).toContain('<meta property="og:title" content="Géosites" />');
    expect(html).toContain('<meta property="og:description" content="Les sites « remarquables »" />');
    expect(html).toContain('<meta property="og:url" content="https://cartes.example.org/cartes/maps/geo.html" />');
    expect(html).toContain('<link rel="canonical" href="https://cartes.example.org/cartes/maps/geo.html" />');
    expect(html).toContain('<meta name="cartable:map" content="geo" />');
    expect(html).toContain('src="../assets/index-abc.js"');
    expect(html).toContain('href="../assets/index.css"');
  });

  it('escapes what documents say', () => {
    const ctx = context((d) => Object.assign(d, { id: 'x', title: '"><script>alert(1)</script>', description: "l'<b>é</b>" }));
    const html = mapPage(index, catalogEntry(ctx, paths('x')), site());
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('l&#39;&lt;b&gt;é&lt;/b&gt;');
    expect(html).not.toContain('og:url'); // no baseUrl: no absolute URL to give
  });
});
