import { expect } from 'chai';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const context = () =>
  validContext({
    version: 1,
    id: 'integree',
    title: 'Carte intégrée',
    attributions: ['Source de démonstration'],
    view: { center: [3.5, 47], zoom: 6 },
    layers: [
      {
        type: 'geojson',
        id: 'places',
        title: 'Lieux',
        data: { type: 'FeatureCollection', features: [] },
        style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#ff0000' } } } },
      },
    ],
  });

async function open(query: string): Promise<CartableMapView> {
  const view = mount(new CartableMapView(), 'display:grid;width:900px;height:600px');
  const rendered = nextEvent(view, 'cartable-map-rendered');
  view.startUrl = `https://cartes.example/maps/integree.html?${query}`;
  view.urlState = false;
  view.context = context();
  await rendered;
  return view;
}

/** The map's header draws its links and buttons in its own shadow root. */
const headerRoot = (view: CartableMapView): ShadowRoot => view.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!;

const wheel = (target: Element, init: WheelEventInit): WheelEvent => {
  const box = target.getBoundingClientRect();
  const event = new WheelEvent('wheel', { deltaY: -300, deltaMode: 0, bubbles: true, cancelable: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, ...init });
  target.dispatchEvent(event);
  return event;
};

describe('embed mode', () => {
  afterEach(unmountAll);

  it('shows only the controls its switches keep, attributions always, and a link to the full map', async () => {
    const view = await open('embed=1&ctl.zoom=0&ctl.layers=0&ctl.legend=0&c=3,46&z=7');
    const root = view.shadowRoot!;
    expect(view.hasAttribute('embedded')).to.equal(true);
    expect(root.querySelector('.ol-zoom')).to.equal(null);
    expect(root.querySelector('.ol-scale-line')).to.not.equal(null);
    const header = headerRoot(view);
    expect(header.querySelector('h1')!.textContent).to.equal('Carte intégrée'); // The header is drawn: the absences below mean something.
    expect(header.querySelector('.panel-toggle')).to.equal(null);
    expect(root.querySelector('cartable-layer-tree')).to.equal(null);
    expect(root.querySelector('cartable-legend')).to.equal(null);
    expect(header.querySelector('a.back')).to.equal(null);
    expect(header.querySelector('cartable-language-switch')).to.equal(null);
    expect(header.querySelector('.share-toggle')).to.equal(null);
    expect(root.querySelector('.attributions')!.textContent).to.contain('Source de démonstration');
    const full = header.querySelector<HTMLAnchorElement>('a.full-map')!;
    expect(full.target).to.equal('_blank');
    const href = new URL(full.href);
    expect(href.searchParams.has('embed')).to.equal(false);
    expect(href.searchParams.has('ctl.zoom')).to.equal(false);
    expect(href.searchParams.get('c')).to.equal('3,46');
  });

  it('keeps every control outside embed mode, whatever the switches say', async () => {
    const view = await open('ctl.zoom=0&ctl.layers=0');
    const root = view.shadowRoot!;
    expect(view.hasAttribute('embedded')).to.equal(false);
    expect(root.querySelector('.ol-zoom')).to.not.equal(null);
    expect(root.querySelector('cartable-layer-tree')).to.not.equal(null);
    expect(headerRoot(view).querySelector('a.back')).to.not.equal(null);
    expect(headerRoot(view).querySelector('a.full-map')).to.equal(null);
  });

  it('leaves the plain wheel to the page, with a hint, and zooms with Ctrl + wheel', async () => {
    const view = await open('embed=1');
    const map = view.adapter!.map;
    const viewport = map.getViewport()!;
    const zoom = map.getView().getZoom();
    const plain = wheel(viewport, {});
    expect(plain.defaultPrevented).to.equal(false); // The host page scrolls.
    await waitFor(() => !!view.shadowRoot!.querySelector('.gesture-hint'));
    expect(view.shadowRoot!.querySelector('.gesture-hint')!.textContent).to.match(/Ctrl/);
    // The hint goes away by itself; by then a wheel zoom (80 ms wait, 250 ms animation) would have shown.
    await waitFor(() => !view.shadowRoot!.querySelector('.gesture-hint'), 4000);
    expect(map.getView().getZoom()).to.equal(zoom);
    const withCtrl = wheel(viewport, { ctrlKey: true });
    expect(withCtrl.defaultPrevented).to.equal(true);
    await waitFor(() => map.getView().getZoom() !== zoom, 3000);
  });

  it('pans with one finger only outside embed mode; inside, a finger drag is left to the page (with a hint) and the mouse still pans', async () => {
    const drag = (view: CartableMapView, pointerType: string): void => {
      const viewport = view.adapter!.map.getViewport()!;
      const box = viewport.getBoundingClientRect();
      const at = (dx: number) => ({ pointerId: 7, pointerType, isPrimary: true, button: 0, buttons: 1, bubbles: true, cancelable: true, clientX: box.left + 300 + dx, clientY: box.top + 300 });
      viewport.dispatchEvent(new PointerEvent('pointerdown', at(0)));
      for (const dx of [20, 60, 120]) document.dispatchEvent(new PointerEvent('pointermove', at(dx)));
      document.dispatchEvent(new PointerEvent('pointerup', { ...at(120), buttons: 0 }));
    };
    const centre = (view: CartableMapView): number => view.adapter!.map.getView().getCenter()![0]!;

    const embedded = await open('embed=1');
    const before = centre(embedded);
    drag(embedded, 'touch');
    // A drag the map takes pans it as the pointer moves (synchronously), before any later check.
    expect(centre(embedded)).to.equal(before);
    const viewport = embedded.adapter!.map.getViewport()!;
    const finger = new Touch({ identifier: 1, target: viewport, clientX: 10, clientY: 10 });
    viewport.dispatchEvent(new TouchEvent('touchmove', { touches: [finger], bubbles: true }));
    await waitFor(() => /deux doigts/.test(embedded.shadowRoot!.querySelector('.gesture-hint')?.textContent ?? ''));
    expect(centre(embedded)).to.equal(before); // Still, once the hint has shown.
    drag(embedded, 'mouse');
    await waitFor(() => centre(embedded) !== before, 3000);
    unmountAll();

    const full = await open('');
    const start = centre(full);
    drag(full, 'touch');
    await waitFor(() => centre(full) !== start, 3000);
  });

  it('zooms with the plain wheel outside embed mode', async () => {
    const view = await open('');
    const map = view.adapter!.map;
    const zoom = map.getView().getZoom();
    expect(wheel(map.getViewport()!, {}).defaultPrevented).to.equal(true);
    await waitFor(() => map.getView().getZoom() !== zoom, 3000);
  });

  it('never takes the focus when it opens', async () => {
    const before = document.activeElement;
    await open('embed=1&feature=places~1');
    expect(document.activeElement).to.equal(before);
  });
});
