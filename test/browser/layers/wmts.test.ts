import { expect } from 'chai';
import { skipBecause } from '../support/skip.js';
import type Layer from 'ol/layer/Layer.js';
import { get as getProjection } from 'ol/proj.js';
import type { Extent } from 'ol/extent.js';
import type { WmtsLayerDef } from '../../../src/context/types.js';
import { wmtsOptionsFromCapabilities } from '../../../src/layers/wmts/capabilities.js';
import { wmtsKind } from '../../../src/layers/wmts/create.js';
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
  paintRedArea,
  params,
  png,
  removeMaps,
  rendered,
  sharedText,
  SKIP_NO_SHARED,
  until,
  xml,
  type Handler,
} from './ogc-support.js';

const CAPABILITIES_URL = 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities';

const def = (over: Partial<WmtsLayerDef> = {}): WmtsLayerDef => ({
  type: 'wmts',
  id: 'ortho',
  title: 'Ortho',
  visible: true,
  opacity: 1,
  attributions: [],
  legend: { hidden: false },
  url: 'https://data.geopf.fr/wmts',
  layer: 'ORTHOIMAGERY.ORTHOPHOTOS',
  matrixSet: 'PM',
  format: 'image/png',
  style: 'normal',
  projection: 'EPSG:3857',
  maxZoom: 19,
  ...over,
});

interface Grid {
  readonly crs: string;
  readonly origin: readonly [number, number];
  readonly resolutions: readonly number[];
  readonly matrixIds: readonly string[];
}

const PM_ORIGIN = 20037508.342789244;
const PM: Grid = {
  crs: 'EPSG:3857',
  origin: [-PM_ORIGIN, PM_ORIGIN],
  resolutions: Array.from({ length: 20 }, (_, z) => (2 * PM_ORIGIN) / 256 / 2 ** z),
  matrixIds: Array.from({ length: 20 }, (_, z) => String(z)),
};
/** A Lambert-93 matrix set like the Géoplateforme's LAMB93 ones (origin 0, 12 000 000). */
const LAMB93: Grid = {
  crs: 'EPSG:2154',
  origin: [0, 12000000],
  resolutions: [4000, 2000, 1000, 500, 250, 125],
  matrixIds: ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'],
};

/** A WMTS GetTile answer that paints the red area where it lies in the asked tile of `grid`. */
const getTile = (grid: Grid): Handler => async (url) => {
  const p = params(url);
  if (p.REQUEST !== 'GetTile') return new Response('', { status: 400 });
  const z = grid.matrixIds.indexOf(p.TILEMATRIX!);
  if (z < 0) return new Response('', { status: 404 });
  const size = 256 * grid.resolutions[z]!;
  const minx = grid.origin[0] + Number(p.TILECOL) * size;
  const maxy = grid.origin[1] - Number(p.TILEROW) * size;
  const extent: Extent = [minx, maxy - size, minx + size, maxy];
  return new Response(await png(256, 256, paintRedArea(extent, grid.crs, 256, 256)), { headers: { 'content-type': 'image/png' } });
};

/** Capabilities with one layer linked to the given matrix sets (a hand-made, minimal document). */
function capabilities(layer: string, sets: ReadonlyArray<Grid & { id: string }>, formats = ['image/png']): string {
  const matrixSet = (set: Grid & { id: string }): string => `
    <TileMatrixSet>
      <ows:Identifier>${set.id}</ows:Identifier>
      <ows:SupportedCRS>${set.crs}</ows:SupportedCRS>
      ${set.resolutions
        .map(
          (r, i) => `<TileMatrix>
        <ows:Identifier>${set.matrixIds[i]}</ows:Identifier>
        <ScaleDenominator>${r / 0.00028}</ScaleDenominator>
        <TopLeftCorner>${set.origin[0]} ${set.origin[1]}</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>${Math.ceil((2 * PM_ORIGIN) / 256 / r)}</MatrixWidth><MatrixHeight>${Math.ceil((2 * PM_ORIGIN) / 256 / r)}</MatrixHeight>
      </TileMatrix>`,
        )
        .join('')}
    </TileMatrixSet>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <Contents>
    <Layer>
      <ows:Title>${layer}</ows:Title>
      <ows:Identifier>${layer}</ows:Identifier>
      <Style isDefault="true"><ows:Title>Légende générique</ows:Title><ows:Identifier>normal</ows:Identifier></Style>
      ${formats.map((f) => `<Format>${f}</Format>`).join('')}
      ${sets.map((s) => `<TileMatrixSetLink><TileMatrixSet>${s.id}</TileMatrixSet></TileMatrixSetLink>`).join('')}
    </Layer>
    ${sets.map(matrixSet).join('')}
  </Contents>
</Capabilities>`;
}

