/** Services that fail to answer a click: one translated line per cause, naming the layers, never the browser's words. */
import { expect } from 'chai';
import { useLanguage } from '../../../src/i18n/localization.js';
import { CartablePopup } from '../../../src/ui/cartable-popup.js';
import { describeLayerProblem } from '../../../src/ui/layer-problem.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-popup.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';
import { memoryRequester, params, wmsGetMap, type Handler } from '../layers/ogc-support.js';
import { clickAt } from './click.js';

const LYON = [4.8357, 45.764];
// Loopback addresses: the legend images (plain <img>) never leave the machine; the requester answers the rest.
const SERVICE = `${location.origin}/__no-such-service__/wms`;
const OTHER = `${location.origin}/__other-service__/wms`;
const TITLES = ['Sites Natura 2000', 'Zones de protection spéciale', 'Parcs nationaux', 'Parcs naturels régionaux', 'Réserves'];

function context() {
  return validContext({
    version: 1,
    id: 'clics',
    title: 'Clics',
    view: { center: LYON, zoom: 8 },
    layers: TITLES.map((title, i) => ({ type: 'wms', id: `l${i}`, title, url: i === 4 ? OTHER : SERVICE, layers: `L${i}`, infoFormat: 'json' })),
  });
}

/** Every GetFeatureInfo of SERVICE fails as a dead server does; OTHER answers 500. */
const handler: Handler = (url) => {
  if (params(url).REQUEST !== 'GetFeatureInfo') return wmsGetMap(url);
  if (url.startsWith(OTHER)) return new Response('boom', { status: 500 });
  return Promise.reject(new TypeError('Failed to fetch'));
};

/** A cause as the layer list words it (its words belong to src/ui/layer-problem.ts). */
const NETWORK = () => describeLayerProblem({ code: 'network' });
const HTTP_500 = () => describeLayerProblem({ code: 'http', detail: '500' });

const lines = (popup: CartablePopup): string[] =>
  [...popup.shadowRoot!.querySelectorAll('.failures li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('a click while services are down', function () {
  afterEach(async () => {
    unmountAll();
    await useLanguage('fr');
  });

  it('shows one translated line per cause, naming the layers, and never « Failed to fetch »', async () => {
    const view = mount(new CartableMapView(), 'display:block;width:900px;height:640px');
    view.requester = memoryRequester(handler).requester;
    const rendered = nextEvent(view, 'cartable-map-rendered');
    view.context = context();
    await rendered;
    clickAt(view, LYON);
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-popup'), 20000);
    const popup = view.shadowRoot!.querySelector('cartable-popup')!;
    await popup.updateComplete;
    expect(popup.shadowRoot!.querySelector('h2')!.textContent).to.equal('Aucune information disponible ici');
    expect(lines(popup)).to.deep.equal([
      `${NETWORK()} — Sites Natura 2000, Zones de protection spéciale, Parcs nationaux et Parcs naturels régionaux`,
      `${HTTP_500()} — Réserves`,
    ]);
    expect(NETWORK()).to.match(/^Service injoignable/);
    expect(popup.shadowRoot!.textContent).not.to.match(/fetch|HTTP|Error\b/i);
    // The layers themselves are drawn: a failed question is not a failed layer.
    expect(view.store!.state.layers.l0!.status).to.equal('ready');
  });

  it('says the same in English', async () => {
    await useLanguage('en');
    const popup = mount(new CartablePopup(), 'display:block;width:360px;height:480px');
    popup.layers = new Map(context().layers.map((l) => [l.id, l as never]));
    popup.language = 'en';
    popup.groups = [
      { layerId: 'l0', items: [], problem: { code: 'network' } },
      { layerId: 'l1', items: [], problem: { code: 'network' } },
      { layerId: 'l4', items: [], problem: { code: 'http', detail: '500' } },
    ];
    await popup.updateComplete;
    expect(lines(popup)).to.deep.equal([
      `${NETWORK()} — Sites Natura 2000 and Zones de protection spéciale`,
      `${HTTP_500()} — Réserves`,
    ]);
    expect(NETWORK()).to.match(/^Service unreachable/);
  });

  it('keeps the failures in view beside what other layers found', async () => {
    const popup = mount(new CartablePopup(), 'display:block;width:360px;height:480px');
    popup.layers = new Map(context().layers.map((l) => [l.id, l as never]));
    popup.groups = [
      { layerId: 'l0', items: [{ properties: { nom: 'Gorges' } }] },
      { layerId: 'l1', items: [], problem: { code: 'timeout' } },
      { layerId: 'l2', items: [], problem: { code: 'timeout' } },
    ];
    await popup.updateComplete;
    // One record: it is shown, and so is why two layers could not say what they have here.
    expect(lines(popup)).to.deep.equal([`${describeLayerProblem({ code: 'timeout' })} — Zones de protection spéciale et Parcs nationaux`]);
    // No empty "(0)" section for the layers that failed.
    popup.groups = [...popup.groups, { layerId: 'l3', items: [{ properties: { nom: 'Vercors' } }] }];
    await popup.updateComplete;
    expect([...popup.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Sites Natura 2000 (1)',
      'Parcs naturels régionaux (1)',
    ]);
    expect(lines(popup)).to.have.length(1);
  });
});
