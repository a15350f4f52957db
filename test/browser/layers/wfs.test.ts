import { expect } from 'chai';
import { skipBecause } from '../support/skip.js';
import type OlMap from 'ol/Map.js';
import { fromLonLat, transform, transformExtent } from 'ol/proj.js';
import type { WfsLayerDef } from '../../../src/context/types.js';
import { wfsKind } from '../../../src/layers/wfs/create.js';
import { readGetFeatureGml } from '../../../src/layers/wfs/read.js';
import { ensureProjections } from '../../../src/proj/register.js';
import {
  LYON,
  PARIS,
  RED_AREA_LONLAT,
  bareMap,
  environment,
  memoryRequester,
  never,
  params,
  removeMaps,
  rendered,
  sharedText,
  until,
  xml,
  type Handler,
  SKIP_NO_SHARED,
} from './ogc-support.js';

const def = (over: Partial<WfsLayerDef> = {}): WfsLayerDef => ({
  type: 'wfs',
  id: 'rnn',
  title: 'RNN',
  visible: true,
  opacity: 1,
  attributions: [],
  legend: { hidden: false },
  idField: 'id_mnhn',
  fields: [{ name: 'id_mnhn', type: 'text' }, { name: 'nom', type: 'text' }],
  style: { symbol: { fill: { color: '#6a1b9a' }, stroke: { color: '#000000', width: 1 } } },
  url: 'https://data.geopf.fr/wfs/ows',
  typeName: 'PROTECTEDAREAS.RNN:rnn',
  version: '2.0.0',
  outputFormat: 'application/json',
  maxFeatures: 1000,
  ...over,
});

/** The reserve's outline: the red area around Lyon, as a ring in `crs` (east/north order). */
function ring(crs: string): number[][] {
  const [minx, miny, maxx, maxy] = transformExtent(RED_AREA_LONLAT, 'EPSG:4326', crs);
  return [[minx!, miny!], [maxx!, miny!], [maxx!, maxy!], [minx!, maxy!], [minx!, miny!]];
}

function geojson(crs: string, counts: { numberMatched?: number; numberReturned?: number } = {}) {
  return JSON.stringify({
    type: 'FeatureCollection',
    ...counts,
    features: [
      { type: 'Feature', id: 'rnn.1', geometry: { type: 'Polygon', coordinates: [ring(crs)] }, properties: { id_mnhn: 'FR3600001', nom: 'Réserve de Lyon' } },
      { type: 'Feature', id: 'rnn.2', geometry: null, properties: { id_mnhn: 'FR3600002', nom: 'Sans géométrie' } },
    ],
  });
}

const posList = (crs: string): string => ring(crs).map((xy) => xy.join(' ')).join(' ');

const GML32 = (crs: string, counts = 'numberMatched="1" numberReturned="1"'): string => `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:rnn="https://data.geopf.fr/rnn" ${counts} timeStamp="2026-01-01T00:00:00Z">
  <wfs:member>
    <rnn:rnn gml:id="rnn.1">
      <rnn:the_geom>
        <gml:Polygon srsName="urn:ogc:def:crs:EPSG::${crs.split(':')[1]}" gml:id="rnn.1.geom">
          <gml:exterior><gml:LinearRing><gml:posList>${posList(crs)}</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </rnn:the_geom>
      <rnn:id_mnhn>FR3600001</rnn:id_mnhn>
      <rnn:nom>Réserve de Lyon</rnn:nom>
    </rnn:rnn>
  </wfs:member>
</wfs:FeatureCollection>`;

