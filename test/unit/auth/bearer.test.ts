import { describe, expect, it } from 'vitest';
import { bearerForOrigins, credentialOrigins } from '../../../src/auth/bearer.js';
import { createRequester, type RequestHook } from '../../../src/net/requester.js';
import type { SiteConfig } from '../../../src/context/types.js';

const site: Pick<SiteConfig, 'allowedOrigins'> = {
  allowedOrigins: [
    { origin: 'https://data.geopf.fr', use: ['data'] },
    { origin: 'https://restreint.example.org', use: ['credentials'] },
    { origin: 'https://docs.example.org', use: ['documents', 'data'] },
  ],
};

describe('the bearer hook', () => {
  it('lists only the origins with the use "credentials"', () => {
    expect(credentialOrigins(site)).toEqual(['https://restreint.example.org']);
  });

  const hook = bearerForOrigins(credentialOrigins(site), () => 'jeton');
  const headersFor = (url: string) => hook({ url, headers: {} }).headers;

  it('adds the token to the listed origin', () => {
    expect(headersFor('https://restreint.example.org/cartes/catalog.json')).toEqual({ Authorization: 'Bearer jeton' });
  });

  it.each([
    'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile', // a basemap
    'https://docs.example.org/maps/a.json', // another configured origin, without credentials
    'http://restreint.example.org/cartes/catalog.json', // same host, not https
    'https://restreint.example.org:8443/cartes/catalog.json',
    'https://restreint.example.org.evil.example/x',
    'https://restreint.example.org@evil.example/x',
    'https://evil.example/?u=https://restreint.example.org/',
    'not a url',
  ])('never adds it to %s', (url) => {
    expect(headersFor(url)).toEqual({});
  });

  it('reads the token at each request: none once signed out', () => {
    let token: string | undefined = 'a';
    const live = bearerForOrigins(['https://restreint.example.org'], () => token);
    expect(live({ url: 'https://restreint.example.org/x', headers: {} }).headers).toEqual({ Authorization: 'Bearer a' });
    token = undefined;
    expect(live({ url: 'https://restreint.example.org/x', headers: {} }).headers).toEqual({});
  });

  it('goes through the requester: a hook added later to its hooks applies to the next request', async () => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const list: RequestHook[] = [];
    const requester = createRequester({
      hooks: list,
      fetch: async (input, init) => {
        seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
        return new Response('{}');
      },
    });
    await requester.fetch('https://restreint.example.org/a.json');
    list.push(hook);
    await requester.fetch('https://restreint.example.org/a.json');
    await requester.fetch('https://data.geopf.fr/wmts?REQUEST=GetTile');
    expect(seen).toEqual([
      { url: 'https://restreint.example.org/a.json', authorization: null },
      { url: 'https://restreint.example.org/a.json', authorization: 'Bearer jeton' },
      { url: 'https://data.geopf.fr/wmts?REQUEST=GetTile', authorization: null },
    ]);
  });
});
