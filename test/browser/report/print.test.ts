/**
 * The printed report: the map extract comes without the layers whose images forbid export (a
 * cross-origin image without CORS « taints » the canvas), and those layers are named instead; the
 * extract is as wide as the text, with the legend of the layers it shows, a scale bar and a north arrow.
 */
import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
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
// The map view defines the legend the printed report uses by its tag.
import '../../../src/ui/cartable-legend.js';
import { printedMap } from '../../../src/report/print-map.js';

describe('printing the report', () => {
  let target: HTMLDivElement;
  const print = window.print;
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
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
      layers: [
        { type: 'xyz', id: 'ortho', title: 'Photographies', visible: true, attributions: ['IGN'], legend: { hidden: false }, info: { source: { name: 'Géoplateforme', url: 'https://geoservices.ign.fr/' } } },
        { type: 'geojson', id: 'sites', title: 'Sites', visible: true, attributions: [], legend: { hidden: false, items: [{ label: 'Grotte ornée', symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#c00' } } } }] } },
        { type: 'geojson', id: 'off', title: 'Couche éteinte', visible: false, attributions: [], legend: { hidden: false, items: [{ label: 'Éteinte', symbol: { fill: { color: '#00c' } } }] } },
      ],
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
      mapImage: () => printedMap(map, report.place.kind === 'area' ? report.place.geometry.getExtent() : extent),
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
    // On screen it is hidden; on paper only the report shows.
    expect(getComputedStyle(view).display).to.equal('none');
    expect(map.getSize(), 'the map on screen gets its size back').to.deep.equal([400, 300]);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(view).display).to.equal('block');
    expect(getComputedStyle(target).display, 'the rest of the page is not printed').to.equal('none');
    expect(getComputedStyle(document.body).backgroundColor, 'no grey page behind the report').to.equal('rgb(255, 255, 255)');
    // The extract is as wide as the text (the tables), never narrower or wider.
    const img = root.querySelector('.map img')!;
    const textWidth = root.querySelector('table')!.getBoundingClientRect().width;
    expect(Math.abs(img.getBoundingClientRect().width - textWidth)).to.be.lessThan(2);
    expect(root.querySelector('.map')!.getBoundingClientRect().width).to.be.closeTo(view.getBoundingClientRect().width, 1);
    // The legend of the layers shown (not of those switched off), a scale bar, a north arrow.
    const legend = `${root.querySelector('.legend h2')!.textContent} ${root.querySelector('cartable-legend')!.renderRoot.textContent}`.replace(/\s+/g, ' ');
    expect(legend).to.contain('Légende');
    expect(legend).to.contain('Sites');
    expect(legend).to.contain('Grotte ornée');
    expect(legend).not.to.contain('Éteinte');
    // A round ground length; the bar's length on paper agrees with the scale, about 1 : 220 000 here
    // (the 0.2° square, 22 km high, framed with a margin in the 115 mm high extract).
    const barSvg = root.querySelector('.scale svg[role="img"]')!;
    const label = /^Barre d’échelle : ([125]0{0,2}) (m|km)$/.exec(barSvg.getAttribute('aria-label')!);
    expect(label, barSvg.getAttribute('aria-label')!).to.not.equal(null);
    const barMetres = Number(label![1]) * (label![2] === 'km' ? 1000 : 1);
    const denominator = Number(/Échelle 1 : ([\d\u202f]+)/.exec(root.querySelector('.scale')!.textContent!)![1]!.replace(/\u202f/g, ''));
    expect(denominator).to.be.within(150_000, 300_000);
    const barMm = parseFloat(barSvg.getAttribute('width')!) - 2;
    expect((barMm * denominator) / 1000 / barMetres).to.be.within(0.97, 1.03);
    expect(root.querySelector('.north')!.getAttribute('aria-label')).to.equal('Nord');
  });
});
