import { describe, expect, it } from 'vitest';
import { userFrom } from '../../../src/auth/oidc.js';
import { loadRestrictedCatalog, loadRestrictedMap, mayOpen } from '../../../src/auth/restricted.js';
import { groupCatalogPath } from '../../../src/auth/restricted-catalogs.js';
import type { AuthSession } from '../../../src/auth/session.js';
import type { CatalogEntry } from '../../../src/context/types.js';
import { createRequester } from '../../../src/net/requester.js';
import { isAllowedDocumentUrl } from '../../../src/app/load.js';
import { deepFreeze } from '../../../src/context/freeze.js';

const rules = { isAllowedDocumentUrl, deepFreeze };

const RESTRICTED = 'https://restreint.example.org/cartes/';
const ORIGINS = ['https://restreint.example.org'];

/** A requester whose server answers each URL with the next status of its list (then the last one). */
function server(statuses: Record<string, number[]>, body: unknown = { version: 1, maps: [] }) {
  const asked: string[] = [];
  const requester = createRequester({
    fetch: async (input) => {
      const url = String(input);
      asked.push(url);
      const list = statuses[url] ?? [404];
      const status = list.length > 1 ? list.shift()! : list[0]!;
      if (status === 0) throw new TypeError('Failed to fetch');
      return new Response(status === 200 ? JSON.stringify(body) : '', { status });
    },
  });
  return { requester, asked };
}

/** A session stand-in: signed in, and renew() answers as told (counting calls). */
function session(renews: boolean) {
  const calls = { renew: 0 };
  const fake = {
    user: { sub: 'alice', groups: ['geologues'] },
    renew: async () => {
      calls.renew++;
      if (!renews) fake.user = undefined as never;
      return renews;
    },
  };
  return { session: fake as unknown as AuthSession, calls };
}

const catalogUrl = `${RESTRICTED}catalog.json`;
const groupCatalogUrl = (group: string) => new URL(groupCatalogPath(group), RESTRICTED).href;
const mapUrl = `${RESTRICTED}maps/secret.json`;

