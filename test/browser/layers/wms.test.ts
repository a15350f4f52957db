import { expect } from 'chai';
import { skipBecause } from '../support/skip.js';
import type Layer from 'ol/layer/Layer.js';
import { fromLonLat } from 'ol/proj.js';
import type { WmsLayerDef } from '../../../src/context/types.js';
import { wmsKind } from '../../../src/layers/wms/create.js';
import { ensureProjections } from '../../../src/proj/register.js';
import {
  LYON,
  PARIS,
  bareMap,
  layerColourAt,
  environment,
  isEmpty,
  isRed,
  memoryRequester,
  never,
  params,
  removeMaps,
  rendered,
  SKIP_NO_SHARED,
  sharedText,
  until,
  wmsGetMap,
  xml,
  type Handler,
} from './ogc-support.js';

const def = (over: Partial<WmsLayerDef> = {}): WmsLayerDef => ({
  type: 'wms',
  queryable: true,
  id: 'sic',
  title: 'SIC',
  visible: true,
  opacity: 1,
  attributions: [],
  legend: { hidden: false },
  url: 'https://data.geopf.fr/wms-r/wms',
  layers: 'PROTECTEDAREAS.SIC',
  styles: '',
  format: 'image/png',
  transparent: true,
  version: '1.3.0',
  tiled: true,
  tileSize: 256,
  ...over,
});

const EXCEPTION_130 = `<?xml version='1.0' encoding="UTF-8"?>
<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">
  <ServiceException code="LayerNotDefined">Layer PROTECTEDAREAS.NOPE is not defined</ServiceException>
</ServiceExceptionReport>`;

async function show(layerDef: WmsLayerDef, projection: 'EPSG:3857' | 'EPSG:2154', handler: Handler, options: { timeout?: number } = {}) {
  await ensureProjections([projection]);
  const memory = memoryRequester(handler, options);
  const test = environment(memory.requester, projection);
  const created = wmsKind.create(layerDef, test.env);
  const map = await bareMap(projection, created.layer);
  return { ...memory, ...test, created, map, layer: created.layer as Layer };
}

