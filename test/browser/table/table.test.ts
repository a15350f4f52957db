import { expect } from 'chai';
import { fromLonLat } from 'ol/proj.js';
import type { Column } from '../../../src/table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../../../src/table/query.js';
import { makeRow } from '../../../src/table/rows.js';
import { CartableTable } from '../../../src/ui/cartable-table.js';
import '../../../src/ui/cartable-table.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const columns: Column[] = [
  { field: 'nom', label: 'Nom', type: 'text', numeric: false },
  { field: 'n', label: 'Numéro', type: 'integer', numeric: true, filter: 'range' },
];
const many = Array.from({ length: 50_000 }, (_, i) => makeRow(i, { nom: `Lieu ${String(i).padStart(5, '0')}`, n: i }, columns));

/** A table that applies its own query events, as the map view does. */
async function showTable(rows = many, query: TableQuery = EMPTY_QUERY): Promise<CartableTable> {
  const table = mount(new CartableTable(), 'display:flex;width:700px;height:400px');
  table.columns = columns;
  table.rows = rows;
  table.query = query;
  table.heading = 'Lieux';
  table.addEventListener('cartable-table-query', (e) => (table.query = (e as CustomEvent<TableQuery>).detail));
  await table.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await table.updateComplete;
  return table;
}

const renderedRows = (table: CartableTable) => [...table.shadowRoot!.querySelectorAll<HTMLElement>('.row')];

describe('cartable-table', () => {
  afterEach(unmountAll);

  it('draws only the rows in view, and the right ones after scrolling', async () => {
    const table = await showTable();
    const drawn = renderedRows(table);
    expect(drawn.length).to.be.within(8, 40);
    expect(drawn[0]!.getAttribute('aria-rowindex')).to.equal('2');
    const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 36 * 30_000;
    scroller.dispatchEvent(new Event('scroll'));
    await table.updateComplete;
    const texts = renderedRows(table).map((r) => r.querySelector('.cell')!.textContent);
    expect(texts).to.include('Lieu 30000');
    expect(renderedRows(table).length).to.be.within(8, 40);
    const grid = table.shadowRoot!.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('50001');
  });

  it('shows each drawn row with its own text, place and selection, near and far', async () => {
    const table = await showTable();
    table.selectedId = 12;
    await table.updateComplete;
    const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const scrollTo = async (row: number) => {
      scroller.scrollTop = 36 * row;
      scroller.dispatchEvent(new Event('scroll'));
      await table.updateComplete;
    };
    /** Each drawn row: its index from aria-rowindex, and whether its text, place and selection are that row's. */
    const group = table.shadowRoot!.querySelector<HTMLElement>('[role="rowgroup"]')!;
    const check = () => {
      const rows = renderedRows(table);
      const indexes = rows.map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
      expect(indexes).to.deep.equal(indexes.map((_, i) => indexes[0]! + i), 'rows in order, none missing');
      for (const [i, row] of rows.entries()) {
        const index = indexes[i]!;
        expect(row.querySelector('.cell')!.textContent).to.equal(`Lieu ${String(index).padStart(5, '0')}`);
        expect(row.dataset.index).to.equal(String(index));
        expect(row.getBoundingClientRect().top - group.getBoundingClientRect().top).to.be.closeTo(index * 36, 0.5);
        expect(row.getAttribute('aria-selected')).to.equal(index === 12 ? 'true' : 'false');
      }
      return rows;
    };
    const firstBefore = check()[0]!.getAttribute('aria-rowindex');
    await scrollTo(13); // Past the 8 rows drawn above the view: the slice moves by a few rows.
    expect(check()[0]!.getAttribute('aria-rowindex')).to.not.equal(firstBefore);
    // Far away and back: elements take other rows, and show them.
    await scrollTo(30_000);
    check();
    await scrollTo(10);
    expect(check().some((r) => r.getAttribute('aria-selected') === 'true')).to.equal(true);
  });

  it('sorts from the column headers and says so with aria-sort', async () => {
    const table = await showTable();
    const header = () => table.shadowRoot!.querySelectorAll<HTMLElement>('[role="columnheader"]')[1]!;
    expect(header().getAttribute('aria-sort')).to.equal('none');
    header().querySelector('button')!.click();
    await table.updateComplete;
    expect(header().getAttribute('aria-sort')).to.equal('ascending');
    header().querySelector('button')!.click();
    await table.updateComplete;
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    expect(renderedRows(table)[0]!.querySelectorAll('.cell')[1]!.textContent).to.equal('49\u202f999');
  });

  it('filters as one types and counts what is left', async () => {
    const filtered: Array<Set<unknown> | null> = [];
    const table = mount(new CartableTable(), 'display:flex;width:700px;height:400px');
    table.addEventListener('cartable-table-filtered', (e) => filtered.push((e as CustomEvent).detail.ids));
    table.columns = columns;
    table.rows = many;
    table.addEventListener('cartable-table-query', (e) => (table.query = (e as CustomEvent<TableQuery>).detail));
    await table.updateComplete;
    const input = table.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'lieu 4999';
    input.dispatchEvent(new Event('input'));
    await table.updateComplete;
    expect(table.shadowRoot!.querySelector('.count')!.textContent).to.equal('15 sur 50000'); // Lieu 04999, 49990 to 49999, and the numbers 14999…44999
    expect(filtered.at(-1)!.size).to.equal(15);
    expect(filtered[0]).to.equal(null);
  });

  it('moves between rows with the keyboard and opens one with Enter', async () => {
    const table = await showTable(many.slice(0, 100));
    const opened: unknown[] = [];
    table.addEventListener('cartable-table-open-row', (e) => opened.push((e as CustomEvent).detail.id));
    const first = renderedRows(table)[0]!;
    expect(first.getAttribute('tabindex')).to.equal('0');
    first.focus();
    const key = (k: string) => table.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    key('ArrowDown');
    key('ArrowDown');
    await table.updateComplete;
    await table.updateComplete;
    expect(table.shadowRoot!.activeElement!.getAttribute('aria-rowindex')).to.equal('4');
    key('Enter');
    key('End');
    await table.updateComplete;
    await table.updateComplete;
    expect(table.shadowRoot!.activeElement!.getAttribute('aria-rowindex')).to.equal('101');
    expect(opened).to.deep.equal([2]);
  });
});

