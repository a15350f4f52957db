import { expect } from 'chai';
import { transform } from 'ol/proj.js';
import { prepareCompactPoints } from '../../../src/layers/points/prepare.js';
import { hitVectorLayers } from '../../../src/identify/hit.js';
import { createRequester } from '../../../src/net/requester.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { colourAt, layerRowText, showMap, validContext, views, pixelOf } from './support.js';

const GRENOBLE: [number, number] = [5.7245, 45.1885];
const LYON = [4.8357, 45.764];
const PARIS = [2.3522, 48.8566];
const NANTES = [-1.5536, 47.2184];
const place = (lonLat: number[], properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: lonLat }, properties });
const PLACES = {
  type: 'FeatureCollection',
  features: [
    place(GRENOBLE, { id: 1, nom: 'Grenoble', region: '84', note: 'Alpes' }),
    place(PARIS, { id: 2, nom: 'Paris', region: '11', note: 'Seine' }),
    place(NANTES, { id: 4, nom: 'Nantes', region: '52', note: 'Loire' }),
    place(LYON, { id: 6, nom: 'Lyon', region: '84', note: 'Rhône' }),
  ],
};
const BLUE = [0x1f, 0x77, 0xb4];
const RED = [0xd6, 0x27, 0x28];
const GREY = [0x9e, 0x9e, 0x9e];
const GREEN = [0x2c, 0xa0, 0x2c];
const circle = (color: string, radius = 6) => ({ marker: { shape: 'circle', radius, fill: { color } } });

function layer(extra: Record<string, unknown> = {}) {
  return {
    type: 'points',
    id: 'pts',
    title: 'Lieux',
    prepared: { points: 'data/places.points', attributes: 'data/places.attributes.json', count: 4 },
    idField: 'id',
    fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'text' }, { name: 'region', type: 'text' }, { name: 'note', type: 'text' }],
    popup: { title: '{{nom}}' },
    style: {
      categories: { field: 'region', values: [{ value: '84', symbol: circle('#1f77b4') }, { value: '11', symbol: circle('#d62728') }] },
      symbol: circle('#9e9e9e'),
      rules: [{ maxScale: 500000, symbol: circle('#2ca02c', 8) }],
    },
    ...extra,
  };
}
const doc = (view: Record<string, unknown>, extra?: Record<string, unknown>) =>
  validContext({ version: 1, id: 'pts', title: 'Lieux', view, layers: [layer(extra)] });

/** A requester that answers the prepared files from memory (or a failure per file). */
function serving(answers: { points?: () => Response; attributes?: () => Response } = {}) {
  const prepared = prepareCompactPoints(PLACES, ['id', 'nom', 'region', 'note']);
  const requests: string[] = [];
  const requester = createRequester({
    fetch: async (input) => {
      const url = String(input);
      requests.push(url);
      if (url.endsWith('places.points')) return answers.points?.() ?? new Response(prepared.points.slice());
      if (url.endsWith('places.attributes.json')) return answers.attributes?.() ?? new Response(JSON.stringify(prepared.attributes));
      return new Response('', { status: 404 });
    },
  });
  return { requester, requests, prepared };
}

const near = (rgba: number[], rgb: number[]) => rgb.every((c, i) => Math.abs(rgba[i]! - c) <= 12) && rgba[3]! > 200;
const status = (view: CartableMapView) => view.store!.state.layers.pts!;
const popupTitle = (view: CartableMapView) =>
  view.shadowRoot!.querySelector('cartable-popup')?.shadowRoot?.querySelector('h2')?.textContent?.trim();

/** The legend's entries: label and circle fill. */
async function legendOf(view: CartableMapView): Promise<string[][]> {
  const legend = view.shadowRoot!.querySelector('cartable-legend')!;
  await legend.updateComplete;
  return [...legend.shadowRoot!.querySelectorAll('li')].map((li) => [li.textContent!.trim(), li.querySelector('svg circle')?.getAttribute('fill') ?? '']);
}

