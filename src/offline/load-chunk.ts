/**
 * Code loaded on demand after a new deployment. Chunk names carry a hash, and a deployment removes
 * the old ones: a page opened before it (without the service worker that would keep them) asks for
 * a file that no longer exists. Instead of an uncaught error, the page announces the new version
 * (cartable-status offers « Recharger ») and the action that wanted the code waits: nothing shown is lost.
 */

/** Dispatched on `window` when the page's code is older than the site's (see cartable-status). */
export const NEW_VERSION_EVENT = 'cartable-new-version';

// Chromium, Firefox, Safari, and Vite's preload of a chunk's CSS.
const CHUNK_LOAD_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export const isChunkLoadError = (error: unknown): boolean => error instanceof Error && CHUNK_LOAD_FAILURE.test(error.message);

/** Says that a new version is there, unless offline: then a chunk is simply out of reach (the status line says so) and a reload would lose the page. */
export function announceNewVersion(): void {
  if (globalThis.navigator?.onLine !== false) globalThis.dispatchEvent?.(new Event(NEW_VERSION_EVENT));
}

/**
 * Wraps every dynamic import of the app: `loadChunk(import('./x.js'))`. A chunk that cannot load
 * announces the new version and leaves the promise pending (the reload will load the new code); any
 * other failure (the module's own error) is passed on.
 */
export function loadChunk<T>(chunk: Promise<T>): Promise<T> {
  return chunk.catch((error: unknown) => {
    if (!isChunkLoadError(error)) throw error;
    announceNewVersion();
    return new Promise<T>(() => undefined);
  });
}

/**
 * For code that has its own fallback when a chunk is missing (e.g. the requester's CORS probe): a
 * chunk-load failure still announces the new version, and the promise rejects so the caller falls back.
 */
export function tryChunk<T>(chunk: Promise<T>): Promise<T> {
  return chunk.catch((error: unknown) => {
    if (isChunkLoadError(error)) announceNewVersion();
    throw error;
  });
}