/** Capabilities at CAPABILITIES_URL, tiles from `tiles`. */
const service = (caps: Handler, tiles: Handler): Handler => (url, init) => (url === CAPABILITIES_URL ? caps(url, init) : tiles(url, init));

async function show(layerDef: WmtsLayerDef, projection: 'EPSG:3857' | 'EPSG:2154', handler: Handler) {
  await ensureProjections([projection, layerDef.projection]);
  const memory = memoryRequester(handler);
  const test = environment(memory.requester, projection);
  const created = wmtsKind.create(layerDef, test.env);
  const map = await bareMap(projection, created.layer);
  return { ...memory, ...test, created, map, layer: created.layer as Layer };
}

const tileUrls = (urls: string[]): Array<Record<string, string>> => urls.map(params).filter((p) => p.REQUEST === 'GetTile');

describe('WMTS layer', () => {
  afterEach(removeMaps);

  it('reads the IGN capabilities: matrix set, the format the layer offers, its style', async function () {
    const text = await sharedText('configs/capabilities/wmts_ign.xml');
    if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
    const options = wmtsOptionsFromCapabilities(text!, def(), 'https://data.geopf.fr/wmts');
    expect(options).to.include({ layer: 'ORTHOIMAGERY.ORTHOPHOTOS', matrixSet: 'PM', format: 'image/jpeg', style: 'normal', requestEncoding: 'KVP' });
    expect(options.urls).to.deep.equal(['https://data.geopf.fr/wmts']);
    expect(getProjection(options.projection!)!.getCode()).to.equal('EPSG:3857');
    expect(options.tileGrid!.getResolution(0)).to.be.closeTo(156543.0339, 1e-3);
    expect(options.tileGrid!.getMatrixIds()).to.have.length(20); // the layer's limits: levels 0 to 19
  });

  it('draws from the IGN capabilities at the right place in Web Mercator', async function () {
    const text = await sharedText('configs/capabilities/wmts_ign.xml');
    if (text === undefined) skipBecause(this, SKIP_NO_SHARED);
    const { map, layer, urls, last } = await show(def({ capabilities: CAPABILITIES_URL }), 'EPSG:3857', service(() => xml(text!), getTile(PM)));
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(urls[0]).to.equal(CAPABILITIES_URL);
    expect(tileUrls(urls)[0]).to.include({ LAYER: 'ORTHOIMAGERY.ORTHOPHOTOS', TILEMATRIXSET: 'PM', FORMAT: 'image/jpeg', STYLE: 'normal' });
    expect(isRed(layerColourAt(map, layer, LYON)), 'red at Lyon').to.equal(true);
    expect(isEmpty(layerColourAt(map, layer, PARIS)), 'nothing at Paris').to.equal(true);
  });

  for (const view of ['EPSG:2154', 'EPSG:3857'] as const) {
    it(`draws a Lambert-93 matrix set read from capabilities at the right place (${view} view)`, async () => {
      const caps = capabilities('PROTECTEDAREAS.ZNIEFF1', [{ id: 'PM', ...PM }, { id: 'LAMB93', ...LAMB93 }]);
      const layerDef = def({ layer: 'PROTECTEDAREAS.ZNIEFF1', matrixSet: 'LAMB93', projection: 'EPSG:2154', capabilities: CAPABILITIES_URL });
      const { map, layer, urls, last } = await show(layerDef, view, service(() => xml(caps), getTile(LAMB93)));
      await until(() => last()?.status === 'ready', 'ready');
      await rendered(map);
      expect(tileUrls(urls)[0]).to.include({ TILEMATRIXSET: 'LAMB93', LAYER: 'PROTECTEDAREAS.ZNIEFF1' });
      expect(isRed(layerColourAt(map, layer, LYON)), 'red at Lyon').to.equal(true);
      expect(isEmpty(layerColourAt(map, layer, PARIS)), 'nothing at Paris').to.equal(true);
    });
  }

  it('picks the matrix set by projection when the named one is not linked', async () => {
    await ensureProjections(['EPSG:2154']);
    const caps = capabilities('L', [{ id: 'PM', ...PM }, { id: 'LAMB93', ...LAMB93 }]);
    const options = wmtsOptionsFromCapabilities(caps, def({ layer: 'L', matrixSet: 'NOPE', projection: 'EPSG:2154' }), 'https://x.org/wmts');
    expect(options.matrixSet).to.equal('LAMB93');
  });

  it('draws a non-PM matrix set given in the document at the right place in a Lambert-93 view', async () => {
    const layerDef = def({
      layer: 'PROTECTEDAREAS.ZNIEFF1',
      matrixSet: 'LAMB93',
      projection: 'EPSG:2154',
      resolutions: LAMB93.resolutions,
      origin: LAMB93.origin,
      matrixIds: LAMB93.matrixIds,
    });
    const { map, layer, urls, last } = await show(layerDef, 'EPSG:2154', getTile(LAMB93));
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(tileUrls(urls)[0]).to.include({ TILEMATRIXSET: 'LAMB93' });
    expect(tileUrls(urls).every((p) => p.TILEMATRIX === 'L3'), 'the 500 m level for a 600 m view').to.equal(true);
    expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
    expect(isEmpty(layerColourAt(map, layer, PARIS))).to.equal(true);
  });

  for (const [name, caps] of [
    ['cannot be read (404)', () => new Response('', { status: 404 })],
    ['do not hold the layer', () => xml(capabilities('OTHER', [{ id: 'PM', ...PM }]))],
    ['are not XML', () => xml('<<<', 200)],
  ] as Array<[string, Handler]>) {
    it(`falls back to the document's settings when the capabilities ${name}`, async () => {
      const { map, layer, urls, last } = await show(def({ capabilities: CAPABILITIES_URL }), 'EPSG:3857', service(caps, getTile(PM)));
      await until(() => last()?.status === 'ready', 'ready');
      await rendered(map);
      expect(tileUrls(urls)[0]).to.include({ TILEMATRIXSET: 'PM', FORMAT: 'image/png' });
      expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
    });
  }

  it('turns an OWS exception report for a tile into the layer error', async () => {
    const report = `<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0"><ows:Exception exceptionCode="TileOutOfRange"><ows:ExceptionText>TILEROW is out of range</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
    const { last } = await show(def(), 'EPSG:3857', () => xml(report, 400, 'application/xml'));
    await until(() => last()?.status === 'error', 'error');
    expect(last()!.problem).to.deep.equal({ code: 'service', detail: 'TILEROW is out of range' });
  });

  it('says a captive portal\'s page answered with 200 to a tile is a web page, not an exception report', async () => {
    const page = '<!DOCTYPE html><html><body><h1>Bienvenue</h1></body></html>';
    const { last } = await show(def(), 'EPSG:3857', () => new Response(page, { headers: { 'content-type': 'text/html' } }));
    await until(() => last()?.status === 'error', 'error');
    expect(last()!.problem).to.deep.equal({ code: 'wrong-format', detail: 'text/html' });
  });

  it('fails on a storm of 404 tiles once, then loads on retry', async () => {
    const { last, reports, urls, created, handle, map, layer } = await show(def(), 'EPSG:3857', () => new Response('', { status: 404 }));
    await until(() => last()?.status === 'error', 'error');
    expect(last()!.problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(reports.filter((r) => r.status === 'error')).to.have.length(1);
    const asked = urls.length;
    map.getView().setResolution(300);
    await rendered(map);
    expect(urls.length, 'no request while failing').to.equal(asked);
    handle(getTile(PM));
    created.retry();
    await until(() => last()?.status === 'ready', 'ready after retry');
    await rendered(map);
    expect(isRed(layerColourAt(map, layer, LYON))).to.equal(true);
  });
});
