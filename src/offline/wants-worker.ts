import { loadChunk } from './load-chunk.js';

/**
 * Whether a page registers the service worker: every page of the site, but an iframe embed
 * (`embed=1`) only when it asks for offline use with `offline=1` — a partner's visitors otherwise
 * never pay for a worker they did not ask for.
 */
export const wantsServiceWorker = (url: URL): boolean => url.searchParams.get('embed') !== '1' || url.searchParams.get('offline') === '1';

/**
 * The <cartable-map> element's `offline` attribute: registers the site's worker from a page of the
 * site's own origin (a browser refuses a worker from another origin), the site's root being the map
 * document's folder's parent (maps/<id>.json), and keeps that map for offline use.
 */
export function registerForElement(documentUrl: string, mapId: string): void {
  const root = new URL('../', documentUrl);
  if (!('serviceWorker' in navigator) || root.origin !== location.origin) return;
  void loadChunk(import('./register.js')).then(({ registerServiceWorker }) => registerServiceWorker(root.href, {}, mapId));
}
