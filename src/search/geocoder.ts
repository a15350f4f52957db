/**
 * The IGN Géoplateforme completion geocoder (type-ahead): addresses and places of interest.
 * Asked through the map's requester, cancellable; its failure is the caller's to show.
 */
import type { Requester } from '../net/requester.js';

export const GEOCODER_URL = 'https://data.geopf.fr/geocodage/completion/';

export interface GeocodedPlace {
  readonly label: string;
  readonly kind?: string;
  /** lon, lat */
  readonly point: readonly [number, number];
  /** A zoom level that suits the place (a street address closer than a town). */
  readonly zoom: number;
}

/** The completion URL for a text. */
export function completionUrl(text: string, maximumResponses: number): string {
  const url = new URL(GEOCODER_URL);
  url.searchParams.set('text', text);
  url.searchParams.set('type', 'StreetAddress,PositionOfInterest');
  url.searchParams.set('maximumResponses', String(maximumResponses));
  return url.href;
}

/** Reads the service's answer ({ results: [{ fulltext, x, y, kind }] }); unreadable items are left out. */
export function readCompletion(body: unknown): GeocodedPlace[] {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw new Error('not a completion answer');
  return results.flatMap((item: { fulltext?: unknown; x?: unknown; y?: unknown; kind?: unknown; classification?: unknown }) => {
    const x = Number(item?.x);
    const y = Number(item?.y);
    if (typeof item?.fulltext !== 'string' || !Number.isFinite(x) || !Number.isFinite(y)) return [];
    const kind = typeof item.kind === 'string' ? item.kind : undefined;
    const street = /housenumber|street|adresse|address/i.test(kind ?? '');
    return [{ label: item.fulltext, kind, point: [x, y] as const, zoom: street ? 17 : 13 }];
  });
}

export async function geocode(text: string, options: { requester: Requester; signal: AbortSignal; maximumResponses: number }): Promise<GeocodedPlace[]> {
  const response = await options.requester.fetch(completionUrl(text, options.maximumResponses), { signal: options.signal });
  return readCompletion(await response.json());
}
