import { describe, expect, it } from 'vitest';
import { Latest } from '../../../src/session/latest.js';
import { MapSession } from '../../../src/session/map-session.js';
import type { SessionNotice } from '../../../src/session/notices.js';
import { fakeAdapter, sessionContext } from './fixtures.js';

function open(notices: SessionNotice[] = []) {
  return new MapSession({
    context: sessionContext(),
    documentUrl: 'https://site.example/maps/essai.json',
    startUrl: 'https://site.example/carte.html?feature=sites~A1',
    urlState: false,
    onNotice: (n) => notices.push(n),
  });
}

describe('MapSession', () => {
  it('opens a store and the layers of its document', () => {
    const session = open();
    expect(session.store.state.layers.sites?.visible).toBe(true);
    expect(session.layers.tableLayers().map((l) => l.id)).toEqual(['sites']);
    expect(session.resolveUrl('data/x.geojson')).toBe('https://site.example/maps/data/x.geojson');
  });

  it('learns the layers added while it is open', () => {
    const session = open();
    const sites = session.layers.get('sites')!;
    session.store.dispatch({ type: 'add-layers', layers: [{ ...sites, id: 'plus' }] });
    expect(session.layers.get('plus')?.id).toBe('plus');
  });

  it('writes the URL from its state only: the link of now keeps the start URL\'s other parameters', () => {
    const session = open();
    session.store.dispatch({ type: 'set-selection', selection: { layerId: 'sites', featureId: 'B2' } });
    expect(session.urls.url().searchParams.get('feature')).toBe('sites~B2');
  });

  it('on dispose: aborts its signal, disposes its map, stops listening and saying', async () => {
    const notices: SessionNotice[] = [];
    const session = open(notices);
    const adapter = fakeAdapter();
    session.attach(adapter);
    const settled = session.whenLayerSettled('sites');
    session.dispose();
    expect(session.signal.aborted).toBe(true);
    expect(adapter.disposed).toBe(1);
    expect(session.adapter).toBeUndefined();
    expect(await settled).toBeUndefined();
    session.notify({ code: 'table-unknown' });
    expect(notices).toEqual([]);
    const sites = session.layers.get('sites')!;
    session.store.dispatch({ type: 'add-layers', layers: [{ ...sites, id: 'late' }] });
    expect(session.layers.get('late')).toBeUndefined();
  });

  it('disposes a map built after it closed', () => {
    const session = open();
    session.dispose();
    const adapter = fakeAdapter();
    session.attach(adapter);
    expect(adapter.disposed).toBe(1);
  });

  it('tells when a layer has loaded', async () => {
    const session = open();
    session.attach(fakeAdapter());
    const settled = session.whenLayerSettled('sites');
    session.store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'ready' });
    expect(await settled).toBe('ready');
  });
});

describe('Latest (latest wins, with abort)', () => {
  it('aborts the previous work when new work starts, and all work with its parent', () => {
    const parent = new AbortController();
    const latest = new Latest(parent.signal);
    const first = latest.next();
    const second = latest.next();
    expect([first.aborted, second.aborted]).toEqual([true, false]);
    latest.cancel();
    expect(second.aborted).toBe(true);
    const third = latest.next();
    parent.abort();
    expect(third.aborted).toBe(true);
  });
});
