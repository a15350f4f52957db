/**
 * One loading policy for every layer kind (src/layers/load-policy.ts), against a server that fails
 * on demand and counts its requests (test/support/wtr-failing.mjs): a failing layer asks a bounded
 * number of times however often the view changes, its status settles on error, and « Réessayer »
 * brings it back once the server answers. The policy's waits run on a fake clock.
 */
import { expect } from 'chai';
import OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import View from 'ol/View.js';
import type BaseLayer from 'ol/layer/Base.js';
import type TileLayer from 'ol/layer/Tile.js';
import { fromLonLat, get as getProjection } from 'ol/proj.js';
import type XYZ from 'ol/source/XYZ.js';
import type { LayerDef } from '../../../src/context/types.js';
import { flatgeobufKind } from '../../../src/layers/flatgeobuf/create.js';
import { geojsonKind } from '../../../src/layers/geojson/create.js';
import { DEFAULT_LOAD_POLICY } from '../../../src/layers/load-policy.js';
import { pmtilesKind } from '../../../src/layers/pmtiles/create.js';
import type { CreatedLayer, LayerEnvironment, LayerKind, LayerStatusReport } from '../../../src/layers/types.js';
import { wfsKind } from '../../../src/layers/wfs/create.js';
import { xyzKind } from '../../../src/layers/xyz/create.js';
import { createRequester, type Requester } from '../../../src/net/requester.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';
import { skipBecause } from '../support/skip.js';
import { LYON, bareMap, memoryRequester, removeMaps, until } from './ogc-support.js';
import { SKIP_NO_SHARED_DATA, sharedDataAvailable, style, validContext } from './support.js';

const BUDGET = DEFAULT_LOAD_POLICY.budget;

/** A failing server of its own for one test: its base URL, its mode, its request count. */
function failingServer() {
  const id = crypto.randomUUID();
  const base = `/__data__/failing/${id}/`;
  return {
    base,
    setMode: async (mode: string): Promise<void> => void (await fetch(`${base}mode/${mode}`)),
    count: async (): Promise<number> => ((await (await fetch(`${base}count`)).json()) as { count: number }).count,
  };
}

/** The layer definition, with its defaults, as a document would give it. */
const layerDef = <D extends LayerDef>(layer: Record<string, unknown>): D =>
  validContext({ version: 1, id: 'failing', title: 'Échecs', view: { center: [...LYON], zoom: 8 }, layers: [layer] }).layers[0] as D;

interface Shown {
  readonly created: CreatedLayer;
  readonly map: OlMap;
  readonly clock: ManualClock;
  readonly reports: LayerStatusReport[];
  readonly last: () => LayerStatusReport | undefined;
}

const shown: Shown[] = [];

/** A map of one layer; by default 400 × 300 pixels on Lyon (ogc-support's), else `world`: 256 × 256 on the one tile of zoom 0. */
async function show<D extends LayerDef>(kind: LayerKind<D>, def: D, options: { requester?: Requester; world?: boolean } = {}): Promise<Shown> {
  const clock = manualClock();
  const reports: LayerStatusReport[] = [];
  const env: LayerEnvironment = {
    requester: options.requester ?? createRequester(),
    viewProjection: getProjection('EPSG:3857')!,
    resolveUrl: (url) => new URL(url, location.href).href,
    report: (report) => reports.push(report),
    attributions: [],
    loadPolicy: { timers: clock, random: () => 0 },
  };
  const created = kind.create(def, env);
  const map = options.world ? worldMap(created.layer) : await bareMap('EPSG:3857', created.layer);
  const result = { created, map, clock, reports, last: () => reports.at(-1) };
  shown.push(result);
  return result;
}

const ZOOM_0 = 156543.03392804097;
const worldTargets: HTMLElement[] = [];

function worldMap(layer: BaseLayer): OlMap {
  const target = document.createElement('div');
  target.style.cssText = 'width:256px;height:256px';
  document.body.append(target);
  worldTargets.push(target);
  return new OlMap({ target, layers: [layer], controls: [], view: new View({ center: [0, 0], resolution: ZOOM_0 }) });
}

/**
 * Lets every load run its course: moves the fake clock through the policy's waits until the map
 * draws a complete frame (no source loading, no tile under way) with no wait left.
 */