describe('points layer (compact form prepared by the build)', function () {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  for (const [name, view] of Object.entries(views([3, 46.8], { zoom: 6, scale: 8_000_000 }))) {
    it(`draws each point where it belongs with its category colour, in ${name}`, async () => {
      const { requester } = serving();
      const { view: element, map } = await showMap(doc(view), requester);
      map.renderSync();
      expect(status(element)).to.include({ status: 'ready', featureCount: 4 });
      expect(near(colourAt(map, pixelOf(map, GRENOBLE)), BLUE), `Grenoble ${colourAt(map, pixelOf(map, GRENOBLE))}`).to.equal(true);
      expect(near(colourAt(map, pixelOf(map, LYON)), BLUE), 'Lyon').to.equal(true);
      expect(near(colourAt(map, pixelOf(map, PARIS)), RED), 'Paris').to.equal(true);
      expect(near(colourAt(map, pixelOf(map, NANTES)), GREY), 'Nantes: the base symbol').to.equal(true);
      // Nothing between the places, nor 10 px off a point (radius 6).
      const [gx, gy] = pixelOf(map, GRENOBLE);
      expect(colourAt(map, [gx! + 10, gy!])[3]).to.equal(0);
      expect(colourAt(map, pixelOf(map, [0, 44]))[3]).to.equal(0);
    });
  }

  it('follows the scale rules (the legend is built from the same style)', async () => {
    const { requester } = serving();
    const { view: element, map } = await showMap(doc(views(GRENOBLE, { zoom: 12 }).mercator), requester);
    map.renderSync();
    expect(near(colourAt(map, pixelOf(map, GRENOBLE)), GREEN), `${colourAt(map, pixelOf(map, GRENOBLE))}`).to.equal(true);
    // Radius 8 in this rule: 7 px off the centre is still the marker.
    const [x, y] = pixelOf(map, GRENOBLE);
    expect(near(colourAt(map, [x! + 7, y!]), GREEN)).to.equal(true);
    expect(element.store!.state.layers.pts!.status).to.equal('ready');
    expect(await legendOf(element)).to.deep.equal([['Lieux', '#2ca02c']]);
  });

  it('has the legend of its style, in the colours it draws', async () => {
    const { requester } = serving();
    const { view: element, map } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), requester);
    map.renderSync();
    expect(await legendOf(element)).to.deep.equal([['84', '#1f77b4'], ['11', '#d62728'], ['Autres', '#9e9e9e']]);
  });

  it('identifies the nearest point within the tolerance, and opens its record on a click', async () => {
    const { requester } = serving();
    const { view: element, map } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), requester);
    const [gx, gy] = pixelOf(map, GRENOBLE);
    const groups = hitVectorLayers(map, [gx! + 3, gy! - 2], { layerIds: new Set(['pts']), tolerance: 4 });
    expect(groups).to.have.length(1);
    expect(groups[0]!.items.map((i) => [i.id, i.properties.nom, i.properties.note])).to.deep.equal([[1, 'Grenoble', 'Alpes']]);
    expect(hitVectorLayers(map, [gx! + 14, gy!], { layerIds: new Set(['pts']), tolerance: 4 })).to.deep.equal([]);
    expect(hitVectorLayers(map, [gx!, gy!], { layerIds: new Set(['other']), tolerance: 4 })).to.deep.equal([]);

    const viewport = map.getViewport()!;
    const rect = viewport.getBoundingClientRect();
    const [px, py] = pixelOf(map, PARIS);
    const init = { bubbles: true, composed: true, clientX: rect.left + px! + 2, clientY: rect.top + py!, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0 };
    viewport.dispatchEvent(new PointerEvent('pointerdown', init));
    viewport.dispatchEvent(new PointerEvent('pointerup', init));
    viewport.dispatchEvent(new MouseEvent('click', init));
    await waitFor(() => popupTitle(element) === 'Paris');
    expect(element.store!.state.selection).to.deep.equal({ layerId: 'pts', featureId: 2 });

    // A hidden layer is not identified.
    element.store!.dispatch({ type: 'set-visible', id: 'pts', visible: false });
    expect(hitVectorLayers(map, [gx!, gy!], { layerIds: new Set(['pts']), tolerance: 4 })).to.deep.equal([]);
  });

  it('finds a point by id (findFeature), and a deep link opens its record', async () => {
    history.replaceState(null, '', `${location.pathname}?feature=pts~6`);
    const { requester } = serving();
    const { view: element, map } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), requester);
    const feature = element.adapter!.findFeature('pts', 4)!;
    expect(feature.getId()).to.equal(4);
    expect(feature.get('nom')).to.equal('Nantes');
    const at = transform((feature.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates(), 'EPSG:3857', 'EPSG:4326');
    expect(at[0]).to.be.closeTo(NANTES[0]!, 1e-4);
    expect(at[1]).to.be.closeTo(NANTES[1]!, 1e-4);
    expect(element.adapter!.findFeature('pts', 99)).to.equal(undefined);
    await waitFor(() => popupTitle(element) === 'Lyon');
    // The link zoomed onto Lyon.
    const [x, y] = pixelOf(map, LYON);
    const size = map.getSize()!;
    expect(Math.abs(x! - size[0]! / 2)).to.be.below(size[0]! / 4);
    expect(Math.abs(y! - size[1]! / 2)).to.be.below(size[1]! / 4);
    expect(await element.showFeature({ layerId: 'pts', featureId: '1' })).to.equal(true);
    await waitFor(() => popupTitle(element) === 'Grenoble');
  });

  it('turns a missing file (404) into the error state, and retry loads it', async () => {
    let broken = true;
    const { requester } = serving({ points: () => (broken ? new Response('no', { status: 404 }) : undefined!) });
    const { view: element, map } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), requester);
    expect(status(element)).to.include({ status: 'error' });
    expect(status(element).problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(await layerRowText(element, 'pts')).to.contain('404');
    broken = false;
    element.adapter!.retry('pts');
    await waitFor(() => status(element).status === 'ready');
    expect(status(element).featureCount).to.equal(4);
    map.renderSync();
    await waitFor(() => near(colourAt(map, pixelOf(map, PARIS)), RED));
  });

  it('says when the binary is truncated or is not compact points, and when the attributes do not match', async () => {
    const cut = serving();
    const truncated = serving({ points: () => new Response(cut.prepared.points.slice(0, 20)) });
    const { view: a } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), truncated.requester);
    expect(status(a).problem).to.deep.equal({ code: 'truncated' });
    unmountAll();
    const garbage = serving({ points: () => new Response('<html>not found</html>') });
    const { view: b } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), garbage.requester);
    expect(status(b).problem?.code).to.equal('invalid-data');
    unmountAll();
    const mismatch = serving({ attributes: () => new Response(JSON.stringify({ version: 1, count: 3, skipped: 0, columns: {} })) });
    const { view: c } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator), mismatch.requester);
    expect(status(c).problem?.code).to.equal('invalid-data');
  });

  it('reads a GeoJSON "file" itself when the document did not go through the build', async () => {
    const requester = createRequester({
      fetch: async (input) => (String(input).endsWith('places.geojson') ? new Response(JSON.stringify(PLACES)) : new Response('', { status: 404 })),
    });
    const { view: element, map } = await showMap(doc(views([3, 46.8], { zoom: 6 }).mercator, { prepared: undefined, file: 'data/places.geojson' }), requester);
    map.renderSync();
    expect(status(element)).to.include({ status: 'ready', featureCount: 4 });
    expect(near(colourAt(map, pixelOf(map, PARIS)), RED)).to.equal(true);
  });
});
