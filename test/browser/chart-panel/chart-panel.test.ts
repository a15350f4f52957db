/**
 * <cartable-chart-panel> in Chromium: the figures follow the table's query (but not its own field's
 * filter), a bar click sends the table's next query, the choice between charts, and the messages
 * where the chart would be (layer failed, loading, nothing to count, nothing kept).
 */
import { expect } from 'chai';
import type { ChartSettings } from '../../../src/charts/types.js';
import type { Column } from '../../../src/table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../../../src/table/query.js';
import { makeRow } from '../../../src/table/rows.js';
import { CartableChartPanel } from '../../../src/ui/chart/cartable-chart-panel.js';
import { axeViolations } from '../support/axe.js';
import { mount, nextEvent, unmountAll } from '../support/mount.js';

const columns: Column[] = [
  { field: 'type', label: 'Type', type: 'text', numeric: false },
  { field: 'nom', label: 'Nom', type: 'text', numeric: false },
];
const rows = [
  ['Glacier', 'Glacier Blanc'],
  ['Glacier', 'Glacier Noir'],
  ['Lac', 'Lac Noir'],
  ['Lac', 'Lac Blanc'],
  ['Lac', 'Lac du Lauvitel'],
].map(([type, nom], i) => makeRow(i, { type, nom }, columns));
const charts: ChartSettings[] = [
  { id: 'par-type', type: 'bar', title: 'Par type', field: 'type' },
  { id: 'par-nom', type: 'bar', title: 'Par nom', field: 'nom' },
];

async function mountPanel(patch: Partial<CartableChartPanel> = {}): Promise<CartableChartPanel> {
  const panel = mount(new CartableChartPanel(), 'display:flex;width:480px;height:480px');
  Object.assign(panel, { charts, chartId: 'par-type', rows, columns, status: 'ready', heading: 'Sites' }, patch);
  await panel.updateComplete;
  return panel;
}

const counts = (panel: CartableChartPanel) => Object.fromEntries(panel.figures!.bars.map((b) => [b.value, b.count]));
const message = (panel: CartableChartPanel) => panel.shadowRoot!.querySelector('.message')?.textContent?.trim();

describe('<cartable-chart-panel>', () => {
  afterEach(() => unmountAll());

  it('counts the rows the table keeps, except for the filter on its own field', async () => {
    const panel = await mountPanel();
    expect(counts(panel)).to.deep.equal({ Lac: 3, Glacier: 2 });
    panel.query = { ...EMPTY_QUERY, text: 'noir', values: { type: ['Lac'] } };
    await panel.updateComplete;
    expect(counts(panel)).to.deep.equal({ Glacier: 1, Lac: 1 });
    expect(panel.shadowRoot!.querySelector('.filter')!.textContent).to.match(/Filtre du graphique : Lac/);
  });

  it('a click on a bar sends the query that keeps its value; on the chosen bar, the one without it', async () => {
    const panel = await mountPanel();
    const chart = panel.shadowRoot!.querySelector('cartable-chart')!;
    await chart.updateComplete;
    const bar = (value: string) => [...chart.shadowRoot!.querySelectorAll<SVGGElement>('g.item')].find((g) => g.getAttribute('aria-label')!.startsWith(value))!;
    let sent = nextEvent(panel, 'cartable-table-query');
    bar('Glacier').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const chosen = ((await sent) as CustomEvent<TableQuery>).detail;
    expect(chosen.values).to.deep.equal({ type: ['Glacier'] });
    panel.query = chosen;
    await panel.updateComplete;
    sent = nextEvent(panel, 'cartable-table-query');
    bar('Glacier').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(((await sent) as CustomEvent<TableQuery>).detail.values).to.deep.equal({});
    expect(await axeViolations(panel)).to.deep.equal([]);
  });

  it('offers the layer’s other chart, and closes', async () => {
    const panel = await mountPanel();
    const buttons = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('.choices button')];
    expect(buttons.map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([
      ['Par type', 'true'],
      ['Par nom', 'false'],
    ]);
    let sent = nextEvent(panel, 'cartable-chart-open');
    buttons[1]!.click();
    expect(((await sent) as CustomEvent).detail).to.deep.equal({ chartId: 'par-nom' });
    sent = nextEvent(panel, 'cartable-chart-open');
    panel.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Fermer le graphique"]')!.click();
    expect(((await sent) as CustomEvent).detail).to.deep.equal({});
  });

  it('says why there is no chart, where the chart would be', async () => {
    expect(message(await mountPanel({ status: 'error', rows: [] }))).to.equal('La couche n’a pas pu être chargée : pas de graphique à montrer.');
    expect(message(await mountPanel({ status: 'loading', rows: [] }))).to.equal('Chargement des objets de la couche…');
    expect(message(await mountPanel({ rows: [] }))).to.equal('Cette couche n’a aucun objet à compter.');
    expect(message(await mountPanel({ query: { ...EMPTY_QUERY, text: 'introuvable' } }))).to.equal('Aucun objet ne correspond aux filtres du tableau.');
    const empty = await mountPanel({ rows: [makeRow(9, { nom: 'Sans type' }, columns)] });
    expect(message(empty)).to.equal('Aucun des objets gardés n’a de valeur pour ce champ.');
    expect(empty.shadowRoot!.querySelector('cartable-chart')).to.equal(null);
  });
});
