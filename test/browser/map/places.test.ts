/**
 * The adapter's place methods (src/map/places.ts): records of loaded features in plain values, and
 * framing a place inside a padding, on a real map.
 */
import { expect } from 'chai';
import { fromLonLat } from 'ol/proj.js';
import { createMapAdapter, type MapAdapter } from '../../../src/map/adapter.js';
import { createRequester } from '../../../src/net/requester.js';
import { MapStore, initialState } from '../../../src/state/store.js';
import { mount, unmountAll, validContext } from '../support/mount.js';

const feature = (id: string | number | undefined, coordinates: unknown, type = 'Point') => ({
  type: 'Feature',
  geometry: { type, coordinates },
  properties: { ...(id === undefined ? {} : { code: id }), nom: `Lieu ${String(id)}` },
});
const data = {
  type: 'FeatureCollection',
  features: [
    feature(12, [5.72, 45.19]),
    feature('L', [4.83, 45.76]),
    feature('Z', [[[6.0, 44.0], [6.4, 44.0], [6.4, 44.3], [6.0, 44.0]]], 'Polygon'),
    feature(undefined, [3.0, 46.0]),
  ],
};

describe('the adapter’s places', () => {
  let adapter: MapAdapter | undefined;
  afterEach(() => {
    adapter?.dispose();
    adapter = undefined;
    unmountAll();
  });

  async function build(): Promise<MapAdapter> {
    const doc = validContext({
      version: 1,
      id: 'lieux',
      title: 'Lieux',
      view: { center: [2, 48], zoom: 9 },
      layers: [{ type: 'geojson', id: 'sites', title: 'Sites', idField: 'code', fields: [{ name: 'code' }, { name: 'nom' }], data, style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#c00' } } } } }],
    });
    const target = mount(document.createElement('div'), 'display:block;position:absolute;left:0;top:0;width:800px;height:500px');
    adapter = await createMapAdapter({
      target,
      context: doc,
      store: new MapStore(initialState(doc)),
      requester: createRequester(),
      resolveUrl: (url) => url,
      language: 'fr',
      labels: { zoomIn: 'Zoomer', zoomOut: 'Dézoomer' },
    });
    await adapter.rendered;
    return adapter;
  }

  it('gives a feature’s record by its id, as a link writes it ("12" finds the number 12)', async () => {
    const built = await build();
    const record = built.recordOf('sites', '12')!;
    expect(record.featureId).to.equal(12);
    expect(record.properties).to.deep.equal({ code: 12, nom: 'Lieu 12' });
    expect(record.anchor).to.deep.equal(fromLonLat([5.72, 45.19]));
    expect(record.extent).to.deep.equal([...record.anchor!, ...record.anchor!]);
    expect(built.toLonLat(record.anchor!).map((v) => Number(v.toFixed(6)))).to.deep.equal([5.72, 45.19]);
    expect(built.recordOf('sites', 'nope')).to.equal(undefined);
    // An area's record points at the centre of its box; its geometry is no point.
    const area = built.recordOf('sites', 'Z')!;
    expect(area.anchor).to.deep.equal([(area.extent![0]! + area.extent![2]!) / 2, (area.extent![1]! + area.extent![3]!) / 2]);
    expect(built.pointOf(area.geometry)).to.equal(undefined);
    expect(built.pointOf(record.geometry)).to.deep.equal(record.anchor);
  });

  it('lists the loaded features, with a key of their own for those without an id', async () => {
    const built = await build();
    const records = built.recordsOf('sites');
    expect(records.map((r) => r.featureId)).to.deep.equal([12, 'L', 'Z', undefined]);
    const keyless = records[3]!;
    expect(String(keyless.id)).to.match(/^#\d+$/);
    expect(built.recordsOf('unknown')).to.deep.equal([]);
  });

  it('frames a place inside the padding it is given', async () => {
    const built = await build();
    const area = built.recordOf('sites', 'Z')!;
    const padding = [40, 420, 60, 30] as const; // A panel on the right, 420 px wide.
    await built.fitPlace(area.extent!, padding, { duration: 0 });
    built.map.renderSync();
    const [minX, minY, maxX, maxY] = area.extent!;
    for (const corner of [[minX!, minY!], [maxX!, maxY!]]) {
      const [x, y] = built.map.getPixelFromCoordinate(corner) as [number, number];
      expect(x, `x ${x}`).to.be.within(padding[3] - 0.5, 800 - padding[1] + 0.5);
      expect(y, `y ${y}`).to.be.within(padding[0] - 0.5, 500 - padding[2] + 0.5);
    }
  });
});
