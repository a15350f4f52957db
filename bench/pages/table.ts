/** Bench page: <cartable-table> over the 171,075 GeoNames places (see bench/table.ts). */
import type { Column } from '../../src/table/columns.js';
import { EMPTY_QUERY, type TableQuery } from '../../src/table/query.js';
import { makeRow, type Row } from '../../src/table/rows.js';
import { CartableTable } from '../../src/ui/cartable-table.js';

interface Place {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

const columns: Column[] = [
  { field: 'name', label: 'Nom', type: 'text', numeric: false },
  { field: 'country', label: 'Pays', type: 'text', numeric: false, filter: 'values' },
  { field: 'lat', label: 'Latitude', type: 'number', numeric: true, filter: 'range' },
  { field: 'lng', label: 'Longitude', type: 'number', numeric: true, filter: 'range' },
];

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Time from a change to the frame that shows it (the table renders in a microtask, then paints). */
async function timed(change: () => void, table: CartableTable): Promise<number> {
  const start = performance.now();
  change();
  await table.updateComplete;
  await frame();
  return performance.now() - start;
}

async function run(): Promise<Record<string, number[] | number>> {
  const places = (await (await fetch('places.json')).json()) as Place[];
  const t0 = performance.now();
  const rows: Row[] = places.map((p, i) => makeRow(i, { name: p.name, country: p.country, lat: Number(p.lat), lng: Number(p.lng) }, columns));
  const prepare = performance.now() - t0;
  const table = new CartableTable();
  table.style.cssText = 'display:flex;width:1200px;height:760px';
  table.columns = columns;
  table.addEventListener('cartable-table-query', (e) => (table.query = (e as CustomEvent<TableQuery>).detail));
  const open = await timed(() => {
    table.rows = rows;
    document.body.append(table);
  }, table);

  const sort = (field: string, direction: 'asc' | 'desc') => timed(() => (table.query = { ...table.query, sort: { field, direction } }), table);
  const sortText: number[] = [];
  const sortNumber: number[] = [];
  for (let i = 0; i < 5; i++) {
    sortText.push(await sort('name', i % 2 ? 'desc' : 'asc'));
    sortNumber.push(await sort('lat', i % 2 ? 'desc' : 'asc'));
  }
  table.query = { ...EMPTY_QUERY };
  await table.updateComplete;

  const keystrokes: number[] = [];
  for (const word of ['paris', 'lyons', 'grena', 'saint', 'borde']) {
    for (let n = 1; n <= word.length; n++) keystrokes.push(await timed(() => (table.query = { ...table.query, text: word.slice(0, n) }), table));
    table.query = { ...EMPTY_QUERY };
    await table.updateComplete;
  }

  // Idle frames first: what this machine gives when nothing changes (a floor for the scroll figure).
  const idleFrames: number[] = [];
  let previous = await frame();
  for (let i = 0; i < 60; i++) {
    const now = await frame();
    idleFrames.push(now - previous);
    previous = now;
  }
  // Scroll from top to bottom in steps a person's fling would make, timing each frame.
  const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  const scrollFrames: number[] = [];
  const scrollWork: number[] = [];
  const steps = 300;
  const max = scroller.scrollHeight - scroller.clientHeight;
  let last = await frame();
  for (let i = 1; i <= steps; i++) {
    const start = performance.now();
    scroller.scrollTop = (max * i) / steps;
    scroller.dispatchEvent(new Event('scroll'));
    await table.updateComplete;
    scrollWork.push(performance.now() - start);
    const now = await frame();
    scrollFrames.push(now - last);
    last = now;
  }
  const lastRow = table.shadowRoot!.querySelectorAll('.row');
  const reachedEnd = [...lastRow].some((r) => r.getAttribute('aria-rowindex') === String(rows.length + 1));
  return { rows: rows.length, prepare, open, sortText, sortNumber, keystrokes, idleFrames, scrollFrames, scrollWork, reachedEnd: reachedEnd ? 1 : 0 };
}

(window as unknown as { runBench: typeof run }).runBench = run;
