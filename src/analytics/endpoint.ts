/**
 * Events for a generic endpoint: one POST of JSON text per batch,
 * `{"events": [{"type": "map-opened", "time": "2026-03-04T10:12:00.000Z", "map": "geosites", "embedded": false}, …]}`.
 * Store each body as one line (NDJSON) and read the figures with jq (see the README).
 */
import type { AnalyticsEvent } from './events.js';

/** One event as the endpoint receives it: its fields and the time it happened (UTC, ISO 8601). */
export type EndpointRecord = AnalyticsEvent & { readonly time: string };

export function endpointRecord(event: AnalyticsEvent, time: Date): EndpointRecord {
  return { ...event, time: time.toISOString() };
}

export function endpointBody(records: readonly EndpointRecord[]): string {
  return JSON.stringify({ events: records });
}
