/** How often, at most, the page asks whether a new deployment is there. */
export const UPDATE_CHECK_INTERVAL = 60 * 60 * 1000;

export interface UpdateCheckOptions {
  /** Asks the server for a new service worker (workbox-window's `update()`). */
  readonly update: () => Promise<unknown>;
  /** The page whose visibility counts (the document). */
  readonly page: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  /** Milliseconds now (Date.now; a fake clock in tests). */
  readonly now?: () => number;
}

/**
 * The browser looks for a new service worker when a page loads (the registration, which counts as the
 * first check): a map left open for days would never hear of a new deployment. So the page asks
 * again when it comes back into view (the tab shown again, the window restored), at most once an
 * hour, so that switching tabs back and forth costs no requests. Returns the function that stops.
 */
export function checkForUpdatesWhenShown(options: UpdateCheckOptions): () => void {
  const now = options.now ?? Date.now;
  let lastCheck = now();
  const check = (): void => {
    if (options.page.visibilityState !== 'visible' || now() - lastCheck < UPDATE_CHECK_INTERVAL) return;
    const previous = lastCheck;
    lastCheck = now();
    // Offline or a server error: the next time the page is shown tries again.
    options.update().catch(() => {
      lastCheck = previous;
    });
  };
  options.page.addEventListener('visibilitychange', check);
  return () => options.page.removeEventListener('visibilitychange', check);
}
