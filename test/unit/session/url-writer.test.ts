import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapStore, initialState } from '../../../src/state/store.js';
import { UrlWriter } from '../../../src/session/url-writer.js';
import { EMPTY_QUERY } from '../../../src/table/query.js';
import { permalinkWithoutMap, sessionContext } from './fixtures.js';

function setUp(start = 'https://site.example/carte.html?keep=1') {
  const context = sessionContext();
  const store = new MapStore(initialState(context));
  const written: string[] = [];
  let page = start;
  const controller = new AbortController();
  const urls = new UrlWriter({
    store,
    signal: controller.signal,
    base: () => new URL(page),
    write: (url) => {
      page = url.href;
      written.push(url.href);
    },
  });
  const param = (key: string): string | null => new URL(page).searchParams.get(key);
  return { context, store, urls, written, param, controller };
}

const VIEW = { center: [2.5, 46.5] as const, resolution: 100, scale: 1000 };

describe('the map URL, written from the state by one writer', () => {
  afterEach(() => vi.useRealTimers());

  it('names the open record, and forgets it when the record closes', () => {
    const { store, param } = setUp();
    store.dispatch({ type: 'set-selection', selection: { layerId: 'sites', featureId: 'PAC0058' } });
    expect(param('feature')).toBe('sites~PAC0058');
    expect(param('keep')).toBe('1');
    store.dispatch({ type: 'set-selection', selection: undefined });
    expect(param('feature')).toBeNull();
  });

  it('names the open table and its query, and forgets them when it closes', () => {
    const { store, param } = setUp();
    store.dispatch({ type: 'set-table', table: { layerId: 'sites', query: { ...EMPTY_QUERY, text: 'pont', sort: { field: 'nom', direction: 'desc' } } } });
    expect([param('table'), param('tq'), param('ts')]).toEqual(['sites', 'pont', '-nom']);
    store.dispatch({ type: 'set-table', table: undefined });
    expect([param('table'), param('tq'), param('ts')]).toEqual([null, null, null]);
  });

  it('writes the panel once the permalink part is there, and nothing of it before the state first changes', () => {
    const { context, store, urls, written, param } = setUp();
    store.dispatch({ type: 'set-panel', open: true });
    urls.attachPermalink(permalinkWithoutMap(context), store.state);
    expect(written).toEqual([]); // The link the person opened stays as it was.
    store.dispatch({ type: 'set-panel', open: false });
    expect(param('panel')).toBe('0');
    expect(param('l')).toBe('sites');
  });

  it('writes what changed between the start and the loading of the permalink part at once', () => {
    const { context, store, urls, param } = setUp();
    const start = store.state;
    store.dispatch({ type: 'set-visible', id: 'sites', visible: false });
    expect(param('l')).toBeNull();
    urls.attachPermalink(permalinkWithoutMap(context), start);
    expect(param('l')).toBe('');
  });

  it('writes view moves after a pause only', () => {
    vi.useFakeTimers();
    const { context, store, urls, param } = setUp();
    urls.attachPermalink(permalinkWithoutMap(context), store.state);
    store.dispatch({ type: 'set-view', view: VIEW });
    expect(param('c')).toBeNull();
    vi.advanceTimersByTime(400);
    expect(param('c')).toBe('2.5,46.5');
  });

  it('gives the whole link on demand, the record, the table and the permalink included', () => {
    const { context, store, urls } = setUp();
    urls.attachPermalink(permalinkWithoutMap(context), store.state);
    store.dispatch({ type: 'set-selection', selection: { layerId: 'sites', featureId: 7 } });
    const url = urls.url();
    expect([url.searchParams.get('feature'), url.searchParams.get('l')]).toEqual(['sites~7', 'sites']);
  });

  it('stops writing, pending view moves included, once its map is closed', () => {
    vi.useFakeTimers();
    const { context, store, urls, written, controller } = setUp();
    urls.attachPermalink(permalinkWithoutMap(context), store.state);
    store.dispatch({ type: 'set-view', view: VIEW });
    controller.abort();
    vi.advanceTimersByTime(1000);
    store.dispatch({ type: 'set-selection', selection: { layerId: 'sites', featureId: 1 } });
    expect(written).toEqual([]);
  });
});
