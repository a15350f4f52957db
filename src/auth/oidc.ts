/**
 * OpenID Connect as a public client (no secret in the site): authorization code with PKCE, through
 * oauth4webapi, which checks the issuer, the state, the ID token's claims (iss, aud, exp, iat, nonce).
 * Requests to the provider go through the site's requester rules (proxy, tests) but never get a token.
 */
import * as oauth from 'oauth4webapi';
import type { Requester } from '../net/requester.js';
import type { AuthUser, PendingSignIn, StoredSession } from './storage.js';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Where the provider sends the person back: the site's root page. */
  readonly redirectUri: string;
}

/** Plain http is accepted only on the loopback (tests, local development); anywhere else https. */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

export class OidcClient {
  readonly #settings: OidcSettings;
  readonly #client: oauth.Client;
  readonly #options: { [oauth.customFetch]: typeof fetch; [oauth.allowInsecureRequests]?: boolean };
  #server?: Promise<oauth.AuthorizationServer>;

  constructor(settings: OidcSettings, requester: Requester) {
    this.#settings = settings;
    this.#client = { client_id: settings.clientId };
    const viaRequester = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const prepared = requester.prepare(String(input instanceof Request ? input.url : input));
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(prepared.headers)) if (name.toLowerCase() !== 'authorization') headers.set(name, value);
      return fetch(prepared.url, { ...init, headers });
    };
    this.#options = { [oauth.customFetch]: viaRequester, ...(isLoopback(settings.issuer) ? { [oauth.allowInsecureRequests]: true } : {}) };
  }

  /** The provider's metadata (discovery), read once. */
  server(): Promise<oauth.AuthorizationServer> {
    this.#server ??= (async () => {
      const issuer = new URL(this.#settings.issuer);
      const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...this.#options });
      return oauth.processDiscoveryResponse(issuer, response);
    })();
    this.#server.catch(() => (this.#server = undefined)); // A failed discovery is tried again next time.
    return this.#server;
  }

  /** A fresh state, nonce and PKCE verifier, and the authorization URL that carries them. */
  async authorizationRequest(options: { returnTo: string; statePrefix?: string; prompt?: 'login' }): Promise<{ url: string; pending: PendingSignIn }> {
    const server = await this.server();
    if (!server.authorization_endpoint) throw new Error('the provider has no authorization endpoint');
    const pending: PendingSignIn = {
      state: `${options.statePrefix ?? ''}${oauth.generateRandomState()}`,
      nonce: oauth.generateRandomNonce(),
      verifier: oauth.generateRandomCodeVerifier(),
      returnTo: options.returnTo,
    };
    const url = new URL(server.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.#settings.clientId,
      redirect_uri: this.#settings.redirectUri,
      response_type: 'code',
      scope: this.#settings.scopes.join(' '),
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    }).toString();
    // "login": the provider asks who signs in even if it remembers someone (switching accounts).
    if (options.prompt) url.searchParams.set('prompt', options.prompt);
    return { url: url.href, pending };
  }

  /** Checks the provider's answer (state, issuer, error) and trades the code for tokens. */
  async completeSignIn(callbackUrl: string, pending: PendingSignIn): Promise<StoredSession> {
    const server = await this.server();
    const params = oauth.validateAuthResponse(server, this.#client, new URL(callbackUrl), pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      server, this.#client, oauth.None(), params, this.#settings.redirectUri, pending.verifier, this.#options,
    );
    const result = await oauth.processAuthorizationCodeResponse(server, this.#client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    return toSession(result, undefined);
  }

  /** New tokens from the refresh token (the person is not asked anything). */
  async refresh(session: StoredSession): Promise<StoredSession> {
    if (!session.refreshToken) throw new Error('no refresh token');
    const server = await this.server();
    const response = await oauth.refreshTokenGrantRequest(server, this.#client, oauth.None(), session.refreshToken, this.#options);
    const result = await oauth.processRefreshTokenResponse(server, this.#client, response);
    return toSession(result, session);
  }

  /** The provider's sign-out page, when it has one (RP-initiated logout), that sends the person back to `returnTo`. */
  async endSessionUrl(session: StoredSession | undefined, returnTo: string): Promise<string | undefined> {
    const server = await this.server().catch(() => undefined);
    if (!server?.end_session_endpoint) return undefined;
    const url = new URL(server.end_session_endpoint);
    url.searchParams.set('client_id', this.#settings.clientId);
    url.searchParams.set('post_logout_redirect_uri', returnTo);
    if (session?.idToken) url.searchParams.set('id_token_hint', session.idToken);
    return url.href;
  }
}

function toSession(result: oauth.TokenEndpointResponse, previous: StoredSession | undefined): StoredSession {
  const claims = oauth.getValidatedIdTokenClaims(result);
  const user = claims ? userFrom(claims) : previous?.user;
  if (!user) throw new Error('the provider sent no ID token');
  return {
    accessToken: result.access_token,
    refreshToken: result.refresh_token ?? previous?.refreshToken,
    idToken: result.id_token ?? previous?.idToken,
    expiresAt: typeof result.expires_in === 'number' ? Date.now() + result.expires_in * 1000 : undefined,
    user,
  };
}

/** Who signed in, from the ID token's claims; only strings are kept (claims are data, never markup). */
export function userFrom(claims: Record<string, unknown>): AuthUser {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
  return {
    sub: String(claims.sub),
    name: text(claims.name) ?? text(claims.preferred_username),
    email: text(claims.email),
    groups,
  };
}
