/** The report's results list: a point on the area's boundary reads « en limite » (« on the boundary » in English). */
import { expect } from 'chai';
import { render } from 'lit';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import { useLanguage } from '../../../src/i18n/localization.js';
import type { Report } from '../../../src/report/types.js';
import { resultsTemplate } from '../../../src/ui/report/results.js';
import { mount, unmountAll } from '../support/mount.js';

const report: Report = {
  place: { kind: 'area', geometry: new Polygon([[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]), label: 'Bourg-d’Oisans' },
  made: '2026-12-06T10:00:00Z',
  layers: [
    {
      layerId: 'sites',
      title: 'Géosites',
      hidden: false,
      items: [
        { label: 'Sur la limite', fields: [], onBoundary: true, geometry: new Point([10, 5]) },
        { label: 'Dedans', fields: [], geometry: new Point([5, 5]) },
      ],
    },
  ],
};

const noop = (): void => undefined;

function show(language: string): HTMLElement {
  const target = mount(document.createElement('div'), 'display:block;width:390px');
  render(resultsTemplate({ report, language, expanded: new Set(), onZoom: noop, onShowAll: noop, onCsv: noop, onPrint: noop }), target);
  return target;
}

const lines = (target: HTMLElement): string[][] =>
  [...target.querySelectorAll('.item')].map((item) => [item.querySelector('.label')!.textContent!.trim(), item.querySelector('.boundary')?.textContent?.trim() ?? '']);

describe('report results', () => {
  afterEach(async () => {
    unmountAll();
    await useLanguage('fr');
  });

  it('says « en limite » on the line of a point on the boundary, and nothing on the others', () => {
    expect(lines(show('fr'))).to.deep.equal([
      ['Sur la limite', 'en limite'],
      ['Dedans', ''],
    ]);
  });

  it('says « on the boundary » in English', async () => {
    await useLanguage('en');
    expect(lines(show('en'))[0]).to.deep.equal(['Sur la limite', 'on the boundary']);
  });
});
