/**
 * Verifying the platform's access tokens (JWT) as the token checker does: the signature against the
 * issuer's published keys (JWKS), with asymmetric algorithms only, the issuer, the audience, the
 * expiry (a small clock tolerance), and the person's groups from one claim. Node only.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** Algorithms a token may be signed with: public-key ones only (never `none`, never HS*: a shared secret). */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export const DEFAULT_ALGORITHMS = ['RS256', 'ES256', 'PS256'] as const;

export interface TokenRules {
  /** The `iss` the tokens must carry (the sign-in provider, as in site.config.json's signIn.issuer). */
  readonly issuer: string;
  /** The `aud` they must name (one of). */
  readonly audience: string | readonly string[];
  readonly algorithms: readonly string[];
  /** Seconds of clock difference forgiven on `exp` and `nbf`. */
  readonly clockToleranceSeconds: number;
  /** The claim that lists the person's groups; a dotted path reaches into objects (`realm_access.roles`). */
  readonly groupsClaim: string;
  /** The current time (tests pass a fixed one). */
  readonly now?: () => Date;
}

/** The token is missing, malformed, badly signed, expired or not for this service: 401. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** The issuer's keys could not be read (network, bad answer): no decision can be made. */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

export type TokenVerifier = (token: string) => Promise<{ readonly groups: readonly string[] }>;

/** The strings of a claim found at a dotted path; anything else gives no groups. */
function groupsFrom(payload: Record<string, unknown>, claim: string): string[] {
  let value: unknown = payload;
  for (const key of claim.split('.')) value = value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

export function createTokenVerifier(rules: TokenRules, keys: JWTVerifyGetKey): TokenVerifier {
  const refused = rules.algorithms.filter((alg) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg));
  if (refused.length || !rules.algorithms.length) {
    throw new Error(`algorithms: ${refused.join(', ') || 'none given'}: allowed are ${ASYMMETRIC_ALGORITHMS.join(', ')}`);
  }
  // Key lookup failures other than "no such key" are the key set's, not the token's.
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys || error instanceof errors.JOSENotSupported) throw error;
      throw new KeysUnavailableError(`the issuer's keys could not be read: ${(error as Error).message}`);
    }
  };
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer: rules.issuer,
        audience: typeof rules.audience === 'string' ? rules.audience : [...rules.audience],
        algorithms: [...rules.algorithms],
        clockTolerance: rules.clockToleranceSeconds,
        requiredClaims: ['exp'],
        ...(rules.now ? { currentDate: rules.now() } : {}),
      });
      return { groups: groupsFrom(payload, rules.groupsClaim) };
    } catch (error) {
      if (error instanceof KeysUnavailableError) throw error;
      throw new InvalidTokenError(error instanceof errors.JOSEError ? error.code : String(error));
    }
  };
}

/**
 * The issuer's keys, fetched from `jwksUri`, else from the issuer's OpenID discovery document
 * (`<issuer>/.well-known/openid-configuration`), read at first use and again after a failure.
 * jose keeps the keys and fetches them again when a token names a key it does not know.
 */
export function remoteKeys(options: { readonly issuer: string; readonly jwksUri?: string }): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    if (options.jwksUri) return createRemoteJWKSet(new URL(options.jwksUri));
    const url = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const answer = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`);
    const configuration = (await answer.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (configuration.issuer !== options.issuer) throw new Error(`${url} names the issuer ${String(configuration.issuer)}, not ${options.issuer}`);
    if (typeof configuration.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(configuration.jwks_uri));
  };
  return async (header, token) => {
    keySet ??= discover().catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    return (await keySet)(header, token);
  };
}
