import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../../../src/analytics/events.js';
import { OPT_OUT_KEY, privacySignal, readOptOut, writeOptOut } from '../../../src/analytics/consent.js';
import { cleanEvent, publicUrl } from '../../../src/analytics/privacy.js';
import { createTracker, type AnalyticsConfig, type TrackerOptions } from '../../../src/analytics/tracker.js';

const ENDPOINT: AnalyticsConfig = { type: 'endpoint', url: 'https://stats.example.fr/collect', restrictedMaps: false };
const MATOMO: AnalyticsConfig = { type: 'matomo', url: 'https://stats.example.fr/', siteId: '3', restrictedMaps: false };
const NOW = new Date(Date.UTC(2026, 0, 15, 9, 30));

/** A Storage in memory (optionally one that refuses every write, as some private modes do). */
function memoryStorage(refuse = false): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (refuse) throw new DOMException('refused', 'SecurityError');
      data.set(k, String(v));
    },
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

function setUp(options: Partial<TrackerOptions> = {}) {
  const sent: Array<{ url: string; body: string }> = [];
  const tracker = createTracker({
    config: ENDPOINT,
    siteUrl: 'https://cartes.example.fr/',
    now: () => NOW,
    send: (url, body) => sent.push({ url, body }),
    ...options,
  });
  const events = () => sent.flatMap((s) => JSON.parse(s.body).events);
  return { tracker, sent, events };
}

const opened: AnalyticsEvent = { type: 'map-opened', map: 'geosites', embedded: false };
const shown: AnalyticsEvent = { type: 'layer-shown', map: 'geosites', layer: 'sites' };

describe('tracker', () => {
  it('batches events until the page hides (flush), then posts them as one JSON body', () => {
    const { tracker, sent, events } = setUp();
    tracker.track(opened);
    tracker.track(shown);
    expect(sent).toEqual([]);
    expect(tracker.pending).toBe(2);
    tracker.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://stats.example.fr/collect');
    expect(events()).toEqual([
      { type: 'map-opened', map: 'geosites', embedded: false, time: '2026-01-15T09:30:00.000Z' },
      { type: 'layer-shown', map: 'geosites', layer: 'sites', time: '2026-01-15T09:30:00.000Z' },
    ]);
    tracker.flush();
    expect(sent).toHaveLength(1); // Nothing waits: nothing is sent.
  });

  it('sends a full batch at once', () => {
    const { tracker, sent } = setUp({ batchSize: 3 });
    for (let i = 0; i < 7; i++) tracker.track(shown);
    expect(sent.map((s) => JSON.parse(s.body).events.length)).toEqual([3, 3]);
    expect(tracker.pending).toBe(1);
  });

  it('posts Matomo bulk requests to matomo.php', () => {
    const { tracker, sent } = setUp({ config: MATOMO });
    tracker.track(opened);
    tracker.track({ type: 'download-followed', map: 'geosites', layer: 'sites', url: 'https://d.example.fr/a.zip' });
    tracker.flush();
    expect(sent[0]!.url).toBe('https://stats.example.fr/matomo.php');
    const { requests } = JSON.parse(sent[0]!.body);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatch(/^\?idsite=3&rec=1&apiv=1&send_image=0&action_name=geosites&url=/);
    expect(requests[1]).toContain(`download=${encodeURIComponent('https://d.example.fr/a.zip')}`);
  });

  it('is off when no target is configured', () => {
    const { tracker, sent } = setUp({ config: undefined });
    tracker.track(opened);
    tracker.flush();
    expect(tracker.off).toBe('unset');
    expect(sent).toEqual([]);
  });

  it('is off under Global Privacy Control or Do Not Track', () => {
    for (const [navigator, reason] of [[{ globalPrivacyControl: true }, 'gpc'], [{ doNotTrack: '1' }, 'dnt']] as const) {
      const { tracker, sent } = setUp({ navigator });
      tracker.track(opened);
      tracker.flush();
      expect(tracker.off).toBe(reason);
      expect(sent).toEqual([]);
    }
    const { tracker } = setUp({ navigator: { globalPrivacyControl: false, doNotTrack: '0' } });
    expect(tracker.off).toBeUndefined();
  });

  it('is off when the person opted out, remembered in storage; opting out drops what waits', () => {
    const storage = memoryStorage();
    const first = setUp({ storage });
    first.tracker.track(opened);
    first.tracker.setOptedOut(true);
    first.tracker.track(shown);
    first.tracker.flush();
    expect(first.sent).toEqual([]);
    expect(storage.getItem(OPT_OUT_KEY)).toBe('1');
    // The next page reads the choice.
    const next = setUp({ storage });
    expect(next.tracker.off).toBe('opted-out');
    next.tracker.track(opened);
    next.tracker.flush();
    expect(next.sent).toEqual([]);
    // Back on.
    next.tracker.setOptedOut(false);
    expect(storage.getItem(OPT_OUT_KEY)).toBeNull();
    next.tracker.track(opened);
    next.tracker.flush();
    expect(next.events()).toHaveLength(1);
  });

  it('holds an opt-out for the page when storage refuses it', () => {
    const { tracker, sent } = setUp({ storage: memoryStorage(true) });
    tracker.setOptedOut(true);
    tracker.track(opened);
    tracker.flush();
    expect(sent).toEqual([]);
  });

  it('drops the events of restricted maps unless the configuration allows them', () => {
    const closed = setUp();
    closed.tracker.track(opened, { restricted: true });
    closed.tracker.flush();
    expect(closed.sent).toEqual([]);
    const allowed = setUp({ config: { ...ENDPOINT, restrictedMaps: true } });
    allowed.tracker.track(opened, { restricted: true });
    allowed.tracker.flush();
    expect(allowed.events()).toHaveLength(1);
  });

  it('never throws, whatever the sender or the event does', () => {
    const { tracker } = setUp({
      send: () => {
        throw new Error('network down');
      },
    });
    expect(() => {
      tracker.track(opened);
      tracker.track({ type: 'nonsense' } as unknown as AnalyticsEvent);
      tracker.track(null as unknown as AnalyticsEvent);
      tracker.flush();
    }).not.toThrow();
    expect(tracker.pending).toBe(0);
  });

  it('stays off with a target URL it cannot read', () => {
    const { tracker, sent } = setUp({ config: { ...ENDPOINT, url: 'not a url' } });
    tracker.track(opened);
    tracker.flush();
    expect(tracker.off).toBe('unset');
    expect(sent).toEqual([]);
  });
});

