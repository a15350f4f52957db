/**
 * The site worker (src/offline/site-worker.js) run as the service worker runs it, in a context of its
 * own, with a hand-made Cache Storage and network: what it answers, what it keeps, under which key.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const SOURCE = readFileSync(new URL('../../../src/offline/site-worker.js', import.meta.url), 'utf8');
const SCOPE = 'https://cartes.example/cartes/';

class FakeCache {
  readonly entries = new Map<string, Response>();
  async match(request: string | Request, options: { ignoreSearch?: boolean } = {}): Promise<Response | undefined> {
    const url = typeof request === 'string' ? request : request.url;
    const key = [...this.entries.keys()].find((k) => k === url || (options.ignoreSearch && k.split('?')[0] === url.split('?')[0]));
    return key === undefined ? undefined : this.entries.get(key)!.clone();
  }
  async put(request: string | Request, response: Response): Promise<void> {
    this.entries.set(typeof request === 'string' ? request : request.url, response);
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(request: Request): Promise<boolean> {
    return this.entries.delete(request.url);
  }
}

type Listener = (event: Record<string, unknown>) => void;

/** The worker with `files` (path → revision) and `maps`, the network answering `network` (path → body; missing: 404; `offline`: every fetch fails). */
function startWorker(site: { files: Record<string, string>; maps: Record<string, string[]> }, network: Record<string, string>) {
  const cache = new FakeCache();
  const listeners = new Map<string, Listener>();
  const fetched: string[] = [];
  const state = { offline: false };
  const fetch = async (request: string | Request): Promise<Response> => {
    const url = typeof request === 'string' ? request : request.url;
    fetched.push(url.replace(SCOPE, ''));
    if (state.offline) throw new TypeError('Failed to fetch');
    const body = network[new URL(url).pathname.replace('/cartes/', '')];
    // A same-origin answer has type 'basic'; Node's Response says 'default'.
    const response = body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
    Object.defineProperty(response, 'type', { value: 'basic' });
    return response;
  };
  const self = {
    CARTABLE_SITE: site,
    registration: { scope: SCOPE },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  } as Record<string, unknown>;
  runInNewContext(SOURCE, { self, caches: { open: async () => cache }, fetch, URL, Response, Request, decodeURIComponent });

  /** Dispatches an event; resolves with what it answered, once every promise it waits for has settled. */
  async function dispatch(type: string, fields: Record<string, unknown>): Promise<{ answer?: Response; handled: boolean }> {
    const pending: Promise<unknown>[] = [];
    let answer: Promise<Response> | undefined;
    listeners.get(type)!({ ...fields, waitUntil: (p: Promise<unknown>) => pending.push(p), respondWith: (p: Promise<Response>) => (answer = p) });
    const response = answer ? await answer : undefined;
    for (let i = 0; i < pending.length; i += 1) await pending[i];
    return { answer: response, handled: answer !== undefined };
  }
  const get = (path: string, init: RequestInit = {}) => dispatch('fetch', { request: new Request(new URL(path, SCOPE), init) });
  const keepMap = async (map: string, urls: string[] = []): Promise<unknown> => {
    let reply: unknown;
    await dispatch('message', { data: { type: 'cartable-keep-map', map, urls }, ports: [{ postMessage: (data: unknown) => (reply = data) }] });
    return reply;
  };
  return { cache, fetched, state, self, get, keepMap, activate: () => dispatch('activate', {}) };
}

const SITE = {
  files: { 'maps/here.html': 'r1', 'maps/here.json': 'r2', 'data/places.1.geojson': 'r3', 'assets/popup-A.js': 'r4', 'maps/there.html': 'r5' },
  maps: { here: ['assets/popup-A.js', 'data/places.1.geojson', 'maps/here.html', 'maps/here.json'] },
};
const NETWORK = { 'maps/here.html': '<!doctype html>', 'maps/here.json': '{"id":"here"}', 'data/places.1.geojson': '{}', 'assets/popup-A.js': '//', 'maps/there.html': '<!doctype html>' };