describe('WMS layer', () => {
  afterEach(removeMaps);

  for (const projection of ['EPSG:3857', 'EPSG:2154'] as const) {
    for (const tiled of [true, false]) {
      it(`draws the service's map at the right place (${tiled ? 'tiles' : 'one image'}, ${projection} view)`, async () => {
        const { map, layer, urls, last } = await show(def({ tiled }), projection, wmsGetMap);
        await until(() => last()?.status === 'ready', 'ready');
        await rendered(map);
        expect(isRed(layerColourAt(map, layer, LYON)), 'red at Lyon').to.equal(true);
        expect(isEmpty(layerColourAt(map, layer, PARIS)), 'nothing at Paris').to.equal(true);
        const q = params(urls[0]!);
        expect(q).to.include({ SERVICE: 'WMS', REQUEST: 'GetMap', VERSION: '1.3.0', LAYERS: 'PROTECTEDAREAS.SIC', CRS: projection, TRANSPARENT: 'TRUE', FORMAT: 'image/png' });
        if (tiled) expect([q.WIDTH, q.HEIGHT]).to.deep.equal(['256', '256']);
        else expect(Number(q.WIDTH)).to.equal(600); // 400 px × ratio 1.5
      });
    }
  }

  it('speaks WMS 1.1.1 (SRS) and sends the extra parameters', async () => {
    const layerDef = def({ version: '1.1.1', tiled: false, styles: 'contour', params: { CQL_FILTER: "dep='38'", TIME: '2024-01-01' } });
    const { map, layer, urls, last } = await show(layerDef, 'EPSG:3857', wmsGetMap);
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
    const q = params(urls[0]!);
    expect(q).to.include({ VERSION: '1.1.1', SRS: 'EPSG:3857', STYLES: 'contour', CQL_FILTER: "dep='38'", TIME: '2024-01-01' });
    expect(q.CRS).to.equal(undefined);
  });

  it('requests the map in its own CRS when asked, and the browser reprojects it', async () => {
    const { map, layer, urls, last } = await show(def({ projection: 'EPSG:2154' }), 'EPSG:3857', wmsGetMap);
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(params(urls[0]!).CRS).to.equal('EPSG:2154');
    expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
    expect(isEmpty(layerColourAt(map, layer, PARIS))).to.equal(true);
  });

  for (const tiled of [true, false]) {
    const kind = tiled ? 'tiles' : 'one image';
    it(`turns an exception report into the layer's error, with its text (${kind})`, async () => {
      const { last, urls, map } = await show(def({ tiled }), 'EPSG:3857', () => xml(EXCEPTION_130, 200, 'text/xml; charset=UTF-8'));
      await until(() => last()?.status === 'error', 'error');
      expect(last()!.problem).to.deep.equal({ code: 'service', detail: 'Layer PROTECTEDAREAS.NOPE is not defined' });
      // Once failing, the layer stops asking: no storm of requests. Two complete renders (each waits for
      // the loads it starts) give it the chance to ask again.
      const asked = urls.length;
      await rendered(map);
      await rendered(map);
      expect(urls.length).to.equal(asked);
      expect(asked).to.be.at.most(tiled ? 8 : 1);
    });

    it(`says a web page answered with 200 (a captive portal, a proxy's error) is not the data, and no exception report (${kind})`, async () => {
      const page = '<!DOCTYPE html><html><head><title>Wi-Fi</title></head><body><h1>Proxy error</h1><p>Acceptez les conditions</p></body></html>';
      const { last } = await show(def({ tiled }), 'EPSG:3857', () => new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
      await until(() => last()?.status === 'error', 'error');
      expect(last()!.problem).to.deep.equal({ code: 'wrong-format', detail: 'text/html' });
    });

    it(`reads the shared 1.3.0 exception fixture sent as application/vnd.ogc.se_xml (${kind})`, async function () {
      const text = await sharedText('configs/capabilities/wms_service-exception-report-1-3-0.xml');
      if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
      const { last } = await show(def({ tiled }), 'EPSG:3857', () => xml(text!, 200, 'application/vnd.ogc.se_xml'));
      await until(() => last()?.status === 'error', 'error');
      expect(last()!.problem).to.deep.equal({ code: 'service', detail: 'msWMSDispatch(): WMS server error. Incomplete or unsupported WMS request' });
    });

    for (const status of [404, 500]) {
      it(`fails with HTTP ${status} after a few tiles, without a storm (${kind})`, async () => {
        const { last, urls, reports, map } = await show(def({ tiled }), 'EPSG:3857', () => new Response('no', { status, headers: { 'content-type': 'text/plain' } }));
        await until(() => last()?.status === 'error', 'error');
        expect(last()!.problem).to.deep.equal({ code: 'http', detail: String(status) });
        expect(reports.filter((r) => r.status === 'error')).to.have.length(1);
        const asked = urls.length;
        const told = reports.length;
        // A move asks for other data: tiles fail at once (the budget is spent by the storm), one image
        // probes once whether the service is back; the layer stays in error meanwhile.
        map.getView().setCenter([0, 0]);
        await rendered(map);
        expect(urls.length).to.be.at.most(tiled ? asked : asked + 1);
        expect(reports.slice(told).every((r) => r.status === 'error')).to.equal(true);
      });
    }

    it(`reports a refused connection as "network" (${kind})`, async () => {
      const { last } = await show(def({ tiled }), 'EPSG:3857', () => Promise.reject(new TypeError('Failed to fetch')));
      await until(() => last()?.status === 'error', 'error');
      expect(last()!.problem).to.deep.equal({ code: 'network' });
    });

    it(`reports a service that does not answer as "timeout" (${kind})`, async () => {
      const { last } = await show(def({ tiled }), 'EPSG:3857', never, { timeout: 100 });
      await until(() => last()?.status === 'error', 'error');
      expect(last()!.problem).to.deep.equal({ code: 'timeout' });
    });

    it(`fails on images that cannot be decoded (${kind})`, async () => {
      const { last } = await show(def({ tiled }), 'EPSG:3857', () => new Response(new Uint8Array([1, 2, 3, 4]), { headers: { 'content-type': 'image/png' } }));
      await until(() => last()?.status === 'error', 'error');
      // Tiles too are decoded before they are shown: the reason is known.
      expect(last()!.problem).to.deep.equal({ code: 'invalid-data', detail: 'image/png' });
    });

    it(`loads again on retry once the service is back (${kind})`, async () => {
      const { last, created, handle, map, layer } = await show(def({ tiled }), 'EPSG:3857', () => new Response('', { status: 503 }));
      await until(() => last()?.status === 'error', 'error');
      handle(wmsGetMap);
      created.retry();
      await until(() => last()?.status === 'ready', 'ready after retry');
      await rendered(map);
      expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
    });
  }

  it('keeps a tiled layer whose other tiles load when one tile gets an exception', async () => {
    const [x, y] = fromLonLat([...LYON]);
    let failed = false;
    const handler: Handler = (url) => {
      const [minx, miny, maxx, maxy] = params(url).BBOX!.split(',').map(Number) as [number, number, number, number];
      const holdsLyon = minx <= x! && x! <= maxx && miny <= y! && y! <= maxy;
      if (failed || holdsLyon) return wmsGetMap(url);
      failed = true;
      return xml(EXCEPTION_130);
    };
    const { map, layer, last, reports } = await show(def(), 'EPSG:3857', handler);
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(failed, 'one tile got the exception').to.equal(true);
    expect(reports.some((r) => r.status === 'error')).to.equal(false);
    expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
  });
});
