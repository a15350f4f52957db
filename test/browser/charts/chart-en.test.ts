/** <cartable-chart> in English (a page of its own: the language is the page's, for every element). */
import { expect } from 'chai';
import { CartableChart } from '../../../src/charts/cartable-chart.js';
import { chartFigures } from '../../../src/charts/figures.js';
import { setLanguage } from '../../../src/i18n/localization.js';
import { mount, unmountAll } from '../support/mount.js';

describe('cartable-chart in English', () => {
  before(() => setLanguage('en'));
  after(() => setLanguage('fr'));
  afterEach(() => unmountAll());

  const chart = { id: 'c', type: 'bar', title: { fr: 'Par type', en: 'By type' }, field: 'kind', limit: 2 } as const;

  it('writes its title, summary, bar names, « Other » and the table in English', async () => {
    const element = mount(new CartableChart(), 'display:block;width:390px');
    element.language = 'en';
    element.of = 10;
    element.figures = chartFigures(chart, ['a', 'a', 'a', 'b', 'c', ''].map((kind) => ({ values: { kind } })), { language: 'en' });
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelector('#title')!.textContent).to.equal('By type');
    expect(root.querySelector('#summary')!.textContent).to.equal('6 records of 10, 1 of them without a value, most frequent: a (3, 60%).');
    expect([...root.querySelectorAll('.item')].map((g) => g.getAttribute('aria-label'))).to.deep.equal(['a: 3 (60%)', 'Other: 2 (40%)']);
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal(['Value', 'Count', 'Share']);
    expect(root.querySelector('tbody tr:last-child th')!.textContent).to.equal('No value');
  });

  it('says there is nothing to chart', async () => {
    const element = mount(new CartableChart(), 'display:block;width:390px');
    element.language = 'en';
    element.figures = chartFigures(chart, [], { language: 'en' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.empty')!.textContent).to.equal('No records to chart');
  });
});
