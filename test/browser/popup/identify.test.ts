import { expect } from 'chai';
import { fromLonLat } from 'ol/proj.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { clickPixel, pixelOf, showMap } from '../support/map.js';
import { unmountAll, validContext, waitFor } from '../support/mount.js';

const MEIJE = [6.3038, 45.0204];
const BARRE = [6.3614, 44.9223];

function context() {
  return validContext({
    version: 1,
    id: 'geo',
    title: 'Géosites',
    view: { center: [6.33, 44.97], zoom: 10 },
    layers: [
      {
        type: 'geojson',
        id: 'sites',
        title: 'Sites',
        idField: 'code',
        fields: [{ name: 'code' }, { name: 'nom' }],
        popup: { title: '{{nom}}' },
        tooltip: '{{nom}}',
        data: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: MEIJE }, properties: { code: 'PAC0058', nom: 'La Meije' } },
            { type: 'Feature', geometry: { type: 'Point', coordinates: BARRE }, properties: { code: 'PAC0001', nom: 'Barre des Écrins' } },
          ],
        },
        style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#a0522d' } } } },
      },
      {
        type: 'geojson',
        id: 'zone',
        title: 'Zone',
        data: {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [[[6.2, 44.9], [6.45, 44.9], [6.45, 45.1], [6.2, 45.1], [6.2, 44.9]]] },
          properties: { nom: 'Cœur du parc' },
        },
        style: { symbol: { fill: { color: 'rgba(0,128,0,0.2)' }, stroke: { color: '#080', width: 1 } } },
      },
    ],
  });
}

const showSites = async (): Promise<CartableMapView> => (await showMap(context(), undefined, { width: 900, height: 640 })).view;

/** Clicks the map at a lon/lat, resolving once OpenLayers has handled the click (see support/map.ts). */
const clickAt = (view: CartableMapView, lonLat: number[]): Promise<void> => clickPixel(view.adapter!.map, pixelOf(view.adapter!.map, lonLat));

const popupOf = (view: CartableMapView) => view.shadowRoot!.querySelector('cartable-popup');

describe('identify on the map', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  it('opens the record of the clicked site, highlights it, names it in the URL, and closes with Escape', async () => {
    const view = await showSites();
    await clickAt(view, MEIJE);
    await waitFor(() => !!popupOf(view));
    const popup = popupOf(view)!;
    await popup.updateComplete;
    // The point lies inside the park too: two layers answer, the list comes first.
    expect(popup.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('2 objets à cet endroit');
    popup.shadowRoot!.querySelector<HTMLButtonElement>('ul.results button')!.click();
    await view.updateComplete;
    await popup.updateComplete;
    expect(popup.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('La Meije');
    expect(view.store!.state.selection).to.deep.equal({ layerId: 'sites', featureId: 'PAC0058' });
    expect(new URL(location.href).searchParams.get('feature')).to.equal('sites~PAC0058');
    popup.shadowRoot!.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await view.updateComplete;
    expect(popupOf(view)).to.equal(null);
    expect(view.store!.state.selection).to.equal(undefined);
    expect(new URL(location.href).searchParams.has('feature')).to.equal(false);
    expect(view.shadowRoot!.activeElement).to.equal(view.shadowRoot!.querySelector('.map'));
  });

  it('takes focus into the record a person opened', async () => {
    const view = await showSites();
    await clickAt(view, [6.25, 45.05]); // the park only
    await waitFor(() => !!popupOf(view));
    const popup = popupOf(view)!;
    await popup.updateComplete;
    expect(popup.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Cœur du parc');
    // The record takes focus once the map has stopped moving to show it (never under a moving map).
    await waitFor(() => popup.shadowRoot!.activeElement === popup.shadowRoot!.querySelector('h2'));
  });

  it('clicking where nothing is drawn closes the record', async () => {
    const view = await showSites();
    await clickAt(view, [6.25, 45.05]);
    await waitFor(() => !!popupOf(view));
    await clickAt(view, [5.9, 44.7]);
    await view.updateComplete;
    expect(popupOf(view)).to.equal(null);
  });
});

describe('deep links to a record', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  it('zooms to the site and opens its record without taking focus', async () => {
    history.replaceState(null, '', `${location.pathname}?feature=sites~PAC0001`);
    const before = document.activeElement;
    const view = await showSites();
    await waitFor(() => !!popupOf(view));
    const popup = popupOf(view)!;
    await popup.updateComplete;
    expect(popup.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Barre des Écrins');
    expect(document.activeElement).to.equal(before);
    const map = view.adapter!.map;
    const centre = map.getView().getCenter()!;
    const site = fromLonLat(BARRE);
    expect(Math.hypot(centre[0]! - site[0]!, centre[1]! - site[1]!)).to.be.lessThan(map.getView().getResolution()! * 400);
    expect(map.getView().getZoom()).to.be.greaterThan(11);
  });

  it('says so, quietly, when the site no longer exists', async () => {
    history.replaceState(null, '', `${location.pathname}?feature=sites~GONE`);
    const view = await showSites();
    await waitFor(() => view.shadowRoot!.querySelector('.notice')!.textContent!.includes('GONE'));
    expect(view.shadowRoot!.querySelector('.notice')!.getAttribute('role')).to.equal('status');
    expect(popupOf(view)).to.equal(null);
  });
});
