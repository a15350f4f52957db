import { expect } from 'chai';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const point = (id: string, at: number[]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { code: id } });
const layer = (id: string, at: number[], extra: Record<string, unknown> = {}) => ({
  type: 'geojson',
  id,
  title: id,
  data: { type: 'FeatureCollection', features: [point(`${id}-1`, at)] },
  idField: 'code',
  fields: [{ name: 'code' }],
  style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#ff0000' } } } },
  ...extra,
});

const context = () =>
  validContext({
    version: 1,
    id: 'lien',
    title: 'Lien',
    view: { center: [3.5, 47], zoom: 6 },
    basemaps: [{ type: 'empty', id: 'aucun', title: 'Aucun', active: true }, { type: 'empty', id: 'autre', title: 'Autre' }],
    layers: [layer('places', [2.35, 48.85]), layer('other', [4.83, 45.76], { visible: false })],
  });

async function open(url: string, urlState = false): Promise<CartableMapView> {
  const view = mount(new CartableMapView(), 'display:grid;width:900px;height:600px');
  const rendered = nextEvent(view, 'cartable-map-rendered');
  view.startUrl = url;
  view.urlState = urlState;
  view.context = context();
  await rendered;
  return view;
}

const zIndexOf = (view: CartableMapView, id: string): number | undefined =>
  view.adapter!.map.getAllLayers().find((l) => l.get('cartable:id') === id)?.getZIndex();

describe('permalinks in the map view', () => {
  const before = location.href;
  afterEach(() => {
    unmountAll();
    history.replaceState(null, '', before);
  });

  it('opens in the state a link describes, before the map is drawn', async () => {
    const view = await open('https://site.example/maps/lien.html?c=2.35,48.85&z=9&l=other:0.4,places&bm=autre&panel=0');
    const olView = view.adapter!.map.getView();
    const [lon, lat] = toLonLat(olView.getCenter()!);
    expect(lon).to.be.closeTo(2.35, 1e-6);
    expect(lat).to.be.closeTo(48.85, 1e-6);
    expect(olView.getZoom()).to.equal(9);
    const layers = view.store!.state.layers;
    expect([layers.places!.visible, layers.other!.visible, layers.other!.opacity]).to.deep.equal([true, true, 0.4]);
    expect(view.store!.state.basemap).to.equal('autre');
    // "other" is drawn above "places".
    expect(zIndexOf(view, 'other')!).to.be.greaterThan(zIndexOf(view, 'places')!);
    expect(view.shadowRoot!.querySelector('aside')!.hidden).to.equal(true);
    expect(view.shadowRoot!.querySelector('.notice')!.textContent).to.equal('');
    // Its own permalink says the same.
    const again = new URL(view.permalink());
    expect(['c', 'z', 'l', 'bm', 'panel'].map((k) => again.searchParams.get(k))).to.deep.equal(['2.35,48.85', '9', 'other:0.4,places', 'autre', '0']);
  });

  it('ignores stale or bad values with a quiet notice', async () => {
    const view = await open('https://site.example/?c=2,48&z=NaN&l=gone&bm=nope&panel=maybe');
    expect(view.adapter!.map.getView().getZoom()).to.equal(6);
    expect(view.store!.state.layers.places!.visible).to.equal(true);
    expect(view.store!.state.basemap).to.equal('aucun');
    expect(view.shadowRoot!.querySelector('.notice')!.textContent).to.match(/ignorée/);
  });

  it('writes the state to the address bar as it changes (view moves after a pause)', async () => {
    history.replaceState(null, '', `${location.pathname}?keep=1`);
    const view = await open(location.href, true);
    expect(location.search).to.equal('?keep=1'); // Nothing is written before the state changes.
    view.store!.dispatch({ type: 'set-visible', id: 'other', visible: true });
    view.store!.dispatch({ type: 'set-order', order: ['other'] });
    await waitFor(() => new URL(location.href).searchParams.get('l') === 'other,places');
    view.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!.querySelector<HTMLButtonElement>('.panel-toggle')!.click();
    await waitFor(() => new URL(location.href).searchParams.get('panel') === '0');
    view.adapter!.map.getView().setCenter(fromLonLat([5, 45]));
    view.adapter!.map.getView().setZoom(8);
    await waitFor(() => new URL(location.href).searchParams.get('c') === '5,45');
    const url = new URL(location.href);
    expect(url.searchParams.get('z')).to.equal('8');
    expect(url.searchParams.get('keep')).to.equal('1');
  });
});
