/** What the map itself says when services fail: one alert per service, on the map, with retry. */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import type { MapContext } from '../../../src/context/types.js';
import { useLanguage } from '../../../src/i18n/localization.js';
import { MapStore, initialState, type LayerProblem } from '../../../src/state/store.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { CartableServiceAlerts } from '../../../src/ui/cartable-service-alerts.js';
import { describeLayerProblem } from '../../../src/ui/layer-problem.js';
import '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-service-alerts.js';
import { axeViolations } from '../support/axe.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';
import { memoryRequester } from '../layers/ogc-support.js';

const NETWORK: LayerProblem = { code: 'network' };
const wms = (id: string, title: string, host: string, extra: Record<string, unknown> = {}) => ({ type: 'wms', id, title, url: `${host}/wms-r/wms`, layers: id.toUpperCase(), ...extra });

/** A map like « Nature & Paysage »: an IGN basemap and protected areas on one service, sites on another. */
function natureMap(host = 'https://data.geopf.fr'): MapContext {
  return validContext({
    version: 1,
    id: 'np',
    title: 'Nature',
    view: { center: [4.85, 45.75], zoom: 8 },
    basemaps: [
      { type: 'wmts', id: 'plan', title: 'Plan IGN', url: `${host}/wmts`, layer: 'PLAN', matrixSet: 'PM', format: 'image/png', style: 'normal', active: true, attributions: ['IGN – Géoplateforme'] },
      { type: 'empty', id: 'aucun', title: 'Sans fond' },
    ],
    layers: [
      { type: 'group', id: 'zones', title: 'Zones', layers: [wms('sic', 'SIC', host), wms('zps', 'ZPS', host)] },
      wms('pn', 'Parcs nationaux', host),
      wms('apb', 'Biotopes', host, { visible: false }),
      { type: 'geojson', id: 'sites', title: 'Sites', url: 'https://sites.example/sites.geojson', style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#a0522d' } } } } },
    ],
  });
}

/** The element alone, fed a state in which some layers failed. */
async function showAlerts(failures: Record<string, LayerProblem>, context = natureMap()) {
  const store = new MapStore(initialState(context));
  for (const [id, problem] of Object.entries(failures)) store.dispatch({ type: 'set-layer-status', id, status: 'error', problem });
  const element = mount(new CartableServiceAlerts(), 'position:relative;display:block;width:900px;height:600px');
  element.layers = context.layers;
  element.basemaps = context.basemaps;
  element.state = store.state;
  await element.updateComplete;
  return { element, store };
}

const alertsOf = (element: CartableServiceAlerts) =>
  [...element.shadowRoot!.querySelectorAll('.alert')].map((alert) => ({
    title: alert.querySelector('.title')!.textContent!.trim(),
    details: [...alert.querySelectorAll('.cause, .problem-lines li')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim()),
    button: alert.querySelector('button.retry')!.textContent!.trim(),
  }));

const overlaps = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('cartable-service-alerts', function () {
  this.timeout(30000);
  afterEach(async () => {
    unmountAll();
    await useLanguage('fr');
  });

  it('makes one alert of the layers that fail on one service (host, count, each cause with its layers), and one per lone layer', async () => {
    const http503 = { code: 'http', detail: '503' } as const;
    const http404 = { code: 'http', detail: '404' } as const;
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK, zps: NETWORK, pn: http503, sites: http404, apb: NETWORK });
    expect(alertsOf(element)).to.deep.equal([
      {
        title: '4 couches indisponibles sur data.geopf.fr',
        details: [`${describeLayerProblem(NETWORK)} — fond « Plan IGN », SIC et ZPS`, `${describeLayerProblem(http503)} — Parcs nationaux`],
        button: 'Tout réessayer',
      },
      // The hidden layer (apb) says nothing: it is not on the map.
      { title: 'Couche « Sites » indisponible', details: [`${describeLayerProblem(http404)} (sites.example)`], button: 'Réessayer' },
    ]);
  });

  it('names the basemap when it fails alone: « Fond de carte … indisponible »', async () => {
    const { element } = await showAlerts({ plan: NETWORK });
    expect(alertsOf(element)).to.deep.equal([
      { title: 'Fond de carte « Plan IGN » indisponible', details: [`${describeLayerProblem(NETWORK)} (data.geopf.fr)`], button: 'Réessayer' },
    ]);
  });

  it('« Tout réessayer » asks every layer of its service to load again, and nothing else', async () => {
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK, zps: NETWORK, pn: NETWORK, sites: NETWORK });
    const asked: string[] = [];
    element.addEventListener('cartable-layer-retry', (e) => asked.push(e.detail.id));
    element.shadowRoot!.querySelector<HTMLButtonElement>('.alert .retry')!.click();
    expect(asked).to.deep.equal(['plan', 'sic', 'zps', 'pn']);
  });

  it('is usable from the keyboard: hiding an alert moves focus to the next; when the last goes, focus returns to the map', async () => {
    const { element, store } = await showAlerts({ sic: NETWORK, zps: NETWORK, sites: NETWORK });
    const [first, second] = element.shadowRoot!.querySelectorAll('.alert');
    const hide = first!.querySelector<HTMLButtonElement>('button[aria-label="Masquer ce message"]')!;
    hide.focus();
    hide.click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('.alert')).to.have.length(1);
    expect(element.shadowRoot!.activeElement).to.equal(second!.querySelector('.retry'));
    // A new failure on the hidden alert's service shows it again.
    store.dispatch({ type: 'set-layer-status', id: 'pn', status: 'error', problem: NETWORK });
    element.state = store.state;
    await element.updateComplete;
    expect(alertsOf(element).map((a) => a.title)).to.deep.equal(['3 couches indisponibles sur data.geopf.fr', 'Couche « Sites » indisponible']);
    // The focused alert's layer comes back: the map gets focus.
    const toMap = nextEvent(element, 'cartable-focus-map');
    for (const id of ['sic', 'zps', 'pn']) store.dispatch({ type: 'set-layer-status', id, status: 'ready' });
    element.state = store.state;
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.alert .retry')!.focus();
    store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'ready' });
    element.state = store.state;
    await toMap;
    expect(element.shadowRoot!.querySelectorAll('.alert')).to.have.length(0);
  });

  it('speaks English', async () => {
    await useLanguage('en');
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK });
    element.language = 'en';
    await element.updateComplete;
    expect(alertsOf(element)[0]).to.deep.include({ title: '2 layers unavailable on data.geopf.fr', button: 'Retry all' });
    expect(alertsOf(element)[0]!.details[0]).to.match(/ — basemap “Plan IGN” and SIC$/);
    const { element: alone } = await showAlerts({ plan: NETWORK });
    alone.language = 'en';
    await alone.updateComplete;
    expect(alertsOf(alone)[0]).to.deep.include({ title: 'Basemap “Plan IGN” unavailable', button: 'Retry' });
  });

  describe('on the map of a phone (390 × 844), panel closed', () => {
    before(() => setViewport({ width: 390, height: 844 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('shows the alert over the map, clear of the zoom buttons, scale line and attributions; polite, no axe violation; retry reaches each layer', async () => {
      // Every request fails as a dead server does; the services sit on a closed loopback port (legend images too).
      const requester = memoryRequester(() => Promise.reject(new TypeError('Failed to fetch'))).requester;
      // The view's own grid (not display:block): on a phone the panel is a sheet and gives the body no height.
      const view = mount(new CartableMapView(), 'display:grid;width:390px;height:844px');
      view.requester = requester;
      const rendered = nextEvent(view, 'cartable-map-rendered');
      view.context = natureMap('http://127.0.0.1:9');
      const root = view.shadowRoot!;
      await view.updateComplete;
      const element = root.querySelector('cartable-service-alerts')!;
      // The live region is there before anything fails, so that what comes into it is heard.
      await element.updateComplete;
      const live = element.shadowRoot!.querySelector('[role="status"]')!;
      expect(live.getAttribute('aria-live')).to.equal('polite');
      await rendered;
      await waitFor(() => alertsOf(element).length === 2, 20000);
      expect(root.querySelector('aside')!.hidden, 'the panel is closed').to.equal(true);
      expect(alertsOf(element).map((a) => a.title)).to.deep.equal(['4 couches indisponibles sur 127.0.0.1:9', 'Couche « Sites » indisponible']);
      expect(live.contains(element.shadowRoot!.querySelector('.alert'))).to.equal(true);

      const map = root.querySelector('.map')!.getBoundingClientRect();
      const boxes = [...element.shadowRoot!.querySelectorAll('.alert')].map((a) => a.getBoundingClientRect());
      const controls = ['.ol-zoom', '.ol-scale-line', '.attributions'].map((selector) => [selector, root.querySelector(selector)!.getBoundingClientRect()] as const);
      for (const box of boxes) {
        expect(box.width).to.be.greaterThan(300);
        expect(box.left).to.be.at.least(map.left);
        expect(box.right).to.be.at.most(map.right);
        expect(box.top).to.be.at.least(map.top);
        expect(box.bottom).to.be.at.most(map.bottom);
        for (const [selector, control] of controls) expect(overlaps(box, control), `an alert covers ${selector}`).to.equal(false);
      }
      expect(await axeViolations(element)).to.deep.equal([]);

      const asked: string[] = [];
      const retry = view.adapter!.retry.bind(view.adapter);
      view.adapter!.retry = (id: string) => {
        asked.push(id);
        retry(id);
      };
      element.shadowRoot!.querySelector<HTMLButtonElement>('.alert .retry')!.click();
      expect(asked).to.deep.equal(['plan', 'sic', 'zps', 'pn']);
    });
  });
});
