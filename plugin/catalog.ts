import { walkLayers } from '../src/context/checks.js';
import type { Access, CatalogEntry, LocalizedText, MapContext } from '../src/context/types.js';

const isRemote = (url: string | undefined): boolean => !!url && /^https?:\/\//.test(url);

/** True when a map needs the network: a remote data URL or tile service. */
export function needsNetwork(context: MapContext): boolean {
  let remote = false;
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group' && 'url' in node && isRemote(node.url)) remote = true;
  });
  const active = context.basemaps.find((b) => b.active) ?? context.basemaps[0];
  if (active && active.type !== 'empty' && isRemote(active.url)) remote = true;
  return remote;
}

/** The catalog entry of a public map: what the home page lists and its filter searches. */
export function catalogEntry(context: MapContext, paths: { document: string; page: string; thumbnail?: string; access?: Access }): CatalogEntry {
  const layers: LocalizedText[] = [];
  walkLayers(context.layers, (node) => layers.push(node.title));
  return {
    id: context.id,
    title: context.title,
    description: context.description,
    tags: context.tags,
    thumbnail: paths.thumbnail,
    layers,
    document: paths.document,
    page: paths.page,
    online: needsNetwork(context),
    validated: true,
    ...(paths.access ? { access: paths.access } : {}),
  };
}

/**
 * Entries sorted by title (French collation), restricted maps left out — unless `restricted` (the
 * restricted output's catalog, which lists them).
 */
export function buildCatalog(entries: Array<{ context: MapContext; entry: CatalogEntry }>, options: { restricted?: boolean } = {}) {
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  const title = (t: LocalizedText): string => (typeof t === 'string' ? t : (t.fr ?? Object.values(t)[0] ?? ''));
  return {
    version: 1 as const,
    maps: entries
      .filter(({ context }) => options.restricted || context.access.level === 'public')
      .map(({ entry }) => entry)
      .sort((a, b) => collator.compare(title(a.title), title(b.title))),
  };
}
