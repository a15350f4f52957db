import { describe, expect, it } from 'vitest';
import { chunkGroups } from '../../../plugin/chunks.js';

/** A module graph: id → static imports; `index.html` is the entry. */
function graph(edges: Record<string, string[]>, entries = ['/p/index.html']): [string[], (id: string) => { importedIds: string[]; isEntry: boolean } | null] {
  const ids = Object.keys(edges);
  return [ids, (id) => (id in edges ? { importedIds: edges[id]!, isEntry: entries.includes(id) } : null)];
}

describe('chunkGroups', () => {
  it('puts the entry’s static closure in app, the map view’s beyond it in map, each other kind’s beyond both in its own group', () => {
    const [ids, moduleOf] = graph({
      '/p/index.html': ['/p/src/main.ts'],
      '/p/src/main.ts': ['/p/src/global.css', '/p/node_modules/lit/index.js', '/p/src/ui/cartable-app.ts'],
      '/p/src/global.css': [],
      '/p/src/ui/cartable-app.ts': ['/p/node_modules/lit/index.js'],
      '/p/node_modules/lit/index.js': [],
      '/p/src/ui/cartable-map-view.ts': ['/p/node_modules/lit/index.js', '/p/node_modules/ol/Map.js', '/p/src/ui/cartable-language-switch.ts'],
      '/p/node_modules/ol/Map.js': ['/p/node_modules/ol/proj.js'],
      '/p/node_modules/ol/proj.js': [],
      '/p/src/layers/geojson/create.ts': ['/p/node_modules/ol/source/Vector.js'],
      '/p/node_modules/ol/source/Vector.js': ['/p/node_modules/ol/proj.js'],
      '/p/src/layers/wmts/create.ts': ['/p/node_modules/ol/source/TileImage.js', '/p/node_modules/ol/Map.js'],
      '/p/src/layers/xyz/create.ts': ['/p/node_modules/ol/source/TileImage.js', '/p/node_modules/ol/source/XYZ.js'],
      '/p/node_modules/ol/source/TileImage.js': [],
      '/p/node_modules/ol/source/XYZ.js': [],
      '/p/src/ui/cartable-table.ts': ['/p/node_modules/lit/index.js', '/p/src/table/rows.ts'],
      '/p/src/ui/cartable-catalog.ts': ['/p/src/ui/cartable-language-switch.ts'],
      '/p/src/ui/cartable-language-switch.ts': ['/p/src/i18n/languages.ts'],
      '/p/src/i18n/languages.ts': [],
      '/p/src/table/rows.ts': [],
    });
    const groups = chunkGroups(ids, moduleOf);
    expect(Object.fromEntries(groups)).toEqual({
      '/p/src/ui/cartable-app.ts': 'app',
      '/p/node_modules/lit/index.js': 'app',
      // What the map shares with the catalog is the shell's: the catalog never loads the map's chunk.
      '/p/src/ui/cartable-language-switch.ts': 'app',
      '/p/src/i18n/languages.ts': 'app',
      '/p/src/ui/cartable-map-view.ts': 'map',
      '/p/node_modules/ol/Map.js': 'map',
      '/p/node_modules/ol/proj.js': 'map',
      '/p/src/layers/geojson/create.ts': 'map',
      '/p/node_modules/ol/source/Vector.js': 'map',
      // Tile code shared by two kinds goes with the first in order (wmts); xyz keeps only its own.
      '/p/src/layers/wmts/create.ts': 'layer-wmts',
      '/p/node_modules/ol/source/TileImage.js': 'layer-wmts',
      '/p/src/layers/xyz/create.ts': 'layer-xyz',
      '/p/node_modules/ol/source/XYZ.js': 'layer-xyz',
    });
    // Code loaded on demand (the table) is left to rolldown's own splitting, and the entry to its chunk.
    expect(groups.has('/p/src/ui/cartable-table.ts')).toBe(false);
    expect(groups.has('/p/src/ui/cartable-catalog.ts')).toBe(false);
    // The page's script keeps its own chunk: its top-level await may load chunks that import `app`.
    expect(groups.has('/p/index.html')).toBe(false);
    expect(groups.has('/p/src/main.ts')).toBe(false);
    // The pages' global style sheet stays with the page's script, out of what the element loads.
    expect(groups.has('/p/src/global.css')).toBe(false);
  });

  it('a second entry that is not a page (the <cartable-map> element) takes app and map as they are and keeps its own code', () => {
    const [ids, moduleOf] = graph(
      {
        '/p/index.html': ['/p/src/main.ts'],
        '/p/src/main.ts': ['/p/src/ui/cartable-app.ts'],
        '/p/src/ui/cartable-app.ts': ['/p/node_modules/lit/index.js'],
        '/p/node_modules/lit/index.js': [],
        '/p/src/embed/cartable-map.ts': ['/p/node_modules/lit/index.js', '/p/src/embed/api.ts', '/p/src/ui/cartable-map-view.ts'],
        '/p/src/embed/api.ts': [],
        '/p/src/ui/cartable-map-view.ts': ['/p/node_modules/ol/Map.js'],
        '/p/node_modules/ol/Map.js': [],
      },
      ['/p/index.html', '/p/src/embed/cartable-map.ts'],
    );
    const groups = chunkGroups(ids, moduleOf);
    expect(groups.get('/p/node_modules/lit/index.js')).toBe('app');
    expect(groups.get('/p/src/ui/cartable-map-view.ts')).toBe('map');
    // Not in the site page's shell: the catalog and the maps never load the element's code.
    expect(groups.has('/p/src/embed/api.ts')).toBe(false);
    expect(groups.has('/p/src/embed/cartable-map.ts')).toBe(false);
  });
});
