/**
 * The report's service paths in Chromium (DOMParser, fetch through the requester, no network): a WFS
 * layer and a WMS layer's WFS asked over the place's box, GetFeatureInfo for a point, and the layers
 * that cannot be checked saying why.
 */
import { expect } from 'chai';
import { fromLonLat, get as getProjection } from 'ol/proj.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import type { MapContext } from '../../../src/context/types.js';
import { intersects } from 'ol/extent.js';
import { LayerNotLoadedError } from '../../../src/layers/features-in.js';
import { makeReport, type ReportEnvironment } from '../../../src/report/gather.js';
import type { Place } from '../../../src/report/types.js';
import { memoryRequester, params } from '../layers/ogc-support.js';
import { layersOf } from './support.js';

const common = { visible: true, opacity: 1, attributions: [], legend: { hidden: false } };
const vector = { fields: [{ name: 'nom', type: 'text' }], style: {}, idField: 'code' };
const wms = { url: 'https://wms.test/ows', styles: '', format: 'image/png', transparent: true, version: '1.3.0', tiled: true, tileSize: 256, queryable: true };

const context = {
  layers: [
    { ...common, ...vector, type: 'wfs', id: 'rnn', title: 'Réserves', url: 'https://wfs.test/ows', typeName: 'rnn:rnn', version: '2.0.0', srsName: 'EPSG:4326', maxFeatures: 100, popup: { title: '{{nom}}' } },
    { ...common, ...wms, type: 'wms', id: 'sic', title: 'Natura 2000', layers: 'SIC', wfs: { url: 'https://wfs.test/ows', typeName: 'sic:sic', version: '2.0.0' } },
    { ...common, ...wms, type: 'wms', id: 'znieff', title: 'ZNIEFF', layers: 'ZNIEFF1' },
    { ...common, ...wms, type: 'wms', id: 'apb', title: 'APB', layers: 'APB', queryable: false },
    { ...common, type: 'xyz', id: 'ortho', title: 'Ortho', url: 'https://tiles.test/{z}/{x}/{y}.png', maxZoom: 19, tileSize: 256 },
    { ...common, ...vector, type: 'wfs', id: 'broken', title: 'En panne', url: 'https://down.test/ows', typeName: 'x:x', version: '2.0.0', maxFeatures: 100 },
    { ...common, ...vector, type: 'geojson', id: 'sites', title: 'Sites', visible: false },
    { ...common, ...vector, type: 'geojson', id: 'failed', title: 'Illisible' },
  ],
} as unknown as MapContext;

/** The WFS offers GeoJSON (a layer without an output format asks). */
const CAPABILITIES = `<wfs:WFS_Capabilities xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:OperationsMetadata><ows:Operation name="GetFeature"><ows:Parameter name="outputFormat"><ows:AllowedValues><ows:Value>application/json</ows:Value></ows:AllowedValues></ows:Parameter></ows:Operation></ows:OperationsMetadata></wfs:WFS_Capabilities>`;

/** A square of ±d degrees around a lon/lat, as GeoJSON. */
const square = ([lon, lat]: number[], d: number) => ({
  type: 'Polygon',
  coordinates: [[[lon! - d, lat! - d], [lon! + d, lat! - d], [lon! + d, lat! + d], [lon! - d, lat! + d], [lon! - d, lat! - d]]],
});
const collection = (features: object[], extra: object = {}) => JSON.stringify({ type: 'FeatureCollection', features, ...extra });

const requests = () =>
  memoryRequester((url) => {
    const p = params(url);
    if (url.startsWith('https://down.test')) return new Response('boom', { status: 500 });
    if (p.REQUEST === 'GetCapabilities') return new Response(CAPABILITIES, { headers: { 'content-type': 'application/xml' } });
    if (p.REQUEST === 'GetFeature' && p.TYPENAMES === 'rnn:rnn') {
      // One reserve over the place, one in the box but outside the place; the service holds more.
      return new Response(
        collection(
          [
            { type: 'Feature', properties: { code: 'R1', nom: 'Réserve dedans' }, geometry: square([5.0, 45.0], 0.01) },
            { type: 'Feature', properties: { code: 'R2', nom: 'Réserve à côté' }, geometry: square([5.19, 45.19], 0.005) },
          ],
          { numberMatched: 250, numberReturned: 2 },
        ),
        { headers: { 'content-type': 'application/json' } },
      );
    }
    if (p.REQUEST === 'GetFeature' && p.TYPENAMES === 'sic:sic') {
      // Asked in the map's projection (the WMS layer names no CRS for its WFS): answered in it.
      if (p.SRSNAME !== 'EPSG:3857') return new Response('unexpected CRS', { status: 400 });
      const geometry = square([5.05, 45.0], 0.02);
      geometry.coordinates = geometry.coordinates.map((ring) => ring.map((c) => fromLonLat(c)));
      return new Response(collection([{ type: 'Feature', properties: { nom_site: 'Vercors', code: 'FR82' }, geometry }]));
    }
    if (p.REQUEST === 'GetFeatureInfo') {
      return new Response(collection([{ type: 'Feature', properties: { nom: 'ZNIEFF du plateau' }, geometry: null }]), { headers: { 'content-type': 'application/json' } });
    }
    return new Response('unexpected', { status: 404 });
  });

