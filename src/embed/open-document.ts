import { fetchDocument, loadCatalog, loadDocument, validateDocument, type MapLoad } from '../app/load.js';
import { deepFreeze } from '../context/freeze.js';
import type { MapContext } from '../context/types.js';
import type { Requester } from '../net/requester.js';

/**
 * Opens the document of a <cartable-map>. One of the site the element's code comes from (under
 * `site`), which its catalog says the build validated, is read as it is, like the site's own map
 * page does (the catalog and the document fetched together): no validator is loaded. Any other
 * document (another site's, or one the catalog does not list) is read and validated.
 */
export async function openDocument(url: string, site: string, requester: Requester): Promise<MapLoad> {
  if (!url.startsWith(site)) return loadDocument(url, url, requester);
  const [catalog, text] = await Promise.all([loadCatalog(site, requester).catch(() => undefined), fetchDocument(url, url, requester)]);
  if (typeof text !== 'string') return text;
  const entry = catalog?.maps.find((m) => new URL(m.document, site).href === url);
  // The text already fetched is validated, never fetched again.
  if (!entry?.validated) return validateDocument(text, url, url);
  try {
    return { kind: 'ready', context: deepFreeze(JSON.parse(text) as MapContext), documentUrl: url };
  } catch (error) {
    return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
