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
import { installFakeTimers, type FakeTimers } from '../support/fake-timers.js';
import { validContext, waitFor } from '../support/mount.js';

const point = (id: number, x: number, props: Record<string, unknown> = {}): Feature => {
  const f = new Feature({ geometry: new Point([x, 0]), ...props });
  f.setId(id);
  return f;
};

/** Pretends the page is hidden (or shown again) and tells the listeners. */
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('live data', () => {
  let clock: FakeTimers | undefined;
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('replaces features in one go: same ids keep their objects and geometries (moved in place), stale properties go', () => {
    const source = new VectorSource({ features: [point(1, 10, { nom: 'a', old: 1 }), point(2, 20)] });
    const one = source.getFeatureById(1)!;
    const geometry = one.getGeometry()!;
    // What the source holds at each change it announces: never empty, never without the kept feature.
    const seen: Array<Array<string | number | undefined>> = [];
    source.on('change', () => seen.push(source.getFeatures().map((f) => f.getId())));
    replaceFeatures(source, [point(1, 15, { nom: 'b' }), point(3, 30)]);
    expect(source.getFeatures().map((f) => f.getId()).sort()).to.deep.equal([1, 3]);
    expect(source.getFeatureById(1)).to.equal(one);
    expect(one.getGeometry()).to.equal(geometry, 'the same geometry object (a halo on it follows)');
    expect((geometry as Point).getCoordinates()).to.deep.equal([15, 0]);
    expect(one.get('nom')).to.equal('b');
    expect(one.get('old')).to.equal(undefined);
    // One replacement: its last announcement shows the whole new set, and no state along the way loses the kept feature.
    expect([...seen.at(-1)!].sort(), 'the last change announced shows the new set').to.deep.equal([1, 3]);
    expect(seen.filter((ids) => !ids.includes(1)), 'a state without the kept feature').to.deep.equal([]);
    expect(seen.filter((ids) => ids.some((id) => ![1, 2, 3].includes(id as number))), 'a state with a feature from nowhere').to.deep.equal([]);
    // Another geometry type: the geometry is replaced.
    const square = new Feature(new Polygon([[[0, 0], [1, 0], [1, 1], [0, 0]]]));
    square.setId(1);
    replaceFeatures(source, [square]);
    expect(source.getFeatureById(1)).to.equal(one);
    expect(one.getGeometry()!.getType()).to.equal('Polygon');
  });

  it('ticks on its interval while shown, pauses while hidden, and ticks at once when shown after the interval', async () => {
    clock = installFakeTimers();
    let ticks = 0;
    const stop = everyWhileShown(0.1, async () => void ticks++);
    await clock.tick(99);
    expect(ticks).to.equal(0, 'not before the interval');
    await clock.tick(1);
    expect(ticks).to.equal(1);
    await clock.tick(100);
    expect(ticks).to.equal(2);
    await clock.tick(50);
    setHidden(true);
    await clock.tick(350);
    expect(ticks).to.equal(2, 'no tick while hidden');
    expect(clock.waiting).to.deep.equal([], 'no timer waiting while hidden');
    setHidden(false);
    await clock.tick(0);
    expect(ticks).to.equal(3, 'a tick at once: the interval passed while hidden');
    await clock.tick(100);
    expect(ticks).to.equal(4, 'then on its interval again');
    stop();
    expect(clock.waiting).to.deep.equal([], 'stopped: no timer left');
    await clock.tick(1000);
    expect(ticks).to.equal(4, 'stopped');
  });

  it('reports the update time, and on a failed read keeps the data and says why', async () => {
    const source = new VectorSource({ features: [point(1, 10)] });
    clock = installFakeTimers();
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
    await clock.tick(50);
    expect(reports).to.have.length(2);
    const good = reports.at(-1)!;
    expect(good).to.include({ status: 'ready', featureCount: 2 });
    expect(good.stale).to.equal(undefined);
    expect(good.updated).to.equal(reports[0]!.updated! + 50, 'the update time is the time of the read');
    fail = true;
    await clock.tick(50);
    stop();
    expect(reports).to.have.length(3);
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
      clock = installFakeTimers();
      const test = environment(requester, 'EPSG:3857');
      const created = (kind.create as (d: typeof def, e: typeof test.env) => ReturnType<typeof geojsonKind.create>)(def, test.env);
      const source = (created.layer as VectorLayer).getSource()!;
      source.loadFeatures([-1e7, -1e7, 1e7, 1e7], 100, test.env.viewProjection);
      const updates = () => test.reports.filter((r) => r.updated !== undefined);
      // The first load, then one read each time the interval passes (the reads themselves are real: wait for their report).
      for (const count of [1, 2, 3]) {
        if (count > 1) await clock.tick(100);
        await waitFor(() => updates().length >= count, 10000, `${def.type}: update ${count} (reports ${JSON.stringify(test.reports)})`);
        expect(urls, def.type).to.have.length(count);
      }
      created.dispose?.();
      expect(updates().every((r) => r.status === 'ready'), def.type).to.equal(true);
      expect(urls.every((u) => u === def.url), def.type).to.equal(true);
      expect(updates().at(-1)!.featureCount, def.type).to.equal(source.getFeatures().length);
      expect(source.getFeatures().length, def.type).to.equal(def.type === 'csv' ? 2 : 3);
      await clock.tick(1000);
      expect(urls, `${def.type}: dispose stops the refresh`).to.have.length(3);
      clock.uninstall();
      clock = undefined;
    }
  });
});