function environment(requester: ReportEnvironment['requester']): ReportEnvironment {
  const sites = [new Feature({ geometry: new Point(fromLonLat([5.001, 45.001])), code: 'S1', nom: 'Site proche' })];
  return {
    context,
    language: 'fr',
    viewProjection: getProjection('EPSG:3857')!,
    resolution: 100,
    requester,
    resolveUrl: (url) => url,
    visible: (id) => id !== 'sites',
    // What the map would answer for its two GeoJSON layers: one loaded, one that failed to read.
    featuresIn: layersOf(context, {
      requester,
      viewProjection: getProjection('EPSG:3857')!,
      resolveUrl: (url) => url,
      answers: {
        sites: async (extent) => ({ features: sites.filter((f) => intersects(f.getGeometry()!.getExtent(), extent)), answeredBy: 'data' }),
        failed: async () => Promise.reject(new LayerNotLoadedError({ code: 'invalid-json' })),
      },
    }).featuresIn,
  };
}

// A square place of about ±0.1° around (5.0, 45.0): its box reaches (5.1, 45.1), the reserve R2 lies beyond.
const area: Place = {
  kind: 'area',
  label: 'Carré',
  geometry: new Polygon([[fromLonLat([4.9, 44.9]), fromLonLat([5.1, 44.9]), fromLonLat([5.1, 45.1]), fromLonLat([4.9, 45.1]), fromLonLat([4.9, 44.9])]]),
};

describe('report over services', () => {
  it('asks a WFS and a WMS layer’s WFS over the place’s box, keeps what meets the place, says what it could not check', async () => {
    const memory = requests();
    const report = await makeReport(area, environment(memory.requester));
    const byId = Object.fromEntries(report.layers.map((l) => [l.layerId, l]));

    expect(byId['rnn']!.items.map((i) => i.label)).to.deep.equal(['Réserve dedans']);
    expect(byId['rnn']!.capped, 'the service holds 250').to.equal(true);
    expect(byId['rnn']!.method).to.equal('wfs');
    const rnnUrl = memory.urls.find((u) => u.includes('rnn%3Arnn') || u.includes('rnn:rnn'))!;
    // WFS 2.0.0 in EPSG:4326: the box is lat/lon and covers the place.
    const [minLat, minLon, maxLat, maxLon] = params(rnnUrl).BBOX!.split(',').map(Number);
    expect(minLat).to.be.closeTo(44.9, 1e-6);
    expect(minLon).to.be.closeTo(4.9, 1e-6);
    expect(maxLat).to.be.closeTo(45.1, 1e-6);
    expect(maxLon).to.be.closeTo(5.1, 1e-6);
    expect(Number(params(rnnUrl).COUNT)).to.be.greaterThan(100);

    expect(byId['sic']!.items.map((i) => i.label)).to.deep.equal(['Vercors']);
    expect(byId['sic']!.method).to.equal('wfs');
    expect(byId['znieff']!.unchecked).to.deep.equal({ reason: 'wms-area' });
    expect(byId['apb']!.unchecked).to.deep.equal({ reason: 'not-queryable' });
    expect(byId['ortho']!.unchecked).to.deep.equal({ reason: 'image' });
    expect(byId['broken']!.unchecked?.reason).to.equal('service');
    expect(byId['sites']!.items.map((i) => i.id)).to.deep.equal(['S1']);
    expect(byId['sites']!.hidden).to.equal(true);
    expect(byId['failed']!.unchecked).to.deep.equal({ reason: 'not-loaded', detail: 'invalid-json' });
    expect(memory.urls.some((u) => u.includes('GetFeatureInfo')), 'no GetFeatureInfo for an area').to.equal(false);
  });

  it('asks a WMS without WFS what lies at the point of a point search (GetFeatureInfo)', async () => {
    const memory = requests();
    const place: Place = { kind: 'circle', label: 'Point', center: fromLonLat([5.0, 45.0]), distance: 2000 };
    const report = await makeReport(place, environment(memory.requester));
    const znieff = report.layers.find((l) => l.layerId === 'znieff')!;
    expect(znieff.method).to.equal('feature-info');
    expect(znieff.items.map((i) => i.label)).to.deep.equal(['ZNIEFF du plateau']);
    const info = params(memory.urls.find((u) => u.includes('GetFeatureInfo'))!);
    expect(info.QUERY_LAYERS).to.equal('ZNIEFF1');
    // The WFS layer's features at their distance from the point: the reserve around it at 0 m.
    const rnn = report.layers.find((l) => l.layerId === 'rnn')!;
    expect(rnn.items.map((i) => [i.label, i.distance])).to.deep.equal([['Réserve dedans', 0]]);
  });
});
