import { expect } from 'chai';
import type OlMap from 'ol/Map.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { rendered } from '../support/map.js';
import { skipBecause } from '../support/skip.js';
import { SKIP_NO_SHARED_DATA, colourAt, layerRowText, loggingRequester, sharedDataAvailable, showMap, validContext, views, pixelOf } from './support.js';

/** The fixture tiles (test/support/wtr-data.mjs) hold a "water" square over Grenoble and a "zone" square near Lyon. */
const WATER: [number, number] = [5.725, 45.2];
const ZONE: [number, number] = [4.8, 45.7];
const OUTSIDE: [number, number] = [5.2, 45.0];
const POSITRON_WATER = [194, 200, 202];

const doc = (view: Record<string, unknown>, layers: unknown[]) => validContext({ version: 1, id: 'tiles', title: 'Tuiles', view, layers });
const near = (actual: number[], expected: number[], tolerance = 6) => expected.every((v, i) => Math.abs(actual[i]! - v) <= tolerance);

/** Waits until a layer is ready and its tiles are drawn. */
async function settled(map: OlMap, ready: () => boolean): Promise<void> {
  await waitFor(ready, 30000, 'the layer ready');
  await rendered(map);
}

describe('tile layers: PMTiles and vector tiles with a style document', function () {
  let shared = false;
  before(async () => {
    shared = await sharedDataAvailable();
  });
  afterEach(unmountAll);

  for (const [name, view] of Object.entries(views([5.3, 45.45], { zoom: 8, scale: 1_500_000 }))) {
    it(`draws a vector PMTiles archive read by ranges through the requester, in ${name}`, async () => {
      const { requester, log } = loggingRequester();
      const { view: element, map } = await showMap(doc(view, [{ type: 'pmtiles', id: 'pm', title: 'PMTiles', url: '/__data__/fixture.pmtiles' }]), requester);
      await settled(map, () => element.store!.state.layers.pm!.status === 'ready');
      const water = map.getFeaturesAtPixel(pixelOf(map, WATER), { hitTolerance: 1 });
      expect(water.map((f) => f.get('layer'))).to.include('water');
      expect(map.getFeaturesAtPixel(pixelOf(map, ZONE), { hitTolerance: 1 }).map((f) => f.get('layer'))).to.include('zone');
      expect(map.getFeaturesAtPixel(pixelOf(map, OUTSIDE), { hitTolerance: 1 })).to.have.length(0);
      const reads = log.filter((l) => l.url.endsWith('fixture.pmtiles'));
      expect(reads.length).to.be.greaterThan(1);
      expect(reads.every((l) => l.range?.startsWith('bytes=') && l.status === 206)).to.equal(true);
    });

    it(`draws vector tiles with the real Positron style, every request through the requester, in ${name}`, async function () {
      if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
      const { requester, log } = loggingRequester();
      const { view: element, map } = await showMap(doc(view, [{ type: 'vectortiles', id: 'vt', title: 'Positron', styleUrl: '/__data__/positron.json' }]), requester);
      await settled(map, () => element.store!.state.layers.vt!.status === 'ready');
      expect(near(colourAt(map, pixelOf(map, WATER)), POSITRON_WATER)).to.equal(true, `water colour ${colourAt(map, pixelOf(map, WATER))}`);
      expect(colourAt(map, pixelOf(map, OUTSIDE))[3]).to.equal(0);
      const paths = log.map((l) => new URL(l.url).pathname);
      expect(paths).to.include('/__data__/positron.json');
      expect(paths).to.include('/__data__/tiles.json');
      expect(paths.some((p) => p.startsWith('/__data__/mvt/'))).to.equal(true);
      expect(paths.some((p) => p.startsWith('/__data__/sprite'))).to.equal(true);
      // Nothing else left the page: no font CDN, no tile service.
      const otherOrigins = performance.getEntriesByType('resource').filter((e) => !e.name.startsWith(location.origin) && !e.name.startsWith('data:') && !e.name.startsWith('blob:'));
      expect(otherOrigins.map((e) => e.name)).to.deep.equal([]);
    });

    it(`draws a vector PMTiles archive with a style document, in ${name}`, async function () {
      if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
      const { view: element, map } = await showMap(
        doc(view, [{ type: 'pmtiles', id: 'pm', title: 'PMTiles', url: '/__data__/fixture.pmtiles', styleUrl: '/__data__/positron.json' }]),
      );
      await settled(map, () => element.store!.state.layers.pm!.status === 'ready');
      expect(near(colourAt(map, pixelOf(map, WATER)), POSITRON_WATER)).to.equal(true, `water colour ${colourAt(map, pixelOf(map, WATER))}`);
    });

    it(`draws the raster PMTiles archive of ../shared/data, in ${name}`, async function () {
      if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
      const { requester, log } = loggingRequester();
      const { view: element, map } = await showMap(
        doc(view, [{ type: 'pmtiles', id: 'raster', title: 'Toner', url: '/__data__/shared/pmtiles/stamen_toner_raster_CC-BY_ODbL_z3.pmtiles' }]),
        requester,
      );
      await settled(map, () => element.store!.state.layers.raster!.status === 'ready');
      const size = map.getSize()!;
      // Toner is black and white: every pixel drawn, opaque.
      for (const pixel of [[size[0]! / 2, size[1]! / 2], [20, 20], [size[0]! - 20, size[1]! - 20]]) {
        expect(colourAt(map, pixel)[3]).to.equal(255);
      }
      expect(log.every((l) => l.status === 206)).to.equal(true);
      const file = 716052;
      expect(log.reduce((sum, l) => sum + (l.bytes ?? 0), 0)).to.be.lessThan(file / 2);
    });
  }

  it('shows the failures of tile layers while the others keep drawing', async function () {
    if (!shared) skipBecause(this, SKIP_NO_SHARED_DATA);
    const { view: element, map } = await showMap(
      doc(views([5.3, 45.45]).mercator, [
        { type: 'pmtiles', id: 'missing', title: 'Absente', url: '/__data__/shared/pmtiles/none.pmtiles' },
        { type: 'pmtiles', id: 'norange', title: 'Sans Range', url: '/__data__/shared-no-range/pmtiles/stamen_toner_raster_CC-BY_ODbL_z3.pmtiles' },
        { type: 'pmtiles', id: 'cut', title: 'Tronquée', url: '/__data__/shared-cut/60/pmtiles/stamen_toner_raster_CC-BY_ODbL_z3.pmtiles' },
        { type: 'vectortiles', id: 'nostyle', title: 'Sans style', styleUrl: '/__data__/none.json' },
        { type: 'vectortiles', id: 'badstyle', title: 'Style faux', styleUrl: '/__data__/shared/fgb/countries.fgb' },
        { type: 'pmtiles', id: 'pm', title: 'PMTiles', url: '/__data__/fixture.pmtiles' },
      ]),
    );
    const layers = () => element.store!.state.layers;
    await waitFor(() => ['missing', 'norange', 'cut', 'nostyle', 'badstyle'].every((id) => layers()[id]!.status === 'error'), 15000);
    expect(layers().missing!.problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(layers().norange!.problem!.code).to.equal('no-range');
    expect(layers().cut!.problem!.code).to.be.oneOf(['truncated', 'invalid-data']);
    expect(layers().nostyle!.problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(layers().badstyle!.problem!.code).to.equal('invalid-data');
    expect(await layerRowText(element, 'badstyle')).to.contain('illisibles');
    await settled(map, () => layers().pm!.status === 'ready');
    expect(map.getFeaturesAtPixel(pixelOf(map, WATER), { hitTolerance: 1 }).map((f) => f.get('layer'))).to.include('water');
  });

  it('shows a tile layer error when its tiles fail', async function () {
    // The style names a tile service that answers 404 for every tile.
    const style = {
      version: 8,
      sources: { t: { type: 'vector', tiles: [`${location.origin}/__data__/no-tiles/{z}/{x}/{y}.pbf`], maxzoom: 10 } },
      layers: [{ id: 'w', type: 'fill', source: 't', 'source-layer': 'water', paint: { 'fill-color': '#f00' } }],
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(style)], { type: 'application/json' }));
    try {
      const { view: element } = await showMap(doc(views([5.3, 45.45]).mercator, [{ type: 'vectortiles', id: 'vt', title: 'VT', styleUrl: url }]));
      await waitFor(() => element.store!.state.layers.vt!.status === 'error', 15000);
      expect(element.store!.state.layers.vt!.problem!.code).to.equal('tiles');
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
