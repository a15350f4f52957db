/** What the map itself says when services fail: one alert per service, on the map, with retry. */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import type { MapContext } from '../../../src/context/types.js';
import { useLanguage } from '../../../src/i18n/localization.js';
import type { LayerProblem } from '../../../src/state/store.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { CartableServiceAlerts } from '../../../src/ui/cartable-service-alerts.js';
import { describeLayerProblem } from '../../../src/ui/layer-problem.js';
import '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-service-alerts.js';
import { axeViolations } from '../support/axe.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';
import { mountInSession } from '../support/session.js';
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
  const { element, session } = mountInSession(new CartableServiceAlerts(), context, 'position:relative;display:block;width:900px;height:600px');
  const store = session.store;
  for (const [id, problem] of Object.entries(failures)) store.dispatch({ type: 'set-layer-status', id, status: 'error', problem });
  await element.updateComplete;
  return { element, store };
}

const words = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

const alertsOf = (element: CartableServiceAlerts) =>
  [...element.shadowRoot!.querySelectorAll('.alert')].map((alert) => {
    const items = [...alert.querySelectorAll('.lines li')];
    return {
      title: words(alert.querySelector('.title')),
      details: items.length ? items.map(words) : [words(alert.querySelector('.lines'))],
      button: words(alert.querySelector('button.retry')),
    };
  });

/** The fold and the overall retry under the alerts: what they say, undefined when absent. */
const moreOf = (element: CartableServiceAlerts) => {
  const more = element.shadowRoot!.querySelector('.more');
  if (!more) return undefined;
  const toggle = more.querySelector('button.toggle');
  return {
    toggle: toggle ? { text: words(toggle), expanded: toggle.getAttribute('aria-expanded') } : undefined,
    retryAll: words(more.querySelector('button.retry-all')),
  };
};

/** A map whose basemap and `count - 1` layers each read from a host of their own (closed loopback ports). */
function manyServicesMap(count: number): MapContext {
  const host = (i: number) => `http://127.0.0.${i + 1}:9`;
  return validContext({
    version: 1,
    id: 'many',
    title: 'Services',
    view: { center: [4.85, 45.75], zoom: 8 },
    basemaps: [{ type: 'xyz', id: 'fond', title: 'Fond', url: `${host(0)}/{z}/{x}/{y}.png`, active: true, attributions: ['Fond © Service 1'] }],
    layers: Array.from({ length: count - 1 }, (_, i) => ({
      type: 'geojson',
      id: `c${i + 1}`,
      title: `Couche ${i + 1}`,
      url: `${host(i + 1)}/c.geojson`,
      style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#a0522d' } } } },
    })),
  });
}

/** Every layer of `context` (the basemap included) failing with `problem`. */
const allFailing = (context: MapContext, problem: LayerProblem): Record<string, LayerProblem> =>
  Object.fromEntries([...context.basemaps.map((b) => b.id), ...context.layers.map((l) => l.id)].map((id) => [id, problem]));