describe('the site worker', () => {
  it('keeps a site file a page asks for, under its revision, and answers it from the cache next time (query ignored)', async () => {
    const worker = startWorker(SITE, NETWORK);
    expect(await (await worker.get('maps/here.json')).answer!.text()).toBe('{"id":"here"}');
    expect([...worker.cache.entries.keys()]).toEqual([`${SCOPE}maps/here.json?rev=r2`]);
    expect(await (await worker.get('maps/here.json?x=1')).answer!.text()).toBe('{"id":"here"}');
    expect(worker.fetched).toEqual(['maps/here.json']);
    expect((worker.self.cartableSite as { handles(url: string): boolean }).handles(`${SCOPE}maps/here.json`)).toBe(true);
  });

  it('leaves alone what is not a public file of its scope, requests with Authorization or Range, and keeps no incomplete answer', async () => {
    const worker = startWorker({ ...SITE, files: { ...SITE.files, 'maps/gone.json': 'r9' } }, NETWORK);
    expect((await worker.get('maps/private.json')).handled).toBe(false); // not in the public output (restricted maps are not)
    expect((await worker.get('https://cartes.example/restreint/maps/here.json')).handled).toBe(false);
    expect((await worker.get('https://ailleurs.example/cartes/maps/here.json')).handled).toBe(false);
    expect((await worker.get('maps/here.json', { headers: { Authorization: 'Bearer x' } })).handled).toBe(false);
    expect((await worker.get('data/places.1.geojson', { headers: { Range: 'bytes=0-9' } })).handled).toBe(false);
    expect((await worker.get('maps/here.json', { method: 'HEAD' })).handled).toBe(false);
    expect((await worker.get('maps/gone.json')).answer!.status).toBe(404);
    expect(worker.cache.entries.size).toBe(0);
  });

  it('offline, answers an older revision of the same file rather than nothing', async () => {
    const worker = startWorker(SITE, NETWORK);
    await worker.cache.put(`${SCOPE}maps/here.json?rev=r0`, new Response('{"old":true}'));
    worker.state.offline = true;
    expect(await (await worker.get('maps/here.json')).answer!.text()).toBe('{"old":true}');
    await expect(worker.get('maps/there.html')).rejects.toThrow('Failed to fetch');
  });

  it('keeps everything a map that works offline needs when asked, with the site files the page loaded; not a map that needs the network', async () => {
    const worker = startWorker(SITE, NETWORK);
    expect(await worker.keepMap('there')).toEqual({ kept: false });
    expect(worker.cache.entries.size).toBe(0);
    expect(await worker.keepMap('here', [`${SCOPE}maps/there.html`, 'https://ailleurs.example/x.js'])).toEqual({ kept: true });
    expect([...worker.cache.entries.keys()].sort()).toEqual(
      [...SITE.maps.here.map((p) => `${SCOPE}${p}?rev=${SITE.files[p as keyof typeof SITE.files]}`), `${SCOPE}maps/there.html?rev=r5`, `${SCOPE}cartable-kept-maps`].sort(),
    );
    expect(await (await worker.cache.match(`${SCOPE}cartable-kept-maps`))!.json()).toEqual(['here']);
    // Asked again: nothing is fetched twice.
    const before = worker.fetched.length;
    expect(await worker.keepMap('here')).toEqual({ kept: true });
    expect(worker.fetched.length).toBe(before);
  });

  it('says so when a file of the map cannot be had', async () => {
    const worker = startWorker(SITE, { ...NETWORK, 'data/places.1.geojson': undefined } as unknown as Record<string, string>);
    expect(await worker.keepMap('here')).toEqual({ kept: false });
    expect(await worker.cache.match(`${SCOPE}cartable-kept-maps`)).toBeUndefined();
  });

  it('on activation, keeps the maps kept before at their new revisions, then drops what this version does not name', async () => {
    const worker = startWorker(SITE, NETWORK);
    await worker.cache.put(`${SCOPE}cartable-kept-maps`, new Response('["here","removed-map"]'));
    await worker.cache.put(`${SCOPE}maps/here.json?rev=r0`, new Response('{"old":true}'));
    await worker.cache.put(`${SCOPE}assets/popup-OLD.js?rev=x`, new Response('//'));
    await worker.activate();
    expect([...worker.cache.entries.keys()].sort()).toEqual([...SITE.maps.here.map((p) => `${SCOPE}${p}?rev=${SITE.files[p as keyof typeof SITE.files]}`), `${SCOPE}cartable-kept-maps`].sort());
    expect(await (await worker.cache.match(`${SCOPE}cartable-kept-maps`))!.json()).toEqual(['here']);
  });

  it('on activation without network, keeps the older files that still open the kept maps', async () => {
    const worker = startWorker(SITE, NETWORK);
    await worker.cache.put(`${SCOPE}cartable-kept-maps`, new Response('["here"]'));
    await worker.cache.put(`${SCOPE}maps/here.json?rev=r0`, new Response('{"old":true}'));
    worker.state.offline = true;
    await worker.activate();
    expect(await worker.cache.match(`${SCOPE}maps/here.json?rev=r0`)).toBeDefined();
  });
});
