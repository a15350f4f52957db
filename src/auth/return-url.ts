/**
 * Where the person lands after signing in or out. Only a page of this site — same origin, under its
 * root — is ever accepted: anything else (another site, a scheme-relative "//evil.example", a
 * "javascript:" URL, a path that climbs out of the root) falls back to the root. No open redirect.
 */
export function safeReturnUrl(candidate: string | null | undefined, root: string): string {
  const base = new URL(root);
  if (!candidate) return base.href;
  let target: URL;
  try {
    target = new URL(candidate, base);
  } catch {
    return base.href;
  }
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return base.href;
  // The callback's own parameters never travel on.
  for (const name of CALLBACK_PARAMS) target.searchParams.delete(name);
  target.hash = '';
  return target.href;
}

/** What an authorization server adds to the redirect URI (RFC 6749 §4.1.2, RFC 9207). */
export const CALLBACK_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'] as const;

/** The URL without the callback's parameters (what the address bar should show once it is handled). */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const name of CALLBACK_PARAMS) url.searchParams.delete(name);
  return url.href;
}
