import { Workbox } from 'workbox-window';
import { checkForUpdatesWhenShown } from './update-checks.js';

/**
 * Registers the service worker (built by vite-plugin-pwa) at the site's root. A new deployment waits
 * until the person chooses to reload (no mix of old and new assets in one page); the page looks for
 * one again when it is shown after a while (update-checks.ts). Where a service worker cannot run
 * (an opaque-origin sandbox, a private window) the viewer simply works online.
 */
/** Where the page offers « Recharger » once a new version waits (the status element). */
export interface ReloadOffer {
  onReload?: () => void;
}

/** `mapId`: the map this page shows, kept for offline use if the catalog marks it « Fonctionne hors ligne » (keepForOffline). */
export async function registerServiceWorker(root: string, status: ReloadOffer, mapId?: string): Promise<void> {
  try {
    // The worker's imported script (sw-site.js, the site's index) is never taken from the HTTP cache.
    const workbox = new Workbox(new URL('sw.js', root).href, { scope: root, updateViaCache: 'none' });
    workbox.addEventListener('waiting', () => {
      status.onReload = () => {
        workbox.addEventListener('controlling', () => location.reload());
        workbox.messageSkipWaiting();
      };
    });
    await workbox.register();
    checkForUpdatesWhenShown({ update: () => workbox.update(), page: document });
    // Once this version's worker is active (a page outside its scope, like a host page of the element, is never controlled).
    if (mapId) await keepForOffline(await workbox.active, mapId, root);
  } catch {
    // No service worker here: nothing is cached for offline use, and nothing else changes.
  }
}

/**
 * Asks the worker to keep what a map needs offline (src/offline/site-worker.js): the build's
 * list for that map (none for a map that needs the network: then nothing is done), and the site's
 * files this page loaded before the worker took it. Resolves with whether the map is kept.
 */
export async function keepForOffline(worker: ServiceWorker, mapId: string, root: string): Promise<boolean> {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(root));
  const channel = new MessageChannel();
  const answer = new Promise<boolean>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ kept?: boolean }>) => resolve(event.data?.kept === true);
  });
  worker.postMessage({ type: 'cartable-keep-map', map: mapId, urls: [location.href.split('#')[0], ...urls] }, [channel.port2]);
  return answer;
}
