/**
 * The requester tells each way a request fails by its own kind, in its own words (never the
 * browser's « Failed to fetch » or « signal timed out »), including failures while the body is read.
 */
import { describe, expect, it } from 'vitest';
import { RequestError, createRequester } from '../../../src/net/requester.js';

const failure = async (promise: Promise<unknown>): Promise<RequestError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RequestError);
  expect((error as RequestError).message).not.toMatch(/Failed to fetch|signal timed out|aborted/i);
  return error as RequestError;
};

/** A fetch that refuses a CORS read (TypeError) but lets an opaque no-cors request through, when `answers`. */
function refusingFetch(answers: boolean): { fetch: typeof fetch; asked: RequestInit[] } {
  const asked: RequestInit[] = [];
  return {
    asked,
    fetch: async (_input, init) => {
      asked.push(init ?? {});
      if (init?.mode === 'no-cors' && answers) return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    },
  };
}

/** A body that sends `first`, then `then`: nothing more (stall), an error (cut), or the end. */
function answering(first: string, then: 'stall' | 'cut' | 'end', headers: Record<string, string> = {}): typeof fetch {
  return async (_input, init) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(first));
        if (then === 'cut') controller.error(new TypeError('network error'));
        if (then === 'end') controller.close();
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
      },
    });
    return new Response(body, { status: 200, headers });
  };
}

describe('request failures, each with its kind', () => {
  it('offline: the device says so', async () => {
    const { fetch } = refusingFetch(true);
    expect((await failure(createRequester({ fetch, online: () => false }).fetch('https://x.example/a'))).kind).toBe('offline');
  });

  it('cors: the server answers an opaque no-cors probe, but the page may not read it', async () => {
    const { fetch, asked } = refusingFetch(true);
    const error = await failure(createRequester({ fetch, online: () => true }).fetch('https://x.example/a', { headers: { Authorization: 'Bearer t' } }));
    expect(error.kind).toBe('cors');
    expect(asked.at(-1)).toMatchObject({ method: 'HEAD', mode: 'no-cors', credentials: 'omit' });
    // The probe carries no header the page added.
    expect(asked.at(-1)!.headers).toBeUndefined();
  });

  it('network: not even the probe gets an answer', async () => {
    const { fetch, asked } = refusingFetch(false);
    expect((await failure(createRequester({ fetch, online: () => true }).fetch('https://x.example/a'))).kind).toBe('network');
    expect(asked).toHaveLength(2);
  });

  it('stalled: the answer began, then its body stopped coming until the deadline', async () => {
    const response = await createRequester({ fetch: answering('{"type":', 'stall'), timeout: 50 }).fetch('https://x.example/a');
    expect((await failure(response.text())).kind).toBe('stalled');
  });

  it('interrupted: the connection broke while the body came', async () => {
    const response = await createRequester({ fetch: answering('{"type":', 'cut') }).fetch('https://x.example/a');
    expect((await failure(response.json())).kind).toBe('interrupted');
  });

  it('interrupted: fewer bytes arrived than the answer announced', async () => {
    const response = await createRequester({ fetch: answering('nom,lon,lat\nA,5', 'end', { 'content-length': '400' }) }).fetch('https://x.example/a');
    const error = await failure(response.arrayBuffer());
    expect(error.kind).toBe('interrupted');
    expect(error.message).toContain('15 of 400 bytes');
  });

  it('reads a complete body as the browser would, whatever reader is used', async () => {
    const requester = createRequester({ fetch: answering('\uFEFF{"a":"é"}', 'end', { 'content-length': String(new TextEncoder().encode('\uFEFF{"a":"é"}').length), 'content-type': 'application/json' }) });
    expect(await (await requester.fetch('https://x.example/a')).json()).toEqual({ a: 'é' });
    expect(await (await requester.fetch('https://x.example/a')).text()).toBe('{"a":"é"}');
    const blob = await (await requester.fetch('https://x.example/a')).blob();
    expect(blob.type).toBe('application/json');
    expect(blob.size).toBe(13);
  });

  it('aborted: the caller cancelled the body read', async () => {
    const controller = new AbortController();
    const response = await createRequester({ fetch: answering('x', 'stall') }).fetch('https://x.example/a', { signal: controller.signal });
    const reading = response.text();
    controller.abort();
    expect((await failure(reading)).kind).toBe('aborted');
  });
});
