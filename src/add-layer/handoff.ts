/**
 * The parameters catalogue front-ends pass to an external viewer. geonetwork-ui's "open in an
 * external viewer" fills a URL template with `${service_url}` (URL-encoded), `${service_type}`
 * ("wms", "wfs" or "geojson") and `${layer_name}` (inserted as it is, not encoded), e.g.
 * `https://cartes.example/?service_url=${service_url}&service_type=${service_type}&layer_name=${layer_name}`.
 * Any case is accepted for the type; WMTS too. Pure: no DOM.
 */
import type { AddedType } from './refs.js';

export const HANDOFF_PARAMS = ['service_url', 'service_type', 'layer_name', 'mime_type'] as const;

export interface Handoff {
  readonly url: string;
  readonly type: AddedType;
  /** The layer (WMS, WMTS), feature type (WFS) or, for GeoJSON, a title. */
  readonly name: string;
}

export type HandoffProblem = 'missing-url' | 'bad-url' | 'bad-type' | 'missing-layer';

export const hasHandoff = (url: URL): boolean => HANDOFF_PARAMS.some((key) => url.searchParams.has(key));

/**
 * A parameter read from the raw query: `layer_name` arrives unencoded, so a "+" in it is a plus,
 * not a space (URLSearchParams would turn it into one).
 */
function rawParam(url: URL, name: string): string | undefined {
  for (const part of url.search.replace(/^\?/, '').split('&')) {
    const at = part.indexOf('=');
    const key = at < 0 ? part : part.slice(0, at);
    if (key !== name) continue;
    const value = at < 0 ? '' : part.slice(at + 1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value; // A lone "%" in a name: keep it as it is.
    }
  }
  return undefined;
}

export function readHandoff(url: URL): { ok: true; handoff: Handoff } | { ok: false; problem: HandoffProblem } {
  const serviceUrl = url.searchParams.get('service_url')?.trim();
  if (!serviceUrl) return { ok: false, problem: 'missing-url' };
  try {
    const parsed = new URL(serviceUrl);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, problem: 'bad-url' };
  } catch {
    return { ok: false, problem: 'bad-url' };
  }
  const type = (url.searchParams.get('service_type') ?? '').trim().toLowerCase();
  if (type !== 'wms' && type !== 'wfs' && type !== 'geojson' && type !== 'wmts') return { ok: false, problem: 'bad-type' };
  const name = rawParam(url, 'layer_name')?.trim() ?? '';
  if (!name && type !== 'geojson') return { ok: false, problem: 'missing-layer' };
  const fallback = decodeURIComponent(new URL(serviceUrl).pathname.split('/').pop() || new URL(serviceUrl).host);
  return { ok: true, handoff: { url: serviceUrl, type, name: name || fallback } };
}