async function settle({ map, clock }: Shown): Promise<void> {
  for (;;) {
    let complete = false;
    map.once('rendercomplete', () => (complete = true));
    map.render();
    await until(() => complete || clock.waiting.length > 0, 'a complete frame or a retry waiting', 15000);
    if (complete && clock.waiting.length === 0) return;
    await clock.tick(clock.waiting[0] ?? 0);
  }
}

/** Moves the fake clock through the policy's waits until `done` (for loads that come before the map has a source to watch). */
async function runUntil({ clock }: Shown, done: () => boolean, what: string): Promise<void> {
  while (!done()) {
    await until(() => done() || clock.waiting.length > 0, what, 15000);
    if (!done()) await clock.tick(clock.waiting[0]!);
  }
}

/** Pans the view to other places (other data needed each time), letting each load settle. */
async function panAround(layer: Shown, times: number): Promise<void> {
  for (let i = 1; i <= times; i++) {
    layer.map.getView().setCenter(fromLonLat([LYON[0] + 6 * i, LYON[1] + (i % 2 ? 3 : -3)]));
    await settle(layer);
  }
}

/** The statuses reported since the first error: the layer settled on it (no flip back to "loading"). */
function statusesAfterFirstError(reports: readonly LayerStatusReport[]): string[] {
  const first = reports.findIndex((r) => r.status === 'error');
  expect(first, 'an error was reported').to.be.greaterThan(-1);
  return [...new Set(reports.slice(first).map((r) => r.status))];
}

/** The layer stayed in error; once the server answers again, « Réessayer » loads it. */
async function staysInErrorThenRetries(layer: Shown, serverBack: () => unknown): Promise<void> {
  expect(statusesAfterFirstError(layer.reports)).to.deep.equal(['error']);
  await serverBack();
  layer.created.retry();
  await runUntil(layer, () => layer.last()?.status === 'ready', 'ready after « Réessayer »');
  await settle(layer);
  expect(layer.last()!.status).to.equal('ready');
}

