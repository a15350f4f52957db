/**
 * The studio's catalogue and service elements in Chromium, their requests answered from memory: the
 * recorded GeoNetwork 4 and CSW answers of test/fixtures/studio, and the real capabilities of
 * ../shared/data (BRGM's WMS, Géo2France's WFS; skipped when absent). Each layer added is applied to
 * a real StudioStore: the document stays valid.
 */
import { expect } from 'chai';
import type { SiteConfig } from '../../../src/context/types.js';
import { createRequester } from '../../../src/net/requester.js';
import { StudioStore } from '../../../src/studio/model/store.js';
import type { JsonObject } from '../../../src/studio/model/json.js';
import type { StudioEventMap } from '../../../src/studio/events.js';
import { CartableStudioCatalogue } from '../../../src/studio/catalogue/cartable-studio-catalogue.js';
import { CartableStudioService } from '../../../src/studio/catalogue/cartable-studio-service.js';
import { axeViolations } from '../support/axe.js';
import { mount, nextEvent, unmountAll, waitFor } from '../support/mount.js';
import { skipBecause } from '../support/skip.js';

const GN = 'https://catalogue.datara.example/geonetwork';
const CSW = 'https://csw.example.org/csw';
const PAGE = `${GN}/srv/fre/catalog.search#/metadata/f7a1d3c2-5b0e-4e8a-9c61-2d7e3b9a4f10`;
const ORIGINS = [GN, CSW, 'https://geoservices.brgm.fr', 'https://www.geo2france.fr', 'https://data.geopf.fr'].map((url) => ({ origin: new URL(url).origin, use: ['data'] }));
const siteWith = (catalogue?: { url: string; kind: 'geonetwork' | 'csw' }): SiteConfig =>
  ({ allowedOrigins: ORIGINS, addLayers: { enabled: true, anyHttpsService: false }, ...(catalogue ? { studio: { catalogue } } : {}) }) as unknown as SiteConfig;

type Handler = (url: string, init?: RequestInit) => Promise<Response> | Response;
const sharedAvailable = async (): Promise<boolean> => (await fetch('/__data__/available')).ok;
const file = async (path: string): Promise<ArrayBuffer> => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
};
const answer = (body: ArrayBuffer | string, type: string, status = 200): Response => new Response(body, { status, headers: { 'content-type': type } });
const param = (url: string, name: string): string | undefined => [...new URL(url).searchParams].find(([k]) => k.toLowerCase() === name)?.[1];

/** The recorded answers: the catalogue, then each service's capabilities by its host. */
async function recorded(): Promise<Handler> {
  const gn = await file('/test/fixtures/studio/geonetwork-search.json');
  const csw = await file('/test/fixtures/studio/csw-getrecords.xml');
  const shared = (await sharedAvailable())
    ? {
        brgm: await file('/__data__/shared/configs/capabilities/wms_capabilities-brgm-1-3-0.xml'),
        wfs: await file('/__data__/shared/configs/capabilities/wfs_capabilities-geo2france-2-0-0.xml'),
      }
    : undefined;
  return (url) => {
    const { host, pathname } = new URL(url);
    if (url.startsWith(`${GN}/srv/api/search/records/_search`)) return answer(gn, 'application/json');
    if (url.startsWith(CSW)) return answer(csw, 'application/xml');
    if (host === 'geoservices.brgm.fr' && shared && param(url, 'service') === 'WMS') return answer(shared.brgm, 'text/xml');
    if (host === 'www.geo2france.fr' && shared && pathname.endsWith('/wfs') && param(url, 'service') === 'WFS') return answer(shared.wfs, 'text/xml');
    return answer('<html><body>Not Found</body></html>', 'text/html', 404);
  };
}

interface Mounted<T> {
  readonly element: T;
  readonly root: ShadowRoot;
  readonly store: StudioStore;
  readonly requests: { url: string; init?: RequestInit }[];
  handle(next: Handler): void;
}

