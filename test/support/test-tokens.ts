/**
 * A stand-in sign-in platform for the token checker's tests: a real RS256 key whose JWKS a tiny
 * HTTP server publishes on 127.0.0.1, and the access tokens a test needs — valid ones, and each way
 * a token can be wrong (expired, signed by another key, `alg: none`, another issuer or audience).
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export const ISSUER = 'https://auth.example.fr/realms/plateforme';
export const AUDIENCE = 'cartable-restreint';
const KID = 'cle-de-test';

export interface TestPlatform {
  readonly jwksUri: string;
  /** A token of a person in `groups`, valid for an hour unless `claims` say otherwise. */
  token(groups: readonly string[], claims?: Record<string, unknown>): Promise<string>;
  /** The same, signed by a key the platform does not publish (with the published key's kid). */
  forged(groups: readonly string[]): Promise<string>;
  /** An unsigned token (`alg: none`). */
  unsigned(groups: readonly string[]): string;
  close(): Promise<void>;
}

const now = (): number => Math.floor(Date.now() / 1000);

function sign(key: KeyLike, groups: readonly string[], claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'personne', iat: now(), exp: now() + 3600, groups: [...groups], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'at+jwt' })
    .sign(key);
}

export async function startTestPlatform(): Promise<TestPlatform> {
  const published = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(published.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    jwksUri: `http://127.0.0.1:${port}/jwks`,
    token: (groups, claims = {}) => sign(published.privateKey, groups, claims),
    forged: (groups) => sign(other.privateKey, groups, {}),
    unsigned: (groups) => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: ISSUER, aud: AUDIENCE, exp: now() + 3600, groups })}.`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
