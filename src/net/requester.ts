/**
 * The one door for network requests. Every load goes through a Requester: documents, data, tiles
 * (through their load functions), legends. Auth headers, proxies and test fixtures plug in here.
 */

export type RequestFailureKind = 'network' | 'timeout' | 'http' | 'aborted';

/** A failed request, with a reason short enough for a layer list. */
export class RequestError extends Error {
  readonly kind: RequestFailureKind;
  readonly status?: number;
  readonly url: string;
  /** The unread answer of an HTTP error, for callers that read its body (e.g. an OGC exception report). */
  readonly response?: Response;

  constructor(options: { kind: RequestFailureKind; url: string; status?: number; message: string; response?: Response }) {
    super(options.message);
    this.name = 'RequestError';
    this.kind = options.kind;
    this.url = options.url;
    this.status = options.status;
    this.response = options.response;
  }
}

/** What a hook may change about a request before it leaves. */
export interface PreparedRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Rewrites a request: adds headers for some origins, routes others through a proxy. */
export type RequestHook = (request: PreparedRequest) => PreparedRequest;

export interface RequesterOptions {
  /** Read at each request: a hook pushed later (sign-in's bearer hook, src/auth/start.ts) applies from then on. */
  readonly hooks?: readonly RequestHook[];
  /** Milliseconds before a request is given up (default 20 s). */
  readonly timeout?: number;
  /** The fetch to use (tests may pass their own). */
  readonly fetch?: typeof fetch;
}

export interface Requester {
  /** The URL and headers a request for `url` will really use. */
  prepare(url: string): PreparedRequest;
  /** fetch() with the hooks applied; resolves only for 2xx answers, throws RequestError otherwise. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

const DEFAULT_TIMEOUT = 20_000;

export function createRequester(options: RequesterOptions = {}): Requester {
  const hooks = options.hooks ?? [];
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  const prepare = (url: string): PreparedRequest =>
    hooks.reduce<PreparedRequest>((request, hook) => hook(request), { url, headers: {} });

  return {
    prepare,
    async fetch(url, init = {}) {
      const prepared = prepare(url);
      const timer = AbortSignal.timeout(timeout);
      const signal = init.signal ? AbortSignal.any([init.signal, timer]) : timer;
      let response: Response;
      try {
        response = await doFetch(prepared.url, {
          ...init,
          headers: { ...prepared.headers, ...(init.headers as Record<string, string> | undefined) },
          signal,
        });
      } catch (error) {
        if (init.signal?.aborted) throw new RequestError({ kind: 'aborted', url, message: 'cancelled' });
        if (timer.aborted) throw new RequestError({ kind: 'timeout', url, message: `no answer after ${timeout / 1000} s` });
        // fetch() gives no detail for offline, DNS, refused connections and CORS refusals alike.
        throw new RequestError({ kind: 'network', url, message: String((error as Error)?.message ?? error) });
      }
      if (!response.ok) {
        throw new RequestError({ kind: 'http', url, status: response.status, message: `HTTP ${response.status}`, response });
      }
      return response;
    },
  };
}

/** Adds headers to requests whose origin is listed. */
export function headersForOrigins(origins: readonly string[], headers: () => Record<string, string>): RequestHook {
  const allowed = new Set(origins);
  return (request) => {
    let origin: string;
    try {
      origin = new URL(request.url, globalThis.location?.href).origin;
    } catch {
      return request;
    }
    return allowed.has(origin) ? { ...request, headers: { ...request.headers, ...headers() } } : request;
  };
}

/** Sends requests for the listed origins through a proxy URL template holding "{url}". */
export function proxyForOrigins(template: string, origins: readonly string[]): RequestHook {
  const proxied = new Set(origins);
  return (request) => {
    try {
      const origin = new URL(request.url, globalThis.location?.href).origin;
      if (!proxied.has(origin)) return request;
    } catch {
      return request;
    }
    return { ...request, url: template.replace('{url}', encodeURIComponent(request.url)) };
  };
}
