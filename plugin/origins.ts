/**
 * The build's warning for data a map reads from an origin the site configuration does not list in
 * "allowedOrigins": the Content-Security-Policy made from that list (plugin/deploy.ts) will block
 * those requests in the browser. A warning, not a failure: the list may be completed on the server.
 */
import type { SiteConfig } from '../src/context/types.js';
import { dataOrigins } from '../src/interop/origins.js';
import type { BuiltMap } from './maps.js';

/** "https://*.example.org" (a CSP host wildcard) holds "https://a.b.example.org"; exact origins hold themselves. */
const holds = (allowed: string, origin: string): boolean => {
  const [scheme, host] = allowed.toLowerCase().split('://');
  if (!host?.startsWith('*.')) return allowed.toLowerCase() === origin;
  return origin.startsWith(`${scheme}://`) && origin.endsWith(host.slice(1)) && origin.length > `${scheme}://`.length + host.length - 1;
};

/** The hosts of a tile template origin: "https://{a-c}.tile.org" → a., b. and c.tile.org. */
function expand(origin: string): string[] {
  const range = /\{([a-z0-9])-([a-z0-9])\}/i.exec(origin);
  if (!range) return [origin];
  const out: string[] = [];
  for (let c = range[1]!.charCodeAt(0); c <= range[2]!.charCodeAt(0); c += 1) out.push(...expand(origin.replace(range[0], String.fromCharCode(c))));
  return out;
}

/** One line per (map, layer, origin) the Content-Security-Policy of this site will block. */
export function unlistedOriginWarnings(site: SiteConfig, maps: readonly BuiltMap[]): string[] {
  // What connect-src and img-src allow besides 'self' (plugin/deploy.ts contentSecurityPolicy).
  const allowed = site.allowedOrigins.filter((o) => o.use.includes('data') || o.use.includes('credentials')).map((o) => o.origin);
  const proxied = site.proxy?.origins ?? [];
  const allows = (origin: string): boolean =>
    (site.addLayers?.anyHttpsService === true && origin.startsWith('https://')) ||
    expand(origin).every((host) => allowed.some((a) => holds(a, host)) || proxied.some((p) => holds(p, host)));
  const lines = new Set<string>();
  for (const map of maps) {
    for (const [origin, layers] of dataOrigins(map.context as unknown as Record<string, unknown>)) {
      if (allows(origin)) continue;
      for (const layer of layers) {
        lines.add(`Cartable: ${map.file}: map "${map.context.id}", layer "${layer}" reads from ${origin}, which "allowedOrigins" of the site configuration does not list for "data": the Content-Security-Policy will block it`);
      }
    }
  }
  return [...lines];
}
