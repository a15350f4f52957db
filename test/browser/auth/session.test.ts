import { expect } from 'chai';
import type { OidcClient } from '../../../src/auth/oidc.js';
import { AuthSession, forgetRestrictedCaches } from '../../../src/auth/session.js';
import { PENDING_KEY, SESSION_KEY, type StoredSession } from '../../../src/auth/storage.js';

const ROOT = `${location.origin}/cartes/`;
const user = { sub: 'alice', name: 'Alice', groups: ['geologues'] };

/** An OIDC client stand-in: counts refreshes, answers with a new token or fails. */
function oidc(refresh: (s: StoredSession) => Promise<StoredSession>) {
  const calls = { refresh: 0 };
  const client = {
    refresh: async (s: StoredSession) => {
      calls.refresh++;
      return refresh(s);
    },
  } as unknown as OidcClient;
  return { client, calls };
}

const store = (session: StoredSession): void => sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
const changed = (session: AuthSession): Promise<void> => new Promise((resolve) => session.addEventListener('change', () => resolve(), { once: true }));

describe('the session', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('comes back from sessionStorage (this tab), never from localStorage', () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'from-local', user }));
    expect(new AuthSession({ oidc: oidc(async (s) => s).client, root: ROOT, embedded: false, credentialOrigins: [] }).user).to.equal(undefined);
    store({ accessToken: 'a', user });
    const session = new AuthSession({ oidc: oidc(async (s) => s).client, root: ROOT, embedded: false, credentialOrigins: [] });
    expect(session.user?.name).to.equal('Alice');
    expect(session.accessToken).to.equal('a');
  });

  it('drops a stored value of another shape', () => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 42 }));
    expect(new AuthSession({ oidc: oidc(async (s) => s).client, root: ROOT, embedded: false, credentialOrigins: [] }).user).to.equal(undefined);
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
  });

  it('renews shortly before expiry with the refresh token, and keeps the new token', async () => {
    store({ accessToken: 'old', refreshToken: 'r', expiresAt: Date.now() + 30_500, user });
    const { client, calls } = oidc(async (s) => ({ ...s, accessToken: 'new', expiresAt: Date.now() + 600_000 }));
    const session = new AuthSession({ oidc: client, root: ROOT, embedded: false, credentialOrigins: [] });
    await changed(session);
    expect(calls.refresh).to.equal(1);
    expect(session.accessToken).to.equal('new');
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).accessToken).to.equal('new');
    expect(session.expired).to.equal(false);
  });

  it('without a refresh token, ends at expiry: token forgotten, marked expired', async () => {
    store({ accessToken: 'old', expiresAt: Date.now() + 200, user });
    sessionStorage.setItem(PENDING_KEY, '{}');
    const session = new AuthSession({ oidc: oidc(async (s) => s).client, root: ROOT, embedded: false, credentialOrigins: [] });
    await changed(session);
    expect(session.user).to.equal(undefined);
    expect(session.accessToken).to.equal(undefined);
    expect(session.expired).to.equal(true);
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
  });

  it('a failed renewal ends the session; concurrent renewals share one request', async () => {
    store({ accessToken: 'old', refreshToken: 'r', expiresAt: Date.now() + 600_000, user });
    const { client, calls } = oidc(async () => {
      throw new Error('invalid_grant');
    });
    const session = new AuthSession({ oidc: client, root: ROOT, embedded: false, credentialOrigins: [] });
    const results = await Promise.all([session.renew(), session.renew(), session.renew()]);
    expect(results).to.deep.equal([false, false, false]);
    expect(calls.refresh).to.equal(1);
    expect(session.user).to.equal(undefined);
    expect(session.expired).to.equal(true);
  });

  it('back from the provider without a sign-in started in this tab: refused, lands on the root', async () => {
    const session = new AuthSession({ oidc: oidc(async (s) => s).client, root: ROOT, embedded: false, credentialOrigins: [] });
    expect(await session.completeRedirect(`${ROOT}?code=stolen&state=x`)).to.equal(ROOT);
    expect(session.user).to.equal(undefined);
    expect(session.lastError).to.be.a('string');
  });

  it('sign-out drops anything under the restricted output from the caches, and only that', async () => {
    const restricted = 'https://restreint.example.org/cartes/';
    const cache = await caches.open('cartable-test');
    await cache.put(`${restricted}maps/secret.json`, new Response('{}'));
    await cache.put('https://data.geopf.fr/wmts?REQUEST=GetTile', new Response('tile'));
    await forgetRestrictedCaches(restricted);
    const left = (await cache.keys()).map((r) => r.url);
    await caches.delete('cartable-test');
    expect(left).to.deep.equal(['https://data.geopf.fr/wmts?REQUEST=GetTile']);
  });
});
