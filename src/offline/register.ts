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

export async function registerServiceWorker(root: string, status: ReloadOffer): Promise<void> {
  try {
    const workbox = new Workbox(new URL('sw.js', root).href, { scope: root });
    workbox.addEventListener('waiting', () => {
      status.onReload = () => {
        workbox.addEventListener('controlling', () => location.reload());
        workbox.messageSkipWaiting();
      };
    });
    await workbox.register();
    checkForUpdatesWhenShown({ update: () => workbox.update(), page: document });
  } catch {
    // No service worker here: nothing is cached for offline use, and nothing else changes.
  }
}
