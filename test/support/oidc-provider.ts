/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for end-to-end tests, in
 * a process of its own (oidc-provider-server.mjs): one public client (PKCE, no secret), test users
 * with groups, JWT access tokens for one resource (the protected file server) carrying the user's
 * groups, refresh tokens, RP-initiated logout. Its login and consent pages are the package's
 * development pages: any password signs a known user in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface TestUser {
  readonly name: string;
  readonly email: string;
  readonly groups: readonly string[];
}

export interface OidcProviderOptions {
  readonly port: number;
  readonly clientId: string;
  /** The site's root page (the redirect URI, and where sign-out sends people back). */
  readonly siteRoot: string;
  /** The resource the access tokens are for (their audience): the protected server's URL. */
  readonly resource: string;
  /** Users by login. */
  readonly users: Readonly<Record<string, TestUser>>;
  /** Access token lifetime, seconds (default 600). */
  readonly accessTokenTtl?: number;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly jwksUri: string;
  /** Signs an access token with the provider's own key (to make expired ones in tests). */
  signAccessToken(claims: Record<string, unknown>, options: { expiresAt: number; issuedAt?: number }): Promise<string>;
  /** Tokens granted, by grant type (authorization_code, refresh_token). */
  readonly grants: Map<string, number>;
  close(): Promise<void>;
}

const SERVER = join(dirname(fileURLToPath(import.meta.url)), 'oidc-provider-server.mjs');

export async function startOidcProvider(options: OidcProviderOptions): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const settings = { ...options, issuer, jwk, accessTokenTtl: options.accessTokenTtl ?? 600 };
  // Plain node, without the tests' tsx loader.
  const child: ChildProcess = spawn(process.execPath, [SERVER, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const grants = new Map<string, number>();
  // A bound on a hang (a provider that never says « ready »), not a speed check.
  const limit = AbortSignal.timeout(30_000);
  await new Promise<void>((resolve, reject) => {
    limit.addEventListener('abort', () => reject(new Error(`the OpenID provider did not start: ${stderr}`)), { once: true });
    child.once('exit', (code) => reject(new Error(`the OpenID provider stopped (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') {
        resolve();
        return;
      }
      try {
        const { grant } = JSON.parse(line) as { grant: string };
        grants.set(grant, (grants.get(grant) ?? 0) + 1);
      } catch {
        /* a warning of the package */
      }
    });
  });
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    grants,
    signAccessToken: (claims, { expiresAt, issuedAt }) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(options.resource)
        .setIssuedAt(issuedAt ?? expiresAt - 600)
        .setExpirationTime(expiresAt)
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
