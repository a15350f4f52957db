/**
 * What a sent value may hold: events rebuilt field by field, link URLs without secrets, short names,
 * bounded counts. (What switches the figures off is in consent.ts.)
 */
import type { AnalyticsEvent } from './events.js';

/** Query parameters that may carry a secret: their values never leave the page. */
const SECRET_PARAM = /token|key|secret|sig|auth|pass|session|jwt|credential|^code$|^x-amz-/i;

/**
 * A link's URL as it may be sent: http(s) only, without user name, password, fragment, or the
 * query parameters that may carry a secret (tokens, API keys, signatures). Undefined otherwise.
 */
export function publicUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      if (SECRET_PARAM.test(name)) parsed.searchParams.delete(name);
    }
    return parsed.href.slice(0, 1000);
  } catch {
    return undefined;
  }
}

/** An id, a format or a kind as it may be sent: short, of the characters ids are made of. */
function cleanName(value: unknown, fallback = 'unknown'): string {
  const text = String(value ?? '').slice(0, 120);
  return /^[\p{L}\p{N}_.:\-]+$/u.test(text) ? text : fallback;
}

/** A count as it may be sent: a whole number from 0 to 10,000. */
function cleanCount(value: unknown): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), 10_000) : 0;
}

/** An origin as it may be sent (scheme, host and port), or undefined. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin.startsWith('http') ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The event rebuilt field by field from what its type allows, every value cleaned: whatever else an
 * object carries is dropped here. Undefined when a link's URL cannot be sent.
 */
export function cleanEvent(event: AnalyticsEvent): AnalyticsEvent | undefined {
  switch (event.type) {
    case 'catalog-opened':
      return { type: event.type };
    case 'map-opened': {
      const host = event.embedded ? originOf(event.host) : undefined;
      return { type: event.type, map: cleanName(event.map), embedded: event.embedded === true, ...(host ? { host } : {}) };
    }
    case 'layer-shown':
    case 'record-opened':
    case 'table-shown':
      return { type: event.type, map: cleanName(event.map), layer: cleanName(event.layer) };
    case 'table-exported':
      return { type: event.type, map: cleanName(event.map), layer: cleanName(event.layer), format: cleanName(event.format, 'other') };
    case 'metadata-followed':
    case 'download-followed': {
      const url = publicUrl(event.url);
      return url ? { type: event.type, map: cleanName(event.map), layer: cleanName(event.layer), url } : undefined;
    }
    case 'search-used':
      return {
        type: event.type,
        ...(event.map ? { map: cleanName(event.map) } : {}),
        chars: cleanCount(event.chars),
        results: cleanCount(event.results),
      };
    case 'error-shown':
      return { type: event.type, kind: cleanName(event.kind, 'other') };
    default:
      return undefined;
  }
}
