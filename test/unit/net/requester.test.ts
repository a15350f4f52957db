import { describe, expect, it } from 'vitest';
import { RequestError, createRequester, headersForOrigins, proxyForOrigins } from '../../../src/net/requester.js';

const answer = (status: number, body = '{}'): typeof fetch => async () => new Response(body, { status });

describe('createRequester', () => {
  it('applies every hook, in order, to what it sends', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    const requester = createRequester({
      hooks: [
        headersForOrigins(['https://data.example.org'], () => ({ Authorization: 'Bearer t' })),
        proxyForOrigins('https://proxy.example.org/?url={url}', ['https://no-cors.example.org']),
      ],
      fetch: async (input, init) => {
        seen.push({ url: String(input), headers: init?.headers as Record<string, string> });
        return new Response('ok');
      },
    });
    await requester.fetch('https://data.example.org/a.json');
    await requester.fetch('https://no-cors.example.org/b?x=1');
    await requester.fetch('https://elsewhere.example.org/c');
    expect(seen).toEqual([
      { url: 'https://data.example.org/a.json', headers: { Authorization: 'Bearer t' } },
      { url: 'https://proxy.example.org/?url=https%3A%2F%2Fno-cors.example.org%2Fb%3Fx%3D1', headers: {} },
      { url: 'https://elsewhere.example.org/c', headers: {} },
    ]);
  });

  it('never sends headers to an origin that only looks like a listed one', () => {
    const hook = headersForOrigins(['https://data.example.org'], () => ({ Authorization: 'Bearer t' }));
    for (const url of ['https://data.example.org.evil.test/x', 'http://data.example.org/x', 'https://evil.test/?https://data.example.org']) {
      expect(hook({ url, headers: {} }).headers).toEqual({});
    }
  });

  it('turns failures into RequestErrors a layer can explain', async () => {
    await expect(createRequester({ fetch: answer(404) }).fetch('https://x/a')).rejects.toMatchObject({ kind: 'http', status: 404 });
    const refused: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(createRequester({ fetch: refused }).fetch('https://x/a')).rejects.toMatchObject({ kind: 'network' });
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const error = await createRequester({ fetch: never, timeout: 20 }).fetch('https://x/a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ kind: 'timeout' });
  });
});
