import { describe, expect, it } from 'vitest';
import { connectAnalytics } from '../../../src/analytics/connect.js';
import type { AnalyticsEvent } from '../../../src/analytics/events.js';
import type { Tracker } from '../../../src/analytics/tracker.js';
import type { MapContext } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { initialState, MapStore } from '../../../src/state/store.js';
import { minimalDocument } from '../context/fixtures.js';

function context(change: (doc: Record<string, any>) => void = () => {}): MapContext {
  const doc = minimalDocument();
  doc.layers.push({ ...doc.layers[0], id: 'prive', access: { level: 'restricted', groups: [] } });
  change(doc);
  const result = validateContext(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** A tracker that records what it is given. */
function recorder() {
  const tracked: Array<{ event: AnalyticsEvent; restricted: boolean }> = [];
  const choices: boolean[] = [];
  const tracker: Tracker = {
    off: undefined,
    pending: 0,
    track: (event, about) => void tracked.push({ event, restricted: !!about?.restricted }),
    flush: () => {},
    setOptedOut: (optedOut) => void choices.push(optedOut),
  };
  return { tracker, tracked, choices };
}

const fire = (target: EventTarget, name: string, detail?: unknown) => target.dispatchEvent(new CustomEvent(name, { detail }));

describe('connectAnalytics', () => {
  it('turns the viewer events of a map into usage events', () => {
    const target = new EventTarget();
    const { tracker, tracked } = recorder();
    const stop = connectAnalytics({ target, tracker, embedding: { embedded: false, referrer: 'https://partner.fr/x' } });
    fire(target, 'cartable-page', { page: 'map', context: context() });
    fire(target, 'cartable-layer-visibility', { id: 'sites', visible: true });
    fire(target, 'cartable-layer-visibility', { id: 'sites', visible: false });
    fire(target, 'cartable-record-open', { layerId: 'sites' });
    fire(target, 'cartable-table-shown', { layerId: 'sites' });
    fire(target, 'cartable-table-export', { format: 'csv;' });
    fire(target, 'cartable-table-export', { format: 'geojson' });
    fire(target, 'cartable-link-followed', { kind: 'metadata', url: 'https://cat.fr/r/1', layerId: 'sites' });
    fire(target, 'cartable-link-followed', { kind: 'download', url: 'https://d.fr/a.zip', layerId: 'sites' });
    fire(target, 'cartable-search-used', { chars: 5, results: 2 });
    fire(target, 'cartable-layer-visibility', { id: 'prive', visible: true });
    stop();
    fire(target, 'cartable-record-open', { layerId: 'sites' });
    expect(tracked).toEqual([
      { event: { type: 'map-opened', map: 'essai', embedded: false }, restricted: false },
      { event: { type: 'layer-shown', map: 'essai', layer: 'sites' }, restricted: false },
      { event: { type: 'record-opened', map: 'essai', layer: 'sites' }, restricted: false },
      { event: { type: 'table-shown', map: 'essai', layer: 'sites' }, restricted: false },
      { event: { type: 'table-exported', map: 'essai', layer: 'sites', format: 'csv' }, restricted: false },
      { event: { type: 'table-exported', map: 'essai', layer: 'sites', format: 'geojson' }, restricted: false },
      { event: { type: 'metadata-followed', map: 'essai', layer: 'sites', url: 'https://cat.fr/r/1' }, restricted: false },
      { event: { type: 'download-followed', map: 'essai', layer: 'sites', url: 'https://d.fr/a.zip' }, restricted: false },
      { event: { type: 'search-used', map: 'essai', chars: 5, results: 2 }, restricted: false },
      // A restricted layer of a public map is marked restricted.
      { event: { type: 'layer-shown', map: 'essai', layer: 'prive' }, restricted: true },
    ]);
  });

  it('says where an embedded map is shown (the origin only), and counts the catalog and error pages', () => {
    const target = new EventTarget();
    const { tracker, tracked } = recorder();
    connectAnalytics({ target, tracker, embedding: { embedded: true, referrer: 'https://partner.fr/page/with?query=1' } });
    fire(target, 'cartable-page', { page: 'map', context: context() });
    fire(target, 'cartable-page', { page: 'catalog' });
    fire(target, 'cartable-search-used', { chars: 3, results: 0 });
    fire(target, 'cartable-page', { page: 'not-found' });
    fire(target, 'cartable-page', { page: 'invalid-document' });
    expect(tracked.map((t) => t.event)).toEqual([
      { type: 'map-opened', map: 'essai', embedded: true, host: 'https://partner.fr' },
      { type: 'catalog-opened' },
      { type: 'search-used', chars: 3, results: 0 },
      { type: 'error-shown', kind: 'not-found' },
      { type: 'error-shown', kind: 'invalid-document' },
    ]);
  });

  it('marks every event of a restricted map', () => {
    const target = new EventTarget();
    const { tracker, tracked } = recorder();
    connectAnalytics({ target, tracker, embedding: { embedded: false, referrer: '' } });
    fire(target, 'cartable-page', { page: 'map', context: context((doc) => (doc.access = { level: 'restricted', groups: ['agents'] })) });
    fire(target, 'cartable-layer-visibility', { id: 'sites', visible: true });
    fire(target, 'cartable-search-used', { chars: 3, results: 1 });
    expect(tracked.map((t) => t.restricted)).toEqual([true, true, true]);
  });

  it('counts each layer problem shown once, by its code', () => {
    const ctx = context();
    const store = new MapStore(initialState(ctx));
    // The map view is where the event starts: it holds the store.
    const view = Object.assign(new EventTarget(), { store });
    const { tracker, tracked } = recorder();
    const stop = connectAnalytics({ target: view, tracker, embedding: { embedded: false, referrer: '' } });
    fire(view, 'cartable-page', { page: 'map', context: ctx });
    store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'error', problem: { code: 'http', detail: '500' } });
    fire(view, 'cartable-map-rendered');
    store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'error', problem: { code: 'http', detail: '503' } });
    store.dispatch({ type: 'set-layer-status', id: 'prive', status: 'error', problem: { code: 'network' } });
    store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'ready' });
    stop();
    store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'error', problem: { code: 'timeout' } });
    expect(tracked.slice(1)).toEqual([
      { event: { type: 'error-shown', kind: 'http' }, restricted: false },
      { event: { type: 'error-shown', kind: 'network' }, restricted: true },
    ]);
  });

  it('passes the person’s choice to the tracker', () => {
    const target = new EventTarget();
    const { tracker, choices } = recorder();
    connectAnalytics({ target, tracker, embedding: { embedded: false, referrer: '' } });
    fire(target, 'cartable-analytics-choice', { enabled: false });
    fire(target, 'cartable-analytics-choice', { enabled: true });
    expect(choices).toEqual([true, false]);
  });
});