async function mountStudioPart<T extends CartableStudioCatalogue | CartableStudioService>(element: T, handler: Handler, site: SiteConfig): Promise<Mounted<T>> {
  let current = handler;
  const requests: { url: string; init?: RequestInit }[] = [];
  const requester = createRequester({
    fetch: async (input, init) => {
      // The requester's CORS probe after a failure (mode no-cors) is not one of the element's requests.
      if (init?.mode !== 'no-cors') requests.push({ url: String(input), init });
      return current(String(input), init);
    },
  });
  const store = new StudioStore();
  Object.assign(element, { state: store.state, requester, site, language: 'fr' });
  // The studio's part: edits go to the store, its state comes back down.
  element.addEventListener('cartable-studio-edit', (event) => store.apply(event.detail.edit, event.detail.options));
  store.subscribe((state) => (element.state = state));
  mount(element, 'display:block;width:480px');
  await element.updateComplete;
  return { element, root: element.shadowRoot!, store, requests, handle: (next) => (current = next) };
}

const $ = <T extends Element>(root: ShadowRoot, selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const byLabel = (root: ShadowRoot, label: string): HTMLButtonElement => {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.getAttribute('aria-label') === label || b.textContent?.trim() === label);
  if (!found) throw new Error(`no button « ${label} »`);
  return found;
};
const status = (root: ShadowRoot): string => $<HTMLElement>(root, '[role="status"]').textContent?.trim() ?? '';
const alertText = (root: ShadowRoot): string => root.querySelector('.error[role="alert"]')?.textContent?.trim() ?? '';

async function search(root: ShadowRoot, words: string, address?: string): Promise<void> {
  if (address !== undefined) {
    const url = $<HTMLInputElement>(root, '#catalogue-url');
    url.value = address;
    url.dispatchEvent(new Event('input'));
  }
  const input = $<HTMLInputElement>(root, '#catalogue-words');
  input.value = words;
  input.dispatchEvent(new Event('input'));
  await (root.host as CartableStudioCatalogue).updateComplete;
  $<HTMLButtonElement>(root, 'form button[type="submit"]').click();
}

type Edit = CustomEvent<StudioEventMap['cartable-studio-edit']>;

