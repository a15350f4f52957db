import { headersForOrigins, type RequestHook } from '../net/requester.js';
import type { SiteConfig } from '../context/types.js';

/** The origins the site configuration lists with the use "credentials": the only ones that see a token. */
export function credentialOrigins(site: Pick<SiteConfig, 'allowedOrigins'>): string[] {
  return site.allowedOrigins.filter((o) => o.use.includes('credentials')).map((o) => o.origin);
}

/**
 * Adds `Authorization: Bearer <token>` to requests for the listed origins, and to no other: not to a
 * basemap, not to the identity provider, not to any third party. The token is read at each request,
 * so a renewed one is used at once and a cleared one is no longer sent.
 */
export function bearerForOrigins(origins: readonly string[], token: () => string | undefined): RequestHook {
  return headersForOrigins(origins, (): Record<string, string> => {
    const value = token();
    return value ? { Authorization: `Bearer ${value}` } : {};
  });
}
