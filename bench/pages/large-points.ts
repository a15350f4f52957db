/**
 * The bench page of bench/large-points.ts (bundled with esbuild by the bench, never shipped).
 * ?mode= geojson | fgb | compact (the `points` kind) | cluster | webgl | fgb-isere. Puts its figures on window.__result.
 */
import 'ol/ol.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type { Geometry } from 'ol/geom.js';
import VectorLayer from 'ol/layer/Vector.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { HttpReader } from 'flatgeobuf/lib/mjs/http-reader.js';
import { createPointLayer } from '../../src/layers/points/display.js';
import { dataProjectionOf, featureConverter, readHeader, readWhole } from '../../src/layers/flatgeobuf/read.js';
import { createRangeReader } from '../../src/layers/range-read.js';
import { pointsKind } from '../../src/layers/points/create.js';
import type { PointsLayerDef } from '../../src/context/types.js';
import { createRequester } from '../../src/net/requester.js';
import { get as getProjection } from 'ol/proj.js';

declare global {
  interface Window {
    __result?: Record<string, unknown>;
    __error?: string;
  }
}

const mode = new URLSearchParams(location.search).get('mode') ?? 'geojson';
const requester = createRequester({ timeout: 120_000 });
const mercator = getProjection('EPSG:3857')!;
const target = document.getElementById('map')!;
const dotStyle = { 'circle-radius': 2, 'circle-fill-color': '#c0392b' };
const docStyle = { symbol: { marker: { shape: 'circle' as const, radius: 2, fill: { color: '#c0392b' } } } };

/** Resolves on the first rendercomplete after `ready` resolved (the data is on the map). */
function firstCompleteRender(map: OlMap, ready: Promise<unknown>): Promise<number> {
  return ready.then(
    () =>
      new Promise<number>((resolve) => {
        map.once('rendercomplete', () => resolve(performance.now()));
        map.render();
      }),
  );
}

/** Frame intervals (ms) during a scripted pan + zoom in, then zoom out: 3 s of animation. */
function frames(map: OlMap): Promise<number[]> {
  const intervals: number[] = [];
  let last = performance.now();
  let running = true;
  const tick = (now: number): void => {
    intervals.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return new Promise((resolve) => {
    map.getView().animate(
      { center: fromLonLat([5.7, 45.2]), zoom: 5, duration: 1500 },
      { center: fromLonLat([10, 40]), zoom: 3, duration: 1500 },
      () => {
        running = false;
        resolve(intervals.slice(1));
      },
    );
  });
}

async function main(): Promise<void> {
  const map = new OlMap({ target, view: new View({ center: fromLonLat([10, 30]), zoom: 2 }) });
  let ready: Promise<unknown>;
  let count = 0;
  const extra: Record<string, unknown> = {};

  if (mode === 'geojson') {
    const source = new VectorSource<Feature<Geometry>>();
    map.addLayer(new VectorLayer({ source, style: dotStyle }));
    ready = requester.fetch('data/places.geojson').then(async (r) => {
      const features = new GeoJSON().readFeatures(await r.json(), { featureProjection: 'EPSG:3857' }) as Feature<Geometry>[];
      count = features.length;
      source.addFeatures(features);
    });
  } else if (mode === 'fgb') {
    const source = new VectorSource<Feature<Geometry>>();
    map.addLayer(new VectorLayer({ source, style: dotStyle }));
    ready = requester.fetch('data/places.fgb').then(async (r) => {
      const bytes = new Uint8Array(await r.arrayBuffer());
      const header = await readHeader(bytes);
      const read = await readWhole(bytes, header, { dataProjection: dataProjectionOf(header, undefined), featureProjection: 'EPSG:3857' });
      count = read.features.length;
      source.addFeatures(read.features);
    });
  } else if (mode === 'cluster') {
    const source = new VectorSource<Feature<Geometry>>();
    map.addLayer(createPointLayer({ fields: [], style: docStyle, clustering: { distance: 40, minDistance: 0 } }, source, { viewProjection: mercator, report: () => undefined }).layer);
    ready = requester.fetch('data/places.geojson').then(async (r) => {
      const features = new GeoJSON().readFeatures(await r.json(), { featureProjection: 'EPSG:3857' }) as Feature<Geometry>[];
      count = features.length;
      source.addFeatures(features);
    });
  } else if (mode === 'compact') {
    // The real `points` kind (src/layers/points/create.ts) on the files the build step prepared.
    const def = JSON.parse(await (await fetch('data/points-layer.json')).text()) as PointsLayerDef;
    ready = new Promise<void>((resolve, reject) => {
      const created = pointsKind.create(def, {
        requester,
        viewProjection: mercator,
        resolveUrl: (url) => url,
        attributions: [],
        report: (report) => {
          if (report.status === 'ready') {
            count = report.featureCount ?? 0;
            resolve();
          } else if (report.status === 'error') reject(new Error(JSON.stringify(report.problem)));
        },
      });
      map.addLayer(created.layer);
    });
  } else if (mode === 'webgl') {
    const source = new VectorSource<Feature<Geometry>>();
    map.addLayer(new WebGLVectorLayer({ source, style: dotStyle }));
    ready = requester.fetch('data/places.geojson').then(async (r) => {
      const features = new GeoJSON().readFeatures(await r.json(), { featureProjection: 'EPSG:3857' }) as Feature<Geometry>[];
      count = features.length;
      source.addFeatures(features);
    });
  } else if (mode === 'fgb-isere') {
    // What it costs to show the Isère from the indexed file of all places: ranges through the requester.
    const range = createRangeReader(requester, 'data/places.fgb');
    const source = new VectorSource<Feature<Geometry>>();
    map.addLayer(new VectorLayer({ source, style: dotStyle }));
    map.getView().fit([...fromLonLat([4.7, 44.7]), ...fromLonLat([6.4, 45.9])], { size: map.getSize() });
    ready = (async () => {
      const reader = await HttpReader.openSource({ getRange: (b, l) => range.read(b, l) });
      const convert = featureConverter({ dataProjection: dataProjectionOf(reader.header, undefined), featureProjection: 'EPSG:3857' });
      for await (const { id, feature } of reader.selectBbox({ minX: 4.7, minY: 44.7, maxX: 6.4, maxY: 45.9 })) {
        const f = convert(id, feature, reader.header);
        if (f) source.addFeature(f);
        count += 1;
      }
      extra.bytesFetched = range.stats.bytes;
      extra.requests = range.stats.requests;
    })();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }

  const renderedAt = await firstCompleteRender(map, ready);
  const heapMB = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
  const intervals = mode === 'fgb-isere' ? [] : await frames(map);
  // After the animation: how long until the map is drawn again in full (the stretched image replaced).
  const ended = performance.now();
  const settleMs = mode === 'fgb-isere' ? undefined : await new Promise<number>((resolve) => {
    map.once('rendercomplete', () => resolve(performance.now() - ended));
    map.render();
  });
  window.__result = { mode, count, firstRenderMs: renderedAt, frames: intervals, settleMs, heapMB: heapMB ? heapMB / 1e6 : undefined, ...extra };
}

main().catch((error: unknown) => {
  window.__error = String((error as Error)?.stack ?? error);
});
