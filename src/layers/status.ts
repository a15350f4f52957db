/** A layer's loading status and, when it failed, why: what a layer reports about itself to whoever holds the map's state. */
export type LayerStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Why a layer failed (or what is odd about its data), as a code the UI puts in words, plus a detail. */
export interface LayerProblem {
  readonly code: 'offline' | 'network' | 'timeout' | 'http' | 'invalid-json' | 'not-geojson' | 'projection' | 'tiles' | 'skipped'
    // File and tile kinds (flatgeobuf, csv, pmtiles, vectortiles) and point display:
    | 'no-range' | 'truncated' | 'invalid-data' | 'missing-columns' | 'webgl'
    // OGC services (wms, wfs, wmts): an exception report, its text as the detail; a layer the service does not offer.
    | 'service' | 'not-offered'
    // The request's fate (src/net/requester.ts): the browser refused to read the answer (CORS), the
    // answer stopped coming or its connection broke; a web page (or another format) instead of the data.
    | 'cors' | 'stalled' | 'interrupted' | 'wrong-format'
    // Every coordinate lies outside the declared projection (src/layers/projection-check/).
    | 'outside-projection';
  /** HTTP status, projection code, count of skipped features, content type received… */
  readonly detail?: string;
  /** 'outside-projection': the projection the coordinates seem to be in, when they fit one. */
  readonly likely?: string;
}
