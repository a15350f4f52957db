/**
 * What a session keeps between pages of the same tab: sessionStorage only (never localStorage — a
 * closed tab forgets the tokens). Storage may be refused (privacy modes, partitioned frames): the
 * session then lives in memory for this page only.
 */

/** The signed-in person, as the ID token says (checked by oauth4webapi). */
export interface AuthUser {
  readonly sub: string;
  readonly name?: string;
  readonly email?: string;
  /** The identity provider's groups (the `groups` claim), for hiding maps the person may not open. */
  readonly groups: readonly string[];
}

export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
  /** Milliseconds since the epoch; absent when the provider gave no lifetime. */
  readonly expiresAt?: number;
  readonly user: AuthUser;
}

/** A sign-in under way in this tab (redirect mode): checked when the provider sends the person back. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly returnTo: string;
}

export const SESSION_KEY = 'cartable:auth';
export const PENDING_KEY = 'cartable:auth-pending';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readJson<T>(key: string): T | undefined {
  try {
    const text = storage()?.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    /* storage refused or full: the value lives in memory only */
  }
}

export function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

/** Whether a stored session has the shape this code writes (anything else is dropped). */
export function isStoredSession(value: unknown): value is StoredSession {
  const v = value as StoredSession | undefined;
  return !!v && typeof v.accessToken === 'string' && !!v.user && typeof v.user.sub === 'string' && Array.isArray(v.user.groups);
}
