/**
 * Loading a map in the viewer: a document the development server could not build shows the build's
 * problems, and a document whose layer names data only the build reads (`source`) is refused rather
 * than shown without it (the viewer never reads the original).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogMap, loadDocument } from '../../../src/app/load.js';
import type { Catalog } from '../../../src/context/types.js';
import type { Requester } from '../../../src/net/requester.js';
import { minimalDocument } from '../context/fixtures.js';

/** A requester that answers every URL with `body` and records what was asked. */
function answering(body: unknown): Requester & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    prepare: (url) => ({ url, headers: {} }),
    fetch: async (url) => {
      asked.push(url);
      return new Response(JSON.stringify(body));
    },
  };
}

describe('loading a map', () => {
  it('shows the problems the development server gave in the catalog, without reading the document', async () => {
    const problems = [{ path: '/layers/0/source', message: '"https://x.example/s.geojson" could not be read at build time (HTTP 500)' }];
    const catalog = { version: 1, maps: [{ id: 'geosites', title: 'geosites', tags: [], layers: [], document: 'maps/geosites.json', page: 'maps/geosites.html', online: false, validated: false, problems }] } as unknown as Catalog;
    const requester = answering(minimalDocument());
    expect(await loadCatalogMap('geosites', catalog, 'https://cartes.example/', requester)).toEqual({ kind: 'invalid', file: 'maps/geosites.json', problems });
    expect(requester.asked).toEqual([]);
  });

  it('refuses a document not built whose layer reads its data through the build ("source")', async () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    doc.layers[0].source = { url: 'https://raw.example.org/sites.geojson' };
    const result = await loadDocument('https://cartes.example/maps/essai.json', 'maps/essai.json', answering(doc));
    expect(result).toEqual({
      kind: 'invalid',
      file: 'maps/essai.json',
      problems: [{ path: '/layers/0/source', message: "this data is read and packaged by the build: open the built site's copy of this document" }],
    });
    expect((await loadDocument('https://cartes.example/maps/essai.json', 'maps/essai.json', answering(minimalDocument()))).kind).toBe('ready');
  });
});
