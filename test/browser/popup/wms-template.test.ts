/**
 * A WMS layer imported from mviewer with its .mst record template (global.port.mst, converted by the
 * importer): GetFeatureInfo is asked as JSON and each feature reads as the template says.
 */
import { expect } from 'chai';
import type { LayerNode, MapContext } from '../../../src/context/types.js';
import { linkedFilesOf } from '../../../src/interop/linked-files.js';
import { importMviewer } from '../../../src/interop/mviewer/import.js';
import type { CartablePopup } from '../../../src/ui/cartable-popup.js';
import { showMap } from '../support/map.js';
import { unmountAll, validContext, waitFor } from '../support/mount.js';
import { LYON, memoryRequester, params, wmsGetMap, type Handler } from '../layers/ogc-support.js';
import { clickAt } from './click.js';

const TEMPLATE = 'https://kartenn.example.org/templates/global.port.mst';

/** The mviewer layer, imported with its template read from the fixtures (as `--templates` does). */
async function importedLayer(): Promise<LayerNode> {
  const mst = await (await fetch('/test/fixtures/interop/mviewer-templates/global.port.mst')).text();
  const xml = new DOMParser().parseFromString(
    `<config><application title="Ports"/><mapoptions projection="EPSG:3857" center="538000,5740000" zoom="8"/><themes><theme name="Transports" id="t">
      <layer id="port" name="Ports" url="https://ows.example.org/geoserver/rb/wms" infoformat="text/html" queryable="true"><template url="${TEMPLATE}"/></layer>
    </theme></themes></config>`,
    'application/xml',
  );
  const document = importMviewer(xml, { linkedFiles: linkedFilesOf(new Map([[TEMPLATE, mst]])) }).document as { layers: Array<{ layers: LayerNode[] }> };
  return document.layers[0]!.layers[0]!;
}

const PORTS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'port.1', geometry: null, properties: { nom_port: 'Concarneau', commune: 'Concarneau', proprietaire: 'Région Bretagne', nb_places: 320, peche: true, criee: true, commerce: false, fiche_url: 'https://ports.example.org/fiche/concarneau', photo_url: 'https://ports.example.org/photos/concarneau.jpg' } },
    { type: 'Feature', id: 'port.2', geometry: null, properties: { nom_port: 'Le Légué', commune: 'Saint-Brieuc', proprietaire: '', nb_places: 80, peche: false, commerce: true, fiche_url: 'https://ports.example.org/fiche/legue' } },
  ],
};

describe('a WMS layer with a converted mviewer template', () => {
  afterEach(unmountAll);

  async function open(answer: (url: string) => Response) {
    const layer = await importedLayer();
    const handler: Handler = (url) => (params(url).REQUEST === 'GetFeatureInfo' ? answer(url) : wmsGetMap(url));
    const memory = memoryRequester(handler);
    const context: MapContext = validContext({ version: 1, id: 'ports', title: 'Ports', view: { center: LYON, zoom: 8 }, layers: [layer] });
    const { view } = await showMap(context, memory.requester);
    clickAt(view, LYON);
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-popup'), 30000, 'a popup');
    const popup = view.shadowRoot!.querySelector('cartable-popup') as CartablePopup;
    await popup.updateComplete;
    return { popup, memory };
  }

  it('asks JSON, lists one record per feature by its template title, and shows fields, paragraphs, image and link as the template says', async () => {
    const { popup, memory } = await open(() => new Response(JSON.stringify(PORTS), { headers: { 'content-type': 'application/json' } }));
    expect(params(memory.urls.find((u) => params(u).REQUEST === 'GetFeatureInfo')!).INFO_FORMAT).to.equal('application/json');
    const root = popup.shadowRoot!;
    expect([...root.querySelectorAll('.results button')].map((b) => b.textContent!.trim())).to.deep.equal(['Port de Concarneau', 'Port de Le Légué']);
    (root.querySelector('.results button') as HTMLButtonElement).click();
    await waitFor(() => root.querySelector('h2')?.textContent === 'Port de Concarneau', 10000, 'the first record');
    await popup.updateComplete;
    const rows = [...root.querySelectorAll('dt')].map((dt) => `${dt.textContent} = ${dt.nextElementSibling!.textContent!.trim()}`);
    expect(rows).to.deep.equal(['Photo url = ', 'Commune = Concarneau', 'Propriétaire = Région Bretagne']);
    const paragraphs = [...root.querySelectorAll('.body > p:not(.subtitle)')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal(['Places : 320 places à flot', 'Pêche Port de pêche avec criée']);
    expect(root.querySelector('dd img')!.getAttribute('src')).to.equal('https://ports.example.org/photos/concarneau.jpg');
    const link = root.querySelector('.links a') as HTMLAnchorElement;
    expect([link.textContent, link.href]).to.deep.equal(['Fiche du port', 'https://ports.example.org/fiche/concarneau']);

    // The second port: no owner (its row is left out), a trading port (false hides « Pêche »).
    (root.querySelector('nav button[aria-label="Objet suivant"]') as HTMLButtonElement).click();
    await waitFor(() => root.querySelector('h2')?.textContent === 'Port de Le Légué', 10000, 'the second record');
    await popup.updateComplete;
    expect([...root.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['Commune']);
    expect([...root.querySelectorAll('.body > p:not(.subtitle)')].map((p) => p.textContent)).to.deep.equal(['Places : 80 places à flot', 'Commerce Port de commerce']);
  });

  it('shows an HTML answer as it is, not through the template', async () => {
    const { popup } = await open(() => new Response('<html><body><h4>Port du Légué</h4></body></html>', { headers: { 'content-type': 'text/html' } }));
    const root = popup.shadowRoot!;
    expect(root.querySelector('.html h4')!.textContent).to.equal('Port du Légué');
    expect(root.querySelector('.links')).to.equal(null);
    expect(root.querySelectorAll('.body > p:not(.subtitle)')).to.have.length(0);
  });
});
