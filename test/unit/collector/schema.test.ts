/**
 * The collector's schema (collector/events-schema.mjs) against the viewer's events
 * (src/analytics/events.ts): the same types, and every event the viewer sends is stored as sent.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA, EVENT_TYPES, storedEvent } from '../../../collector/events-schema.mjs';
import { endpointRecord } from '../../../src/analytics/endpoint.js';
import { ANALYTICS_EVENT_TYPES, type AnalyticsEvent } from '../../../src/analytics/events.js';
import { cleanEvent } from '../../../src/analytics/privacy.js';

const NOW = new Date('2026-03-04T10:00:00.000Z');
const TIME = '2026-03-04T09:59:00.000Z';

/** One event of each type with every field the type has, as the viewer makes it. */
const SAMPLES: AnalyticsEvent[] = [
  { type: 'catalog-opened' },
  { type: 'map-opened', map: 'geosites', embedded: true, host: 'https://www.example.fr' },
  { type: 'map-opened', map: 'geosites', embedded: false },
  { type: 'layer-shown', map: 'geosites', layer: 'sites.v2' },
  { type: 'record-opened', map: 'geosites', layer: 'sites' },
  { type: 'table-shown', map: 'geosites', layer: 'sites' },
  { type: 'table-exported', map: 'geosites', layer: 'sites', format: 'geojson' },
  { type: 'metadata-followed', map: 'geosites', layer: 'sites', url: 'https://catalogue.example.fr/geonetwork/srv/fre/catalog.search#/metadata/abc' },
  { type: 'download-followed', map: 'geosites', layer: 'sites', url: 'https://data.example.fr/sites.zip?token=secret&v=2' },
  { type: 'search-used', map: 'geosites', chars: 5, results: 12 },
  { type: 'search-used', chars: 0, results: 0 },
  { type: 'error-shown', kind: 'invalid-json' },
  { type: 'error-shown', kind: 'not-found' },
];

/** A stored event of `type` with these fields, at TIME. */
const at = (fields: Record<string, unknown>): Record<string, unknown> | undefined => storedEvent({ time: TIME, ...fields }, NOW);

describe('collector schema', () => {
  it('knows exactly the event types of src/analytics/events.ts', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...ANALYTICS_EVENT_TYPES].sort());
    expect(new Set(SAMPLES.map((s) => s.type))).toEqual(new Set(ANALYTICS_EVENT_TYPES));
  });

  it('stores every event the viewer sends exactly as sent, fields in the schema order', () => {
    for (const sample of SAMPLES) {
      const sent = JSON.parse(JSON.stringify(endpointRecord(cleanEvent(sample)!, new Date(TIME)))) as Record<string, unknown>;
      const stored = storedEvent(sent, NOW);
      expect(stored, sample.type).toEqual(sent);
      expect(Object.keys(stored!)).toEqual(['type', 'time', ...Object.keys(EVENT_SCHEMA[sample.type]!).filter((k) => k in sent)]);
    }
  });

  it('drops unknown fields, and a host on a map that is not embedded', () => {
    expect(at({ type: 'layer-shown', map: 'm', layer: 'l', ip: '192.0.2.1', userAgent: 'Firefox', referrer: 'https://x.fr/' })).toEqual({ type: 'layer-shown', time: TIME, map: 'm', layer: 'l' });
    expect(at({ type: 'map-opened', map: 'm', embedded: false, host: 'https://x.fr' })).toEqual({ type: 'map-opened', time: TIME, map: 'm', embedded: false });
    expect(at({ type: 'catalog-opened', __proto__: { map: 'm' } })).toEqual({ type: 'catalog-opened', time: TIME });
  });

  it('drops an event of an unknown type, a missing field, or a value of the wrong kind', () => {
    const dropped = [
      null, [], 'catalog-opened', { time: TIME }, { type: 'page-viewed', time: TIME }, { type: 'toString', time: TIME },
      { type: 'layer-shown', map: 'm' },
      { type: 'layer-shown', map: 'm', layer: '' },
      { type: 'layer-shown', map: 'm', layer: '-starts-with-a-dash' },
      { type: 'layer-shown', map: 'm', layer: 'a b' },
      { type: 'layer-shown', map: 'm', layer: 'x'.repeat(129) },
      { type: 'layer-shown', map: 'm', layer: 3 },
      { type: 'map-opened', map: 'm', embedded: 'yes' },
      { type: 'map-opened', map: 'm', embedded: true, host: 'https://x.fr/page' },
      { type: 'map-opened', map: 'm', embedded: true, host: 'ftp://x.fr' },
      { type: 'table-exported', map: 'm', layer: 'l', format: 'a'.repeat(65) },
      { type: 'download-followed', map: 'm', layer: 'l', url: 'javascript:alert(1)' },
      { type: 'download-followed', map: 'm', layer: 'l', url: `https://x.fr/${'a'.repeat(2000)}` },
      { type: 'download-followed', map: 'm', layer: 'l', url: 'not a url' },
      { type: 'search-used', chars: -1, results: 0 },
      { type: 'search-used', chars: 1.5, results: 0 },
      { type: 'search-used', chars: 1, results: 1_000_001 },
      { type: 'search-used', chars: '3', results: 0 },
      { type: 'error-shown', kind: 'two words' },
    ];
    for (const event of dropped) expect(storedEvent(event && typeof event === 'object' && !Array.isArray(event) ? { time: TIME, ...event } : event, NOW), JSON.stringify(event)).toBeUndefined();
    expect(at({ type: 'search-used', chars: 0, results: 1_000_000 })).toBeDefined();
    expect(at({ type: 'download-followed', map: 'm', layer: 'l', url: `https://x.fr/${'a'.repeat(1980)}` })).toBeDefined();
  });

  it('keeps a UTC ISO 8601 time within a day ahead and 7 days back of the clock, and drops the others', () => {
    const time = (value: unknown): unknown => storedEvent({ type: 'catalog-opened', time: value }, NOW)?.time;
    expect(time('2026-03-05T10:00:00.000Z')).toBe('2026-03-05T10:00:00.000Z');
    expect(time('2026-02-25T10:00:00Z')).toBe('2026-02-25T10:00:00.000Z');
    expect(time('2026-03-04T09:00:00.5Z')).toBe('2026-03-04T09:00:00.500Z');
    for (const bad of ['2026-03-05T10:00:00.001Z', '2026-02-25T09:59:59.999Z', '2026-03-04T11:00:00+01:00', '2026-03-04 10:00:00Z', '2026-02-31T10:00:00Z', '2026-03-04T25:00:00Z', '1772618400000', 1772618400000, undefined]) {
      expect(time(bad), String(bad)).toBeUndefined();
    }
  });
});
