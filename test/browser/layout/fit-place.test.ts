import { expect } from 'chai';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { fitPlace, freeMapArea, containsPoint, type Rect } from '../../../src/ui/layout/free-area.js';
import { mount, unmountAll } from '../support/mount.js';

/** fitPlace's padding, given to a real OpenLayers view: the place lands in the free part of the map. */
describe('fitPlace with an OpenLayers view', () => {
  afterEach(unmountAll);

  async function mapOf(): Promise<{ map: OlMap; target: HTMLElement }> {
    const target = mount(document.createElement('div'), 'display:block;position:absolute;left:0;top:0;width:800px;height:500px');
    const map = new OlMap({ target, controls: [], view: new View({ center: [0, 0], zoom: 4 }) });
    map.updateSize();
    return { map, target };
  }

  const pagePixel = (map: OlMap, target: HTMLElement, coordinate: number[]): { x: number; y: number } => {
    const [x, y] = map.getPixelFromCoordinate(coordinate) as [number, number];
    const box = target.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  };

  for (const [name, cover] of [
    ['a report panel on the right', { left: 420, top: 0, right: 800, bottom: 500 }],
    ['a phone sheet at the bottom', { left: 0, top: 260, right: 800, bottom: 500 }],
    ['a record popup at the top left', { left: 0, top: 0, right: 360, bottom: 300 }],
  ] as const) {
    it(`frames a place beside ${name}`, async () => {
      const { map, target } = await mapOf();
      const mapRect: Rect = target.getBoundingClientRect();
      const place = [2_000_000, 1_000_000, 2_400_000, 1_300_000] as const;
      fitPlace(place, { mapRect, covers: [cover], margin: 16, fit: (extent, padding) => map.getView().fit([...extent], { padding: [...padding] }) });
      map.renderSync(); // Pixels are read from the frame that OpenLayers renders.
      const free = freeMapArea(mapRect, [cover])!;
      for (const corner of [[place[0], place[1]], [place[2], place[3]]]) {
        const pixel = pagePixel(map, target, corner);
        expect(containsPoint(free, pixel), `${JSON.stringify(pixel)} in ${JSON.stringify(free)}`).to.equal(true);
      }
      map.setTarget(undefined);
    });
  }
});
