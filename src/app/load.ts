import { walkLayers } from '../context/checks.js';
import type { Problem } from '../context/problems.js';
import { deepFreeze } from '../context/freeze.js';
import type { Catalog, MapContext } from '../context/types.js';
import { RequestError, type Requester } from '../net/requester.js';
import { loadChunk } from '../offline/load-chunk.js';

export type MapLoad =
  | { readonly kind: 'ready'; readonly context: MapContext; readonly documentUrl: string }
  | { readonly kind: 'not-found'; readonly id: string }
  | { readonly kind: 'invalid'; readonly file: string; readonly problems: readonly Problem[] }
  | { readonly kind: 'refused'; readonly url: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

export async function loadCatalog(root: string, requester: Requester): Promise<Catalog> {
  const response = await requester.fetch(new URL('catalog.json', root).href);
  return (await response.json()) as Catalog;
}

/** Reads and validates a document (validation code is loaded on first use). */
export async function loadDocument(url: string, file: string, requester: Requester): Promise<MapLoad> {
  const text = await fetchDocument(url, file, requester);
  return typeof text === 'string' ? validateDocument(text, url, file) : text;
}

/** The document's text, or why it could not be read (a 404 is a document that does not exist). */
export async function fetchDocument(url: string, file: string, requester: Requester): Promise<string | MapLoad> {
  try {
    return await (await requester.fetch(url)).text();
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) {
      // Written out rather than made with problemAt(): that would bring the problems' texts into every page.
      return { kind: 'invalid', file, problems: [{ path: '', message: 'the document does not exist (HTTP 404)', detail: { kind: 'document-missing' } }] };
    }
    return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A document's text parsed and validated (the validator's code loads here, only for such documents). */
export async function validateDocument(text: string, url: string, file: string): Promise<MapLoad> {
  const { parseJson, validateContext } = await loadChunk(import('../context/validate.js'));
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'invalid', file, problems: parsed.problems };
  const result = validateContext(parsed.value);
  if (!result.ok) return { kind: 'invalid', file, problems: result.problems };
  const unbuilt = unbuiltSources(result.value);
  return unbuilt.length ? { kind: 'invalid', file, problems: unbuilt } : { kind: 'ready', context: result.value, documentUrl: url };
}

/**
 * Layers whose data only the build reads (`source`): the viewer never reads the original, which may
 * hold records the build withholds, so a document that was not built cannot show them.
 */
function unbuiltSources(context: MapContext): Problem[] {
  const problems: Problem[] = [];
  walkLayers(context.layers, (node, at) => {
    if ((node.type === 'geojson' || node.type === 'points') && node.source) {
      problems.push({ path: `${at}/source`, message: 'this data is read and packaged by the build: open the built site\'s copy of this document' });
    }
  });
  return problems;
}

/** Opens a map of the catalog by id. */
export async function loadCatalogMap(id: string, catalog: Catalog, root: string, requester: Requester): Promise<MapLoad> {
  const entry = catalog.maps.find((m) => m.id === id);
  if (!entry) return { kind: 'not-found', id };
  // The development server could not build this document: its problems, as the build says them.
  if (entry.problems?.length) return { kind: 'invalid', file: entry.document, problems: entry.problems };
  const url = new URL(entry.document, root).href;
  if (!entry.validated) return loadDocument(url, entry.document, requester);
  // The build validated this document and wrote it with its defaults: no validator needed here.
  try {
    const context = (await (await requester.fetch(url)).json()) as MapContext;
    return { kind: 'ready', context: deepFreeze(context), documentUrl: url };
  } catch (error) {
    return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Whether a document named in the URL may be loaded: from the site itself, or from an origin the
 * site configuration lists for documents. (Any other URL could make the viewer show anyone's map
 * under the platform's name.)
 */
export function isAllowedDocumentUrl(url: string, root: string, documentOrigins: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url, root);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  return target.origin === new URL(root).origin || documentOrigins.includes(target.origin);
}
