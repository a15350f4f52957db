/**
 * The table's screen layout: its height (handle, keyboard, remembered), the filter popover, the pinned
 * name column, and the phone's sort selector. The table sits in a panel built as the map view builds it.
 */
import { expect } from 'chai';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Column } from '../../../src/table/columns.js';
import type { TableQuery } from '../../../src/table/query.js';
import { makeRow, type Row } from '../../../src/table/rows.js';
import { CartableTable } from '../../../src/ui/cartable-table.js';
import '../../../src/ui/cartable-table.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

const HEIGHT_KEY = 'cartable:table-height';
const kinds = ['granite', 'calcaire', 'schiste', 'gneiss', 'basalte', 'marbre', 'grès', 'quartzite', 'argile', 'dolomie'];
const columns: Column[] = [
  { field: 'nom', label: 'Nom', type: 'text', numeric: false },
  { field: 'roche', label: 'Roche', type: 'text', numeric: false, filter: 'values' },
  { field: 'commune', label: 'Commune', type: 'text', numeric: false },
  { field: 'massif', label: 'Massif', type: 'text', numeric: false },
  { field: 'vallee', label: 'Vallée', type: 'text', numeric: false },
  { field: 'n', label: 'Numéro', type: 'integer', numeric: true, filter: 'range' },
];
const rows = Array.from({ length: 300 }, (_, i) =>
  makeRow(i, { nom: `Site ${String(i).padStart(3, '0')}`, roche: kinds[i % kinds.length], commune: `Commune ${i % 7}`, massif: 'Écrins', vallee: 'Romanche', n: i }, columns),
);

/** A map area with the table docked under it, as the map view docks it (the panel's CSS is the map view's). */
async function dockedTable(options: { cards?: boolean; rows?: readonly Row[] } = {}): Promise<{ table: CartableTable; panel: HTMLElement }> {
  const main = mount(document.createElement('main'), 'display:flex;flex-direction:column;width:760px;height:560px');
  const stage = document.createElement('div');
  stage.setAttribute('style', 'flex:1;min-height:0;background:#dfe9f3');
  const panel = document.createElement('section');
  panel.setAttribute('style', 'flex:none;max-height:calc(100% - 8rem);display:flex;flex-direction:column;border-top:2px solid #767c85');
  const table = new CartableTable();
  table.setAttribute('style', 'flex:1;min-height:0');
  table.columns = columns;
  table.rows = options.rows ?? rows;
  table.heading = 'Sites';
  table.cards = options.cards ?? false;
  table.addEventListener('cartable-table-query', (e) => (table.query = e.detail));
  panel.append(table);
  main.append(stage, panel);
  await table.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await table.updateComplete;
  return { table, panel };
}

const $ = <T extends Element = HTMLElement>(table: CartableTable, selector: string): T => table.shadowRoot!.querySelector<T>(selector)!;
const centre = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};
const inside = (inner: DOMRect, outer: { left: number; top: number; right: number; bottom: number }): boolean =>
  inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;

