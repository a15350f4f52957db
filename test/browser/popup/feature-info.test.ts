import { expect } from 'chai';
import { get as getProjection } from 'ol/proj.js';
import { readFeatureInfo } from '../../../src/identify/feature-info.js';
import { describeLayerProblem } from '../../../src/ui/layer-problem.js';
import { showMap as showMapView } from '../support/map.js';
import { unmountAll, validContext, waitFor } from '../support/mount.js';
import { memoryRequester, params, wmsGetMap, type Handler } from '../layers/ogc-support.js';
import { clickAt } from './click.js';

const LYON = [4.8357, 45.764];
const mercator = getProjection('EPSG:3857')!;
const read = (body: string, type: string | null) => readFeatureInfo(body, type, { viewProjection: mercator, requestProjection: 'EPSG:3857' });

describe('readFeatureInfo', () => {
  it('reads GeoJSON answers, with their geometry in the view projection', () => {
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'sic.1', geometry: { type: 'Point', coordinates: [540000, 5740000] }, properties: { SITENAME: 'Gorges' } }],
    });
    const { items, problem } = read(body, 'application/json;charset=utf-8');
    expect(problem).to.equal(undefined);
    expect(items).to.have.length(1);
    expect(items[0]!.properties).to.deep.equal({ SITENAME: 'Gorges' });
    expect(items[0]!.id).to.equal('sic.1');
  });

  it('reads GML answers (MapServer msGMLOutput)', () => {
    const gml = `<?xml version="1.0" encoding="UTF-8"?><msGMLOutput xmlns:gml="http://www.opengis.net/gml"><sic_layer><sic_feature><gml:boundedBy><gml:Box srsName="EPSG:3857"><gml:coordinates>1,1 2,2</gml:coordinates></gml:Box></gml:boundedBy><SITENAME>Gorges de l'Ardèche</SITENAME><SITECODE>FR8201652</SITECODE></sic_feature></sic_layer></msGMLOutput>`;
    const { items } = read(gml, 'application/vnd.ogc.gml');
    expect(items.map((i) => i.properties.SITECODE)).to.deep.equal(['FR8201652']);
  });

  it('keeps HTML and text answers that say something, drops empty ones', () => {
    expect(read('<html><body><table><tr><td>ZNIEFF 820030</td></tr></table></body></html>', 'text/html').items[0]!.html).to.contain('ZNIEFF 820030');
    expect(read('<html><body>  </body></html>', 'text/html').items).to.have.length(0);
    expect(read("GetFeatureInfo results:\n  Layer 'sic'\n  SITENAME = 'Gorges'", 'text/plain').items[0]!.text).to.contain('Gorges');
    expect(read('Search returned no results.', 'text/plain').items).to.have.length(0);
  });

  it('turns exception reports and broken answers into a problem code (put in words by the popup)', () => {
    const report = '<?xml version="1.0"?><ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc"><ServiceException code="LayerNotQueryable">Layer not queryable</ServiceException></ServiceExceptionReport>';
    expect(read(report, 'text/xml').problem).to.deep.equal({ code: 'service', detail: 'Layer not queryable' });
    expect(read('{"type": "FeatureCollection", ', 'application/json').problem).to.deep.equal({ code: 'invalid-json' });
    expect(read('{"type": "Feature", "geometry": {"type": "Nope"}}', 'application/json').problem).to.deep.equal({ code: 'not-geojson' });
  });
});

describe('clicking a WMS layer', () => {
  afterEach(unmountAll);

  async function showMap(answer: (url: string) => Response | Promise<Response>) {
    const handler: Handler = (url) => (params(url).REQUEST === 'GetFeatureInfo' ? answer(url) : wmsGetMap(url));
    const memory = memoryRequester(handler);
    const context = validContext({
      version: 1,
      id: 'wms',
      title: 'WMS',
      view: { center: LYON, zoom: 8 },
      layers: [{ type: 'wms', id: 'sic', title: 'Natura 2000', url: 'https://wms.example/wms', layers: 'PROTECTEDAREAS.SIC', infoFormat: 'html' }],
    });
    const { view } = await showMapView(context, memory.requester);
    clickAt(view, LYON);
    return { view, memory };
  }

  it('asks GetFeatureInfo and shows the sanitised HTML answer', async () => {
    const { view, memory } = await showMap(
      () => new Response('<html><body><h4>Gorges</h4><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script></body></html>', { headers: { 'content-type': 'text/html' } }),
    );
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-popup'));
    const popup = view.shadowRoot!.querySelector('cartable-popup')!;
    await popup.updateComplete;
    const asked = memory.urls.find((u) => params(u).REQUEST === 'GetFeatureInfo')!;
    expect(params(asked)).to.include({ QUERY_LAYERS: 'PROTECTEDAREAS.SIC', INFO_FORMAT: 'text/html' });
    expect(popup.shadowRoot!.querySelector('.html h4')!.textContent).to.equal('Gorges');
    expect(popup.shadowRoot!.querySelector('script, [onerror]')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says when the service fails, and nothing else breaks', async () => {
    const { view } = await showMap(() => new Response('boom', { status: 500 }));
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-popup'));
    const popup = view.shadowRoot!.querySelector('cartable-popup')!;
    await popup.updateComplete;
    expect(popup.shadowRoot!.querySelector('h2')!.textContent).to.equal('Aucune information disponible ici');
    expect(popup.shadowRoot!.querySelector('.failures')!.textContent!.trim()).to.equal(`${describeLayerProblem({ code: 'http', detail: '500' })} — Natura 2000`);
    expect(view.store!.state.layers.sic!.status).to.equal('ready');
  });
});
