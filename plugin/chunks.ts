/**
 * Chunk grouping (rolldown's `output.codeSplitting.groups`): the code a map page needs before its
 * first paint comes in a few files instead of a chain of small chunks.
 *
 *   - `app`: every module the entry imports statically (the shell: Lit, the router, the requester…);
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
/** The other layer kinds, in the order their shared code is given to a group. */
const KIND_ORDER = ['wmts', 'xyz', 'wms', 'wfs', 'flatgeobuf', 'csv', 'points'];

interface GraphModule {
  readonly importedIds: readonly string[];
  readonly isEntry: boolean;
}

/** Each module's group name, from the module graph: the entry's static closure, then the map's, then each kind's. */
export function chunkGroups(ids: readonly string[], moduleOf: (id: string) => GraphModule | null): Map<string, string> {
  const groups = new Map<string, string>();
  const claim = (roots: readonly string[], name: string): void => {
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop()!;
      if (groups.has(id)) continue;
      const module = moduleOf(id);
      if (!module) continue;
      groups.set(id, name);
      stack.push(...module.importedIds);
    }
  };
  const normalised = ids.map((id) => [id.replace(/\\/g, '/'), id] as const);
  const find = (suffix: string): string[] => normalised.filter(([path]) => path.endsWith(`/${suffix}`)).map(([, id]) => id);
  // The entry modules stay in their entry chunks, and so do the scripts an HTML entry loads (src/main.ts):
  // its top-level await loads chunks (the English texts) that import `app`, which must not wait for it.
  const entries = ids.filter((id) => moduleOf(id)?.isEntry);
  const scripts = entries.flatMap((id) => (id.endsWith('.html') ? moduleOf(id)!.importedIds : [id]));
  for (const id of [...entries, ...scripts]) groups.set(id, '');
  claim(scripts.flatMap((id) => moduleOf(id)?.importedIds ?? []), 'app');
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
