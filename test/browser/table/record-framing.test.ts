/**
 * A record opened from a table row frames its feature in the part of the map the open panels leave
 * free: the table docked under the map, and the record itself when it is a panel.
 */
import { expect } from 'chai';
import { fromLonLat } from 'ol/proj.js';
import { containsPoint, freeMapArea, type Rect } from '../../../src/ui/layout/free-area.js';
import { panelBoxes } from '../../../src/ui/map-view/popup-placement.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const NICE = [7.26, 43.7];

function context(mode: 'popup' | 'panel') {
  return validContext({
    version: 1,
    id: 'cadrage',
    title: 'Cadrage',
    // Far from Nice: its feature is out of view when the table opens.
    view: { center: [2.35, 48.85], zoom: 9 },
    popup: { mode },
    layers: [
      {
        type: 'geojson',
        id: 'sites',
        title: 'Sites',
        idField: 'code',
        fields: [{ name: 'code' }, { name: 'nom' }],
        table: { columns: ['nom'], open: true },
        data: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.85] }, properties: { code: 'P', nom: 'Paris' } },
            { type: 'Feature', geometry: { type: 'Point', coordinates: NICE }, properties: { code: 'N', nom: 'Nice' } },
          ],
        },
        style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#d00' } } } },
      },
    ],
  });
}

describe('a record opened from a table row', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  for (const mode of ['popup', 'panel'] as const) {
    it(`puts its feature inside the free map area (record as a ${mode})`, async () => {
      const view = mount(new CartableMapView(), 'display:block;position:absolute;left:0;top:0;width:1100px;height:700px');
      const rendered = nextEvent(view, 'cartable-map-rendered');
      view.context = context(mode);
      await rendered;
      const root = view.shadowRoot!;
      await waitFor(() => (root.querySelector('cartable-table')?.rows.length ?? 0) === 2, 10000, 'the table rows');
      const table = root.querySelector('cartable-table')!;
      const map = view.adapter!.map;
      const mapTarget = root.querySelector<HTMLElement>('.map')!;
      const pageOf = (lonLat: number[]): { x: number; y: number } => {
        const [x, y] = map.getPixelFromCoordinate(fromLonLat(lonLat)) as [number, number];
        const box = mapTarget.getBoundingClientRect();
        return { x: box.left + x, y: box.top + y };
      };
      const freeArea = (): Rect | undefined => freeMapArea(mapTarget.getBoundingClientRect(), panelBoxes(root));
      expect(containsPoint(freeArea()!, pageOf(NICE)), 'Nice out of view before').to.equal(false);

      const row = [...table.shadowRoot!.querySelectorAll<HTMLElement>('.row')].find((r) => r.textContent!.includes('Nice'))!;
      row.click();
      // Focus goes to the record once it is placed and its feature framed: the last step of opening it.
      await waitFor(() => root.activeElement?.localName === 'cartable-popup', 10000, 'the record takes focus');
      map.renderSync();

      const free = freeArea()!;
      const tableBox = root.querySelector('.table-panel')!.getBoundingClientRect();
      expect(tableBox.height, 'the table is open').to.be.above(100);
      const at = pageOf(NICE);
      expect(containsPoint(free, at), `${JSON.stringify(at)} in ${JSON.stringify(free)}`).to.equal(true);
      expect(at.y).to.be.below(tableBox.top);
      // Nor does the record itself cover it.
      expect(containsPoint(root.querySelector('cartable-popup')!.getBoundingClientRect(), at), 'under the record').to.equal(false);
      if (mode === 'panel') {
        // The record panel covers the right of the map: the feature lies left of it.
        const record = root.querySelector('.popup-holder.panel > cartable-popup')!.getBoundingClientRect();
        expect(free.right).to.be.at.most(record.left + 0.5);
        expect(at.x).to.be.below(record.left);
      }
    });
  }
});