describe('a failing layer, whatever its kind, under the loading policy', function () {
  let shared = false;
  before(async () => {
    shared = await sharedDataAvailable();
    if (!shared) console.warn(SKIP_NO_SHARED_DATA);
  });
  afterEach(() => {
    for (const { created, map } of shown.splice(0)) {
      created.dispose?.();
      map.setTarget(undefined);
    }
    for (const target of worldTargets.splice(0)) target.remove();
    removeMaps();
  });

  it('WFS: a bounded number of GetFeature requests however much the view moves, then « Réessayer » loads', async () => {
    const collection = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', properties: { nom: 'A' }, geometry: { type: 'Point', coordinates: fromLonLat([...LYON]) } }] });
    const memory = memoryRequester(() => new Response('down', { status: 500, headers: { 'content-type': 'text/plain' } }));
    const def = layerDef<Extract<LayerDef, { type: 'wfs' }>>({
      type: 'wfs', id: 'wfs', title: 'WFS', url: 'https://wfs.example/ows', typeName: 'ns:thing', version: '2.0.0',
      outputFormat: 'application/json', style: style('#6a1b9a'),
    });
    const layer = await show(wfsKind, def, { requester: memory.requester });
    await settle(layer);
    expect(layer.last()).to.deep.include({ status: 'error', problem: { code: 'http', detail: '500' } });
    // The first load and its two retries.
    expect(memory.urls).to.have.length(1 + DEFAULT_LOAD_POLICY.retries);
    await panAround(layer, 20);
    expect(memory.urls.length).to.equal(BUDGET);
    await staysInErrorThenRetries(layer, () => memory.handle(() => new Response(collection, { headers: { 'content-type': 'application/json' } })));
  });

  it('GeoJSON: three requests for its one load, none more as the view moves, then « Réessayer » loads', async function () {
    if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
    const server = failingServer();
    const def = layerDef<Extract<LayerDef, { type: 'geojson' }>>({ type: 'geojson', id: 'gj', title: 'GeoJSON', url: `${server.base}shared/admin/aura-region-feature.geojson`, style: style('#0a0') });
    const layer = await show(geojsonKind, def);
    await settle(layer);
    expect(layer.last()).to.deep.include({ status: 'error', problem: { code: 'http', detail: '500' } });
    await panAround(layer, 10);
    expect(await server.count()).to.equal(1 + DEFAULT_LOAD_POLICY.retries);
    await staysInErrorThenRetries(layer, () => server.setMode('ok'));
  });

  it('FlatGeobuf by extent: a bounded number of range requests however much the view moves, then « Réessayer » loads', async function () {
    if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
    const server = failingServer();
    const def = layerDef<Extract<LayerDef, { type: 'flatgeobuf' }>>({
      type: 'flatgeobuf', id: 'fgb', title: 'FlatGeobuf', url: `${server.base}shared/fgb/aura-departements.fgb`, loading: 'extent', style: style('#c00'),
    });
    const layer = await show(flatgeobufKind, def);
    await settle(layer);
    expect(layer.last()).to.deep.include({ status: 'error', problem: { code: 'http', detail: '500' } });
    await panAround(layer, 20);
    expect(await server.count()).to.equal(BUDGET);
    await staysInErrorThenRetries(layer, () => server.setMode('ok'));
  });

  it('a tile layer: no request once the budget is spent, however much the view moves, then « Réessayer » loads', async () => {
    const server = failingServer();
    const def = layerDef<Extract<LayerDef, { type: 'xyz' }>>({ type: 'xyz', id: 'xyz', title: 'Tuiles', url: `${server.base}sprite.png?tile={z}/{x}/{y}` });
    const layer = await show(xyzKind, def);
    const tiles = new Set<string>();
    const source = (layer.created.layer as TileLayer<XYZ>).getSource()!;
    const key = source.on('tileloadstart', (event) => tiles.add(event.tile.getKey()));
    await settle(layer);
    unByKey(key);
    expect(layer.last()).to.deep.include({ status: 'error', problem: { code: 'http', detail: '500' } });
    // The tiles of the first view are asked for at once; retries stop at the budget.
    const firstView = await server.count();
    expect(firstView).to.be.at.most(tiles.size + BUDGET);
    await panAround(layer, 20);
    expect(await server.count()).to.equal(firstView);
    await staysInErrorThenRetries(layer, () => server.setMode('ok'));
  });

  it('PMTiles, truncated: one failed tile fails the layer (no endless loading), and « Réessayer » recovers once the file is whole', async function () {
    if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
    const server = failingServer();
    // Header and directory complete, every tile's bytes missing.
    await server.setMode('cut-1000');
    const def = layerDef<Extract<LayerDef, { type: 'pmtiles' }>>({ type: 'pmtiles', id: 'pm', title: 'PMTiles', url: `${server.base}shared/pmtiles/stamen_toner_raster_CC-BY_ODbL_z3.pmtiles` });
    // One tile in view (zoom 0).
    const layer = await show(pmtilesKind, def, { world: true });
    await runUntil(layer, () => layer.reports.some((r) => r.status === 'ready'), 'the archive opened');
    await settle(layer);
    expect(layer.last()).to.deep.include({ status: 'error', problem: { code: 'truncated' } });
    // The header read and the one tile's read: a truncated file is not retried by itself.
    expect(await server.count()).to.equal(2);
    // Closer in (zoom 3) and away: a file cut short stays so, its other tiles fail without a request.
    layer.map.getView().setResolution(ZOOM_0 / 8);
    await panAround(layer, 20);
    expect(await server.count()).to.equal(2);
    await staysInErrorThenRetries(layer, () => server.setMode('ok'));
  });

  it('PMTiles, server down: three requests to open it, none more as the view moves, then « Réessayer » opens it', async () => {
    const server = failingServer();
    const def = layerDef<Extract<LayerDef, { type: 'pmtiles' }>>({ type: 'pmtiles', id: 'pm', title: 'PMTiles', url: `${server.base}fixture.pmtiles` });
    const layer = await show(pmtilesKind, def);
    await runUntil(layer, () => layer.last()?.status === 'error', 'the error');
    await panAround(layer, 5);
    expect(await server.count()).to.equal(1 + DEFAULT_LOAD_POLICY.retries);
    await staysInErrorThenRetries(layer, () => server.setMode('ok'));
  });
});
