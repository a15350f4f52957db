/**
 * The usage events the viewer counts, and nothing else. Each carries only the fields listed here:
 * ids from the map documents, counts, a link's public URL, a kind of error. Never an attribute value,
 * a feature id, a coordinate, a search text, a token or anything that identifies the person.
 */

/** The catalog (home page) was shown. */
export interface CatalogOpened {
  readonly type: 'catalog-opened';
}

/** A map was opened. `host` is the origin of the page that embeds it (from document.referrer), when embedded. */
export interface MapOpened {
  readonly type: 'map-opened';
  readonly map: string;
  readonly embedded: boolean;
  readonly host?: string;
}

/** A layer was switched on by the person. */
export interface LayerShown {
  readonly type: 'layer-shown';
  readonly map: string;
  readonly layer: string;
}

/** A feature's record was opened: its layer only, never the feature or its values. */
export interface RecordOpened {
  readonly type: 'record-opened';
  readonly map: string;
  readonly layer: string;
}

/** A layer's table was shown. */
export interface TableShown {
  readonly type: 'table-shown';
  readonly map: string;
  readonly layer: string;
}

/** A layer's table was exported ("csv" or "geojson"). */
export interface TableExported {
  readonly type: 'table-exported';
  readonly map: string;
  readonly layer: string;
  readonly format: string;
}

/** A layer's metadata record (in the platform's catalogue) was followed. */
export interface MetadataFollowed {
  readonly type: 'metadata-followed';
  readonly map: string;
  readonly layer: string;
  readonly url: string;
}

/** A layer's download link was followed: its URL (public data; credentials in it are removed). */
export interface DownloadFollowed {
  readonly type: 'download-followed';
  readonly map: string;
  readonly layer: string;
  readonly url: string;
}

/** The search box was used: how many characters were typed and how many results came, never the text. */
export interface SearchUsed {
  readonly type: 'search-used';
  /** Missing in the catalog. */
  readonly map?: string;
  readonly chars: number;
  readonly results: number;
}

/** An error was shown to the person: its kind only (a layer problem code, "not-found", "invalid-document"…). */
export interface ErrorShown {
  readonly type: 'error-shown';
  readonly kind: string;
}

export type AnalyticsEvent =
  | CatalogOpened
  | MapOpened
  | LayerShown
  | RecordOpened
  | TableShown
  | TableExported
  | MetadataFollowed
  | DownloadFollowed
  | SearchUsed
  | ErrorShown;

export type AnalyticsEventType = AnalyticsEvent['type'];

/** Every event type once (the collector's schema, collector/events-schema.mjs, is checked against it). */
const EVENT_TYPES: Record<AnalyticsEventType, true> = {
  'catalog-opened': true,
  'map-opened': true,
  'layer-shown': true,
  'record-opened': true,
  'table-shown': true,
  'table-exported': true,
  'metadata-followed': true,
  'download-followed': true,
  'search-used': true,
  'error-shown': true,
};

export const ANALYTICS_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly AnalyticsEventType[];
