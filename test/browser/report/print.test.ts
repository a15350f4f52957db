/**
 * The printed report: the map extract comes without the layers whose images forbid export (a
 * cross-origin image without CORS « taints » the canvas), and those layers are named instead.
 */
import { expect } from 'chai';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import ImageLayer from 'ol/layer/Image.js';
import Static from 'ol/source/ImageStatic.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import type { MapContext } from '../../../src/context/types.js';
import { LAYER_ID_KEY } from '../../../src/layers/keys.js';
import type { Report } from '../../../src/report/types.js';
import { printReport } from '../../../src/ui/cartable-report-print.js';
import { printedMap } from '../../../src/report/print-map.js';

describe('printing the report', () => {
  let target: HTMLDivElement;
  const print = window.print;
  afterEach(() => {
    window.print = print;
    target?.remove();
    document.querySelectorAll('cartable-report-print').forEach((el) => el.remove());
  });

  it('names the layer whose image forbids export, and prints the place, the features and the sources', async () => {
    target = document.createElement('div');
    target.style.cssText = 'width:400px;height:300px';
    document.body.append(target);
    // The same file from the other name of this server: another origin, loaded without CORS.
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const extent = transformExtent([5, 45, 6, 46], 'EPSG:4326', 'EPSG:3857');
    const ortho = new ImageLayer({ source: new Static({ url: `${location.protocol}//${other}:${location.port}/test/browser/layers/fixtures/legend.png`, imageExtent: extent }) });
    ortho.set(LAYER_ID_KEY, 'ortho');
    const map = new OlMap({ target, layers: [ortho], controls: [], view: new View({ center: fromLonLat([5.5, 45.5]), zoom: 8 }) });
    let printed = 0;
    window.print = () => void printed++;
    const context = {
      attributions: ['Carte de test'],
      basemaps: [],
      layers: [{ type: 'xyz', id: 'ortho', title: 'Photographies', attributions: ['IGN'], info: { source: { name: 'Géoplateforme', url: 'https://geoservices.ign.fr/' } } }],
    } as unknown as MapContext;
    const report: Report = {
      place: { kind: 'area', label: 'Carré', geometry: new Polygon([[fromLonLat([5.4, 45.4]), fromLonLat([5.6, 45.4]), fromLonLat([5.6, 45.6]), fromLonLat([5.4, 45.4])]]) },
      made: '2026-11-29T03:00:00Z',
      layers: [
        { layerId: 'sites', title: 'Sites', hidden: false, items: [{ label: 'Grotte <b>ornée</b>', fields: [{ label: 'Type', value: 'grotte' }] }] },
        { layerId: 'ortho', title: 'Photographies', hidden: false, items: [], unchecked: { reason: 'image' } },
      ],
    };
    const view = await printReport({
      report,
      mapImage: () => printedMap(map, async () => map.getView().fit(report.place.kind === 'area' ? report.place.geometry.getExtent() : extent)),
      context,
      state: { layers: {}, groupsExpanded: {} },
      mapTitle: 'Essai',
      placeText: 'Carré',
      language: 'fr',
      reason: () => 'couche image, non interrogeable',
      distance: (m) => `${m} m`,
    });
    expect(printed).to.equal(1);
    const root = view.shadowRoot!;
    expect(view.forbidden).to.deep.equal(['Photographies']);
    expect(root.querySelector('figcaption')!.textContent).to.contain('Photographies');
    expect(root.querySelector('img')!.getAttribute('src')!.startsWith('data:image/png')).to.equal(true);
    const text = root.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Carré');
    expect(text).to.contain('Grotte <b>ornée</b>'); // as text, never as markup
    expect(root.querySelector('b')).to.equal(null);
    expect(text).to.contain('Photographies : couche image, non interrogeable');
    expect(text).to.contain('Géoplateforme — https://geoservices.ign.fr/');
    expect(text).to.contain('Carte de test');
    // On paper only the report shows.
    expect(getComputedStyle(view).display).to.equal('none');
  });
});
