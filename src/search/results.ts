/** What the search box shows and what choosing a result does (plain data, no DOM). */

export type SearchTarget =
  /** A feature of a searchable layer: the map opens its record (showFeature); `point` (lon/lat) to zoom first. */
  | { readonly kind: 'feature'; readonly layerId: string; readonly featureId: string | number; readonly point?: readonly [number, number] }
  /** A place (geocoder): the map is centred on it. */
  | { readonly kind: 'place'; readonly point: readonly [number, number]; readonly zoom: number }
  /** A map of the catalog. */
  | { readonly kind: 'map'; readonly id: string; readonly href: string };

export interface SearchResult {
  /** Unique in the list. */
  readonly key: string;
  readonly label: string;
  /** A second line (e.g. the place's commune, the map's description). */
  readonly detail?: string;
  readonly target: SearchTarget;
}

export interface SearchGroup {
  readonly id: string;
  readonly title: string;
  /** Records that match (maybe more than shown). */
  readonly total: number;
  /** True when `total` is a lower bound. */
  readonly more?: boolean;
  readonly results: readonly SearchResult[];
}

/** Where results come from: local ones at once, remote ones (a service) debounced and cancellable. */
export interface SearchProvider {
  /** Starts loading indexes (first focus, or when the browser is idle). */
  prepare?(): void;
  local(query: string): Promise<readonly SearchGroup[]>;
  /** Results of services (geocoder, WFS); rejects when a service fails. */
  remote?(query: string, signal: AbortSignal): Promise<readonly SearchGroup[]>;
  /** True when `remote` has something to ask for this query (e.g. 3 characters or more). */
  wantsRemote?(query: string): boolean;
}
