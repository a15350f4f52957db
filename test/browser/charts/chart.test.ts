/**
 * <cartable-chart> in Chromium: bars and counts drawn from the figures, the pie, the keyboard (one tab
 * stop, arrows, Enter), the click, the table for screen readers, the empty state, axe, and the
 * SVG/PNG exports (no CSS variable left in the SVG).
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { CartableChart } from '../../../src/charts/cartable-chart.js';
import { chartPngFile, chartSvgFile } from '../../../src/charts/export.js';
import { chartFigures } from '../../../src/charts/figures.js';
import type { ChartSelectDetail, ChartSettings } from '../../../src/charts/types.js';
import { axeViolations } from '../support/axe.js';
import { mount, unmountAll } from '../support/mount.js';

const TYPES = [
  ...Array<string>(57).fill('Site naturel'),
  ...Array<string>(14).fill('Site anthropique (carrière, mine, ancienne exploitation)'),
  ...Array<string>(3).fill(''),
];
const RARITY = ['Départementale', 'Départementale', 'Régionale', 'Nationale', 'Internationale'];

const barChart: ChartSettings = { id: 'par-type', type: 'bar', title: { fr: 'Géosites par type', en: 'Geosites by type' }, field: 'typologie1' };
const pieChart: ChartSettings = { id: 'par-rarete', type: 'pie', title: 'Géosites par rareté', field: 'rarete' };

const rowsOf = (field: string, values: readonly string[]) => values.map((v) => ({ values: { [field]: v } }));

async function mountChart(chart: ChartSettings, rows: ReturnType<typeof rowsOf>, width = 390): Promise<CartableChart> {
  const element = mount(new CartableChart(), `display:block;width:${width}px`);
  element.figures = chartFigures(chart, rows, { language: 'fr' });
  await element.updateComplete;
  // The first frame is drawn at the default width; the resize observer then gives the element's own.
  while (element.chartSvg && element.chartSvg.width.baseVal.value !== width) {
    await new Promise(requestAnimationFrame);
    await element.updateComplete;
  }
  return element;
}

const items = (element: CartableChart): SVGGElement[] => [...element.shadowRoot!.querySelectorAll<SVGGElement>('.item')];
const focused = (element: CartableChart): Element | null => element.shadowRoot!.activeElement;

describe('cartable-chart', () => {
  afterEach(() => unmountAll());

  it('draws one bar per value with its label and count written beside it', async () => {
    const element = await mountChart(barChart, rowsOf('typologie1', TYPES));
    const bars = items(element);
    expect(bars).to.have.length(2);
    const texts = bars.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent!.trim()));
    expect(texts[0]).to.deep.equal(['Site naturel', '57']);
    expect(texts[1]![1]).to.equal('14');
    // The long label is cut to the phone's width; its full text is the bar's name.
    expect(bars[1]!.getAttribute('aria-label')!.replace(/\s/g, ' ')).to.equal('Site anthropique (carrière, mine, ancienne exploitation) : 14 (20 %)');
    const widths = bars.map((g) => Number(g.querySelector('rect.bar')!.getAttribute('width')));
    expect(widths[0]! / widths[1]!).to.be.closeTo(57 / 14, 0.01);
    const summary = element.shadowRoot!.querySelector('#summary')!.textContent!;
    expect(summary).to.contain('74 enregistrements').and.contain('dont 3 sans valeur').and.contain('Site naturel (57');
    // Nothing overflows a phone's width.
    const box = element.chartSvg!.getBoundingClientRect();
    expect(box.width).to.be.at.most(390);
    for (const text of element.chartSvg!.querySelectorAll('text')) expect(text.getBoundingClientRect().right).to.be.at.most(box.right + 1);
  });

  it('gives screen readers a table of the figures: label, count, share, and the records without a value', async () => {
    const element = await mountChart(barChart, rowsOf('typologie1', TYPES));
    const table = element.shadowRoot!.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).to.equal('Géosites par type');
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s/g, ' ')));
    expect(cells).to.deep.equal([
      ['Site naturel', '57', '80 %'],
      ['Site anthropique (carrière, mine, ancienne exploitation)', '14', '20 %'],
      ['Sans valeur', '3', ''],
    ]);
    // Hidden from sight, and taking no room: nothing scrolls sideways on a phone.
    const box = table.parentElement!.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([1, 1]);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('takes one tab stop; arrows move between bars; Enter and a click send the bar', async () => {
    const before = document.createElement('button');
    before.textContent = 'avant';
    mount(before, '');
    const element = await mountChart(barChart, rowsOf('typologie1', TYPES));
    const selected: ChartSelectDetail[] = [];
    element.addEventListener('cartable-chart-select', (e) => selected.push(e.detail));
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(element)).to.equal(items(element)[0]);
    expect(items(element).map((g) => g.getAttribute('tabindex'))).to.deep.equal(['0', '-1']);
    // The focus ring is drawn around the focused bar.
    await element.updateComplete;
    expect(items(element)[0]!.querySelector('.focus-ring')).to.not.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(focused(element)).to.equal(items(element)[1]);
    expect(items(element).map((g) => g.getAttribute('tabindex'))).to.deep.equal(['-1', '0']);
    await sendKeys({ press: 'ArrowDown' }); // stays on the last bar
    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    expect(focused(element)).to.equal(items(element)[0]);
    await sendKeys({ press: 'Enter' });
    expect(selected).to.have.length(1);
    expect(selected[0]).to.deep.include({ chartId: 'par-type', field: 'typologie1' });
    expect(selected[0]!.bar).to.deep.include({ value: 'Site naturel', count: 57 });
    await sendKeys({ press: ' ' });
    items(element)[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(selected.map((d) => d.bar.count)).to.deep.equal([57, 57, 14]);
  });

  it('shows the bar the table is filtered on as pressed, the others faded, and puts the tab stop on it', async () => {
    const element = await mountChart(barChart, rowsOf('typologie1', TYPES));
    element.selected = element.figures!.bars[1];
    await element.updateComplete;
    const bars = items(element);
    expect(bars.map((g) => g.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    expect(bars.map((g) => g.getAttribute('tabindex'))).to.deep.equal(['-1', '0']);
    expect(bars.map((g) => getComputedStyle(g.querySelector('rect.bar')!).fillOpacity)).to.deep.equal(['0.35', '1']);
    // Found by its value: figures recomputed (another object) keep the bar chosen.
    element.figures = chartFigures(barChart, rowsOf('typologie1', TYPES.slice(1)), { language: 'fr' });
    await element.updateComplete;
    expect(items(element).map((g) => g.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    element.selected = undefined;
    await element.updateComplete;
    expect(items(element).map((g) => g.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false']);
    expect(getComputedStyle(items(element)[0]!.querySelector('rect.bar')!).fillOpacity).to.equal('1');
  });

  it('does not send « Autres », which stands for no single value', async () => {
    const element = await mountChart({ ...barChart, limit: 2 }, rowsOf('typologie1', ['a', 'a', 'a', 'b', 'c']));
    const selected: ChartSelectDetail[] = [];
    element.addEventListener('cartable-chart-select', (e) => selected.push(e.detail));
    const other = items(element)[1]!;
    expect(other.getAttribute('aria-label')).to.match(/^Autres : 2/);
    expect(other.getAttribute('aria-disabled')).to.equal('true');
    expect(other.hasAttribute('aria-pressed')).to.equal(false);
    other.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(selected).to.deep.equal([]);
  });

  it('read-only (a report): bars are no buttons, take no focus and send nothing', async () => {
    const element = await mountChart(barChart, rowsOf('typologie1', TYPES));
    element.readOnly = true;
    await element.updateComplete;
    const selected: ChartSelectDetail[] = [];
    element.addEventListener('cartable-chart-select', (e) => selected.push(e.detail));
    const bars = items(element);
    expect(bars).to.have.length(2);
    for (const bar of bars) {
      expect(bar.hasAttribute('role') || bar.hasAttribute('tabindex') || bar.hasAttribute('aria-pressed')).to.equal(false);
      bar.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(selected).to.deep.equal([]);
    expect(element.shadowRoot!.querySelector('#hint')).to.equal(null);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('draws a pie, its slices and legend, one button per slice', async () => {
    const values = [
      { value: 'Internationale', color: '#08306b' },
      { value: 'Nationale', color: '#08519c' },
      { value: 'Régionale', color: '#2171b5' },
      { value: 'Départementale', color: '#4292c6' },
    ];
    const element = await mountChart({ ...pieChart, values }, rowsOf('rarete', RARITY), 600);
    const slices = items(element);
    expect(slices.map((g) => g.querySelector('text')!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Internationale 1', 'Nationale 1', 'Régionale 1', 'Départementale 2']);
    expect(slices.map((g) => getComputedStyle(g.querySelector('.slice')!).fill)).to.deep.equal(['rgb(8, 48, 107)', 'rgb(8, 81, 156)', 'rgb(33, 113, 181)', 'rgb(66, 146, 198)']);
  });

  it('says so when no record is left', async () => {
    const element = await mountChart(barChart, []);
    expect(element.chartSvg).to.equal(null);
    expect(element.shadowRoot!.querySelector('.empty')!.textContent).to.equal('Aucun enregistrement à représenter');
  });

  it('has no accessibility violation (bars with one chosen, and pie)', async () => {
    const bars = await mountChart(barChart, rowsOf('typologie1', TYPES));
    bars.selected = bars.figures!.bars[0];
    await bars.updateComplete;
    expect(await axeViolations(bars)).to.deep.equal([]);
    unmountAll();
    const pie = await mountChart({ ...pieChart, values: [{ value: 'Régionale' }, { value: 'Départementale' }] }, rowsOf('rarete', RARITY));
    expect(await axeViolations(pie)).to.deep.equal([]);
  });

  it('exports a standalone SVG with its title and no CSS variable, and a PNG at twice the size', async () => {
    const element = await mountChart(barChart, rowsOf('typologie1', TYPES));
    const svgFile = chartSvgFile(element);
    expect(svgFile.name).to.equal('geosites-par-type.svg');
    const text = await svgFile.blob.text();
    expect(text.length).to.be.greaterThan(500);
    expect(text).to.not.contain('var(');
    expect(text).to.not.contain('tabindex').and.not.contain('focus-ring').and.not.contain('<!--');
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('title')!.textContent).to.equal('Géosites par type');
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['Géosites par type', 'Site naturel', '57']);
    // The accent token, resolved: the bars keep the site's colour out of the page.
    expect(doc.querySelector('rect[fill="rgb(29, 78, 216)"]')).to.not.equal(null);

    const png = await chartPngFile(element);
    expect(png.name).to.equal('geosites-par-type.png');
    expect(png.blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png.blob);
    const svgWidth = Number(doc.documentElement.getAttribute('width'));
    expect(bitmap.width).to.equal(Math.ceil(svgWidth * 2));
  });
});
