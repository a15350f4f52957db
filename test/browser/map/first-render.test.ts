/**
 * The first render (src/map/first-render.ts): the first frame where every layer has settled, or the
 * first after a deadline, so that one layer that never answers does not keep the page from being
 * ready. The deadline runs on a fake clock.
 */
import { expect } from 'chai';
import type OlMap from 'ol/Map.js';
import { createMapAdapter, type MapAdapter } from '../../../src/map/adapter.js';
import { FIRST_RENDER_DEADLINE } from '../../../src/map/first-render.js';
import { createRequester } from '../../../src/net/requester.js';
import { MapStore, initialState } from '../../../src/state/store.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';
import { mount, unmountAll, validContext, waitFor } from '../support/mount.js';

const PARIS = [2.3522, 48.8566];
const places = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: PARIS }, properties: { nom: 'Paris' } }] };
const style = { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#c00' } } } };

const context = (layers: unknown[]) =>
  validContext({ version: 1, id: 'premier-rendu', title: 'Premier rendu', view: { center: [3.5, 47], zoom: 6 }, layers });

/** A requester whose answers wait until the test gives them. */
function heldRequester() {
  const held: Array<(response: Response) => void> = [];
  const requester = createRequester({ fetch: () => new Promise<Response>((resolve) => held.push(resolve)) });
  return { requester, held };
}

/** Resolves after the map's next drawn frame (asks for one). */
const nextFrame = (map: OlMap): Promise<void> =>
  new Promise((resolve) => {
    map.once('postrender', () => resolve());
    map.render();
  });

describe('the first render', () => {
  let adapter: MapAdapter | undefined;
  afterEach(() => {
    adapter?.dispose();
    adapter = undefined;
    unmountAll();
  });

  async function build(layers: unknown[], requester: ReturnType<typeof createRequester>, clock: ManualClock) {
    const doc = context(layers);
    const store = new MapStore(initialState(doc));
    const target = mount(document.createElement('div'), 'display:block;width:600px;height:400px');
    adapter = await createMapAdapter({
      target,
      context: doc,
      store,
      requester,
      resolveUrl: (url) => url,
      language: 'fr',
      labels: { zoomIn: 'Zoomer', zoomOut: 'Dézoomer' },
      firstRender: { timers: clock },
    });
    let rendered = false;
    void adapter.rendered.then(() => (rendered = true));
    return { store, map: adapter.map, adapter, isRendered: () => rendered };
  }

  it('does not wait past its deadline for a layer that never answers, which joins the map later', async () => {
    const clock = manualClock();
    const { requester, held } = heldRequester();
    const { store, map, adapter: built, isRendered } = await build(
      [
        { type: 'geojson', id: 'quick', title: 'Rapide', data: places, style },
        { type: 'geojson', id: 'silent', title: 'Muette', url: 'https://silent.example/data.geojson', style },
      ],
      requester,
      clock,
    );
    await waitFor(() => store.state.layers.quick!.status === 'ready' && held.length === 1);
    await nextFrame(map);
    await nextFrame(map);
    expect(isRendered(), 'before the deadline').to.equal(false);
    await clock.tick(FIRST_RENDER_DEADLINE - 1);
    await nextFrame(map);
    expect(isRendered(), 'just before the deadline').to.equal(false);
    await clock.tick(1);
    await built.rendered;
    expect(store.state.layers.silent!.status).to.equal('loading');
    // The late layer joins, and says so.
    held[0]!(new Response(JSON.stringify(places), { headers: { 'content-type': 'application/geo+json' } }));
    await waitFor(() => store.state.layers.silent!.status === 'ready');
  });

  it('comes with the first complete frame once every layer has settled, without waiting for the deadline', async () => {
    const clock = manualClock();
    const failing = createRequester({ fetch: async () => new Response('gone', { status: 404 }) });
    const { store, adapter: built } = await build(
      [
        { type: 'geojson', id: 'quick', title: 'Rapide', data: places, style },
        { type: 'geojson', id: 'gone', title: 'Disparue', url: 'https://gone.example/data.geojson', style },
      ],
      failing,
      clock,
    );
    await built.rendered;
    expect(clock.now).to.equal(0);
    expect(store.state.layers.quick!.status).to.equal('ready');
    expect(store.state.layers.gone!.status).to.equal('error');
  });
});
