/** Heat maps need WebGL: this file runs in the "webgl" group, in a Chromium with SwiftShader. */
import { expect } from 'chai';
import type OlMap from 'ol/Map.js';
import { rendered } from '../support/map.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { pixelOf, showMap, validContext, views } from './support.js';

const GRENOBLE: [number, number] = [5.7245, 45.1885];

/** Points around Grenoble: a dense cluster, and one point far away (Paris). */
const data = {
  type: 'FeatureCollection',
  features: [
    ...Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [GRENOBLE[0] + ((i % 7) - 3) * 0.004, GRENOBLE[1] + (Math.floor(i / 7) - 3) * 0.004] },
      properties: { poids: 1 },
    })),
  ],
};

/** The RGBA the heat map draws at a CSS pixel: its WebGL canvas copied to a 2D canvas right after a frame. */
function heatAt(map: OlMap, pixel: number[]): Promise<number[]> {
  return new Promise((resolve) => {
    map.once('postrender', () => {
      const webgl = [...map.getViewport()!.querySelectorAll('canvas')].find((c) => c.getContext('2d') === null)!;
      const copy = document.createElement('canvas');
      copy.width = webgl.width;
      copy.height = webgl.height;
      const context = copy.getContext('2d')!;
      context.drawImage(webgl, 0, 0);
      const ratio = webgl.width / webgl.getBoundingClientRect().width;
      resolve([...context.getImageData(Math.round(pixel[0]! * ratio), Math.round(pixel[1]! * ratio), 1, 1).data]);
    });
    map.render();
  });
}

describe('heat map (WebGL)', function () {
  afterEach(unmountAll);

  for (const [name, view] of Object.entries(views(GRENOBLE, { zoom: 11, scale: 100_000 }))) {
    it(`draws the heat where the points are, in ${name}`, async () => {
      const context = validContext({
        version: 1,
        id: 'heat',
        title: 'Chaleur',
        view,
        layers: [{ type: 'geojson', id: 'heat', title: 'Chaleur', data, heatmap: { radius: 12, blur: 10, weight: 'poids' }, style: {} }],
      });
      const { view: element, map } = await showMap(context);
      // On a busy machine the first render may come at its deadline, before the layer is ready (src/map/first-render.ts).
      await waitFor(() => element.store!.state.layers.heat!.status === 'ready', 30000, 'the heat layer ready');
      await rendered(map);
      const centre = pixelOf(map, GRENOBLE);
      const hot = await heatAt(map, centre);
      expect(hot[3]).to.be.greaterThan(100);
      const cold = await heatAt(map, [10, 10]);
      expect(cold[3]).to.equal(0);
    });
  }
});
