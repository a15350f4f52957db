/**
 * fitPlace frames a place in the part of the map a panel leaves free: the place's extent ends up
 * inside the free strip (beside a side panel, above a bottom sheet), never under the panel.
 */
import { expect } from 'chai';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat } from 'ol/proj.js';
import { boundingExtent } from 'ol/extent.js';
import { fitPlace, freeArea } from '../../../src/report/map-glue.js';

describe('fitPlace', () => {
  let target: HTMLDivElement;
  afterEach(() => target.remove());

  const mapOf = (width: number, height: number): OlMap => {
    target = document.createElement('div');
    target.style.cssText = `width:${width}px;height:${height}px`;
    document.body.append(target);
    return new OlMap({ target, controls: [], view: new View({ center: fromLonLat([2, 46]), zoom: 5 }) });
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
    const map = mapOf(1000, 600);
    const covered = { left: 600, top: 0, right: 1000, bottom: 600 };
    await fitPlace(map, place, covered);
    const shown = pixelsOf(map);
    expect(shown.left).to.be.at.least(39);
    expect(shown.right).to.be.at.most(600 - 39);
    expect(shown.top).to.be.at.least(39);
    expect(shown.bottom).to.be.at.most(600 - 39);
  });

  it('puts the place above a bottom sheet on a phone', async () => {
    const map = mapOf(390, 700);
    await fitPlace(map, place, { left: 0, top: 400, right: 390, bottom: 700 });
    const shown = pixelsOf(map);
    expect(shown.bottom).to.be.at.most(400 - 39);
    expect(shown.top).to.be.at.least(39);
  });

  it('takes the largest free strip, and the whole map when nothing covers it', () => {
    expect(freeArea([1000, 600], { left: 700, top: 0, right: 1000, bottom: 600 })).to.deep.equal({ left: 0, top: 0, right: 700, bottom: 600 });
    expect(freeArea([1000, 600], { left: 0, top: 0, right: 300, bottom: 600 })).to.deep.equal({ left: 300, top: 0, right: 1000, bottom: 600 });
    expect(freeArea([1000, 600], undefined)).to.deep.equal({ left: 0, top: 0, right: 1000, bottom: 600 });
  });
});
