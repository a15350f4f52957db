/**
 * Each vector kind answers « which of your features lie in this extent? » (CreatedLayer.featuresIn)
 * without a map: a layer never drawn reads its data first, a WFS asks its service for the box, an
 * indexed FlatGeobuf reads only the box, and an abort ends the wait. Requests from memory.
 */
import { expect } from 'chai';
import { skipBecause } from '../support/skip.js';
import { boundingExtent } from 'ol/extent.js';
import { fromLonLat } from 'ol/proj.js';
import type { LayerDef } from '../../../src/context/types.js';
import { LayerNotLoadedError } from '../../../src/layers/features-in.js';
import { loadLayerKind } from '../../../src/layers/registry.js';
import type { CreatedLayer } from '../../../src/layers/types.js';
import { validContext } from '../support/mount.js';
import { SKIP_NO_SHARED_DATA, sharedDataAvailable } from './support.js';
import { environment, memoryRequester, never, params, type Handler } from './ogc-support.js';

/** A box around lon/lat points, in Web Mercator. */
const box = (...lonLats: number[][]) => boundingExtent(lonLats.map((p) => fromLonLat(p)));
const GRENOBLE = [5.7245, 45.1885];
const AROUND_GRENOBLE = box([5.6, 45.1], [5.8, 45.3]);

const point = (id: string, lonLat: number[]) => ({ type: 'Feature', properties: { code: id, nom: id }, geometry: { type: 'Point', coordinates: lonLat } });
const POINTS = { type: 'FeatureCollection', features: [point('GRE', GRENOBLE), point('LYO', [4.8357, 45.764])] };
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** A layer of a valid document, created by its kind with answers from memory. */
async function create(layer: Record<string, unknown>, handler: Handler): Promise<{ created: CreatedLayer; urls: string[]; readsByExtent: boolean }> {
  const def = validContext({ version: 1, id: 't', title: 't', view: { center: [5, 45], zoom: 8 }, layers: [{ id: 'l', title: 'l', style: {}, ...layer }] }).layers[0] as LayerDef;
  const memory = memoryRequester(handler);
  const kind = await loadLayerKind(def);
  const created = kind.create(def as never, environment(memory.requester, 'EPSG:3857').env);
  return { created, urls: memory.urls, readsByExtent: kind.readsByExtent?.(def as never) ?? false };
}

const codes = async (created: CreatedLayer, extent = AROUND_GRENOBLE) => (await created.featuresIn!(extent)).features.map((f) => f.getId());

