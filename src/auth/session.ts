/**
 * The person's session: who is signed in and the access token, kept in memory and in sessionStorage
 * (this tab only). Renews the token with the refresh token shortly before it expires when the
 * provider gave one; otherwise the session ends at expiry and the person signs in again.
 * Fires "change" whenever who is signed in changes.
 */
import type { OidcClient } from './oidc.js';
import { openSignInWindow, POPUP_STATE_PREFIX, PopupClosedError, waitForCallback } from './popup.js';
import { safeReturnUrl } from './return-url.js';
import {
  isStoredSession, PENDING_KEY, readJson, remove, SESSION_KEY, writeJson,
  type AuthUser, type PendingSignIn, type StoredSession,
} from './storage.js';

/** How a sign-in ended (redirect mode leaves the page: "redirected"). */
export type SignInOutcome =
  | { readonly kind: 'redirected' }
  | { readonly kind: 'signed-in'; readonly user: AuthUser }
  | { readonly kind: 'popup-blocked' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface AuthSessionOptions {
  readonly oidc: OidcClient;
  /** The site's root URL: the redirect URI and the only place return URLs may point to. */
  readonly root: string;
  /** The restricted output's folder: cached answers under it are deleted at sign-out. */
  readonly restrictedUrl?: string;
  /** In a frame: sign in through a window instead of leaving the page. */
  readonly embedded: boolean;
  /** The origins the token is sent to (listed with the use "credentials"). */
  readonly credentialOrigins: readonly string[];
}

/** Renew this long before the token expires. */
const RENEW_MARGIN_MS = 30_000;

export class AuthSession extends EventTarget {
  readonly embedded: boolean;
  readonly credentialOrigins: readonly string[];
  /** Why the last sign-in failed, to show the person (cleared by the next attempt). */
  lastError?: string;
  /** True after a session ended because its token expired and could not be renewed. */
  expired = false;
  readonly #options: AuthSessionOptions;
  #session?: StoredSession;
  #renewTimer?: ReturnType<typeof setTimeout>;
  #renewing?: Promise<boolean>;

  constructor(options: AuthSessionOptions) {
    super();
    this.#options = options;
    this.embedded = options.embedded;
    this.credentialOrigins = options.credentialOrigins;
    const stored = readJson<unknown>(SESSION_KEY);
    if (isStoredSession(stored)) this.#set(stored);
    else remove(SESSION_KEY);
  }

  get user(): AuthUser | undefined {
    return this.#session?.user;
  }

  /** The access token, for the requester's bearer hook (sent only to credential origins). */
  get accessToken(): string | undefined {
    return this.#session?.accessToken;
  }

  get canRenew(): boolean {
    return !!this.#session?.refreshToken;
  }

  /**
   * Starts a sign-in that brings the person back to `returnTo` (a page of this site; anything else
   * falls back to the root). Outside a frame the page leaves for the provider; in a frame a window
   * opens — call this inside the click handler, before any await.
   */
  async signIn(returnTo: string = location.href, options: { switchAccount?: boolean } = {}): Promise<SignInOutcome> {
    const prompt = options.switchAccount ? ('login' as const) : undefined;
    this.lastError = undefined;
    const safe = safeReturnUrl(returnTo, this.#options.root);
    if (!this.embedded) {
      try {
        const { url, pending } = await this.#options.oidc.authorizationRequest({ returnTo: safe, prompt });
        writeJson(PENDING_KEY, pending);
        location.assign(url);
        return { kind: 'redirected' };
      } catch (error) {
        return this.#failed(error);
      }
    }
    const popup = openSignInWindow();
    if (!popup) return { kind: 'popup-blocked' };
    try {
      const { url, pending } = await this.#options.oidc.authorizationRequest({ returnTo: safe, statePrefix: POPUP_STATE_PREFIX, prompt });
      popup.location.href = url;
      const callback = await waitForCallback(popup);
      this.#store(await this.#options.oidc.completeSignIn(callback, pending));
      return { kind: 'signed-in', user: this.#session!.user };
    } catch (error) {
      if (!popup.closed) popup.close();
      if (error instanceof PopupClosedError) return { kind: 'cancelled' };
      return this.#failed(error);
    }
  }

  /**
   * Back from the provider (redirect mode): checks the answer against the pending sign-in of this tab
   * and keeps the tokens. Returns the checked page to show next.
   */
  async completeRedirect(callbackUrl: string): Promise<string> {
    const pending = readJson<PendingSignIn>(PENDING_KEY);
    remove(PENDING_KEY);
    if (!pending) {
      this.lastError = 'no sign-in was started in this tab';
      return this.#options.root;
    }
    try {
      this.#store(await this.#options.oidc.completeSignIn(callbackUrl, pending));
    } catch (error) {
      this.#failed(error);
    }
    return safeReturnUrl(pending.returnTo, this.#options.root);
  }

  /**
   * New tokens without asking the person (refresh token). Returns false — and ends the session — when
   * that is not possible: the person must sign in again. Concurrent calls share one request.
   */
  renew(): Promise<boolean> {
    this.#renewing ??= (async () => {
      const session = this.#session;
      try {
        if (!session?.refreshToken) throw new Error('no refresh token');
        this.#store(await this.#options.oidc.refresh(session));
        return true;
      } catch {
        this.#end({ expired: !!session });
        return false;
      } finally {
        this.#renewing = undefined;
      }
    })();
    return this.#renewing;
  }

  /**
   * Signs out: forgets the tokens and everything restricted kept on this device, then, outside a
   * frame, leaves for the provider's sign-out page (which sends the person back to the site's root).
   * In a frame, or without such a page, the page reloads so nothing restricted stays in memory.
   */
  async signOut(): Promise<void> {
    const session = this.#session;
    this.#end({ expired: false });
    await forgetRestrictedCaches(this.#options.restrictedUrl);
    const provider = this.embedded ? undefined : await this.#options.oidc.endSessionUrl(session, this.#options.root);
    if (provider) location.assign(provider);
    else location.reload();
  }

  #failed(error: unknown): SignInOutcome {
    this.lastError = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: this.lastError };
  }

  #store(session: StoredSession): void {
    writeJson(SESSION_KEY, session);
    this.expired = false;
    this.#set(session);
    this.dispatchEvent(new Event('change'));
  }

  #set(session: StoredSession): void {
    this.#session = session;
    clearTimeout(this.#renewTimer);
    if (session.expiresAt === undefined) return;
    const wait = session.expiresAt - Date.now() - (session.refreshToken ? RENEW_MARGIN_MS : 0);
    // A timer further out than 2^31 ms fires at once: cap it, the check runs again then.
    this.#renewTimer = setTimeout(() => void this.#onExpiry(), Math.min(Math.max(wait, 0), 2 ** 30));
  }

  async #onExpiry(): Promise<void> {
    const session = this.#session;
    if (!session?.expiresAt) return;
    if (session.expiresAt - Date.now() > RENEW_MARGIN_MS * 2) {
      this.#set(session);
      return;
    }
    await this.renew();
  }

  #end({ expired }: { expired: boolean }): void {
    clearTimeout(this.#renewTimer);
    const had = !!this.#session;
    this.#session = undefined;
    this.expired = expired;
    remove(SESSION_KEY);
    remove(PENDING_KEY);
    if (had) this.dispatchEvent(new Event('change'));
  }
}

/**
 * Deletes anything under the restricted output from the service worker's caches. The worker never
 * stores a request that carries a token (plugin/pwa.ts), so this only guards against a future rule
 * that would: sign-out must leave nothing restricted on the device.
 */
export async function forgetRestrictedCaches(restrictedUrl: string | undefined): Promise<void> {
  if (!restrictedUrl || !('caches' in globalThis)) return;
  try {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (request.url.startsWith(restrictedUrl)) await cache.delete(request);
    }
  } catch {
    /* caches refused (private mode): nothing was kept */
  }
}