describe('cartable-table layout', () => {
  beforeEach(() => sessionStorage.removeItem(HEIGHT_KEY));
  afterEach(async () => {
    await resetMouse();
    sessionStorage.removeItem(HEIGHT_KEY);
    unmountAll();
  });

  it('takes the height the handle is dragged to, and the next table opens at that height', async () => {
    const { table, panel } = await dockedTable();
    const handle = $(table, '[role="separator"]');
    const before = table.getBoundingClientRect().height;
    expect(Number(handle.getAttribute('aria-valuenow'))).to.equal(Math.round(before));
    const [x, y] = centre(handle);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, y - 60] });
    await sendMouse({ type: 'up' });
    await table.updateComplete;
    expect(table.getBoundingClientRect().height).to.be.closeTo(before + 60, 1);
    expect(panel.getBoundingClientRect().height).to.be.closeTo(before + 62, 1); // With its 2-px border.
    expect(Number(handle.getAttribute('aria-valuenow'))).to.be.closeTo(before + 60, 1);
    unmountAll();
    const { table: next } = await dockedTable();
    expect(next.getBoundingClientRect().height).to.be.closeTo(before + 60, 1);
  });

  it('changes height from the keyboard on its handle, a row at a time, within bounds', async () => {
    const { table } = await dockedTable();
    const handle = $(table, '[role="separator"]');
    const height = (): number => Number(handle.getAttribute('aria-valuenow'));
    const start = height();
    handle.focus();
    await sendKeys({ press: 'ArrowUp' });
    await table.updateComplete;
    expect(height()).to.equal(start + 36);
    expect(table.getBoundingClientRect().height).to.be.closeTo(start + 36, 1);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    expect(height()).to.equal(start - 36);
    await sendKeys({ press: 'Home' });
    await table.updateComplete;
    expect(height()).to.equal(Number(handle.getAttribute('aria-valuemin')));
    await sendKeys({ press: 'End' });
    await table.updateComplete;
    expect(height()).to.equal(Number(handle.getAttribute('aria-valuemax')));
    expect(Number(sessionStorage.getItem(HEIGHT_KEY))).to.equal(height());
    await waitFor(() => /^\d+ lignes visibles$/.test(handle.getAttribute('aria-valuetext') ?? ''));
  });

  it('opens the filters in a popover inside the window, every value reachable; Esc closes it and focus returns', async () => {
    const { table } = await dockedTable();
    const button = $(table, 'button[aria-controls="filters"]');
    const popover = $(table, '#filters');
    button.click();
    await waitFor(() => popover.matches(':popover-open') && !!popover.querySelector('fieldset'));
    await table.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(inside(popover.getBoundingClientRect(), { left: 0, top: 0, right: innerWidth, bottom: innerHeight })).to.equal(true);
    // Over the map, not over the rows.
    expect(popover.getBoundingClientRect().bottom).to.be.at.most(button.getBoundingClientRect().top);
    expect(popover.contains(table.shadowRoot!.activeElement)).to.equal(true);
    // The ten rock kinds: the list is never cut (the popover scrolls, not the list), the last one can be reached.
    const list = [...popover.querySelectorAll('fieldset')].find((f) => f.textContent!.includes('Roche'))!;
    const labels = list.querySelectorAll('label');
    expect(labels.length).to.equal(10);
    expect(list.scrollHeight).to.be.at.most(list.clientHeight + 1);
    labels[9]!.scrollIntoView({ block: 'nearest' });
    expect(inside(labels[9]!.getBoundingClientRect(), popover.getBoundingClientRect())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !popover.matches(':popover-open'));
    await table.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(table.shadowRoot!.activeElement).to.equal(button);
  });

  it('closes the filter popover on a click elsewhere, and filters from it', async () => {
    const { table } = await dockedTable();
    const popover = $(table, '#filters');
    await sendMouse({ type: 'click', position: centre($(table, 'button[aria-controls="filters"]')) });
    await waitFor(() => popover.matches(':popover-open') && !!popover.querySelector('fieldset'));
    const granite = [...popover.querySelectorAll('label')].find((l) => l.textContent!.includes('granite'))!;
    granite.scrollIntoView({ block: 'nearest' });
    await sendMouse({ type: 'click', position: centre(granite.querySelector('input')!) });
    await waitFor(() => $(table, '.count').textContent === '270 sur 300');
    expect(popover.matches(':popover-open')).to.equal(true);
    const box = popover.getBoundingClientRect();
    const stage = table.parentElement!.previousElementSibling!;
    const elsewhere: [number, number] = [Math.round(box.right + 6), Math.round(box.top + 10)];
    expect(elsewhere[0]).to.be.below(stage.getBoundingClientRect().right); // Still the map area, beside the popover.
    await sendMouse({ type: 'click', position: elsewhere });
    await waitFor(() => !popover.matches(':popover-open'));
  });

  it('keeps the name column in sight when the grid scrolls to its last column', async () => {
    const { table } = await dockedTable();
    const lastHeader = [...table.shadowRoot!.querySelectorAll('[role="columnheader"]')].at(-1)!;
    lastHeader.querySelector('button')!.click(); // Sort by the last column: its button takes focus, far on the right.
    await table.updateComplete;
    const scroller = $(table, '.scroller');
    scroller.scrollLeft = scroller.scrollWidth;
    await new Promise((r) => requestAnimationFrame(r));
    expect(scroller.scrollLeft).to.be.greaterThan(200);
    const view = scroller.getBoundingClientRect();
    const name = $(table, '.row .cell');
    expect(name.textContent).to.equal('Site 000');
    expect(inside(name.getBoundingClientRect(), view)).to.equal(true);
    expect(inside($(table, '[role="columnheader"]').getBoundingClientRect(), view)).to.equal(true);
    // What shows beside the names is the last column, not what scrolled under them.
    const cells = $(table, '.row').querySelectorAll('.cell');
    expect(inside(cells[cells.length - 1]!.getBoundingClientRect(), view)).to.equal(true);
    const [x, y] = centre(name);
    expect(table.shadowRoot!.elementFromPoint(x, y)).to.equal(name);
  });

  it('sorts cards with a column and a direction selector', async () => {
    const { table } = await dockedTable({ cards: true });
    const queries: TableQuery[] = [];
    table.addEventListener('cartable-table-query', (e) => queries.push(e.detail));
    expect(table.shadowRoot!.querySelector('[role="separator"]')).to.equal(null);
    const [column, direction] = table.shadowRoot!.querySelectorAll<HTMLSelectElement>('.sort select');
    expect(direction!.disabled).to.equal(true);
    column!.value = 'n';
    column!.dispatchEvent(new Event('change'));
    await table.updateComplete;
    expect(queries.at(-1)!.sort).to.deep.equal({ field: 'n', direction: 'asc' });
    expect(direction!.disabled).to.equal(false);
    direction!.value = 'desc';
    direction!.dispatchEvent(new Event('change'));
    await table.updateComplete;
    expect(queries.at(-1)!.sort).to.deep.equal({ field: 'n', direction: 'desc' });
    expect($(table, '.card strong').textContent).to.equal('Site 299');
    column!.value = '';
    column!.dispatchEvent(new Event('change'));
    await table.updateComplete;
    expect(queries.at(-1)!.sort).to.equal(undefined);
    expect($(table, '.card strong').textContent).to.equal('Site 000');
  });
});