describe('featuresIn of each vector kind', function () {

  it('GeoJSON: a layer never drawn reads its file, then gives what lies in the box, ids from idField', async () => {
    const { created, urls, readsByExtent } = await create({ type: 'geojson', url: 'https://data.test/points.geojson', idField: 'code' }, () => json(POINTS));
    expect(readsByExtent).to.equal(false);
    expect(await codes(created)).to.deep.equal(['GRE']);
    expect(urls).to.have.length(1);
    expect(await codes(created, box([4.7, 45.7], [4.9, 45.8]))).to.deep.equal(['LYO']);
    expect(urls, 'read once').to.have.length(1);
  });

  it('GeoJSON: a file that cannot be read rejects with LayerNotLoadedError', async () => {
    const { created } = await create({ type: 'geojson', url: 'https://data.test/broken.geojson' }, () => new Response('{ not json', { headers: { 'content-type': 'application/json' } }));
    const error = await created.featuresIn!(AROUND_GRENOBLE).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(LayerNotLoadedError);
  });

  it('GeoJSON: an abort ends the wait for a file that does not come', async () => {
    const { created } = await create({ type: 'geojson', url: 'https://data.test/slow.geojson' }, never);
    const asking = new AbortController();
    const answer = created.featuresIn!(AROUND_GRENOBLE, asking.signal).then(() => 'answered', (e: unknown) => (e as Error).name);
    asking.abort();
    expect(await answer).to.equal('AbortError');
  });

  it('CSV: the points of the file in the box', async () => {
    const text = 'code,lon,lat\nGRE,5.7245,45.1885\nLYO,4.8357,45.764\n';
    const { created, readsByExtent } = await create({ type: 'csv', url: 'https://data.test/villes.csv', xField: 'lon', yField: 'lat', idField: 'code' }, () => new Response(text));
    expect(readsByExtent).to.equal(false);
    expect(await codes(created)).to.deep.equal(['GRE']);
  });

  it('points: the prepared points in the box', async () => {
    const { created } = await create({ type: 'points', file: 'points.geojson', idField: 'code', fields: [{ name: 'code' }] }, () => json(POINTS));
    expect(await codes(created)).to.deep.equal(['GRE']);
  });

  it('WFS: asks its service for the box itself, with room for more than the map draws, and says when capped', async () => {
    const { created, urls, readsByExtent } = await create(
      { type: 'wfs', url: 'https://wfs.test/ows', typeName: 'x:villes', outputFormat: 'application/json', srsName: 'EPSG:4326', maxFeatures: 100, idField: 'code' },
      () => json({ ...POINTS, features: [POINTS.features[0]], numberMatched: 9000, numberReturned: 1 }),
    );
    expect(readsByExtent).to.equal(true);
    const answer = await created.featuresIn!(AROUND_GRENOBLE);
    expect(answer.features.map((f) => f.getId())).to.deep.equal(['GRE']);
    expect(answer).to.include({ capped: true, answeredBy: 'service' });
    const asked = params(urls[0]!);
    // WFS 2.0.0 in EPSG:4326: latitude first.
    const [minLat, minLon, maxLat, maxLon] = asked.BBOX!.split(',').map(Number);
    [minLat, minLon, maxLat, maxLon].forEach((n, i) => expect(n).to.be.closeTo([45.1, 5.6, 45.3, 5.8][i]!, 1e-6));
    expect(Number(asked.COUNT)).to.be.greaterThan(100);
  });

  it('WFS: an abort cancels the request', async () => {
    const { created, urls } = await create({ type: 'wfs', url: 'https://wfs.test/ows', typeName: 'x:villes', outputFormat: 'application/json' }, never);
    const asking = new AbortController();
    const answer = created.featuresIn!(AROUND_GRENOBLE, asking.signal).then(() => 'answered', () => 'aborted');
    asking.abort();
    expect(await answer).to.equal('aborted');
    expect(urls, 'nothing asked once aborted').to.have.length(0);
  });

  it('WFS: an abort during the request ends it', async () => {
    let asked!: () => void;
    const sent = new Promise<void>((resolve) => (asked = resolve));
    const { created } = await create({ type: 'wfs', url: 'https://wfs.test/ows', typeName: 'x:villes', outputFormat: 'application/json' }, (url, init) => {
      asked();
      return never(url, init);
    });
    const asking = new AbortController();
    const answer = created.featuresIn!(AROUND_GRENOBLE, asking.signal).then(() => 'answered', () => 'aborted');
    await sent;
    asking.abort();
    expect(await answer).to.equal('aborted');
  });

  it('FlatGeobuf read by extent: reads only the box through the file’s index', async function () {
    if (!(await sharedDataAvailable())) {
      skipBecause(this, SKIP_NO_SHARED_DATA);
    }
    const ranges: string[] = [];
    const { created, readsByExtent } = await create({ type: 'flatgeobuf', url: '/__data__/shared/fgb/aura-departements.fgb', loading: 'extent', idField: 'code' }, (url, init) => {
      ranges.push(new Headers(init?.headers).get('range') ?? 'whole');
      return fetch(url, init);
    });
    expect(readsByExtent).to.equal(true);
    // Features whose box meets the extent: Isère and its neighbours whose boxes reach Grenoble, not the others.
    const found = await codes(created, box([5.72, 45.18], [5.73, 45.19]));
    expect(found).to.include('38');
    expect(found).to.not.include('63');
    expect(found.length).to.be.lessThan(12);
    expect(ranges.every((r) => r.startsWith('bytes=')), 'read by ranges only').to.equal(true);
  });
});
