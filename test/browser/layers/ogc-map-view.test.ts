/** The OGC kinds inside the whole map view: status words in the layer list, retry, capped counts, legends. */
import { expect } from 'chai';
import type { CartableLayerTree } from '../../../src/ui/cartable-layer-tree.js';
import { showMap as showMapView } from '../support/map.js';
import { unmountAll, validContext, waitFor } from '../support/mount.js';
import { RED_AREA_LONLAT, memoryRequester, params, wmsGetMap, xml, type Handler } from './ogc-support.js';

const LEGEND_PNG = new URL('./fixtures/legend.png', import.meta.url).href;
const EXCEPTION = `<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc"><ServiceException code="LayerNotDefined">Couche inconnue : PROTECTEDAREAS.NOPE</ServiceException></ServiceExceptionReport>`;

const [w, s, e, n] = RED_AREA_LONLAT;
const reserves = {
  type: 'FeatureCollection',
  numberMatched: 1234,
  numberReturned: 1,
  features: [{ type: 'Feature', id: 'rnn.1', geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, properties: { id_mnhn: 'FR1', nom: 'R' } }],
};

function context() {
  return validContext({
    version: 1,
    id: 'ogc',
    title: 'OGC',
    view: { center: [4.8357, 45.764], zoom: 8 },
    layers: [
      { type: 'wms', id: 'broken', title: 'Cassée', url: 'https://broken.example/wms', layers: 'PROTECTEDAREAS.NOPE' },
      // The endpoint is a PNG on the test server, so the legend images (plain <img>) load without the network.
      { type: 'wms', id: 'sic', title: 'SIC', url: LEGEND_PNG, layers: 'PROTECTEDAREAS.SIC,PROTECTEDAREAS.ZPS', tiled: false },
      {
        type: 'wfs',
        id: 'rnn',
        title: 'Réserves',
        url: 'https://data.geopf.fr/wfs/ows',
        typeName: 'PROTECTEDAREAS.RNN:rnn',
        outputFormat: 'application/json',
        maxFeatures: 1,
        srsName: 'EPSG:4326',
        idField: 'id_mnhn',
        fields: [{ name: 'id_mnhn' }, { name: 'nom' }],
        style: { symbol: { fill: { color: '#6a1b9a' } } },
      },
    ],
  });
}

let brokenFails = true;
const handler: Handler = (url) => {
  if (url.startsWith('https://broken.example/')) return brokenFails ? xml(EXCEPTION) : wmsGetMap(url);
  if (params(url).SERVICE === 'WFS') return new Response(JSON.stringify(reserves), { headers: { 'content-type': 'application/json' } });
  return wmsGetMap(url);
};

async function showMap() {
  const memory = memoryRequester(handler);
  const { view } = await showMapView(context(), memory.requester, { width: 900, height: 600 });
  const tree = view.shadowRoot!.querySelector('cartable-layer-tree') as CartableLayerTree;
  await tree.updateComplete;
  return { view, tree, ...memory };
}

describe('OGC layers in the map view', () => {
  afterEach(() => {
    brokenFails = true;
    unmountAll();
  });

  it('shows the exception text as the failing layer\'s error, keeps the others working, and retries', async () => {
    const { view, tree } = await showMap();
    const layers = view.store!.state.layers;
    expect(layers.broken).to.deep.include({ status: 'error', problem: { code: 'service', detail: 'Couche inconnue : PROTECTEDAREAS.NOPE' } });
    expect(layers.sic!.status).to.equal('ready');
    expect(layers.rnn!.status).to.equal('ready');
    // The tree renders the session's state on its next update, which may come after the state changed.
    await waitFor(() => tree.shadowRoot!.querySelector('li[data-layer="broken"] .error') !== null, undefined, 'the broken layer\'s error in its row');
    const row = tree.shadowRoot!.querySelector('li[data-layer="broken"]')!;
    expect(row.textContent).to.contain('Le service a renvoyé une erreur : Couche inconnue : PROTECTEDAREAS.NOPE');
    const retry = row.querySelector<HTMLButtonElement>('.error button')!;
    expect(retry.textContent!.trim()).to.equal('Réessayer');
    brokenFails = false;
    retry.click();
    await waitFor(() => view.store!.state.layers.broken!.status === 'ready');
    await tree.updateComplete;
    expect(tree.shadowRoot!.querySelector('li[data-layer="broken"] .error')).to.equal(null);
  });

  it('says how many features of how many are shown when a WFS answer is capped', async () => {
    const { view, tree } = await showMap();
    expect(view.store!.state.layers.rnn).to.deep.include({ featureCount: 1, total: 1234, capped: true });
    const note = tree.shadowRoot!.querySelector('li[data-layer="rnn"] .capped')!;
    expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1 sur 1 234 affichés');
  });

  it('shows a GetLegendGraphic image per WMS layer in the legend', async () => {
    const { view } = await showMap();
    const legend = view.shadowRoot!.querySelector('cartable-legend')!;
    await legend.updateComplete;
    const images = [...legend.shadowRoot!.querySelectorAll<HTMLImageElement>('section[data-layer="sic"] img')];
    expect(images.map((img) => params(img.getAttribute('src')!).LAYER)).to.deep.equal(['PROTECTEDAREAS.SIC', 'PROTECTEDAREAS.ZPS']);
    expect(params(images[0]!.getAttribute('src')!)).to.include({ REQUEST: 'GetLegendGraphic', SERVICE: 'WMS', FORMAT: 'image/png', VERSION: '1.3.0' });
    expect(images[0]!.getAttribute('src')!.startsWith(`${LEGEND_PNG}?`)).to.equal(true);
  });
});
