import { expect } from 'chai';
import type Feature from 'ol/Feature.js';
import MapBrowserEvent from 'ol/MapBrowserEvent.js';
import type OlMap from 'ol/Map.js';
import type VectorLayer from 'ol/layer/Vector.js';
import { transform } from 'ol/proj.js';
import type Style from 'ol/style/Style.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { layerRowText, showMap, style, validContext, views, pixelOf } from './support.js';

const GRENOBLE: [number, number] = [5.7245, 45.1885];
const LYON: [number, number] = [4.8357, 45.764];

const points = {
  type: 'FeatureCollection',
  features: [
    ...Array.from({ length: 30 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [GRENOBLE[0] + (i % 6) * 0.01, GRENOBLE[1] + Math.floor(i / 6) * 0.01] },
      properties: { id: `g${i}`, nom: `Grenoble ${i}` },
    })),
    { type: 'Feature', geometry: { type: 'Point', coordinates: LYON }, properties: { id: 'lyon', nom: 'Lyon' } },
  ],
};

const layer = (extra: Record<string, unknown>) => ({ type: 'geojson', id: 'pts', title: 'Points', data: points, idField: 'id', style: style('#aa00aa'), ...extra });
const doc = (view: Record<string, unknown>, layers: unknown[]) => validContext({ version: 1, id: 'pts', title: 'Points', view, layers });
/** A click at a map pixel, as OpenLayers' pointer handling would send it. */
function click(map: OlMap, pixel: number[]): void {
  const rect = map.getViewport()!.getBoundingClientRect();
  const pointer = new PointerEvent('pointerup', { clientX: rect.left + pixel[0]!, clientY: rect.top + pixel[1]! });
  map.dispatchEvent(new MapBrowserEvent('click', map, pointer));
}

describe('point display', function () {
  afterEach(unmountAll);

  for (const [name, view] of Object.entries(views([5.3, 45.5], { zoom: 7, scale: 3_000_000 }))) {
    it(`draws nearby points as one cluster with its count, and a lone point with the layer style, in ${name}`, async () => {
      const { map } = await showMap(doc(view, [layer({ clustering: { distance: 40 } })]));
      map.renderSync();
      const olLayer = map.getAllLayers().find((l) => l.get('cartable:id') === 'pts') as VectorLayer;
      const [cluster] = map.getFeaturesAtPixel(pixelOf(map, [GRENOBLE[0] + 0.025, GRENOBLE[1] + 0.02]), { hitTolerance: 4 }) as Feature[];
      expect((cluster!.get('features') as Feature[]).length).to.equal(30);
      const resolution = map.getView().getResolution()!;
      const clusterStyle = olLayer.getStyleFunction()!(cluster!, resolution) as Style;
      expect(clusterStyle.getText()!.getText()).to.equal('30');
      const [lone] = map.getFeaturesAtPixel(pixelOf(map, LYON), { hitTolerance: 4 }) as Feature[];
      expect((lone!.get('features') as Feature[]).map((f) => f.get('nom'))).to.deep.equal(['Lyon']);
    });
  }

  it('zooms into a cluster on click, and lets other clicks through to later listeners', async () => {
    const { map } = await showMap(doc(views([5.3, 45.5], { zoom: 7 }).mercator, [layer({ clustering: { distance: 40 } })]));
    map.renderSync();
    const later: number[][] = [];
    map.on('click', (event) => later.push(event.pixel));
    const zoom = map.getView().getZoom()!;
    click(map, pixelOf(map, [GRENOBLE[0] + 0.025, GRENOBLE[1] + 0.02]));
    await waitFor(() => !map.getView().getAnimating() && map.getView().getZoom()! > zoom + 2);
    expect(later).to.have.length(0);
    // Zoomed in: the points of the cluster now lie in view, and fill more of it.
    const extent = map.getView().calculateExtent(map.getSize());
    const centre = transform(GRENOBLE, 'EPSG:4326', 'EPSG:3857');
    expect(centre[0]).to.be.within(extent[0]!, extent[2]!);
    expect(centre[1]).to.be.within(extent[1]!, extent[3]!);
    // A click elsewhere is not used by the layer.
    click(map, [5, 5]);
    expect(later).to.have.length(1);
  });

  it('shows "WebGL unavailable" on a heat map layer where WebGL is missing, and the other layers still draw', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
    try {
      const { view: element, map } = await showMap(
        doc(views([5.3, 45.5], { zoom: 7 }).mercator, [
          { ...layer({ heatmap: {} }), id: 'heat' },
          layer({}),
        ]),
      );
      await waitFor(() => element.store!.state.layers.heat!.status === 'error');
      expect(element.store!.state.layers.heat!.problem).to.deep.equal({ code: 'webgl' });
      expect(await layerRowText(element, 'heat')).to.contain('WebGL unavailable');
      expect(element.store!.state.layers.pts!.status).to.equal('ready');
      expect(map.getFeaturesAtPixel(pixelOf(map, LYON), { hitTolerance: 3 }).map((f) => f.get('nom'))).to.deep.equal(['Lyon']);
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
    }
  });
});
