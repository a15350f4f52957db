/**
 * Part of the service worker (sw.js loads it with importScripts, before Workbox's own routes): keeps
 * the site's files a person actually opens. The build prepends `self.CARTABLE_SITE = { files, maps }`
 * (plugin/offline-files.ts): `files`, every public file but the precached shell, with its revision;
 * `maps`, for each map that works offline, the files it needs.
 *
 * - A GET of one of those files (same origin, within the worker's scope, no Authorization, no Range)
 *   is answered from the cache 'cartable-site' when this revision is there, else from the network,
 *   and a complete 200 answer is kept under the file's revision. Offline, an older revision of the
 *   same file is better than nothing. Anything else (restricted output, remote services) is not
 *   handled here.
 * - The message `{ type: 'cartable-keep-map', map, urls }` (src/offline/register.ts, once a map has
 *   rendered) keeps what an offline-capable map needs, plus the site files the page already loaded
 *   (`urls`), and answers `{ kept: true|false }` on the message's port.
 * - On activation (a new deployment, after « Recharger »): the maps kept before are kept again at
 *   their new revisions, then every entry the new version does not name is removed (if the network
 *   is gone, the old entries stay until the next activation).
 *
 * Plain script (no module, no imports): it runs as is in the worker.
 */
(() => {
  const site = /** @type {{ files: Record<string, string>, maps: Record<string, string[]> }} */ (self.CARTABLE_SITE);
  const CACHE = 'cartable-site';
  const scope = new URL(self.registration.scope);
  const files = new Map(Object.entries(site.files));
  const maps = new Map(Object.entries(site.maps));
  /** Where the ids of the maps kept offline are written (not a file of the site). */
  const KEPT = new URL('cartable-kept-maps', scope).href;

  /** The file of the site a URL names (query ignored: the site is static), or undefined. */
  const fileOf = (href) => {
    const url = new URL(href, scope);
    if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return undefined;
    const path = decodeURIComponent(url.pathname.slice(scope.pathname.length));
    return files.has(path) ? path : undefined;
  };
  const keyOf = (path) => `${new URL(path, scope).href}?rev=${files.get(path)}`;
  const complete = (response) => response.status === 200 && response.type === 'basic';

  /** Tells the Workbox routes (sw.js) which requests are answered here. */
  self.cartableSite = { handles: (href) => fileOf(href) !== undefined };

  self.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET' || request.headers.has('authorization') || request.headers.has('range')) return;
    const path = fileOf(request.url);
    if (path === undefined) return;
    event.respondWith(answer(event, request, path));
  });

  async function answer(event, request, path) {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(keyOf(path));
    if (kept) return kept;
    try {
      const response = await fetch(request);
      if (complete(response)) event.waitUntil(cache.put(keyOf(path), response.clone()));
      return response;
    } catch (error) {
      const older = await cache.match(new URL(path, scope).href, { ignoreSearch: true });
      if (older) return older;
      throw error;
    }
  }

  /** Keeps each file not kept yet at its revision; rejects if one cannot be had. */
  async function keep(cache, paths) {
    await Promise.all(
      [...paths].map(async (path) => {
        if (await cache.match(keyOf(path))) return;
        const response = await fetch(new URL(path, scope).href, { credentials: 'same-origin' });
        if (!complete(response)) throw new Error(`${path}: ${response.status}`);
        await cache.put(keyOf(path), response);
      }),
    );
  }

  async function keptMaps(cache) {
    const answer = await cache.match(KEPT);
    return answer ? /** @type {string[]} */ (await answer.json()) : [];
  }

  async function keepMap(id, urls) {
    const needed = maps.get(id);
    if (!needed) return false;
    const cache = await caches.open(CACHE);
    const seen = urls.map(fileOf).filter((path) => path !== undefined);
    await keep(cache, new Set([...needed, ...seen]));
    const ids = new Set(await keptMaps(cache)).add(id);
    await cache.put(KEPT, new Response(JSON.stringify([...ids]), { headers: { 'content-type': 'application/json' } }));
    return true;
  }

  self.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'cartable-keep-map' || typeof data.map !== 'string') return;
    const urls = Array.isArray(data.urls) ? data.urls.filter((u) => typeof u === 'string') : [];
    const reply = (kept) => event.ports[0]?.postMessage({ kept });
    event.waitUntil(keepMap(data.map, urls).then(reply, () => reply(false)));
  });

  /** The new version's files for the maps kept before, then only what this version names. */
  async function renew() {
    const cache = await caches.open(CACHE);
    const ids = (await keptMaps(cache)).filter((id) => maps.has(id));
    try {
      await keep(cache, new Set(ids.flatMap((id) => maps.get(id))));
    } catch {
      return; // Offline: the older files still open these maps; the next activation tries again.
    }
    const current = new Set([...files.keys()].map(keyOf));
    await cache.put(KEPT, new Response(JSON.stringify(ids), { headers: { 'content-type': 'application/json' } }));
    for (const request of await cache.keys()) {
      if (request.url !== KEPT && !current.has(request.url)) await cache.delete(request);
    }
  }

  self.addEventListener('activate', (event) => event.waitUntil(renew()));
})();
