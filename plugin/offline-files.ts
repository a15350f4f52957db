/**
 * What the service worker keeps, decided from the build's own output (never from hand-listed file
 * names):
 * - the app shell, precached on install: index.html and what it links (entry, its static imports,
 *   CSS, icon, manifest), the catalog, and the code of the map view, the catalog page and the
 *   worker's registration (with their static imports and CSS), which every page needs;
 * - the site index: every other public file with a revision, which the worker keeps at run time once
 *   a page asks for it (src/offline/site-worker.js);
 * - for each map the catalog marks « Fonctionne hors ligne » (`online: false`), the files it needs
 *   to open offline: its page, document, the packaged files its document names, and the code of
 *   its layer kinds with everything that code may load later, but no other kind's code.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import { walkLayers } from '../src/context/checks.js';
import type { CatalogEntry, MapContext } from '../src/context/types.js';

/** The modules whose code is shell besides the entry: the map view, the catalog page, the worker's registration. */
export const SHELL_MODULES = ['src/ui/cartable-map-view.ts', 'src/ui/cartable-catalog.ts', 'src/offline/register.ts'] as const;

/** Files the worker never keeps: source maps, deployment recipes, the embed element, the worker itself. */
const NEVER = /\.map$|^deploy\/|^cartable-map\.js$|^sw(-site)?\.js$|^workbox-[\w-]+\.js$/;
/** Nor a file above this size (a packaged file of hundreds of megabytes would fill the person's quota). */
export const MAX_KEPT_BYTES = 8 * 1024 * 1024;

export interface SiteIndex {
  /** Every public file the worker may keep at run time (path from the site root → revision). */
  readonly files: Record<string, string>;
  /** For each offline-capable map (its id), the files it needs to open offline. */
  readonly maps: Record<string, readonly string[]>;
}

type Item = OutputChunk | OutputAsset;

const isChunk = (item: Item | undefined): item is OutputChunk => item?.type === 'chunk';
const sourceOf = (item: Item): string | Uint8Array => (isChunk(item) ? item.code : item.source);
const revision = (item: Item): string => createHash('sha256').update(sourceOf(item)).digest('hex').slice(0, 16);

/** A chunk and its static imports, with their CSS; `dynamic`: also what they import on demand, except the chunks `skip` refuses. */
function closure(bundle: OutputBundle, starts: readonly string[], dynamic = false, skip: (chunk: OutputChunk) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string): void => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || !isChunk(chunk) || skip(chunk)) return;
    seen.add(fileName);
    // Its CSS, and the files it names by URL (e.g. a web worker's script).
    for (const file of [...(chunk.viteMetadata?.importedCss ?? []), ...(chunk.viteMetadata?.importedAssets ?? [])]) seen.add(file);
    chunk.imports.forEach(visit);
    if (dynamic) chunk.dynamicImports.forEach(visit);
  };
  starts.forEach(visit);
  return seen;
}

const chunkOf = (bundle: OutputBundle, suffix: string): string | undefined =>
  Object.values(bundle).find((c): c is OutputChunk => isChunk(c) && !!c.facadeModuleId?.endsWith(suffix))?.fileName;

/** The precached app shell (paths from the site root). */
export function shellFiles(bundle: OutputBundle): Set<string> {
  const index = bundle['index.html'];
  const html = index?.type === 'asset' ? String(index.source) : '';
  const linked = [...html.matchAll(/(?:src|href)="\.\/([^"?#]+)"/g)].map((m) => m[1]!);
  const entries = Object.values(bundle).filter((c): c is OutputChunk => isChunk(c) && c.isEntry).map((c) => c.fileName);
  const modules = SHELL_MODULES.map((m) => chunkOf(bundle, m)).filter((f): f is string => !!f);
  return new Set(['index.html', 'catalog.json', 'manifest.webmanifest', ...linked, ...closure(bundle, [...entries, ...modules])]);
}

/** The files of the site the built document names (packaged data, search indexes, thumbnails), resolved from the document's place. */
function namedFiles(bundle: OutputBundle, documentPath: string, document: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(value)) return;
      const path = posix.normalize(posix.join(posix.dirname(documentPath), value.split(/[?#]/)[0]!));
      if (bundle[path] && !path.startsWith('..')) found.push(path);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(document);
  return found;
}

/** The layer kinds a document uses (every layer, shown or not: a person may switch one on offline) and its basemaps'. */
function kindsOf(context: MapContext): Set<string> {
  const kinds = new Set<string>();
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group') kinds.add(node.type);
  });
  for (const basemap of context.basemaps) if (basemap.type !== 'empty') kinds.add(basemap.type);
  return kinds;
}

/** The site index: every public file but the shell's, and the files of each offline-capable map. */
export function siteIndex(bundle: OutputBundle, shell: ReadonlySet<string>): SiteIndex {
  const files: Record<string, string> = {};
  for (const [path, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
    if (!shell.has(path) && !NEVER.test(path) && sourceOf(item).length <= MAX_KEPT_BYTES) files[path] = revision(item);
  }
  const catalog = bundle['catalog.json'];
  const entries: CatalogEntry[] = catalog?.type === 'asset' ? JSON.parse(String(catalog.source)).maps : [];
  const kindChunk = /src\/layers\/([^/]+)\/create\.ts$/;
  const maps: Record<string, readonly string[]> = {};
  for (const entry of entries) {
    const document = bundle[entry.document];
    if (entry.online || entry.validated === false || document?.type !== 'asset') continue;
    const context = JSON.parse(String(document.source)) as MapContext;
    const kinds = kindsOf(context);
    const starts = [SHELL_MODULES[0], ...[...kinds].map((k) => `src/layers/${k}/create.ts`)]
      .map((m) => chunkOf(bundle, m))
      .filter((f): f is string => !!f);
    // Another kind's code is never this map's, nor what only that code loads.
    const otherKind = (chunk: OutputChunk): boolean => {
      const kind = kindChunk.exec(chunk.facadeModuleId ?? '')?.[1];
      return kind !== undefined && !kinds.has(kind);
    };
    const code = closure(bundle, starts, true, otherKind);
    const needed = [entry.page, entry.document, ...namedFiles(bundle, entry.document, context), ...code];
    maps[entry.id] = [...new Set(needed)].filter((path) => path in files).sort();
  }
  return { files, maps };
}
