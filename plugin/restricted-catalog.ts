/**
 * The restricted output's files: one catalog per group and one for any signed-in person
 * (src/auth/restricted-catalogs.ts names them), the maps' documents and data, and access.json,
 * which lets each catalog to its readers only. A single catalog of every restricted map would show
 * every title and layer to anyone signed in.
 */
import { buildCatalog } from './catalog.js';
import type { BuiltMap, OutputFile } from './maps.js';
import { accessManifest } from './restricted.js';
import { groupCatalogPath, SIGNED_IN_CATALOG } from '../src/auth/restricted-catalogs.js';

export interface RestrictedCatalog {
  readonly path: string;
  /** Who may read it: one group, or none (any signed-in person). */
  readonly groups: readonly string[];
  readonly maps: readonly BuiltMap[];
}

/**
 * The signed-in catalog (the maps without groups: public maps' fuller copies, restricted maps for
 * anyone signed in), then one catalog per group that has maps, by group name.
 */
export function restrictedCatalogs(maps: readonly BuiltMap[]): RestrictedCatalog[] {
  const forAnyone: BuiltMap[] = [];
  const byGroup = new Map<string, BuiltMap[]>();
  for (const map of maps) {
    const groups = map.entry.access?.groups ?? [];
    if (!groups.length) forAnyone.push(map);
    for (const group of groups) byGroup.set(group, [...(byGroup.get(group) ?? []), map]);
  }
  return [
    { path: SIGNED_IN_CATALOG, groups: [], maps: forAnyone },
    ...[...byGroup.keys()].sort().map((group) => ({ path: groupCatalogPath(group), groups: [group], maps: byGroup.get(group)! })),
  ];
}

/** Every file of the restricted output, the signed-in catalog first and access.json last. */
export function restrictedOutputFiles(maps: readonly BuiltMap[]): OutputFile[] {
  const catalogs = restrictedCatalogs(maps);
  const files = new Map<string, OutputFile>();
  for (const output of maps.flatMap((m) => m.outputs)) files.set(output.path, output);
  const catalogReaders = { fileGroups: new Map(catalogs.map((c) => [c.path, c.groups] as const)) };
  return [
    ...catalogs.map((c) => ({ path: c.path, source: JSON.stringify(buildCatalog([...c.maps], { restricted: true })) })),
    ...files.values(),
    // Who may read what, for the token checker (docs/deploy.md); not to be served.
    { path: 'access.json', source: JSON.stringify(accessManifest([...maps, catalogReaders]), null, 2) },
  ];
}
