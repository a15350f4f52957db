/**
 * The one door for network requests. Every load goes through a Requester: documents, data, tiles
 * (through their load functions), legends. Auth headers, proxies and test fixtures plug in here.
 */
import { tryChunk } from '../offline/load-chunk.js';

/**
 * Why a request failed, as precisely as the browser lets us tell:
 * - `offline`: the device says it has no network;
 * - `cors`: the server answers (an opaque no-cors probe got through) but the browser refused to let
 *   the page read it — the server does not allow this site (CORS), or refused the request's headers;
 * - `network`: no answer at all (server down, wrong address, DNS, certificate, or a refusal the probe
 *   could not tell apart);
 * - `timeout`: no answer before the deadline; `stalled`: the answer began, then stopped coming;
 * - `interrupted`: the connection broke, or closed, before the whole body arrived;
 * - `http`: an answer with an error status; `aborted`: the caller cancelled.
 */
export type RequestFailureKind = 'network' | 'offline' | 'cors' | 'timeout' | 'stalled' | 'interrupted' | 'http' | 'aborted';

/** A failed request, with a reason short enough for a layer list (our words, never the browser's). */
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
  /** Whether the device says it is online (default: navigator.onLine; tests may pass their own). */
  readonly online?: () => boolean;
}

export interface Requester {
  /** The URL and headers a request for `url` will really use. */
  prepare(url: string): PreparedRequest;
  /** fetch() with the hooks applied; resolves only for 2xx answers, throws RequestError otherwise. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

const DEFAULT_TIMEOUT = 20_000;
/** The CORS probe only asks whether the server answers at all: it gives up sooner. */
const PROBE_TIMEOUT = 5_000;

export function createRequester(options: RequesterOptions = {}): Requester {
  const hooks = options.hooks ?? [];
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const online = options.online ?? (() => globalThis.navigator?.onLine !== false);

  const prepare = (url: string): PreparedRequest =>
    hooks.reduce<PreparedRequest>((request, hook) => hook(request), { url, headers: {} });

  /** The CORS probe (cors-probe.ts), loaded on a failure only: a probe that cannot load says « unreachable ». */
  const answersWithoutCors = (url: string): Promise<boolean> =>
    tryChunk(import('./cors-probe.js')).then(
      (probe) => probe.answersWithoutCors(url, doFetch, Math.min(timeout, PROBE_TIMEOUT)),
      () => false,
    );

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
      } catch {
        if (init.signal?.aborted) throw new RequestError({ kind: 'aborted', url, message: 'cancelled' });
        if (timer.aborted) throw new RequestError({ kind: 'timeout', url, message: `no answer in ${timeout / 1000} s` });
        if (!online()) throw new RequestError({ kind: 'offline', url, message: 'offline' });
        if (await answersWithoutCors(prepared.url)) throw new RequestError({ kind: 'cors', url, message: 'refused by the browser (CORS)' });
        throw new RequestError({ kind: 'network', url, message: 'unreachable' });
      }
      if (!response.ok) {
        throw new RequestError({ kind: 'http', url, status: response.status, message: `HTTP ${response.status}`, response });
      }
      return guardBody(response, (arrived) => {
        if (init.signal?.aborted) return new RequestError({ kind: 'aborted', url, message: 'cancelled' });
        if (timer.aborted) return new RequestError({ kind: 'stalled', url, message: `incomplete after ${timeout / 1000} s` });
        return new RequestError({ kind: 'interrupted', url, message: `connection cut${arrived}` });
      });
    },
  };
}

/**
 * The body's length the answer announces, when the bytes read are those it counts (no content
 * encoding). Cross-origin answers hide Content-Encoding unless exposed: there the length may count
 * compressed bytes, so it is not used (the browser checks it itself while reading).
 */
function announcedLength(response: Response): number | undefined {
  if (response.type === 'cors' || response.type === 'opaque' || response.headers.get('content-encoding')) return undefined;
  const length = Number(response.headers.get('content-length') ?? NaN);
  return Number.isInteger(length) && length >= 0 ? length : undefined;
}

/**
 * The answer with body readers whose failures are RequestErrors: a deadline reached while the body is
 * read rejects with the browser's « signal timed out », a broken connection with « Failed to fetch »;
 * a body shorter than its Content-Length is an interrupted transfer too. Own properties shadow the
 * methods of this one Response, which keeps its url, type and headers.
 */
function guardBody(response: Response, failure: (arrived: string) => RequestError): Response {
  const read = response.arrayBuffer.bind(response);
  const bytes = async (): Promise<ArrayBuffer> => {
    let data: ArrayBuffer;
    try {
      data = await read();
    } catch {
      throw failure('');
    }
    const expected = announcedLength(response);
    if (expected !== undefined && data.byteLength < expected) throw failure(` (${data.byteLength} of ${expected} bytes)`);
    return data;
  };
  const text = async (): Promise<string> => new TextDecoder().decode(await bytes());
  Object.defineProperties(response, {
    arrayBuffer: { value: bytes },
    text: { value: text },
    json: { value: async (): Promise<unknown> => JSON.parse(await text()) },
    blob: { value: async (): Promise<Blob> => new Blob([await bytes()], { type: response.headers.get('content-type') ?? '' }) },
  });
  return response;
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
