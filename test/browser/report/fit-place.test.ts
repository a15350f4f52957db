/**
 * The report frames its place in the part of the map its panel leaves free (frameInFreeArea, on the
 * layout's fitPlace): the place's extent ends up beside a side panel, above a bottom sheet, never under it.
 */
import { expect } from 'chai';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat } from 'ol/proj.js';
import { boundingExtent } from 'ol/extent.js';
import type { MapAdapter } from '../../../src/map/adapter.js';
import { frameInFreeArea } from '../../../src/ui/report/frame.js';

describe('frameInFreeArea', () => {
  const added: HTMLElement[] = [];
  afterEach(() => added.splice(0).forEach((e) => e.remove()));

  const box = (css: string): HTMLDivElement => {
    const div = document.createElement('div');
    div.style.cssText = `position:fixed;${css}`;
    document.body.append(div);
    added.push(div);
    return div;
  };
  /** The map, and an adapter that fits as the real one does (the view's fit with the padding given). */
  const mapOf = (width: number, height: number): { map: OlMap; adapter: MapAdapter } => {
    const map = new OlMap({ target: box(`left:0;top:0;width:${width}px;height:${height}px`), controls: [], view: new View({ center: fromLonLat([2, 46]), zoom: 5 }) });
    const fitPlace: MapAdapter['fitPlace'] = (extent, padding) =>
      new Promise((resolve) => map.getView().fit([...extent], { padding: [...padding], duration: 0, callback: () => resolve() }));
    return { map, adapter: { map, fitPlace } as unknown as MapAdapter };
  };
  const place = boundingExtent([fromLonLat([5.6, 45.1]), fromLonLat([5.8, 45.3])]);

  /** The place's corners in the map's pixels. */
  const pixelsOf = (map: OlMap) => {
    // Pixels need a drawn frame: draw the view as it is now rather than wait for the next one.
    map.renderSync();
    const [x0, y0] = map.getPixelFromCoordinate([place[0]!, place[3]!]) as number[];
    const [x1, y1] = map.getPixelFromCoordinate([place[2]!, place[1]!]) as number[];
    return { left: x0!, top: y0!, right: x1!, bottom: y1! };
  };

  it('puts the place left of a side panel covering the right of the map', async () => {
    const { map, adapter } = mapOf(1000, 600);
    const panel = box('left:600px;top:0;width:400px;height:600px');
    await frameInFreeArea(adapter, place, [panel]);
    const shown = pixelsOf(map);
    expect(shown.left).to.be.at.least(39);
    expect(shown.right).to.be.at.most(600 - 39);
    expect(shown.top).to.be.at.least(39);
    expect(shown.bottom).to.be.at.most(600 - 39);
  });

  it('puts the place above a bottom sheet on a phone', async () => {
    const { map, adapter } = mapOf(390, 700);
    const sheet = box('left:0;top:400px;width:390px;height:300px');
    await frameInFreeArea(adapter, place, [sheet]);
    const shown = pixelsOf(map);
    expect(shown.bottom).to.be.at.most(400 - 39);
    expect(shown.top).to.be.at.least(39);
  });

  it('ignores a hidden panel: the place takes the whole map', async () => {
    const { map, adapter } = mapOf(1000, 600);
    const panel = box('left:600px;top:0;width:400px;height:600px');
    panel.hidden = true;
    await frameInFreeArea(adapter, place, [panel]);
    const shown = pixelsOf(map);
    // Fitted to the whole width: the place's middle sits at the map's middle, right of the panel's edge.
    expect((shown.left + shown.right) / 2).to.be.closeTo(500, 2);
  });
});
