/**
 * Chunk grouping (rolldown's `output.codeSplitting.groups`): the code a map page needs before its
 * first paint comes in a few files instead of a chain of small chunks.
 *
 *   - `app`: every module the entry imports statically (the shell: Lit, the router, the requester…),
 *     and what the map shares with the pages that show none (the catalog's header, its search box…);
 *   - `map`: what the map view and the GeoJSON layer kind import statically, beyond `app`
 *     (OpenLayers' map, vector layers and GeoJSON format, the adapter, the panel, the legend…);
 *   - `layer-<kind>`: each other common layer kind's own code, the tile kinds first (wmts, xyz, wms
 *     share their tile code through the first of them).
 * Everything else (popups, table, tools, search, validation, proj4, the rare vector-tile and PMTiles
 * kinds with ol-mapbox-style…) stays split as rolldown makes it,
 * loaded on demand. The groups are computed from the module graph at the end of the build's module
 * phase, so a module moves with the imports, never with a list kept by hand.
 */
import type { Plugin } from 'vite';

/** Roots of the `map` group (the first map's code past the shell), from the project's src/. */
const MAP_ROOTS = ['src/ui/cartable-map-view.ts', 'src/layers/geojson/create.ts'];
/**
 * Code of the pages that show no map (the catalog, its search, the sign-in and access pages): what
 * they share with the map goes into `app`, so that they never load the `map` chunk.
 */
const OTHER_PAGE_ROOTS = ['src/ui/cartable-catalog.ts', 'src/ui/cartable-search.ts', 'src/search/catalog-search.ts', 'src/ui/cartable-sign-in.ts', 'src/ui/cartable-access-message.ts'];
/** The other layer kinds, in the order their shared code is given to a group. */
const KIND_ORDER = ['wmts', 'xyz', 'wms', 'wfs', 'flatgeobuf', 'csv', 'points'];

interface GraphModule {
  readonly importedIds: readonly string[];
  readonly isEntry: boolean;
}

/** Each module's group name, from the module graph: the entry's static closure, then the map's, then each kind's (closures of static imports). */
export function chunkGroups(ids: readonly string[], moduleOf: (id: string) => GraphModule | null): Map<string, string> {
  const groups = new Map<string, string>();
  const closure = (roots: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      const module = moduleOf(id);
      if (!module) continue;
      seen.add(id);
      stack.push(...module.importedIds);
    }
    return seen;
  };
  // Style sheets stay with the module that imports them: the pages' global.css (html, body) in the
  // page's own chunk, never in `app`, which the <cartable-map> element loads into partner pages.
  const claim = (roots: readonly string[], name: string): void => {
    for (const id of closure(roots)) if (!groups.has(id) && !/\.css($|\?)/.test(id)) groups.set(id, name);
  };
  const normalised = ids.map((id) => [id.replace(/\\/g, '/'), id] as const);
  const find = (suffix: string): string[] => normalised.filter(([path]) => path.endsWith(`/${suffix}`)).map(([, id]) => id);
  // The entry modules stay in their entry chunks, and so do the scripts an HTML entry loads (src/main.ts):
  // its top-level await loads chunks (the English texts) that import `app`, which must not wait for it.
  // Only the pages' scripts make the shell: another entry (the <cartable-map> element, plugin/element.ts)
  // takes `app` and `map` as they are, and its own code stays with it.
  const entries = ids.filter((id) => moduleOf(id)?.isEntry);
  const scripts = entries.filter((id) => id.endsWith('.html')).flatMap((id) => moduleOf(id)!.importedIds);
  for (const id of [...entries, ...scripts]) groups.set(id, '');
  claim(scripts.flatMap((id) => moduleOf(id)?.importedIds ?? []), 'app');
  const others = closure(OTHER_PAGE_ROOTS.flatMap(find));
  claim([...closure(MAP_ROOTS.flatMap(find))].filter((id) => others.has(id)), 'app');
  claim(MAP_ROOTS.flatMap(find), 'map');
  for (const kind of KIND_ORDER) claim(find(`src/layers/${kind}/create.ts`), `layer-${kind}`);
  for (const id of [...entries, ...scripts]) groups.delete(id);
  return groups;
}

/** The Vite plugin: sets the groups in the build's output options, filled once the module graph is known. */
export function firstMapChunks(): Plugin {
  let groups = new Map<string, string>();
  return {
    name: 'cartable-chunks',
    apply: 'build',
    config() {
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // One group whose name is the module's: `null` leaves a module to rolldown's own splitting.
                  { name: (id: string) => groups.get(id) ?? null, test: (id: string) => groups.has(id), includeDependenciesRecursively: false },
                ],
              },
            },
          },
        },
      };
    },
    buildEnd(error) {
      if (error) return;
      const ids = [...this.getModuleIds()];
      groups = chunkGroups(ids, (id) => {
        const info = this.getModuleInfo(id);
        return info ? { importedIds: info.importedIds, isEntry: info.isEntry } : null;
      });
    },
  };
}
