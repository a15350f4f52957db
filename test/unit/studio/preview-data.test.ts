import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../../src/context/types.js';
import type { Requester } from '../../../src/net/requester.js';
import { filesRequester } from '../../../src/studio/preview/files-requester.js';
import { previewSources, sourceUrl } from '../../../src/studio/preview/preview-sources.js';
import { isDevelopment } from '../../../src/studio/save/dev-server.js';

const ROOT = 'http://127.0.0.1:5201/';

describe('the preview’s data under the development server', () => {
  it('runs as code served by a development server (vitest, like Vite, says DEV)', () => {
    expect(isDevelopment()).toBe(true);
  });

  it('reads `source` layers from the endpoint, by name (else URL), in groups too, and leaves other layers as they are', () => {
    const sourced = { type: 'geojson', id: 'g', source: { name: 'inpg-geosites-ecrins', url: 'https://x.org/a.geojson' } };
    const points = { type: 'points', id: 'p', source: { url: 'https://x.org/b.geojson' } };
    const file = { type: 'geojson', id: 'f', file: 'data/f.geojson' };
    const context = { layers: [sourced, { type: 'group', id: 'grp', layers: [points] }, file] } as unknown as MapContext;
    const shown = previewSources(context, ROOT);
    expect((shown.layers[0] as { url?: string }).url).toBe(`${ROOT}__cartable/studio/sources/inpg-geosites-ecrins`);
    expect((shown.layers[1] as unknown as { layers: { file?: string }[] }).layers[0]!.file).toBe(sourceUrl(ROOT, { url: 'https://x.org/b.geojson' }));
    expect(sourceUrl(ROOT, { url: 'https://x.org/b.geojson' })).toBe(`${ROOT}__cartable/studio/sources/https%3A%2F%2Fx.org%2Fb.geojson`);
    expect(shown.layers[2]).toBe(file);
    // The document itself keeps its `source`.
    expect((context.layers[0] as { url?: string }).url).toBeUndefined();
    const plain = { layers: [file] } as unknown as MapContext;
    expect(previewSources(plain, ROOT)).toBe(plain);
  });

  it('answers dropped files from memory, and data files of the maps folder through the endpoint', async () => {
    const asked: string[] = [];
    const base: Requester = { prepare: (url) => ({ url, headers: {} }), fetch: async (url) => (asked.push(url), new Response('server')) };
    const files = new Map([['data/essai/points.geojson', { name: 'points.geojson', type: 'application/geo+json', bytes: new TextEncoder().encode('memory') }]]);
    const requester = filesRequester(base, files, `${ROOT}maps/`);
    expect(await (await requester.fetch(`${ROOT}maps/data/essai/points.geojson`)).text()).toBe('memory');
    await requester.fetch(`${ROOT}maps/data/exemple-acces/sites-suivis.geojson`);
    await requester.fetch(`${ROOT}maps/geosites.json`);
    await requester.fetch('https://data.geopf.fr/wmts?x=1');
    expect(asked).toEqual([`${ROOT}__cartable/studio/files/data/exemple-acces/sites-suivis.geojson`, `${ROOT}maps/geosites.json`, 'https://data.geopf.fr/wmts?x=1']);
    expect(requester.prepare(`${ROOT}maps/data/a b.geojson`).url).toBe(`${ROOT}__cartable/studio/files/data/a%20b.geojson`);
  });
});
