import { describe, expect, it } from 'vitest';
import { validateContext } from '../../../src/context/validate.js';
import type { MapContext } from '../../../src/context/types.js';
import { applyPermalink, hasPermalink, permalinkActions, permalinkOf, readPermalink, viewSettingsOf, writePermalink } from '../../../src/state/permalink.js';
import { MapStore, initialState } from '../../../src/state/store.js';
import { readFeatureRef, withFeatureRef } from '../../../src/state/feature-link.js';
import { readTableUrl, writeTableUrl } from '../../../src/table/url.js';
import { readLanguage } from '../../../src/app/route.js';
import { minimalDocument } from '../context/fixtures.js';

const layer = (id: string, extra: Record<string, unknown> = {}) => ({ ...minimalDocument().layers[0], id, title: id, ...extra });

function context(view: Record<string, unknown> = { center: [2.5, 46.5], zoom: 6 }): MapContext {
  const doc = minimalDocument();
  doc.view = view;
  doc.layers = [
    layer('a'),
    { type: 'group', id: 'g', title: 'G', layers: [layer('b', { opacity: 0.8 }), layer('c.v2', { visible: false })] },
    layer('d'),
  ];
  doc.basemaps = [
    { type: 'xyz', id: 'osm', title: 'OSM', url: 'https://t/{z}/{x}/{y}.png', active: true },
    { type: 'empty', id: 'none', title: 'Aucun' },
  ];
  const result = validateContext(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const BASE = 'https://x.example/cartes/maps/essai.html?lang=en';

describe('permalinks', () => {
  it('round-trips the view (centre and zoom) on a Web-Mercator map', () => {
    const ctx = context();
    const url = writePermalink(new URL(BASE), { view: { center: [6.123456789, 44.987654321], zoom: 9.256 } }, ctx);
    expect(url.searchParams.get('c')).toBe('6.12346,44.98765');
    expect(url.searchParams.get('z')).toBe('9.26');
    expect(url.searchParams.get('lang')).toBe('en');
    const { link, ignored } = readPermalink(url, ctx);
    expect(ignored).toEqual([]);
    expect(link.view).toEqual({ center: [6.12346, 44.98765], zoom: 9.26 });
    // Written again, it does not drift.
    expect(writePermalink(url, link, ctx).href).toBe(url.href);
  });

  it('round-trips centre and resolution on a Lambert-93 map', () => {
    const ctx = context({ projection: 'EPSG:2154', crs: 'EPSG:2154', center: [700000, 6600000], resolution: 1000 });
    const url = writePermalink(new URL(BASE), { view: { center: [712345.678, 6543210.12], resolution: 123.4567891 } }, ctx);
    expect(url.searchParams.has('z')).toBe(false);
    const { link, ignored } = readPermalink(url, ctx);
    expect(ignored).toEqual([]);
    expect(link.view).toEqual({ center: [712345.7, 6543210.1], resolution: 123.457 });
    const settings = viewSettingsOf(ctx, link.view);
    expect(settings).toMatchObject({ projection: 'EPSG:2154', center: [712345.7, 6543210.1], resolution: 123.457, zoom: undefined });
  });

  it('round-trips visible layers with their order and opacity, and the basemap', () => {
    const ctx = context();
    const store = new MapStore(initialState(ctx));
    store.dispatch({ type: 'set-visible', id: 'c.v2', visible: true });
    store.dispatch({ type: 'set-visible', id: 'a', visible: false });
    store.dispatch({ type: 'set-opacity', id: 'd', opacity: 0.35 });
    store.dispatch({ type: 'set-order', order: ['d', 'c.v2'] });
    store.dispatch({ type: 'set-basemap', id: 'none' });
    const link = permalinkOf({ context: ctx, state: store.state, panel: false });
    expect(link.layers).toEqual([{ id: 'd', opacity: 0.35 }, { id: 'c.v2' }, { id: 'b' }]);
    const url = writePermalink(new URL(BASE), link, ctx);
    expect(url.searchParams.get('l')).toBe('d:0.35,c.v2,b');
    expect(url.searchParams.get('bm')).toBe('none');
    expect(url.searchParams.get('panel')).toBe('0');

    const read = readPermalink(url, ctx);
    expect(read.ignored).toEqual([]);
    const state = applyPermalink(initialState(ctx), read.link, ctx);
    expect(Object.fromEntries(['a', 'b', 'c.v2', 'd'].map((id) => [id, [state.layers[id]!.visible, state.layers[id]!.opacity]]))).toEqual({
      a: [false, 1],
      b: [true, 0.8], // the document's opacity, not written
      'c.v2': [true, 1],
      d: [true, 0.35],
    });
    expect(state.basemap).toBe('none');
    expect(state.layers['osm']!.visible).toBe(false);
    expect(state.layers['none']!.visible).toBe(true);
    expect(read.link.panel).toBe(false);
    // Visible layers in the link's order; the same permalink comes out again.
    expect(permalinkOf({ context: ctx, state, panel: false })).toEqual(link);
  });

  it('keeps hidden layers in their places when visible ones are reordered', () => {
    const ctx = context();
    const link = readPermalink(new URL(`${BASE}&l=d,a`), ctx).link;
    expect(applyPermalink(initialState(ctx), link, ctx).order).toEqual(['d', 'b', 'c.v2', 'a']);
  });

  it('writes "l=" for no visible layer, and reads it back as none', () => {
    const ctx = context();
    const state = applyPermalink(initialState(ctx), { layers: [] }, ctx);
    const url = writePermalink(new URL(BASE), permalinkOf({ context: ctx, state }), ctx);
    expect(url.searchParams.get('l')).toBe('');
    const read = readPermalink(url, ctx);
    expect(read.link.layers).toEqual([]);
    expect(Object.values(applyPermalink(initialState(ctx), read.link, ctx).layers).filter((l) => l.visible).length).toBe(1); // the basemap
  });

  it('round-trips the open panel', () => {
    const ctx = context();
    for (const panel of [true, false]) {
      expect(readPermalink(writePermalink(new URL(BASE), { panel }, ctx), ctx).link.panel).toBe(panel);
    }
  });

  it('round-trips every item of the state together with the feature, the table filter and the language', () => {
    const ctx = context();
    let url = writePermalink(
      new URL(BASE),
      { view: { center: [6.5, 45.25], zoom: 11 }, layers: [{ id: 'd' }, { id: 'a', opacity: 0.5 }], basemap: 'none', panel: true },
      ctx,
    );
    url = withFeatureRef(url, { layerId: 'a', featureId: 'PAC0058' });
    url = writeTableUrl(url, 'a', { text: 'glacier', values: { typ: ['x', 'y'] }, ranges: { surface: { min: 1, max: 5 } }, sort: { field: 'nom', direction: 'desc' }, inView: true });
    const reopened = new URL(url.href);
    expect(readPermalink(reopened, ctx)).toEqual({
      link: { view: { center: [6.5, 45.25], zoom: 11 }, layers: [{ id: 'd' }, { id: 'a', opacity: 0.5 }], basemap: 'none', panel: true },
      ignored: [],
    });
    expect(readFeatureRef(reopened)).toEqual({ layerId: 'a', featureId: 'PAC0058' });
    expect(readTableUrl(reopened)).toEqual({
      layerId: 'a',
      query: { text: 'glacier', values: { typ: ['x', 'y'] }, ranges: { surface: { min: 1, max: 5 } }, sort: { field: 'nom', direction: 'desc' }, inView: true },
    });
    expect(readLanguage(reopened, 'fr')).toBe('en');
  });

  it('leaves the other parameters of the URL and a foreign fragment alone', () => {
    const ctx = context();
    const url = writePermalink(new URL(`${BASE}&feature=a~1&embed=1#?secret=abc`), { panel: true }, ctx);
    expect(url.searchParams.get('feature')).toBe('a~1');
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.hash).toBe('#?secret=abc');
  });

  it('ignores bad or stale values, names them, and never throws', () => {
    const ctx = context();
    const cases: Array<[string, string[], (link: ReturnType<typeof readPermalink>['link']) => void]> = [
      ['c=6,45&z=NaN', ['z', 'c'], (l) => expect(l.view).toBeUndefined()],
      ['c=6,45&z=1e999', ['z', 'c'], (l) => expect(l.view).toBeUndefined()],
      ['c=6,45&z=99', ['z', 'c'], (l) => expect(l.view).toBeUndefined()],
      ['c=abc&z=5', ['c'], (l) => expect(l.view).toBeUndefined()],
      ['c=600,45&z=5', ['c'], (l) => expect(l.view).toBeUndefined()],
      ['c=6,45,3&z=5', ['c'], (l) => expect(l.view).toBeUndefined()],
      ['c=6,45&r=-3', ['r', 'c'], (l) => expect(l.view).toBeUndefined()],
      ['z=5', ['z'], (l) => expect(l.view).toBeUndefined()],
      ['l=gone,a', ['l:gone'], (l) => expect(l.layers).toEqual([{ id: 'a' }])],
      ['l=gone,removed', ['l:gone', 'l:removed'], (l) => expect(l.layers).toBeUndefined()],
      ['l=a:2,d:x,b:0.5', ['l:a', 'l:d'], (l) => expect(l.layers).toEqual([{ id: 'a' }, { id: 'd' }, { id: 'b', opacity: 0.5 }])],
      ['l=a,a', [], (l) => expect(l.layers).toEqual([{ id: 'a' }])],
      ['bm=gone', ['bm'], (l) => expect(l.basemap).toBeUndefined()],
      ['panel=yes', ['panel'], (l) => expect(l.panel).toBeUndefined()],
    ];
    for (const [query, ignored, check] of cases) {
      const read = readPermalink(new URL(`${BASE}&${query}`), ctx);
      expect(read.ignored, query).toEqual(ignored);
      check(read.link);
      expect(() => applyPermalink(initialState(ctx), read.link, ctx)).not.toThrow();
    }
  });

  it('changes nothing when the URL holds no permalink', () => {
    const ctx = context();
    const read = readPermalink(new URL(BASE), ctx);
    expect(read).toEqual({ link: { view: undefined, layers: undefined, basemap: undefined, panel: undefined }, ignored: [] });
    const start = initialState(ctx);
    expect(applyPermalink(start, read.link, ctx)).toBe(start);
    expect(viewSettingsOf(ctx, undefined)).toBe(ctx.view);
  });
});

describe('permalink actions', () => {
  it('bring the store to the permalink’s state through its actions', () => {
    const ctx = context();
    const link = readPermalink(new URL(`${BASE}&l=d:0.3,c.v2&bm=none`), ctx).link;
    const store = new MapStore(initialState(ctx));
    const actions = permalinkActions(store.state, link, ctx);
    expect(actions.map((a) => a.type).sort()).toEqual(['set-basemap', 'set-opacity', 'set-order', 'set-visible', 'set-visible', 'set-visible']);
    for (const action of actions) store.dispatch(action);
    const expected = applyPermalink(initialState(ctx), link, ctx);
    expect(store.state).toEqual(expected);
    expect(permalinkActions(store.state, link, ctx)).toEqual([]);
  });

  it('are only looked for when the URL has permalink parameters', () => {
    expect(hasPermalink(new URL(`${BASE}&feature=a~1`))).toBe(false);
    for (const key of ['c', 'z', 'r', 'l', 'bm', 'panel']) expect(hasPermalink(new URL(`${BASE}&${key}=`))).toBe(true);
  });
});

describe('set-order', () => {
  it('puts named layers on top, drops unknown ids and keeps the others in place', () => {
    const ctx = context();
    const store = new MapStore(initialState(ctx));
    expect(store.state.order).toEqual(['a', 'b', 'c.v2', 'd']);
    store.dispatch({ type: 'set-order', order: ['d', 'nope', 'b'] });
    expect(store.state.order).toEqual(['d', 'b', 'a', 'c.v2']);
    const before = store.state;
    store.dispatch({ type: 'set-order', order: ['d'] });
    expect(store.state).toBe(before);
  });
});
