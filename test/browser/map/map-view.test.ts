import { expect } from 'chai';
import { fromLonLat } from 'ol/proj.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { colourAt, showMap as showMapView } from '../support/map.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const PARIS = [2.3522, 48.8566];
const LYON = [4.8357, 45.764];

const places = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: PARIS }, properties: { code: 'P', nom: 'Paris', kind: 'capitale' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: LYON }, properties: { code: 'L', nom: 'Lyon', kind: 'ville' } },
  ],
};

function document3857(extraLayers: unknown[] = []) {
  return validContext({
    version: 1,
    id: 'essai',
    title: 'Essai',
    view: { center: [3.5, 47], zoom: 6 },
    layers: [
      ...extraLayers,
      {
        type: 'geojson',
        id: 'places',
        title: 'Lieux',
        data: places,
        idField: 'code',
        fields: [{ name: 'code' }, { name: 'nom' }, { name: 'kind' }],
        style: {
          categories: {
            field: 'kind',
            values: [
              { value: 'capitale', label: 'Capitale', symbol: { marker: { shape: 'circle', radius: 8, fill: { color: '#ff0000' } } } },
              { value: 'ville', label: 'Ville', symbol: { marker: { shape: 'circle', radius: 8, fill: { color: '#0000ff' } } } },
            ],
          },
        },
      },
    ],
  });
}

const showMap = (context: ReturnType<typeof validContext>) => showMapView(context, undefined, { width: 900, height: 600 });

