import { createServer, type Server } from 'node:http';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTokenVerifier, DEFAULT_ALGORITHMS, InvalidTokenError, KeysUnavailableError, remoteKeys, type TokenRules,
} from '../../../src/token-checker/verify-token.js';
import { AUDIENCE, ISSUER, startTestPlatform, type TestPlatform } from '../../support/test-tokens.js';

const RULES: TokenRules = { issuer: ISSUER, audience: AUDIENCE, algorithms: [...DEFAULT_ALGORITHMS], clockToleranceSeconds: 30, groupsClaim: 'groups' };
/** A fixed clock: tokens below expire at T. */
const T = 2_000_000_000;
const at = (seconds: number) => () => new Date(seconds * 1000);

describe('verifying access tokens', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform?.close());

  const verifier = (rules: Partial<TokenRules> = {}) => createTokenVerifier({ ...RULES, ...rules }, remoteKeys({ issuer: ISSUER, jwksUri: platform.jwksUri }));

  it('accepts the platform’s token and reads its groups; refuses the others as invalid', async () => {
    const verify = verifier();
    expect(await verify(await platform.token(['agents']))).toEqual({ groups: ['agents'] });
    const refused = [
      await platform.forged(['agents']),
      platform.unsigned(['agents']),
      await platform.token(['agents'], { iss: 'https://autre.example.fr' }),
      await platform.token(['agents'], { aud: 'autre' }),
      await platform.token(['agents'], { exp: undefined }),
      'pas.un.jeton',
    ];
    for (const token of refused) await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('forgives a small clock difference on the expiry, no more', async () => {
    const token = await platform.token(['agents'], { iat: T - 600, exp: T });
    expect(await verifier({ now: at(T + 20) })(token)).toEqual({ groups: ['agents'] });
    await expect(verifier({ now: at(T + 40) })(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('reads the groups from the configured claim, a dotted path reaching into objects, strings only', async () => {
    const token = await platform.token(['ignored'], { realm_access: { roles: ['agents', 3, null] } });
    expect(await verifier({ groupsClaim: 'realm_access.roles' })(token)).toEqual({ groups: ['agents'] });
    expect(await verifier({ groupsClaim: 'realm_access.absent' })(token)).toEqual({ groups: [] });
    expect(await verifier({ groupsClaim: 'roles' })(await platform.token([], { roles: 'agents' }))).toEqual({ groups: [] });
  });

  it('allows public-key algorithms only', async () => {
    const keys = createLocalJWKSet({ keys: [] });
    for (const algorithms of [['none'], ['HS256'], ['RS256', 'HS512'], []]) {
      expect(() => createTokenVerifier({ ...RULES, algorithms }, keys)).toThrow(/algorithms/);
    }
    // An RS384 token is refused when only the defaults are allowed.
    const { privateKey, publicKey } = await generateKeyPair('RS384');
    const local = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS384' }] });
    const token = await new SignJWT({ groups: [] }).setProtectedHeader({ alg: 'RS384', kid: 'k' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(privateKey);
    await expect(createTokenVerifier(RULES, local)(token)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(await createTokenVerifier({ ...RULES, algorithms: ['RS384'] }, local)(token)).toEqual({ groups: [] });
  });
});

describe('the issuer’s keys', () => {
  let server: Server;
  let origin: string;
  /** What the discovery document says about the issuer: this server, or another one. */
  let claimedIssuer: (origin: string) => string;
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
    server = createServer((req, res) => {
      if (req.url !== '/realm/.well-known/openid-configuration') return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ issuer: claimedIssuer(origin), jwks_uri: platform.jwksUri }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server?.close();
    await platform?.close();
  });

  it('come from the issuer’s discovery document when no JWKS URI is given', async () => {
    claimedIssuer = (o) => `${o}/realm`;
    const issuer = `${origin}/realm`;
    const verify = createTokenVerifier({ ...RULES, issuer }, remoteKeys({ issuer }));
    expect(await verify(await platform.token(['agents'], { iss: issuer }))).toEqual({ groups: ['agents'] });
  });

  it('out of reach, or from a discovery document naming another issuer: no decision (not an invalid token)', async () => {
    claimedIssuer = () => 'https://autre.example.fr';
    const issuer = `${origin}/realm`;
    const token = await platform.token(['agents'], { iss: issuer });
    await expect(createTokenVerifier({ ...RULES, issuer }, remoteKeys({ issuer }))(token)).rejects.toBeInstanceOf(KeysUnavailableError);
    const gone = remoteKeys({ issuer, jwksUri: `${origin}/absent/jwks` });
    await expect(createTokenVerifier({ ...RULES, issuer }, gone)(token)).rejects.toBeInstanceOf(KeysUnavailableError);
  });
});