describe('cartable-studio-catalogue', () => {
  afterEach(() => unmountAll());

  it("searches the site's GeoNetwork, shows titles and abstracts, and adds a record's WMS layer with its page as info.metadata", async function () {
    if (!(await sharedAvailable())) skipBecause(this, '../shared/data is absent: the real BRGM capabilities are not there');
    const { element, root, store, requests } = await mountStudioPart(new CartableStudioCatalogue(), await recorded(), siteWith({ url: GN, kind: 'geonetwork' }));
    expect(root.querySelector('#catalogue-url'), 'the site names its catalogue: no address to type').to.equal(null);
    await search(root, 'géologie');
    await waitFor(() => !!root.querySelector('ul.results'), 30000, 'the records');
    expect(requests[0]!.url).to.equal(`${GN}/srv/api/search/records/_search`);
    expect(JSON.parse(String(requests[0]!.init?.body)).query.bool.must[0].multi_match.query).to.equal('géologie');
    expect(status(root)).to.contain('3 fiche(s) trouvée(s) pour « géologie »');
    const titles = [...root.querySelectorAll('ul.results h4')].map((h) => h.textContent?.trim());
    expect(titles).to.deep.equal([
      'Carte géologique image de la France au 1/250 000 (BD Scan-Géol-250)',
      'Établissements publics de coopération intercommunale (EPCI) en 2020',
      "Ortho-photographies de l'IGN",
    ]);
    // The long abstract is shortened; its button shows it whole.
    const abstract = $<HTMLElement>(root, '#record-0-abstract');
    expect(abstract.textContent).to.match(/…$/);
    const more = byLabel(root, 'Lire tout le résumé');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await element.updateComplete;
    expect(abstract.textContent).to.contain('ne permet pas un usage à la parcelle.');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(await axeViolations(element)).to.deep.equal([]);

    const sent = nextEvent(element, 'cartable-studio-edit');
    byLabel(root, 'Ajouter SCAN_F_GEOL250 (WMS)').click();
    const { edit } = ((await sent) as Edit).detail;
    expect(edit).to.deep.include({ type: 'insert', path: ['layers'], index: 0 });
    const layer = (store.state.document['layers'] as JsonObject[])[0]!;
    expect(layer).to.deep.include({ type: 'wms', id: 'scan_f_geol250', url: 'https://geoservices.brgm.fr/geologie', layers: 'SCAN_F_GEOL250', title: 'Carte géologique image de la France au 1/250 000 (BD Scan-Géol-250)' });
    expect((layer['info'] as JsonObject)['metadata']).to.equal(PAGE);
    expect(store.state.problems).to.deep.equal([]);
    await waitFor(() => status(root).includes('ajoutée au document'), 30000, 'the added status');

    // Added again: a new id, at the end.
    const again = nextEvent(element, 'cartable-studio-edit');
    byLabel(root, 'Ajouter SCAN_F_GEOL250 (WMS)').click();
    await again;
    expect((store.state.document['layers'] as JsonObject[]).map((l) => l['id'])).to.deep.equal(['scan_f_geol250', 'scan_f_geol250-2']);
    expect(store.state.problems).to.deep.equal([]);
  });

  it("says in place why a link's layer cannot be added, and adds its WFS", async function () {
    if (!(await sharedAvailable())) skipBecause(this, '../shared/data is absent: the real Géo2France capabilities are not there');
    const { element, root, store } = await mountStudioPart(new CartableStudioCatalogue(), await recorded(), siteWith({ url: GN, kind: 'geonetwork' }));
    await search(root, 'epci');
    await waitFor(() => !!root.querySelector('ul.results'), 30000, 'the records');
    byLabel(root, 'Ajouter epci_2020 (WMS)').click();
    await waitFor(() => !!root.querySelector('.link-error'), 30000, "the link's error");
    expect($<HTMLElement>(root, '.link-error').textContent).to.contain('erreur HTTP 404');
    expect(store.state.document['layers']).to.deep.equal([]);
    const sent = nextEvent(element, 'cartable-studio-edit');
    byLabel(root, 'Ajouter cr_hdf:epci_2020 (WFS)').click();
    await sent;
    const layer = (store.state.document['layers'] as JsonObject[])[0]!;
    // Two links on the record: the layer keeps its own title; the record's page goes with it.
    expect(layer).to.deep.include({ type: 'wfs', id: 'epci_2020', typeName: 'cr_hdf:epci_2020', title: 'EPCI des Hauts-de-France en 2020' });
    expect((layer['info'] as JsonObject)['metadata']).to.equal(`${GN}/srv/fre/catalog.search#/metadata/0c9e4b7a-3f21-4d55-8b0a-6e1f2a9d7c34`);
    expect(store.state.problems).to.deep.equal([]);
  });

  it('tells each failure apart: no address, not a GeoNetwork, unreachable, CORS, no results, an origin the site does not allow', async () => {
    const { element, root, handle } = await mountStudioPart(new CartableStudioCatalogue(), () => answer('', 'text/plain'), siteWith());
    await element.updateComplete;
    await search(root, 'zones humides', '');
    await waitFor(() => alertText(root).includes("Saisissez l'adresse du catalogue"), 30000, 'no address');

    handle(() => answer('<!doctype html><html><body>Portail</body></html>', 'text/html'));
    await search(root, 'zones humides', `${GN}/srv/fre/catalog.search#/home`);
    await waitFor(() => alertText(root).includes('ne répond pas comme un catalogue GeoNetwork 4'), 30000, 'not a GeoNetwork');

    handle(() => Promise.reject(new TypeError('Failed to fetch')));
    await search(root, 'zones humides');
    await waitFor(() => alertText(root).includes('Catalogue injoignable'), 30000, 'unreachable');

    // The server answers a no-cors probe: the browser refused the page's request (CORS).
    handle((_url, init) => (init?.mode === 'no-cors' ? new Response(null, { status: 200 }) : Promise.reject(new TypeError('Failed to fetch'))));
    await search(root, 'zones humides');
    await waitFor(() => alertText(root).includes('CORS'), 30000, 'CORS');

    const empty = await file('/test/fixtures/studio/geonetwork-search-empty.json');
    handle(() => answer(empty, 'application/json'));
    await search(root, 'zones humides');
    await waitFor(() => status(root).includes('Aucune fiche avec un service WMS, WMTS ou WFS ne répond à « zones humides »'), 30000, 'no results');
    expect(alertText(root)).to.equal('');

    await search(root, 'zones humides', 'https://ailleurs.example/geonetwork');
    await waitFor(() => alertText(root).includes('https://ailleurs.example'), 30000, 'refused origin');
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('aborts a search in flight when the next one starts, and shows only the last', async () => {
    const signals: AbortSignal[] = [];
    const gn = await file('/test/fixtures/studio/geonetwork-search.json');
    const { element, root, handle } = await mountStudioPart(
      new CartableStudioCatalogue(),
      (_url, init) => {
        signals.push(init!.signal!);
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      },
      siteWith({ url: GN, kind: 'geonetwork' }),
    );
    await search(root, 'lent');
    await waitFor(() => signals.length === 1, 30000, 'the first request');
    expect(status(root)).to.contain('Recherche dans le catalogue');
    handle(() => answer(gn, 'application/json'));
    await search(root, 'géologie');
    await waitFor(() => !!root.querySelector('ul.results'), 30000, 'the records');
    expect(signals[0]!.aborted).to.equal(true);
    expect(status(root)).to.contain('« géologie »');
    expect(alertText(root)).to.equal('');
    expect(element.isConnected).to.equal(true);
  });

  it('searches a CSW 2.0.2 with GetRecords', async () => {
    const { root, requests } = await mountStudioPart(new CartableStudioCatalogue(), await recorded(), siteWith({ url: CSW, kind: 'csw' }));
    await search(root, 'géologie');
    await waitFor(() => !!root.querySelector('ul.results'), 30000, 'the records');
    expect(param(requests[0]!.url, 'request')).to.equal('GetRecords');
    expect(param(requests[0]!.url, 'constraint')).to.equal("AnyText LIKE '%géologie%'");
    expect([...root.querySelectorAll('ul.results h4')].map((h) => h.textContent?.trim())).to.have.length(2);
    expect(root.querySelector('ul.links')?.textContent).to.contain('SCAN_F_GEOL250');
  });
});

describe('cartable-studio-service', () => {
  afterEach(() => unmountAll());

  it("reads a service's capabilities, lists its layers and adds one as a plain layer of the document", async function () {
    if (!(await sharedAvailable())) skipBecause(this, '../shared/data is absent: the real BRGM capabilities are not there');
    const { element, root, store, requests } = await mountStudioPart(new CartableStudioService(), await recorded(), siteWith());
    await element.updateComplete;
    const address = $<HTMLInputElement>(root, '#service-url');
    address.value = 'https://geoservices.brgm.fr/geologie?SERVICE=WMS&REQUEST=GetCapabilities';
    address.dispatchEvent(new Event('input'));
    await element.updateComplete;
    $<HTMLButtonElement>(root, 'form button[type="submit"]').click();
    await waitFor(() => !!root.querySelector('#service-layers'), 30000, 'the layers');
    expect(requests.map((r) => param(r.url, 'service'))).to.deep.equal(['WMS']);
    expect(status(root)).to.match(/WMS 1\.3\.0/);
    const filter = $<HTMLInputElement>(root, '#service-filter');
    filter.value = '1/250000';
    filter.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect([...root.querySelectorAll('#service-layers .name')].map((n) => n.textContent)).to.deep.equal(['SCAN_F_GEOL250']);
    expect(await axeViolations(element)).to.deep.equal([]);
    const sent = nextEvent(element, 'cartable-studio-edit');
    byLabel(root, 'Ajouter Carte géologique image de la France au 1/250000').click();
    await sent;
    const layer = (store.state.document['layers'] as JsonObject[])[0]!;
    expect(layer).to.deep.include({ type: 'wms', id: 'scan_f_geol250', layers: 'SCAN_F_GEOL250', version: '1.3.0' });
    expect(layer).not.to.have.property('visible');
    expect(store.state.problems).to.deep.equal([]);
    expect(store.state.undo).to.have.length(1);
  });

  it('says why a service cannot be read, in place', async () => {
    const { element, root } = await mountStudioPart(new CartableStudioService(), () => answer('<!doctype html><html><body><p>Portail<br></body></html>', 'text/html'), siteWith());
    const address = $<HTMLInputElement>(root, '#service-url');
    address.value = 'https://geoservices.brgm.fr/geologie';
    address.dispatchEvent(new Event('input'));
    $<HTMLSelectElement>(root, '#service-type').value = 'wms';
    $<HTMLSelectElement>(root, '#service-type').dispatchEvent(new Event('change'));
    await element.updateComplete;
    $<HTMLButtonElement>(root, 'form button[type="submit"]').click();
    await waitFor(() => alertText(root).includes("n'est pas un document XML"), 30000, 'the error');
    address.value = 'https://ailleurs.example/wms';
    address.dispatchEvent(new Event('input'));
    await element.updateComplete;
    $<HTMLButtonElement>(root, 'form button[type="submit"]').click();
    await waitFor(() => alertText(root).includes('https://ailleurs.example'), 30000, 'refused origin');
  });
});