describe('what may be sent', () => {
  it('sends only the fields an event allows, cleaned', () => {
    const { tracker, events } = setUp();
    const sneaky = {
      type: 'record-opened',
      map: 'geosites',
      layer: 'sites',
      featureId: 'PAC0058',
      properties: { nom_site: 'Meije' },
      coordinates: [6.3, 45.0],
    } as unknown as AnalyticsEvent;
    tracker.track(sneaky);
    tracker.track({ type: 'search-used', map: 'geosites', chars: 4.7, results: -2, text: 'meij' } as unknown as AnalyticsEvent);
    tracker.track({ type: 'map-opened', map: 'm', embedded: true, host: 'https://partner.fr/page?secret=1#x' });
    tracker.track({ type: 'map-opened', map: 'm', embedded: false, host: 'https://partner.fr' });
    tracker.track({ type: 'error-shown', kind: 'Le service a répondu: <b>boom</b>' });
    tracker.flush();
    const sent = events();
    expect(sent).toEqual([
      { type: 'record-opened', map: 'geosites', layer: 'sites', time: NOW.toISOString() },
      { type: 'search-used', map: 'geosites', chars: 4, results: 0, time: NOW.toISOString() },
      { type: 'map-opened', map: 'm', embedded: true, host: 'https://partner.fr', time: NOW.toISOString() },
      { type: 'map-opened', map: 'm', embedded: false, time: NOW.toISOString() },
      { type: 'error-shown', kind: 'other', time: NOW.toISOString() },
    ]);
    const text = JSON.stringify(sent);
    for (const forbidden of ['PAC0058', 'Meije', '6.3', '45', 'meij', 'secret']) expect(text).not.toContain(forbidden);
  });

  it('removes credentials and secret parameters from link URLs, and refuses other schemes', () => {
    expect(publicUrl('https://user:pw@data.example.fr/f.zip?apikey=abc&format=zip&access_token=t&X-Amz-Signature=s#part')).toBe(
      'https://data.example.fr/f.zip?format=zip',
    );
    expect(publicUrl('javascript:alert(1)')).toBeUndefined();
    expect(publicUrl('not a url')).toBeUndefined();
    expect(cleanEvent({ type: 'download-followed', map: 'm', layer: 'l', url: 'data:text/plain,x' })).toBeUndefined();
  });

  it('reads the browser privacy signals and the stored choice', () => {
    expect(privacySignal({ globalPrivacyControl: true, doNotTrack: '1' })).toBe('gpc');
    expect(privacySignal({ doNotTrack: '1' })).toBe('dnt');
    expect(privacySignal({}, { doNotTrack: '1' })).toBe('dnt');
    expect(privacySignal({ doNotTrack: 'unspecified' })).toBeUndefined();
    expect(privacySignal(undefined)).toBeUndefined();
    const storage = memoryStorage();
    expect(readOptOut(storage)).toBe(false);
    expect(writeOptOut(storage, true)).toBe(true);
    expect(readOptOut(storage)).toBe(true);
    expect(writeOptOut(memoryStorage(true), true)).toBe(false);
    expect(writeOptOut(undefined, true)).toBe(false);
    expect(readOptOut(undefined)).toBe(false);
  });
});