describe('cartable-map-view', () => {
  afterEach(unmountAll);

  it('draws features where they belong and in their category colour', async () => {
    const { map } = await showMap(document3857());
    const pixel = map.getPixelFromCoordinate(fromLonLat(PARIS));
    const hits = map.getFeaturesAtPixel(pixel, { hitTolerance: 2 });
    expect(hits.map((f) => f.get('nom'))).to.deep.equal(['Paris']);
    const [r, g, b, a] = colourAt(map, pixel);
    expect(a).to.be.greaterThan(200);
    expect(r).to.be.greaterThan(200);
    expect(g! + b!).to.be.lessThan(80);
    const lyon = map.getPixelFromCoordinate(fromLonLat(LYON));
    expect(colourAt(map, lyon).slice(0, 3)).to.satisfy(([red, , blue]: number[]) => blue! > 200 && red! < 60);
    // Far from any feature: nothing there.
    expect(map.getFeaturesAtPixel([5, 5], { hitTolerance: 2 })).to.have.length(0);
  });

  it('hides a layer when its switch in the layer list is turned off', async () => {
    const { view, map } = await showMap(document3857());
    const tree = view.shadowRoot!.querySelector('cartable-layer-tree')!;
    await tree.updateComplete;
    const checkbox = tree.shadowRoot!.querySelector<HTMLInputElement>('li[data-layer="places"] input[type="checkbox"]')!;
    expect(checkbox.checked).to.equal(true);
    checkbox.click();
    expect(view.store!.state.layers.places!.visible).to.equal(false);
    map.renderSync();
    const pixel = map.getPixelFromCoordinate(fromLonLat(PARIS));
    expect(map.getFeaturesAtPixel(pixel, { hitTolerance: 2 })).to.have.length(0);
    expect(colourAt(map, pixel)[3]).to.equal(0);
    checkbox.click();
    map.renderSync();
    expect(map.getFeaturesAtPixel(pixel, { hitTolerance: 2 })).to.have.length(1);
  });

  it('changes a layer opacity from its slider', async () => {
    const { view, map } = await showMap(document3857());
    const tree = view.shadowRoot!.querySelector('cartable-layer-tree')!;
    const slider = tree.shadowRoot!.querySelector<HTMLInputElement>('li[data-layer="places"] input[type="range"]')!;
    slider.value = '40';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    expect(view.store!.state.layers.places!.opacity).to.equal(0.4);
    const layer = map.getAllLayers().find((l) => l.get('cartable:id') === 'places')!;
    expect(layer.getOpacity()).to.equal(0.4);
  });

  it('shows a Lambert-93 map with Lambert-93 data at the right place', async () => {
    const context = validContext({
      version: 1,
      id: 'l93',
      title: 'Lambert-93',
      view: { projection: 'EPSG:2154', crs: 'EPSG:4326', center: [3, 46.5], scale: 5000000 },
      layers: [
        {
          type: 'geojson',
          id: 'origin',
          title: 'Origine',
          data: {
            type: 'FeatureCollection',
            crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } },
            features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [700000, 6600000] }, properties: { nom: 'origine' } }],
          },
          style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#00aa00' } } } },
        },
      ],
    });
    const { map } = await showMap(context);
    expect(map.getView().getProjection().getCode()).to.equal('EPSG:2154');
    const [x, y] = map.getView().getCenter()!;
    expect(x).to.be.closeTo(700000, 0.01);
    expect(y).to.be.closeTo(6600000, 0.01);
    const centre = [map.getSize()![0]! / 2, map.getSize()![1]! / 2];
    expect(map.getFeaturesAtPixel(centre, { hitTolerance: 2 }).map((f) => f.get('nom'))).to.deep.equal(['origine']);
    // 1:5 000 000 with 0.28 mm pixels is 1400 m per pixel.
    expect(map.getView().getResolution()).to.be.closeTo(1400, 1e-6);
  });

  it('keeps the map working when one layer fails, and says why in the layer list', async () => {
    // A 404 caused on purpose: the test server has no such file.
    const broken = { type: 'geojson', id: 'broken', title: 'Cassée', url: '/no-such-data.geojson', style: { symbol: { fill: { color: '#000' } } } };
    const { view, map } = await showMap(document3857([broken]));
    await waitFor(() => view.store!.state.layers.broken!.status === 'error');
    expect(view.store!.state.layers.broken!.problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(view.store!.state.layers.places!.status).to.equal('ready');
    const tree = view.shadowRoot!.querySelector('cartable-layer-tree')!;
    // The problem texts load with the first problem to show.
    await waitFor(() => !!tree.shadowRoot!.querySelector('li[data-layer="broken"]')?.textContent?.includes('Données introuvables (erreur 404)'));
    const row = tree.shadowRoot!.querySelector('li[data-layer="broken"]')!;
    expect(row.querySelector('button:not(.icon-button)')!.textContent!.trim()).to.equal('Réessayer');
    const pixel = map.getPixelFromCoordinate(fromLonLat(PARIS));
    expect(map.getFeaturesAtPixel(pixel, { hitTolerance: 2 })).to.have.length(1);
  });

  it('still says it has rendered when a layer fails after the last frame was drawn', async () => {
    const { createRequester } = await import('../../../src/net/requester.js');
    const view = mount(new CartableMapView(), 'display:block;width:600px;height:400px');
    // The layer's answers (a retry included) fail once the map has drawn its first frame.
    let firstFrame: Promise<void> | undefined;
    const slowFailure = createRequester({
      fetch: async () => {
        firstFrame ??= new Promise<void>((drawn) => view.adapter!.map.once('postrender', () => drawn()));
        await firstFrame;
        return new Response('down', { status: 503 });
      },
    });
    const late = { type: 'geojson', id: 'late', title: 'En retard', url: 'https://slow.example/x.geojson', style: { symbol: { fill: { color: '#000' } } } };
    view.requester = slowFailure;
    const rendered = nextEvent(view, 'cartable-map-rendered', 30000);
    view.context = document3857([late]);
    await rendered;
    expect(view.store!.state.layers.late!.status).to.equal('error');
  });

  it('builds the legend from the style', async () => {
    const { view } = await showMap(document3857());
    const legend = view.shadowRoot!.querySelector('cartable-legend')!;
    await legend.updateComplete;
    const labels = [...legend.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(labels).to.deep.equal(['Capitale', 'Ville']);
    const circle = legend.shadowRoot!.querySelector('li svg circle')!;
    expect(circle.getAttribute('fill')).to.equal('#ff0000');
  });
});