const GML311 = (crs: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml" xmlns:rnn="https://data.geopf.fr/rnn" numberOfFeatures="1">
  <gml:featureMembers>
    <rnn:rnn gml:id="rnn.1">
      <rnn:the_geom>
        <gml:Polygon srsName="${crs}">
          <gml:exterior><gml:LinearRing><gml:posList>${posList(crs)}</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </rnn:the_geom>
      <rnn:id_mnhn>FR3600001</rnn:id_mnhn>
      <rnn:nom>Réserve de Lyon</rnn:nom>
    </rnn:rnn>
  </gml:featureMembers>
</wfs:FeatureCollection>`;

const json = (text: string, status = 200): Response => new Response(text, { status, headers: { 'content-type': 'application/json' } });

async function show(layerDef: WfsLayerDef, projection: 'EPSG:3857' | 'EPSG:2154', handler: Handler, options: { timeout?: number } = {}) {
  await ensureProjections([projection, ...(layerDef.srsName ? [layerDef.srsName] : [])]);
  const memory = memoryRequester(handler, options);
  const test = environment(memory.requester, projection);
  const created = wfsKind.create(layerDef, test.env);
  const map = await bareMap(projection, created.layer);
  return { ...memory, ...test, created, map };
}

/** The ids of the features drawn at a lon/lat point. */
function idsAt(map: OlMap, lonLat: readonly number[]): unknown[] {
  map.renderSync();
  const pixel = map.getPixelFromCoordinate(fromLonLat([...lonLat], map.getView().getProjection()));
  return map.getFeaturesAtPixel(pixel, { hitTolerance: 1 }).map((f) => f.getId());
}

const getFeatures = (urls: string[]) => urls.map(params).filter((p) => p.REQUEST === 'GetFeature');

describe('WFS layer', () => {
  afterEach(removeMaps);

  it('reads GeoJSON for the area in view and draws it at the right place (Web Mercator)', async () => {
    const { map, urls, last } = await show(def(), 'EPSG:3857', (url) => json(geojson(params(url).SRSNAME!)));
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(idsAt(map, LYON)).to.deep.equal(['FR3600001']);
    expect(idsAt(map, PARIS)).to.deep.equal([]);
    const [q] = getFeatures(urls);
    expect(q).to.include({ SERVICE: 'WFS', VERSION: '2.0.0', TYPENAMES: 'PROTECTEDAREAS.RNN:rnn', COUNT: '1000', OUTPUTFORMAT: 'application/json', SRSNAME: 'EPSG:3857' });
    const [minx, miny, maxx, maxy, crs] = q!.BBOX!.split(',');
    expect(crs).to.equal('EPSG:3857');
    const [x, y] = fromLonLat([...LYON]);
    expect(Number(minx) < x! && x! < Number(maxx) && Number(miny) < y! && y! < Number(maxy), 'the box holds the view').to.equal(true);
    expect(last()).to.deep.include({ status: 'ready', featureCount: 2, capped: false });
  });

  it('reads GML 3.2 (WFS 2.0.0) in Lambert-93 and draws it at the right place in a Lambert-93 view', async () => {
    const layerDef = def({ outputFormat: 'application/gml+xml; version=3.2' });
    const { map, urls, last } = await show(layerDef, 'EPSG:2154', (url) => xml(GML32(params(url).SRSNAME!), 200, 'application/gml+xml; version=3.2'));
    await until(() => last()?.status === 'ready', 'ready');
    await rendered(map);
    expect(getFeatures(urls)[0]).to.include({ SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/gml+xml; version=3.2' });
    expect(idsAt(map, LYON)).to.deep.equal(['FR3600001']);
    expect(idsAt(map, PARIS)).to.deep.equal([]);
    expect(last()).to.deep.include({ featureCount: 1, total: 1, capped: false });
  });

  it('reads GML 3.1.1 (WFS 1.1.0) with TYPENAME and MAXFEATURES', async () => {
    const layerDef = def({ version: '1.1.0', outputFormat: 'text/xml; subtype=gml/3.1.1', maxFeatures: 50 });
    const { map, urls, last } = await show(layerDef, 'EPSG:2154', (url) => xml(GML311(params(url).SRSNAME!)));
    await until(() => last()?.status === 'ready', 'ready');
    expect(getFeatures(urls)[0]).to.include({ VERSION: '1.1.0', TYPENAME: 'PROTECTEDAREAS.RNN:rnn', MAXFEATURES: '50' });
    expect(idsAt(map, LYON)).to.deep.equal(['FR3600001']);
    expect(idsAt(map, PARIS)).to.deep.equal([]);
  });

  it('reads features requested in another CRS (lon/lat, box given lat first) into a Web-Mercator view', async () => {
    const { map, urls, last } = await show(def({ srsName: 'EPSG:4326' }), 'EPSG:3857', () => json(geojson('EPSG:4326')));
    await until(() => last()?.status === 'ready', 'ready');
    const box = getFeatures(urls)[0]!.BBOX!.split(',');
    expect(box[4]).to.equal('EPSG:4326');
    const [lat0, lon0, lat1, lon1] = box.slice(0, 4).map(Number);
    expect(lat0! < LYON[1] && LYON[1] < lat1! && lon0! < LYON[0] && LYON[0] < lon1!, `lat/lon box ${box}`).to.equal(true);
    expect(idsAt(map, LYON)).to.deep.equal(['FR3600001']);
  });

  it('says "N of M" when the service holds more than it sent, and reads again closer in', async () => {
    const { map, urls, last, reports } = await show(def({ maxFeatures: 2 }), 'EPSG:3857', () => json(geojson('EPSG:3857', { numberMatched: 1234, numberReturned: 2 })));
    await until(() => last()?.status === 'ready', 'ready');
    expect(last()).to.deep.include({ featureCount: 2, total: 1234, capped: true });
    expect(getFeatures(urls)[0]!.COUNT).to.equal('2');
    const before = getFeatures(urls).length;
    const reportsBefore = reports.length;
    map.getView().setResolution(map.getView().getResolution()! / 2);
    await rendered(map);
    await until(() => getFeatures(urls).length > before, 'a new request for the closer view');
    // …once: the closer area is not read again and again. Once that read has ended (a new 'ready'), a
    // complete render (it waits for every load it starts) would have asked again if the layer meant to.
    await until(() => reports.length > reportsBefore && last()?.status === 'ready', 'the closer read to end');
    await rendered(map);
    expect(getFeatures(urls).length).to.be.at.most(before + 2);
  });

  it('does not read an area again when it was complete', async () => {
    const { map, urls, last, reports } = await show(def(), 'EPSG:3857', () => json(geojson('EPSG:3857', { numberMatched: 2, numberReturned: 2 })));
    await until(() => last()?.status === 'ready', 'ready');
    const before = getFeatures(urls).length;
    const reportsBefore = reports.length;
    map.getView().setResolution(map.getView().getResolution()! / 2);
    // A complete render waits for every load it starts: after the frame at the new resolution and the
    // next one, a read the layer meant to make would have been asked and reported.
    await rendered(map);
    await rendered(map);
    expect(getFeatures(urls).length).to.equal(before);
    expect(reports.slice(reportsBefore).map((r) => r.status), 'no new load reported').to.not.include('loading');
  });

  it('chooses GeoJSON from the capabilities when no output format is given', async function () {
    const caps = await sharedText('configs/capabilities/wfs_capabilities-geo2france-2-0-0.xml');
    if (caps === undefined) skipBecause(this, SKIP_NO_SHARED);
    const handler: Handler = (url) => (params(url).REQUEST === 'GetCapabilities' ? xml(caps!) : json(geojson('EPSG:3857')));
    const { urls, last } = await show(def({ outputFormat: undefined }), 'EPSG:3857', handler);
    await until(() => last()?.status === 'ready', 'ready');
    expect(params(urls[0]!)).to.include({ REQUEST: 'GetCapabilities', SERVICE: 'WFS', VERSION: '2.0.0' });
    expect(getFeatures(urls)[0]!.OUTPUTFORMAT).to.equal('application/json');
  });

  it('chooses GML when the capabilities offer no GeoJSON', async () => {
    const caps = `<wfs:WFS_Capabilities xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:OperationsMetadata><ows:Operation name="GetFeature"><ows:Parameter name="outputFormat"><ows:AllowedValues><ows:Value>application/gml+xml; version=3.2</ows:Value></ows:AllowedValues></ows:Parameter></ows:Operation></ows:OperationsMetadata></wfs:WFS_Capabilities>`;
    const handler: Handler = (url) => (params(url).REQUEST === 'GetCapabilities' ? xml(caps) : xml(GML32('EPSG:3857')));
    const { map, urls, last } = await show(def({ outputFormat: undefined }), 'EPSG:3857', handler);
    await until(() => last()?.status === 'ready', 'ready');
    expect(getFeatures(urls)[0]!.OUTPUTFORMAT).to.equal('application/gml+xml; version=3.2');
    expect(idsAt(map, LYON)).to.deep.equal(['FR3600001']);
  });

  it('turns an exception report (HTTP 400, the shared WFS 2.0 fixture) into the layer error', async function () {
    const report = await sharedText('configs/capabilities/wfs_exception-report-2-0-0.xml');
    if (report === undefined) skipBecause(this, SKIP_NO_SHARED);
    const { last } = await show(def(), 'EPSG:3857', () => xml(report!, 400, 'application/xml'));
    await until(() => last()?.status === 'error', 'error');
    expect(last()!.problem).to.deep.equal({ code: 'service', detail: 'msWFSDispatch(): WFS server error. Invalid WFS request: FooBar' });
  });

  it('turns an exception report answered with 200 into the layer error', async () => {
    const report = `<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>Feature type PROTECTEDAREAS.RNN:nope unknown</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
    const { last } = await show(def(), 'EPSG:3857', () => xml(report));
    await until(() => last()?.status === 'error', 'error');
    expect(last()!.problem).to.deep.equal({ code: 'service', detail: 'Feature type PROTECTEDAREAS.RNN:nope unknown' });
  });

  const failures: Array<[string, Handler, object]> = [
    ['HTTP 404', () => new Response('', { status: 404 }), { code: 'http', detail: '404' }],
    ['HTTP 500', () => new Response('boom', { status: 500, headers: { 'content-type': 'text/plain' } }), { code: 'http', detail: '500' }],
    ['a refused connection', () => Promise.reject(new TypeError('Failed to fetch')), { code: 'network' }],
    ['malformed JSON', () => json('{"type":"FeatureCollection","features":[{'), { code: 'invalid-data', detail: 'JSON' }],
    ['JSON that is not GeoJSON', () => json('{"error":"nope"}'), { code: 'invalid-data', detail: 'GeoJSON' }],
    ['malformed GML', () => xml('<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0"><wfs:member>'), { code: 'invalid-data', detail: 'GML' }],
    [
      'a captive portal’s page answered with 200',
      () => new Response('<!DOCTYPE html><html><body><form><button>J’accepte</button></form></body></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      { code: 'wrong-format', detail: 'text/html' },
    ],
    [
      'an exception report labelled text/html',
      () => new Response('<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception><ows:ExceptionText>Type inconnu</ows:ExceptionText></ows:Exception></ows:ExceptionReport>', { headers: { 'content-type': 'text/html' } }),
      { code: 'service', detail: 'Type inconnu' },
    ],
  ];
  for (const [name, handler, problem] of failures) {
    it(`fails on ${name} with a short reason, then loads on retry`, async () => {
      const { last, created, handle, map } = await show(def(), 'EPSG:3857', handler);
      await until(() => last()?.status === 'error', 'error');
      expect(last()!.problem).to.deep.equal(problem);
      handle((url) => json(geojson(params(url).SRSNAME!)));
      created.retry();
      await until(() => last()?.status === 'ready', 'ready after retry');
      await rendered(map);
      expect(idsAt(map, LYON)).to.deep.equal(['FR3600001']);
    });
  }

  it('fails on a service that does not answer ("timeout")', async () => {
    const { last } = await show(def(), 'EPSG:3857', never, { timeout: 100 });
    await until(() => last()?.status === 'error', 'error');
    expect(last()!.problem).to.deep.equal({ code: 'timeout' });
  });

  it('reads GML counts: numberMatched "unknown" leaves the total unknown', async () => {
    await ensureProjections(['EPSG:2154']);
    const { get } = await import('ol/proj.js');
    const result = readGetFeatureGml(GML32('EPSG:2154', 'numberMatched="unknown" numberReturned="1"'), '2.0.0', {
      dataProjection: 'EPSG:2154',
      featureProjection: get('EPSG:3857')!,
      idField: 'id_mnhn',
    });
    expect(result).to.deep.include({ returned: 1, total: undefined });
    expect(result.features[0]!.getId()).to.equal('FR3600001');
    const centre = transform([LYON[0], LYON[1]], 'EPSG:4326', 'EPSG:3857');
    expect(result.features[0]!.getGeometry()!.intersectsCoordinate(centre)).to.equal(true);
  });
});
