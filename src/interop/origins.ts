import { isRecord } from './common.js';

/**
 * The origins a map document reads data from (layer and basemap addresses, style documents,
 * capabilities, legend images), with the layers that use each: a site must list them in its
 * "allowedOrigins" for "data", or the Content-Security-Policy refuses the requests.
 */
export function dataOrigins(document: Record<string, unknown>): Map<string, string[]> {
  const origins = new Map<string, string[]>();
  const add = (address: unknown, id: string): void => {
    if (typeof address !== 'string' || !/^https?:\/\//.test(address)) return;
    let origin: string;
    try {
      // Tile templates ({a-c}, {z}) are not valid host names: read the host as written.
      origin = /^(https?:\/\/[^/?#]+)/.exec(address)![1]!.toLowerCase();
      if (!/[{}]/.test(origin)) origin = new URL(address).origin;
    } catch {
      return;
    }
    const users = origins.get(origin) ?? [];
    if (!users.includes(id)) users.push(id);
    origins.set(origin, users);
  };
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    if (Array.isArray(node.layers) && node.type === 'group') {
      node.layers.forEach(visit);
      return;
    }
    const id = String(node.id ?? '?');
    for (const key of ['url', 'styleUrl', 'capabilities', 'thumbnail']) add(node[key], id);
    if (isRecord(node.legend)) add(node.legend.image, id);
  };
  (Array.isArray(document.layers) ? document.layers : []).forEach(visit);
  (Array.isArray(document.basemaps) ? document.basemaps : []).forEach(visit);
  return origins;
}
