/**
 * Sign-in's entry, loaded only when the site configures `signIn` and a page needs it (a sign-in
 * callback, a session of this tab, a restricted map, the catalog's button). Wires the session to
 * the requester (bearer token for credential origins only) and handles the provider's answer.
 */
import type { SiteConfig } from '../context/types.js';
import type { RequestHook, Requester } from '../net/requester.js';
import { bearerForOrigins, credentialOrigins } from './bearer.js';
import { OidcClient } from './oidc.js';
import { handBackToOpener } from './popup.js';
import { AuthSession } from './session.js';

export interface StartAuthOptions {
  readonly site: SiteConfig;
  /** The site's root URL (the redirect URI). */
  readonly root: string;
  readonly requester: Requester;
  /** The requester's hooks: the bearer hook is added to them (they are read at each request). */
  readonly hooks: RequestHook[];
}

export async function startAuth(options: StartAuthOptions): Promise<AuthSession> {
  const { site, root, requester } = options;
  if (!site.signIn) throw new Error('the site configures no sign-in');
  const oidc = new OidcClient(
    { issuer: site.signIn.issuer, clientId: site.signIn.clientId, scopes: site.signIn.scopes, redirectUri: root },
    requester,
  );
  const origins = credentialOrigins(site);
  const session = new AuthSession({ oidc, root, restrictedUrl: site.restricted?.url, embedded: isEmbedded(), credentialOrigins: origins });
  options.hooks.push(bearerForOrigins(origins, () => session.accessToken));

  const here = new URL(location.href);
  if (isCallback(here, root)) {
    // In a sign-in window opened by a frame: hand the answer back; the window closes.
    if (handBackToOpener(here.href)) return session;
    const next = await session.completeRedirect(here.href);
    // The page's language was read from the callback URL: another one in the return URL needs a new
    // load (not after a failure, whose message this page shows).
    if (!session.lastError && new URL(next).searchParams.get('lang') !== here.searchParams.get('lang')) location.replace(next);
    else history.replaceState(history.state, '', next);
  }
  return session;
}

/** The provider's answer arrives at the root page with `state` and `code` (or `error`). */
export function isCallback(url: URL, root: string): boolean {
  return url.href.split(/[?#]/)[0] === root.split(/[?#]/)[0] && url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
}

/** In a frame of another page (an embed): top-level navigation to the provider is not possible there. */
function isEmbedded(): boolean {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
}