describe('reading the restricted output', () => {
  it('reads the catalog', async () => {
    const entry = { id: 'secret', document: 'maps/secret.json' };
    const { requester } = server({ [catalogUrl]: [200] }, { version: 1, maps: [entry] });
    expect(await loadRestrictedCatalog(RESTRICTED, requester, undefined)).toEqual({ ok: true, value: [entry] });
  });

  it('401: renews once and tries again', async () => {
    const { requester, asked } = server({ [catalogUrl]: [401, 200] });
    const { session: s, calls } = session(true);
    expect((await loadRestrictedCatalog(RESTRICTED, requester, s)).ok).toBe(true);
    expect(calls.renew).toBe(1);
    expect(asked).toEqual([catalogUrl, catalogUrl, groupCatalogUrl('geologues')]);
  });

  it('merges the catalog of anyone signed in with the catalogs of the person’s groups, and asks for no other', async () => {
    const entry = (id: string, title: string) => ({ id, title, document: `maps/${id}.json` });
    const catalogs: Record<string, { status: number; maps?: unknown[] }> = {
      [catalogUrl]: { status: 200, maps: [entry('ouverte', 'Ouverte')] },
      [groupCatalogUrl('geologues')]: { status: 200, maps: [entry('roches', 'Roches'), entry('ouverte', 'Ouverte')] },
      [groupCatalogUrl('/agents/terrain')]: { status: 200, maps: [entry('archives', 'Archives')] },
      // A group without maps has no catalog: the server says 403 (a file it does not list) or 404.
      [groupCatalogUrl('visiteurs')]: { status: 403 },
      [groupCatalogUrl('invites')]: { status: 404 },
    };
    const asked: string[] = [];
    const requester = createRequester({
      fetch: async (input) => {
        asked.push(String(input));
        const answer = catalogs[String(input)] ?? { status: 500 };
        return new Response(answer.maps ? JSON.stringify({ version: 1, maps: answer.maps }) : '', { status: answer.status });
      },
    });
    const person = (groups: string[]) => ({ user: { sub: 'alice', groups }, renew: async () => false }) as unknown as AuthSession;
    const result = await loadRestrictedCatalog(RESTRICTED, requester, person(['geologues', 'visiteurs', '/agents/terrain', 'invites']));
    expect(result.ok && result.value.map((e) => e.id)).toEqual(['archives', 'ouverte', 'roches']);
    expect(asked.sort()).toEqual(Object.keys(catalogs).sort());
    // A group catalog the server cannot give: the listing fails (to try again), rather than show part of it.
    expect(await loadRestrictedCatalog(RESTRICTED, requester, person(['geologues', 'panne']))).toMatchObject({ ok: false, problem: 'network' });
  });

  it('401 again after a renewal: asks to sign in, no loop', async () => {
    const { requester, asked } = server({ [catalogUrl]: [401] });
    const { session: s, calls } = session(true);
    expect(await loadRestrictedCatalog(RESTRICTED, requester, s)).toMatchObject({ ok: false, problem: 'sign-in' });
    expect(calls.renew).toBe(1);
    expect(asked).toHaveLength(2);
  });

  it('401 without a session or a renewal: asks to sign in', async () => {
    const { requester, asked } = server({ [catalogUrl]: [401] });
    expect(await loadRestrictedCatalog(RESTRICTED, requester, undefined)).toMatchObject({ ok: false, problem: 'sign-in' });
    const { session: s, calls } = session(false);
    expect(await loadRestrictedCatalog(RESTRICTED, requester, s)).toMatchObject({ ok: false, problem: 'sign-in' });
    expect(calls.renew).toBe(1);
    expect(asked).toHaveLength(2);
  });

  it('403, 404, no answer, a broken catalog: each its own state', async () => {
    const ask = async (status: number) => loadRestrictedCatalog(RESTRICTED, server({ [catalogUrl]: [status] }).requester, undefined);
    expect(await ask(403)).toMatchObject({ ok: false, problem: 'forbidden' });
    expect(await ask(404)).toMatchObject({ ok: false, problem: 'not-found' });
    expect(await ask(0)).toMatchObject({ ok: false, problem: 'network' });
    expect(await ask(500)).toMatchObject({ ok: false, problem: 'network' });
    const broken = server({ [catalogUrl]: [200] }, { nope: true });
    expect(await loadRestrictedCatalog(RESTRICTED, broken.requester, undefined)).toMatchObject({ ok: false, problem: 'network' });
  });

  it('reads a map only under the restricted output, by a plain id', async () => {
    const { requester, asked } = server({ [mapUrl]: [403] });
    const load = (id: string, entry?: Partial<CatalogEntry>) =>
      loadRestrictedMap({ id, entry: entry as CatalogEntry, restrictedUrl: RESTRICTED, credentialOrigins: ORIGINS, requester, session: undefined, rules });
    expect(await load('secret')).toMatchObject({ ok: false, problem: 'forbidden' });
    expect(await load('../../evil')).toMatchObject({ ok: false, problem: 'not-found' });
    expect(await load('a?b')).toMatchObject({ ok: false, problem: 'not-found' });
    // A catalog entry pointing elsewhere (another origin, out of the folder) is refused, not fetched.
    expect(await load('secret', { document: 'https://evil.example/maps/secret.json' })).toMatchObject({ ok: false, problem: 'not-found' });
    expect(await load('secret', { document: '../autre/secret.json' })).toMatchObject({ ok: false, problem: 'not-found' });
    expect(asked).toEqual([mapUrl]);
  });

  it('validates a document named by URL alone, and reports its problems', async () => {
    const { requester } = server({ [mapUrl]: [200] }, { version: 1, id: 'secret' });
    const result = await loadRestrictedMap({ id: 'secret', restrictedUrl: RESTRICTED, credentialOrigins: ORIGINS, requester, session: undefined, rules });
    expect(result).toMatchObject({ ok: false, problem: 'invalid' });
  });
});

describe('who may open a map', () => {
  const entry = (groups?: string[]) => ({ id: 'm', access: groups && { level: 'restricted', groups } }) as unknown as CatalogEntry;
  it('needs one of the groups; none listed: anyone signed in', () => {
    expect(mayOpen(entry(['a', 'b']), ['b'])).toBe(true);
    expect(mayOpen(entry(['a']), ['b'])).toBe(false);
    expect(mayOpen(entry([]), [])).toBe(true);
    expect(mayOpen(entry(), [])).toBe(true);
  });
});

describe('userFrom (ID token claims)', () => {
  it('keeps strings only', () => {
    expect(userFrom({ sub: 'x', name: 'Alice', email: 'a@b', groups: ['g', 3, null] })).toEqual({ sub: 'x', name: 'Alice', email: 'a@b', groups: ['g'] });
    expect(userFrom({ sub: 'x', name: { html: '<b>' }, preferred_username: 'alice', groups: 'g' })).toEqual({ sub: 'x', name: 'alice', email: undefined, groups: [] });
  });
});

describe('documents named in the URL (?context=)', () => {
  const root = 'https://cartes.example.org/cartes/';
  it('never come from the restricted origin, which is listed for credentials only', () => {
    // The app passes the origins listed for "documents": the restricted output is not one of them.
    const documentOrigins = ['https://docs.example.org'];
    expect(isAllowedDocumentUrl(`${RESTRICTED}maps/secret.json`, root, documentOrigins)).toBe(false);
    expect(isAllowedDocumentUrl('https://docs.example.org/a.json', root, documentOrigins)).toBe(true);
    // The restricted maps are read only through their own loader, under restricted.url.
    expect(isAllowedDocumentUrl(`${RESTRICTED}maps/secret.json`, RESTRICTED, ORIGINS)).toBe(true);
  });
});
