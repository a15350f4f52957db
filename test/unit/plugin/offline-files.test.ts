import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { shellFiles, siteIndex } from '../../../plugin/offline-files.js';

const chunk = (fileName: string, facade: string | null, imports: string[] = [], dynamicImports: string[] = [], css: string[] = []): OutputChunk =>
  ({
    type: 'chunk',
    fileName,
    facadeModuleId: facade && `/project/${facade}`,
    isEntry: facade === 'index.html',
    imports,
    dynamicImports,
    code: `// ${fileName}`,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set<string>() },
  }) as unknown as OutputChunk;
const asset = (fileName: string, source: string): OutputAsset => ({ type: 'asset', fileName, source }) as unknown as OutputAsset;

const layer = (type: string, url?: string) => ({ type, id: type, title: type, visible: true, ...(url ? { url } : {}) });
const entry = (id: string, online: boolean) => ({ id, title: id, tags: [], layers: [], document: `maps/${id}.json`, page: `maps/${id}.html`, online, validated: true });

function bundle(): OutputBundle {
  const items = [
    asset('index.html', '<link rel="icon" href="./favicon.svg" /><script type="module" src="./assets/index-A.js"></script><link rel="stylesheet" href="./assets/index-A.css">'),
    chunk('assets/index-A.js', 'index.html', ['assets/shared-A.js'], ['assets/catalog-A.js', 'assets/map-view-A.js', 'assets/register-A.js'], ['assets/index-A.css']),
    chunk('assets/shared-A.js', 'src/net/requester.ts'),
    chunk('assets/catalog-A.js', 'src/ui/cartable-catalog.ts', ['assets/shared-A.js']),
    chunk('assets/register-A.js', 'src/offline/register.ts'),
    chunk('assets/map-view-A.js', 'src/ui/cartable-map-view.ts', ['assets/ol-A.js'], ['assets/geojson-A.js', 'assets/wms-A.js', 'assets/popup-A.js']),
    chunk('assets/ol-A.js', null),
    chunk('assets/geojson-A.js', 'src/layers/geojson/create.ts', ['assets/ol-A.js']),
    chunk('assets/wms-A.js', 'src/layers/wms/create.ts', [], ['assets/wms-only-A.js']),
    chunk('assets/wms-only-A.js', 'src/ogc/capabilities.ts'),
    chunk('assets/popup-A.js', 'src/ui/cartable-popup.ts'),
    asset('assets/index-A.css', 'body{}'),
    asset('catalog.json', JSON.stringify({ version: 1, maps: [entry('here', false), entry('there', true)] })),
    asset('maps/here.json', JSON.stringify({ id: 'here', layers: [layer('geojson', '../data/places.1.geojson')], basemaps: [{ type: 'empty', id: 'none', active: true }] })),
    asset('maps/here.html', '<!doctype html>'),
    asset('maps/there.json', JSON.stringify({ id: 'there', layers: [layer('wms')], basemaps: [] })),
    asset('maps/there.html', '<!doctype html>'),
    asset('data/places.1.geojson', '{}'),
    asset('assets/index-A.js.map', '{}'),
    asset('deploy/nginx.conf', ''),
  ];
  return Object.fromEntries(items.map((item) => [item.fileName, item])) as OutputBundle;
}

describe('the service worker’s files, from the build’s output', () => {
  it('precaches the shell: index.html and what it links, the catalog, the entry, catalog page, map view and registration code', () => {
    expect([...shellFiles(bundle())].sort()).toEqual(
      [
        'assets/catalog-A.js',
        'assets/index-A.css',
        'assets/index-A.js',
        'assets/map-view-A.js',
        'assets/ol-A.js',
        'assets/register-A.js',
        'assets/shared-A.js',
        'catalog.json',
        'favicon.svg',
        'index.html',
        'manifest.webmanifest',
      ].sort(),
    );
  });

  it('indexes every other public file with a revision, and lists what an offline map needs (its kinds’ code only)', () => {
    const output = bundle();
    const index = siteIndex(output, shellFiles(output));
    expect(Object.keys(index.files).sort()).toEqual(
      ['assets/geojson-A.js', 'assets/popup-A.js', 'assets/wms-A.js', 'assets/wms-only-A.js', 'data/places.1.geojson', 'maps/here.html', 'maps/here.json', 'maps/there.html', 'maps/there.json'].sort(),
    );
    expect(index.files['maps/here.json']).toMatch(/^[0-9a-f]{16}$/);
    // « there » needs the network: nothing is kept for it beyond what is opened.
    expect(Object.keys(index.maps)).toEqual(['here']);
    expect(index.maps.here).toEqual(['assets/geojson-A.js', 'assets/popup-A.js', 'data/places.1.geojson', 'maps/here.html', 'maps/here.json']);
  });
});
