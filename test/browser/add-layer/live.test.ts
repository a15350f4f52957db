/** Live copies (src/live/refresh.ts) in Chromium: the swap keeps feature objects, the timer pauses while the page is hidden. */
import { expect } from 'chai';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import VectorSource from 'ol/source/Vector.js';
import { everyWhileShown, keepFresh, replaceFeatures } from '../../../src/live/refresh.js';
import type { LayerStatusReport } from '../../../src/layers/types.js';
import type VectorLayer from 'ol/layer/Vector.js';
import { csvKind } from '../../../src/layers/csv/create.js';
import { geojsonKind } from '../../../src/layers/geojson/create.js';
import type { CsvLayerDef, GeoJsonLayerDef } from '../../../src/context/types.js';
import { environment, memoryRequester } from '../layers/ogc-support.js';
import { validContext } from '../support/mount.js';

const point = (id: number, x: number, props: Record<string, unknown> = {}): Feature => {
  const f = new Feature({ geometry: new Point([x, 0]), ...props });
  f.setId(id);
  return f;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Pretends the page is hidden (or shown again) and tells the listeners. */
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('live data', () => {
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('replaces features in one go: same ids keep their objects and geometries (moved in place), stale properties go', () => {
    const source = new VectorSource({ features: [point(1, 10, { nom: 'a', old: 1 }), point(2, 20)] });
    const one = source.getFeatureById(1)!;
    const geometry = one.getGeometry()!;
    let changes = 0;
    source.on('change', () => changes++);
    replaceFeatures(source, [point(1, 15, { nom: 'b' }), point(3, 30)]);
    expect(source.getFeatures().map((f) => f.getId()).sort()).to.deep.equal([1, 3]);
    expect(source.getFeatureById(1)).to.equal(one);
    expect(one.getGeometry()).to.equal(geometry, 'the same geometry object (a halo on it follows)');
    expect((geometry as Point).getCoordinates()).to.deep.equal([15, 0]);
    expect(one.get('nom')).to.equal('b');
    expect(one.get('old')).to.equal(undefined);
    expect(changes).to.be.greaterThan(0);
    // Another geometry type: the geometry is replaced.
    const square = new Feature(new Polygon([[[0, 0], [1, 0], [1, 1], [0, 0]]]));
    square.setId(1);
    replaceFeatures(source, [square]);
    expect(source.getFeatureById(1)).to.equal(one);
    expect(one.getGeometry()!.getType()).to.equal('Polygon');
  });

  it('ticks on its interval while shown, pauses while hidden, and ticks at once when shown after the interval', async () => {
    let ticks = 0;
    const stop = everyWhileShown(0.1, async () => void ticks++);
    await sleep(250);
    expect(ticks).to.be.within(1, 3);
    setHidden(true);
    const paused = ticks;
    await sleep(350);
    expect(ticks).to.equal(paused, 'no tick while hidden');
    setHidden(false);
    await sleep(30);
    expect(ticks).to.equal(paused + 1, 'a tick at once: the interval passed while hidden');
    stop();
    const stopped = ticks;
    await sleep(250);
    expect(ticks).to.equal(stopped, 'stopped');
  });

  it('reports the update time, and on a failed read keeps the data and says why', async () => {
    const source = new VectorSource({ features: [point(1, 10)] });
    const reports: LayerStatusReport[] = [];
    let fail = false;
    const stop = keepFresh({
      seconds: 0.05,
      source,
      read: async () => {
        if (fail) throw new Error('down');
        return { features: [point(1, 11), point(2, 12)], skipped: 0 };
      },
      report: (r) => reports.push(r),
      problemOf: () => ({ code: 'network' }),
      first: { status: 'ready', featureCount: 1 },
    });
    expect(reports[0]).to.include({ status: 'ready', featureCount: 1 });
    expect(reports[0]!.updated).to.be.a('number');
    await sleep(120);
    const good = reports.at(-1)!;
    expect(good).to.include({ status: 'ready', featureCount: 2 });
    expect(good.stale).to.equal(undefined);
    fail = true;
    await sleep(120);
    stop();
    const bad = reports.at(-1)!;
    expect(bad).to.include({ status: 'ready', featureCount: 2, updated: good.updated });
    expect(bad.stale).to.deep.equal({ code: 'network' });
    expect(source.getFeatures()).to.have.length(2, 'the last good data stays');
  });

  it('geojson and csv layers with `refresh` read their URL again and report each update (a short interval, for the test)', async () => {
    let version = 0;
    const { requester, urls } = memoryRequester((url) => {
      version += 1;
      if (url.endsWith('.csv')) return new Response(version < 3 ? 'id,lon,lat\n1,5.7,45.2\n' : 'id,lon,lat\n1,5.8,45.2\n2,5.9,45.3\n');
      const features = Array.from({ length: version }, (_, i) => ({ type: 'Feature', id: i, properties: { id: i }, geometry: { type: 'Point', coordinates: [5 + i / 10, 45] } }));
      return new Response(JSON.stringify({ type: 'FeatureCollection', features }));
    });
    const context = validContext({
      version: 1,
      id: 'live',
      title: 'Live',
      view: { center: [5.7, 45.2], zoom: 9 },
      layers: [
        { type: 'geojson', id: 'g', title: 'G', url: 'https://data.example/g.geojson', idField: 'id', refresh: { seconds: 30 }, style: { symbol: { marker: { shape: 'circle', radius: 4 } } } },
        { type: 'csv', id: 'c', title: 'C', url: 'https://data.example/c.csv', xField: 'lon', yField: 'lat', idField: 'id', refresh: { seconds: 30 }, style: { symbol: { marker: { shape: 'circle', radius: 4 } } } },
      ],
    });
    // The schema keeps intervals of 30 s and more; the factories are given a short one here.
    const [g, c] = context.layers as [GeoJsonLayerDef, CsvLayerDef];
    for (const [kind, def] of [[geojsonKind, { ...g, refresh: { seconds: 0.1 } }], [csvKind, { ...c, refresh: { seconds: 0.1 } }]] as const) {
      version = 0;
      urls.length = 0;
      const test = environment(requester, 'EPSG:3857');
      const created = (kind.create as (d: typeof def, e: typeof test.env) => ReturnType<typeof geojsonKind.create>)(def, test.env);
      const source = (created.layer as VectorLayer).getSource()!;
      source.loadFeatures([-1e7, -1e7, 1e7, 1e7], 100, test.env.viewProjection);
      await new Promise<void>((resolve, reject) => {
        const start = performance.now();
        const check = (): void => {
          if (test.reports.filter((r) => r.updated !== undefined).length >= 3) resolve();
          else if (performance.now() - start > 5000) reject(new Error(`${def.type}: reports ${JSON.stringify(test.reports)}`));
          else setTimeout(check, 20);
        };
        check();
      });
      created.dispose?.();
      const updates = test.reports.filter((r) => r.updated !== undefined);
      expect(updates.every((r) => r.status === 'ready'), def.type).to.equal(true);
      expect(urls.length, def.type).to.be.at.least(3);
      expect(urls.every((u) => u === def.url), def.type).to.equal(true);
      expect(updates.at(-1)!.featureCount, def.type).to.equal(source.getFeatures().length);
      expect(source.getFeatures().length, def.type).to.be.at.least(2);
      const asked = urls.length;
      await sleep(250);
      expect(urls.length, `${def.type}: dispose stops the refresh`).to.equal(asked);
    }
  });
});

