/**
 * Which services a person may add layers from. The site's Content-Security-Policy lets the page talk
 * only to the origins its configuration lists for `data` (and to its proxy, which fetches the origins
 * it names): a service elsewhere would fail with a bare network error, so it is refused up front
 * with words. A platform may open adding to any https service (`addLayers.anyHttpsService`): the
 * build then allows `https:` in connect-src and img-src.
 */
import type { SiteConfig } from '../context/types.js';

export interface ServicePolicy {
  /** The viewer's own origin. */
  readonly self: string;
  /** Origins the page may read data from (directly, or through the proxy). */
  readonly origins: readonly string[];
  readonly anyHttps: boolean;
}

export function servicePolicy(site: SiteConfig | undefined, self: string): ServicePolicy {
  const data = (site?.allowedOrigins ?? []).filter((o) => o.use.includes('data')).map((o) => o.origin);
  const proxied = site?.proxy?.origins ?? [];
  return { self, origins: [...new Set([...data, ...proxied])], anyHttps: site?.addLayers?.anyHttpsService === true };
}

/** Whether the page may load from this URL. */
export function mayReach(url: string, policy: ServicePolicy): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.origin === policy.self) return true;
  if (policy.anyHttps && target.protocol === 'https:') return true;
  return policy.origins.includes(target.origin);
}
