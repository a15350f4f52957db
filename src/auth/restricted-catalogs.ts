/**
 * Where the restricted output keeps its catalogs, so that a person receives only the maps their
 * groups may open: `catalog.json` lists what any signed-in person may open, `catalogs/<group>.json`
 * what one group may open. The build writes them (plugin/restricted-catalog.ts), access.json lets
 * each group's catalog to that group only, and the viewer reads the ones of the person's groups.
 */

/** The catalog of the maps any signed-in person may open. */
export const SIGNED_IN_CATALOG = 'catalog.json';

/**
 * The catalog of one group's maps. The group's name is written in base64url (of its UTF-8 bytes):
 * any name (« /agents/terrain », accents, spaces) makes a plain file name, and two names never
 * make the same one.
 */
export function groupCatalogPath(group: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(group)) binary += String.fromCharCode(byte);
  const name = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `catalogs/${name}.json`;
}
