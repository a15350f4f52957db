import { expect } from 'chai';
import { createRequester } from '../../../src/net/requester.js';
import { CartableApp } from '../../../src/ui/cartable-app.js';
import '../../../src/ui/cartable-app.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

const ROOT = 'https://cartes.example.org/cartes/';

/** A requester that answers from memory, as a static site would. */
function siteRequester(files: Record<string, unknown>) {
  return createRequester({
    fetch: async (input) => {
      const path = String(input).replace(ROOT, '');
      if (!(path in files)) return new Response('not found', { status: 404 });
      const body = files[path];
      return new Response(typeof body === 'string' ? body : JSON.stringify(body));
    },
  });
}

const entry = (id: string) => ({ id, title: id, tags: [], layers: [], document: `maps/${id}.json`, page: `maps/${id}.html`, online: false, validated: false });

async function showApp(route: CartableApp['route'], files: Record<string, unknown>): Promise<ShadowRoot> {
  const app = new CartableApp();
  Object.assign(app, { root: ROOT, requester: siteRequester(files), route });
  mount(app, 'display:block;width:800px;height:600px');
  await waitFor(() => !!app.shadowRoot?.querySelector('cartable-message, cartable-catalog, cartable-map-view'));
  return app.shadowRoot!;
}

describe('cartable-app', () => {
  afterEach(unmountAll);

  it('shows every problem of a broken document instead of a blank page', async () => {
    const broken = {
      version: 1,
      id: 'broken',
      title: 'Cassée',
      view: { center: [2, 46], zoom: 5 },
      layers: [{ type: 'geojson', id: 'a', title: 'A', url: 'a.json', opacity: 'half', style: {} }, { type: 'kml', id: 'b', title: 'B' }],
    };
    const root = await showApp({ kind: 'map', id: 'broken' }, { 'catalog.json': { version: 1, maps: [entry('broken')] }, 'maps/broken.json': broken });
    const message = root.querySelector('cartable-message')!;
    // The problems' texts load with the first problem to list.
    await waitFor(() => !!message.shadowRoot?.querySelector('li'));
    const text = message.shadowRoot!.textContent!;
    expect(message.shadowRoot!.querySelector('h1')!.textContent).to.equal('Cette carte ne peut pas être affichée');
    const items = [...message.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items).to.have.length(2);
    // In the page's language (French here), with the file and the JSON path.
    expect(items[0]).to.equal('maps/broken.json: /layers/0/opacity — doit être un nombre ≥ 0 et ≤ 1 (trouvé : "half")');
    // The list of known kinds grows with the registry: its start is enough here.
    expect(items[1]).to.match(/^maps\/broken\.json: \/layers\/1\/type — "kml" n’est pas une valeur connue de "type" ; valeurs connues : "group", "geojson", "xyz", "wmts"/);
    expect(text).to.contain('Retour au catalogue des cartes');
  });

  it('says when a document is not even JSON', async () => {
    const root = await showApp({ kind: 'map', id: 'cut' }, { 'catalog.json': { version: 1, maps: [entry('cut')] }, 'maps/cut.json': '{"version": 1,\n "id": ' });
    const message = root.querySelector('cartable-message')!;
    await waitFor(() => !!message.shadowRoot?.querySelector('li'));
    expect(message.shadowRoot!.querySelector('li')!.textContent).to.equal('maps/cut.json: / — JSON invalide : le texte s’arrête trop tôt');
  });

  it('shows "map not found" with a link to the catalog for an unknown id', async () => {
    const root = await showApp({ kind: 'map', id: 'nope' }, { 'catalog.json': { version: 1, maps: [] } });
    const message = root.querySelector('cartable-message')!;
    await message.updateComplete;
    expect(message.shadowRoot!.querySelector('h1')!.textContent).to.equal('Carte introuvable');
    expect(message.shadowRoot!.textContent).to.contain('« nope »');
    expect(message.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(ROOT);
  });

  it('refuses a document from an origin the configuration does not list', async () => {
    const root = await showApp({ kind: 'document', url: 'https://evil.test/map.json' }, {});
    const message = root.querySelector('cartable-message')!;
    await message.updateComplete;
    expect(message.shadowRoot!.querySelector('h1')!.textContent).to.equal('Document refusé');
  });

  it('lists the catalog and filters it, accents and case aside', async () => {
    const maps = [
      { ...entry('geo'), title: 'Géosites', tags: ['Géologie'] },
      { ...entry('nat'), title: { fr: 'Nature & Paysage', en: 'Nature' }, layers: ['ZNIEFF de type 1'] },
    ];
    const root = await showApp({ kind: 'catalog' }, { 'catalog.json': { version: 1, maps } });
    const catalog = root.querySelector('cartable-catalog')!;
    await catalog.updateComplete;
    const titles = () => [...catalog.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent!.trim());
    expect(titles()).to.deep.equal(['Géosites', 'Nature & Paysage']);
    expect(catalog.shadowRoot!.querySelector('h2 a')!.getAttribute('href')).to.equal(`${ROOT}maps/geo.html`);
    // The filter is the search box (its code loads after the first render).
    const box = catalog.shadowRoot!.querySelector('cartable-search')!;
    await customElements.whenDefined('cartable-search');
    await box.updateComplete;
    const input = box.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    input.value = 'GEOLOGIE';
    input.dispatchEvent(new Event('input'));
    await catalog.updateComplete;
    expect(titles()).to.deep.equal(['Géosites']);
    input.value = 'znieff';
    input.dispatchEvent(new Event('input'));
    await catalog.updateComplete;
    expect(titles()).to.deep.equal(['Nature & Paysage']);
    expect(catalog.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('1 carte(s) sur 2');
  });
});

describe('cartable-app with a document named in the URL', () => {
  afterEach(unmountAll);

  it('opens a valid document of the site itself (validated in the browser)', async () => {
    const doc = {
      version: 1,
      id: 'extra',
      title: 'Carte à part',
      view: { center: [2, 46], zoom: 5 },
      layers: [{ type: 'geojson', id: 'a', title: 'A', data: { type: 'FeatureCollection', features: [] }, style: { symbol: { fill: { color: '#000' } } } }],
    };
    const root = await showApp({ kind: 'document', url: 'docs/extra.json' }, { 'docs/extra.json': doc });
    const view = root.querySelector('cartable-map-view')!;
    expect(customElements.get('cartable-map-view')).to.not.equal(undefined);
    await view.updateComplete;
    const header = view.shadowRoot!.querySelector('cartable-map-header')!;
    await header.updateComplete;
    expect(header.shadowRoot!.querySelector('h1')!.textContent).to.equal('Carte à part');
    expect(view.store!.state.layers.a!.visible).to.equal(true); // the default, filled in by validation
  });
});
