/** Added layers in the model and the link: store actions, `add=` refs, permalink round trip, catalogue hand-off parameters. */
import { describe, expect, it } from 'vitest';
import { validateContext } from '../../../src/context/validate.js';
import type { LayerDef, MapContext } from '../../../src/context/types.js';
import { permalinkActions, permalinkOf, readPermalink, writePermalink } from '../../../src/state/permalink.js';
import { ADDED_GROUP, MapStore, initialState } from '../../../src/state/store.js';
import { freeAddedId, readRef, refOf, writeRef } from '../../../src/add-layer/refs.js';
import { readHandoff } from '../../../src/add-layer/handoff.js';
import { readRoute } from '../../../src/app/route.js';
import { checkLayers, rawLayerOf } from '../../../src/add-layer/layer-defs.js';
import { capabilitiesUrl, endpointOf, namedService, parseAddress } from '../../../src/add-layer/service.js';
import { mayReach, servicePolicy } from '../../../src/add-layer/policy.js';
import { minimalDocument } from '../context/fixtures.js';

function context(): MapContext {
  const doc = minimalDocument();
  doc.view = { center: [2.5, 46.5], zoom: 6 };
  doc.layers = [{ ...minimalDocument().layers[0], id: 'a', title: 'A' }];
  const result = validateContext(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const BRGM = 'https://geoservices.brgm.fr/geologie?language=fre';

async function wmsLayer(id: string, name: string, url = BRGM): Promise<LayerDef> {
  const [def] = await checkLayers([
    rawLayerOf({ id, type: 'wms', endpoint: url, layer: { name, title: `Titre ${name}` }, service: { type: 'wms', version: '1.1.1', title: 'BRGM', layers: [], formats: ['image/jpeg', 'image/png'] } }),
  ]);
  return def!;
}

describe('layers made from a service', () => {
  it('are checked by the document schema, with its defaults', async () => {
    const def = await wmsLayer('add-1', 'SCAN_F_GEOL250');
    expect(def).toMatchObject({ type: 'wms', id: 'add-1', layers: 'SCAN_F_GEOL250', version: '1.1.1', format: 'image/png', visible: true, opacity: 1, tiled: true });
    expect(def.info?.source).toEqual({ name: 'BRGM', url: BRGM });
  });

  it('WMTS: PM matrix set, png, the capabilities URL, a legend only from an origin the page may load', async () => {
    const layer = { name: 'ORTHO', title: 'Ortho', formats: ['image/jpeg'], matrixSets: ['LAMB93', 'PM'], style: 'normal', legendUrl: 'https://legend.example/l.png' };
    const [allowed, refused] = await checkLayers([
      rawLayerOf({ id: 'add-1', type: 'wmts', endpoint: 'https://data.geopf.fr/wmts', layer, mayLoad: () => true }),
      rawLayerOf({ id: 'add-2', type: 'wmts', endpoint: 'https://data.geopf.fr/wmts', layer, mayLoad: () => false }),
    ]);
    expect(allowed).toMatchObject({ type: 'wmts', matrixSet: 'PM', format: 'image/jpeg', style: 'normal', capabilities: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities' });
    expect(allowed!.legend.image).toBe('https://legend.example/l.png');
    expect(refused!.legend.image).toBeUndefined();
  });

  it('WFS: GeoJSON output when offered, the protocol version of the capabilities', async () => {
    const service = { type: 'wfs' as const, version: '1.1.0', title: 'PIGMA', layers: [], formats: ['text/xml; subtype=gml/3.1.1', 'application/json'] };
    const [def] = await checkLayers([rawLayerOf({ id: 'add-3', type: 'wfs', endpoint: 'https://www.pigma.org/geoserver/wfs', layer: { name: 'ns:t', title: 'T' }, service })]);
    expect(def).toMatchObject({ type: 'wfs', typeName: 'ns:t', version: '1.1.0', outputFormat: 'application/json', maxFeatures: 1000 });
    expect(refOf(def!)).toEqual({ id: 'add-3', type: 'wfs', name: 'ns:t', url: 'https://www.pigma.org/geoserver/wfs' });
  });
});

describe('service addresses', () => {
  it('keeps vendor parameters, drops OGC request ones, reads SERVICE', () => {
    const url = parseAddress('HTTPS://ows.example/mapserv?map=nature.map&SERVICE=wms&request=GetCapabilities&VERSION=1.3.0');
    expect(endpointOf(url)).toBe('https://ows.example/mapserv?map=nature.map');
    expect(namedService(url)).toBe('wms');
    expect(parseAddress('data.geopf.fr/wms-r/wms').href).toBe('https://data.geopf.fr/wms-r/wms');
    expect(() => parseAddress('ftp://x.example/')).toThrow();
    expect(() => parseAddress('   ')).toThrow();
    expect(capabilitiesUrl('https://ows.example/mapserv?map=a.map', 'wfs')).toBe('https://ows.example/mapserv?map=a.map&SERVICE=WFS&REQUEST=GetCapabilities');
  });

  it('only origins the site allows (data, proxy) are reached, or any https when the site says so', () => {
    const site = { allowedOrigins: [{ origin: 'https://data.geopf.fr', use: ['data'] }, { origin: 'https://docs.example', use: ['documents'] }], proxy: { url: 'https://proxy.example/?u={url}', origins: ['http://geoservices.brgm.fr'] } };
    const policy = servicePolicy(site as never, 'https://cartes.example');
    expect(mayReach('https://data.geopf.fr/wms-r/wms', policy)).toBe(true);
    expect(mayReach('http://geoservices.brgm.fr/geologie', policy)).toBe(true);
    expect(mayReach('https://cartes.example/data/x.geojson', policy)).toBe(true);
    expect(mayReach('https://docs.example/wms', policy)).toBe(false);
    expect(mayReach('https://elsewhere.example/wms', policy)).toBe(false);
    const open = servicePolicy({ ...site, addLayers: { enabled: true, anyHttpsService: true } } as never, 'https://cartes.example');
    expect(mayReach('https://elsewhere.example/wms', open)).toBe(true);
    expect(mayReach('http://elsewhere.example/wms', open)).toBe(false);
  });
});

describe('the store', () => {
  it('adds layers on top (shown, in the order and the added group) and removes them', async () => {
    const ctx = context();
    const store = new MapStore(initialState(ctx));
    const one = await wmsLayer('add-1', 'A1');
    const two = await wmsLayer('add-2', 'A2');
    store.dispatch({ type: 'add-layers', layers: [one] });
    store.dispatch({ type: 'add-layers', layers: [two, one] }); // one is already there
    expect(store.state.added?.map((d) => d.id)).toEqual(['add-2', 'add-1']);
    expect(store.state.order).toEqual(['add-2', 'add-1', 'a']);
    expect(store.state.layers['add-1']).toMatchObject({ visible: true, opacity: 1, status: 'idle' });
    expect(store.state.groupsExpanded[ADDED_GROUP]).toBe(true);
    store.dispatch({ type: 'set-selection', selection: { layerId: 'add-2', featureId: 3 } });
    store.dispatch({ type: 'remove-layer', id: 'add-2' });
    expect(store.state.added?.map((d) => d.id)).toEqual(['add-1']);
    expect(store.state.layers['add-2']).toBeUndefined();
    expect(store.state.order).toEqual(['add-1', 'a']);
    expect(store.state.selection).toBeUndefined();
    // A document layer cannot be removed.
    const before = store.state;
    store.dispatch({ type: 'remove-layer', id: 'a' });
    expect(store.state).toBe(before);
  });
});

describe('the link (add=)', () => {
  it('refs round-trip, "~" in URLs included; malformed ones are refused', () => {
    const ref = { id: 'add-4', type: 'wfs' as const, name: 'ns:zones', url: 'https://x.example/~user/wfs?map=a' };
    expect(readRef(writeRef(ref))).toEqual(ref);
    expect(readRef('add-1~kml~x~https://x.example/')).toBeUndefined();
    expect(readRef('evil:id~wms~x~https://x.example/')).toBeUndefined();
    expect(readRef('add-1~wms~x~javascript:alert(1)')).toBeUndefined();
    expect(readRef('add-1~wms~~https://x.example/')).toBeUndefined();
    expect(freeAddedId((id) => id === 'add-1' || id === 'add-2')).toBe('add-3');
  });

  it('a permalink keeps added layers, their visibility, opacity and order, and reopens them', async () => {
    const ctx = context();
    const store = new MapStore(initialState(ctx));
    const one = await wmsLayer('add-1', 'SCAN_F_GEOL250');
    const two = await wmsLayer('add-2', 'GEOLOGIE');
    store.dispatch({ type: 'add-layers', layers: [one] });
    store.dispatch({ type: 'add-layers', layers: [two] });
    store.dispatch({ type: 'set-opacity', id: 'add-1', opacity: 0.5 });
    store.dispatch({ type: 'set-visible', id: 'add-2', visible: false });
    const url = writePermalink(new URL('https://cartes.example/?map=m'), permalinkOf({ context: ctx, state: store.state }), ctx);
    expect(url.searchParams.getAll('add')).toEqual([`add-2~wms~GEOLOGIE~${BRGM}`, `add-1~wms~SCAN_F_GEOL250~${BRGM}`]);
    expect(url.searchParams.get('l')).toBe('add-1:0.5,a');

    // Reopened: the refs come back, `l=` may name them, and the same state results once they are added.
    const { link, ignored } = readPermalink(new URL(url.href), ctx);
    expect(ignored).toEqual([]);
    expect(link.added?.map((r) => r.id)).toEqual(['add-2', 'add-1']);
    const again = new MapStore(initialState(ctx));
    again.dispatch({ type: 'add-layers', layers: [two, one] });
    for (const action of permalinkActions(again.state, link, ctx)) again.dispatch(action);
    expect(again.state.layers['add-1']).toMatchObject({ visible: true, opacity: 0.5 });
    expect(again.state.layers['add-2']?.visible).toBe(false);
    expect(writePermalink(new URL('https://cartes.example/?map=m'), permalinkOf({ context: ctx, state: again.state }), ctx).href).toBe(url.href);
  });

  it('a broken ref is ignored, the rest of the link applies', () => {
    const ctx = context();
    const { link, ignored } = readPermalink(new URL('https://cartes.example/?map=m&add=nonsense&add=add-1~wms~L~https%3A%2F%2Fw.example%2Fwms&l=add-1,a'), ctx);
    expect(ignored).toEqual(['add']);
    expect(link.added).toEqual([{ id: 'add-1', type: 'wms', name: 'L', url: 'https://w.example/wms' }]);
    expect(link.layers?.map((l) => l.id)).toEqual(['add-1', 'a']);
  });
});

describe('catalogue hand-off (geonetwork-ui external viewer)', () => {
  const page = (query: string): URL => new URL(`https://cartes.example/?${query}`);
  const encoded = encodeURIComponent('https://geoservices.brgm.fr/geologie?language=fre&');

  it('reads service_url (encoded), service_type in any case, layer_name as sent (unencoded, "+" kept)', () => {
    expect(readHandoff(page(`service_url=${encoded}&service_type=WMS&layer_name=SCAN_F_GEOL250`))).toEqual({
      ok: true,
      handoff: { url: 'https://geoservices.brgm.fr/geologie?language=fre&', type: 'wms', name: 'SCAN_F_GEOL250' },
    });
    expect(readHandoff(page(`service_url=${encoded}&service_type=wfs&layer_name=ns:a+b`))).toMatchObject({ ok: true, handoff: { type: 'wfs', name: 'ns:a+b' } });
    expect(readHandoff(page(`service_url=${encoded}&service_type=wms&layer_name=Carte%20g%C3%A9ologique`))).toMatchObject({ handoff: { name: 'Carte géologique' } });
    // GeoJSON: layer_name is a title; without one, the file's name.
    expect(readHandoff(page(`service_url=${encodeURIComponent('https://www.data.gouv.fr/fr/datasets/r/abc/stations.geojson')}&service_type=GEOJSON`))).toEqual({
      ok: true,
      handoff: { url: 'https://www.data.gouv.fr/fr/datasets/r/abc/stations.geojson', type: 'geojson', name: 'stations.geojson' },
    });
  });

  it('names what is missing or wrong', () => {
    expect(readHandoff(page('service_type=wms&layer_name=x'))).toEqual({ ok: false, problem: 'missing-url' });
    expect(readHandoff(page('service_url=javascript%3Aalert(1)&service_type=wms&layer_name=x'))).toEqual({ ok: false, problem: 'bad-url' });
    expect(readHandoff(page(`service_url=${encoded}&service_type=kml&layer_name=x`))).toEqual({ ok: false, problem: 'bad-type' });
    expect(readHandoff(page(`service_url=${encoded}&service_type=wms`))).toEqual({ ok: false, problem: 'missing-layer' });
  });

  it('routes the site root with hand-off parameters or added layers to a service map', () => {
    expect(readRoute(page(`service_url=${encoded}&service_type=wms&layer_name=x`), null)).toEqual({ kind: 'service' });
    expect(readRoute(page('add=add-1~wms~x~https%3A%2F%2Fw.example%2F'), null)).toEqual({ kind: 'service' });
    expect(readRoute(page('map=geosites&add=add-1~wms~x~https%3A%2F%2Fw.example%2F'), null)).toEqual({ kind: 'map', id: 'geosites' });
    expect(readRoute(page(''), null)).toEqual({ kind: 'catalog' });
  });
});