const overlaps = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('cartable-service-alerts', function () {
  afterEach(async () => {
    unmountAll();
    await useLanguage('fr');
  });

  it('makes one alert of the layers that fail on one service (host, count, each line the layers named, then their cause), and one per lone layer', async () => {
    const http503 = { code: 'http', detail: '503' } as const;
    const http404 = { code: 'http', detail: '404' } as const;
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK, zps: NETWORK, pn: http503, sites: http404, apb: NETWORK });
    expect(alertsOf(element)).to.deep.equal([
      {
        title: '4 couches indisponibles sur data.geopf.fr',
        details: [`fond « Plan IGN », SIC et ZPS : ${describeLayerProblem(NETWORK)}`, `Parcs nationaux : ${describeLayerProblem(http503)}`],
        button: 'Réessayer',
      },
      // The hidden layer (apb) says nothing: it is not on the map. The host is in the title, not after the cause.
      { title: 'Couche « Sites » indisponible sur sites.example', details: [describeLayerProblem(http404)], button: 'Réessayer' },
    ]);
    // Two services: one « Tout réessayer » for both; nothing folded.
    expect(moreOf(element)).to.deep.equal({ toggle: undefined, retryAll: 'Tout réessayer' });
  });

  it('never puts two brackets side by side: « (délai dépassé) (host) »', async () => {
    const { element } = await showAlerts({ plan: { code: 'timeout' }, sites: { code: 'timeout' } });
    const text = words(element.shadowRoot!.querySelector('.alerts'));
    expect(text).to.include('Le service ne répond pas (délai dépassé)');
    expect(text).not.to.match(/\)\s*\(/);
  });

  it('names the basemap when it fails alone: « Fond de carte … indisponible sur host », and offers no overall retry', async () => {
    const { element } = await showAlerts({ plan: NETWORK });
    expect(alertsOf(element)).to.deep.equal([
      { title: 'Fond de carte « Plan IGN » indisponible sur data.geopf.fr', details: [describeLayerProblem(NETWORK)], button: 'Réessayer' },
    ]);
    expect(moreOf(element)).to.equal(undefined);
  });

  it('one service failing with several layers: its own button is « Tout réessayer », and asks each of them', async () => {
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK, zps: NETWORK, pn: NETWORK });
    expect(alertsOf(element).map((a) => a.button)).to.deep.equal(['Tout réessayer']);
    expect(moreOf(element)).to.equal(undefined);
    const asked: string[] = [];
    element.addEventListener('cartable-layer-retry', (e) => asked.push(e.detail.id));
    element.shadowRoot!.querySelector<HTMLButtonElement>('.alert .retry')!.click();
    expect(asked).to.deep.equal(['plan', 'sic', 'zps', 'pn']);
  });

  it('an alert\'s « Réessayer » asks the layers of its service only; « Tout réessayer » asks every failing layer', async () => {
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK, zps: NETWORK, pn: NETWORK, sites: NETWORK });
    const asked: string[] = [];
    element.addEventListener('cartable-layer-retry', (e) => asked.push(e.detail.id));
    element.shadowRoot!.querySelector<HTMLButtonElement>('.alert .retry')!.click();
    expect(asked).to.deep.equal(['plan', 'sic', 'zps', 'pn']);
    asked.length = 0;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.more .retry-all')!.click();
    expect(asked).to.deep.equal(['plan', 'sic', 'zps', 'pn', 'sites']);
  });

  it('shows two alerts and folds the others into « N autres services indisponibles », which opens and closes them', async () => {
    const context = manyServicesMap(7);
    const { element } = await showAlerts(allFailing(context, NETWORK), context);
    expect(alertsOf(element).map((a) => a.title)).to.deep.equal(['Fond de carte « Fond » indisponible sur 127.0.0.1:9', 'Couche « Couche 1 » indisponible sur 127.0.0.2:9']);
    expect(moreOf(element)).to.deep.equal({ toggle: { text: '5 autres services indisponibles', expanded: 'false' }, retryAll: 'Tout réessayer' });
    const toggle = element.shadowRoot!.querySelector<HTMLButtonElement>('.more .toggle')!;
    expect(element.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!), 'the toggle names the list it opens').to.not.equal(null);
    toggle.click();
    await element.updateComplete;
    expect(alertsOf(element)).to.have.length(7);
    expect(moreOf(element)!.toggle).to.deep.equal({ text: '5 autres services indisponibles', expanded: 'true' });
    expect(await axeViolations(element)).to.deep.equal([]);
    const asked: string[] = [];
    element.addEventListener('cartable-layer-retry', (e) => asked.push(e.detail.id));
    element.shadowRoot!.querySelector<HTMLButtonElement>('.more .retry-all')!.click();
    expect(asked).to.deep.equal(['fond', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    toggle.click();
    await element.updateComplete;
    expect(alertsOf(element)).to.have.length(2);
    // One more service back up: one fewer folded.
    const { element: six } = await showAlerts(allFailing(manyServicesMap(3), NETWORK), manyServicesMap(3));
    expect(moreOf(six)!.toggle).to.deep.equal({ text: '1 autre service indisponible', expanded: 'false' });
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
    await element.updateComplete;
    expect(alertsOf(element).map((a) => a.title)).to.deep.equal(['3 couches indisponibles sur data.geopf.fr', 'Couche « Sites » indisponible sur sites.example']);
    // The focused alert's layer comes back: the map gets focus.
    const toMap = nextEvent(element, 'cartable-focus-map');
    for (const id of ['sic', 'zps', 'pn']) store.dispatch({ type: 'set-layer-status', id, status: 'ready' });
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.alert .retry')!.focus();
    store.dispatch({ type: 'set-layer-status', id: 'sites', status: 'ready' });
    await toMap;
    expect(element.shadowRoot!.querySelectorAll('.alert')).to.have.length(0);
  });

  it('speaks English', async () => {
    await useLanguage('en');
    const { element } = await showAlerts({ plan: NETWORK, sic: NETWORK, sites: NETWORK });
    element.language = 'en';
    await element.updateComplete;
    expect(alertsOf(element)[0]).to.deep.include({ title: '2 layers unavailable on data.geopf.fr', button: 'Retry' });
    expect(alertsOf(element)[0]!.details[0]).to.match(/^basemap “Plan IGN” and SIC: /);
    expect(alertsOf(element)[1]).to.deep.include({ title: 'Layer “Sites” unavailable on sites.example', button: 'Retry' });
    expect(moreOf(element)).to.deep.equal({ toggle: undefined, retryAll: 'Retry all' });
    const context = manyServicesMap(4);
    const { element: many } = await showAlerts(allFailing(context, NETWORK), context);
    many.language = 'en';
    await many.updateComplete;
    expect(alertsOf(many)[0]).to.deep.include({ title: 'Basemap “Fond” unavailable on 127.0.0.1:9', button: 'Retry' });
    expect(moreOf(many)).to.deep.equal({ toggle: { text: '2 other services unavailable', expanded: 'false' }, retryAll: 'Retry all' });
  });

  describe('on the map of a phone (390 × 844), panel closed', () => {
    before(() => setViewport({ width: 390, height: 844 }));
    after(() => setViewport({ width: 800, height: 600 }));

    /** A map view of `context` whose every request fails as a dead server does, once its alerts are `shown` and its first frame drawn. */
    async function failingView(context: MapContext, shown: (element: CartableServiceAlerts) => boolean) {
      const requester = memoryRequester(() => Promise.reject(new TypeError('Failed to fetch'))).requester;
      // The view's own grid (not display:block): on a phone the panel is a sheet and gives the body no height.
      const view = mount(new CartableMapView(), 'display:grid;width:390px;height:844px');
      view.requester = requester;
      const rendered = nextEvent(view, 'cartable-map-rendered');
      view.context = context;
      const root = view.shadowRoot!;
      await view.updateComplete;
      const element = root.querySelector('cartable-service-alerts')!;
      await element.updateComplete;
      await rendered;
      await waitFor(() => shown(element), 20000).catch((error: Error) => {
        throw new Error(`${error.message}: alerts ${JSON.stringify(alertsOf(element))}, fold ${JSON.stringify(moreOf(element))}`);
      });
      return { view, root, element };
    }

    /** What the alerts cover of the map's own controls, and whether they leave the map ([] when clear). */
    function coverings(root: ShadowRoot, element: CartableServiceAlerts): string[] {
      const map = root.querySelector('.map')!.getBoundingClientRect();
      // The list as it shows (it scrolls when open) and the fold under it.
      const parts = [...element.shadowRoot!.querySelectorAll('.alerts, .more')].map((e) => [e.className, e.getBoundingClientRect()] as const);
      const controls = ['.ol-zoom', '.ol-scale-line', '.attributions'].map((selector) => [selector, root.querySelector(selector)!.getBoundingClientRect()] as const);
      const problems: string[] = [];
      for (const [name, box] of parts) {
        if (box.width < 300) problems.push(`${name} is ${box.width}px wide`);
        if (box.left < map.left || box.right > map.right || box.top < map.top || box.bottom > map.bottom) problems.push(`${name} leaves the map`);
        for (const [selector, control] of controls) if (overlaps(box, control)) problems.push(`${name} covers ${selector}`);
      }
      return problems;
    }

    it('shows one alert over the map and folds the other service, clear of the zoom buttons, scale line and attributions; polite, no axe violation', async () => {
      const { view, root, element } = await failingView(natureMap('http://127.0.0.1:9'), (e) => alertsOf(e).length === 1 && !!moreOf(e));
      // The live region is there, and holds the alerts, so that what comes into it is heard.
      const live = element.shadowRoot!.querySelector('[role="status"]')!;
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.contains(element.shadowRoot!.querySelector('.alert'))).to.equal(true);
      expect(root.querySelector('aside')!.hidden, 'the panel is closed').to.equal(true);
      expect(alertsOf(element).map((a) => a.title)).to.deep.equal(['4 couches indisponibles sur 127.0.0.1:9']);
      // Every failing layer named in full: the phone cuts causes, never names.
      const names = element.shadowRoot!.querySelector('.lines .names')!;
      expect(words(names)).to.equal('fond « Plan IGN », SIC, ZPS et Parcs nationaux');
      expect(names.scrollHeight).to.be.at.most(names.clientHeight + 1);
      expect(moreOf(element)).to.deep.equal({ toggle: { text: '1 autre service indisponible', expanded: 'false' }, retryAll: 'Tout réessayer' });
      expect(coverings(root, element)).to.deep.equal([]);
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

    it('with seven services down: one alert and « 6 autres services indisponibles »; open, the list scrolls and still covers no control', async () => {
      const { root, element } = await failingView(manyServicesMap(7), (e) => moreOf(e)?.toggle?.text === '6 autres services indisponibles');
      expect(alertsOf(element)).to.have.length(1);
      expect(coverings(root, element)).to.deep.equal([]);
      element.shadowRoot!.querySelector<HTMLButtonElement>('.more .toggle')!.click();
      await element.updateComplete;
      expect(alertsOf(element)).to.have.length(7);
      expect(coverings(root, element)).to.deep.equal([]);
      const list = element.shadowRoot!.querySelector('.alerts')!;
      expect(list.scrollHeight, 'the open list scrolls rather than covering the map').to.be.greaterThan(list.clientHeight);
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
});
