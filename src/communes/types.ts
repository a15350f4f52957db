/**
 * Communes as a place for the report (« Une commune »): a source the site (or a map) names — the
 * Géoplateforme WFS, or a file the build packages for offline use — that suggests communes from what a
 * person types and gives a commune's outline by its INSEE code. No commune layer needs to be on the map.
 */
import type { MultiPolygon, Polygon } from 'geojson';

/** One commune as the picker lists it. */
export interface CommuneSuggestion {
  readonly name: string;
  /** INSEE code, e.g. "38052". */
  readonly code: string;
  /** Its département's code, e.g. "38" (shown to tell homonyms apart). */
  readonly department?: string;
  /** Ranks homonyms: the many « Saint-Martin » come largest first. */
  readonly population?: number;
}

/** A commune's outline, in WGS84 longitude/latitude (GeoJSON). */
export interface CommuneOutline {
  readonly commune: CommuneSuggestion;
  readonly geometry: Polygon | MultiPolygon;
}

export interface SuggestOptions {
  /** How many suggestions at most (default 8). */
  readonly limit?: number;
  /** The map's territory [west, south, east, north] in WGS84: communes inside it come first. */
  readonly territory?: readonly [number, number, number, number];
  readonly signal?: AbortSignal;
}

/** Where communes come from. Failures reject with the requester's RequestError (or a layer problem). */
export interface CommuneSource {
  /** Communes whose name (accents, case, hyphens and apostrophes ignored) or INSEE code matches `text`. */
  suggest(text: string, options?: SuggestOptions): Promise<readonly CommuneSuggestion[]>;
  /** The outline of the commune with this INSEE code; rejects with CommuneNotFoundError when none. */
  outline(code: string, signal?: AbortSignal): Promise<CommuneOutline>;
}

export class CommuneNotFoundError extends Error {
  constructor(readonly code: string) {
    super(`no commune with the INSEE code ${code}`);
    this.name = 'CommuneNotFoundError';
  }
}