describe('the table in the map view', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  function context() {
    return validContext({
      version: 1,
      id: 't',
      title: 'T',
      view: { center: [5, 45], zoom: 7 },
      layers: [
        {
          type: 'geojson',
          id: 'sites',
          title: 'Sites',
          idField: 'code',
          fields: [{ name: 'code' }, { name: 'nom' }, { name: 'type' }],
          table: { columns: ['nom', { field: 'type', filter: 'values' }], open: true },
          data: {
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', geometry: { type: 'Point', coordinates: [4.8, 45.7] }, properties: { code: 'L', nom: 'Lyon', type: 'ville' } },
              { type: 'Feature', geometry: { type: 'Point', coordinates: [5.7, 45.2] }, properties: { code: 'G', nom: 'Grenoble', type: 'ville' } },
              { type: 'Feature', geometry: { type: 'Point', coordinates: [6.3, 45.0] }, properties: { code: 'M', nom: 'Meije', type: 'sommet' } },
            ],
          },
          style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#d00' } } } },
        },
      ],
    });
  }

  it('opens with the document, hides filtered features on the map, tells the legend, and leads rows to their records', async () => {
    const view = mount(new CartableMapView(), 'display:block;width:1000px;height:700px');
    const rendered = nextEvent(view, 'cartable-map-rendered');
    view.context = context();
    await rendered;
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-table'));
    const table = view.shadowRoot!.querySelector('cartable-table')!;
    await waitFor(() => table.rows.length === 3);
    const map = view.adapter!.map;
    // The table took the lower part of the map area: wait for the map to draw at its new size.
    await new Promise((resolve) => {
      map.once('rendercomplete', resolve);
      map.updateSize();
      map.render(); // A frame even when the size did not change since the last one.
    });
    const at = (lonLat: number[]) => map.getFeaturesAtPixel(map.getPixelFromCoordinate(fromLonLat(lonLat)), { hitTolerance: 2 }).length;
    expect(at([6.3, 45.0])).to.equal(1);
    // Filter: only the towns.
    table.dispatchEvent(new CustomEvent('cartable-table-query', { detail: { ...EMPTY_QUERY, values: { type: ['ville'] } } }));
    await view.updateComplete;
    await table.updateComplete;
    map.renderSync();
    expect(at([6.3, 45.0])).to.equal(0);
    expect(at([5.7, 45.2])).to.equal(1);
    const legend = view.shadowRoot!.querySelector('cartable-legend')!;
    await legend.updateComplete;
    expect(legend.shadowRoot!.textContent).to.contain('Filtre actif : 2 sur 3');
    expect(new URL(location.href).searchParams.get('tv.type')).to.equal('ville');
    // A row leads to its record, and the record's feature is the selected row.
    const row = [...table.shadowRoot!.querySelectorAll<HTMLElement>('.row')].find((r) => r.textContent!.includes('Grenoble'))!;
    row.click();
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-popup'));
    expect(view.store!.state.selection).to.deep.equal({ layerId: 'sites', featureId: 'G' });
    await table.updateComplete;
    await waitFor(() => table.shadowRoot!.querySelector('.row[aria-selected="true"]')?.textContent?.includes('Grenoble') ?? false);
    // A row's record takes focus once its feature is framed: the view's move has ended (or never started) then.
    await waitFor(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement && active.localName !== 'cartable-popup') active = active.shadowRoot.activeElement;
      return active?.localName === 'cartable-popup';
    });
    await waitFor(() => !map.getView().getAnimating());
    // Closing the table shows every feature again.
    table.dispatchEvent(new CustomEvent('cartable-table-close'));
    await view.updateComplete;
    map.getView().setCenter(fromLonLat([5, 45])); // The row zoomed in on Grenoble: look at all three again.
    map.getView().setZoom(7);
    await new Promise((resolve) => {
      map.once('rendercomplete', resolve);
      map.updateSize();
      map.render(); // A frame even when the size did not change since the last one.
    });
    expect(at([6.3, 45.0])).to.equal(1);
    expect(new URL(location.href).searchParams.has('table')).to.equal(false);
  });
});
