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

/** Loads the places and opens the table on them (the first frame drawn). */
async function open(): Promise<{ rows: Row[]; table: CartableTable; prepare: number; open: number }> {
  const places = (await (await fetch('../places.json')).json()) as Place[];
  const t0 = performance.now();
  const rows: Row[] = places.map((p, i) => makeRow(i, { name: p.name, country: p.country, lat: Number(p.lat), lng: Number(p.lng) }, columns));
  const prepare = performance.now() - t0;
  const table = new CartableTable();
  table.style.cssText = 'display:flex;width:1200px;height:760px';
  table.columns = columns;
  table.addEventListener('cartable-table-query', (e) => (table.query = (e as CustomEvent<TableQuery>).detail));
  const opened = await timed(() => {
    table.rows = rows;
    document.body.append(table);
  }, table);
  return { rows, table, prepare, open: opened };
}

/** What this machine gives when nothing changes (a floor for the scroll figures). */
async function idle(): Promise<number[]> {
  const idleFrames: number[] = [];
  let previous = await frame();
  for (let i = 0; i < 60; i++) {
    const now = await frame();
    idleFrames.push(now - previous);
    previous = now;
  }
  return idleFrames;
}

/**
 * Scrolls in `steps` equal steps from `from` to `to` (px), timing each frame and the table's update.
 * From top to bottom in 300 steps, every frame shows rows none of the frames before drew.
 */
async function scroll(table: CartableTable, from: number, to: number, steps: number): Promise<{ frames: number[]; work: number[] }> {
  const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  scroller.scrollTop = from;
  scroller.dispatchEvent(new Event('scroll'));
  await table.updateComplete;
  await frame();
  const frames: number[] = [];
  const work: number[] = [];
  let last = await frame();
  for (let i = 1; i <= steps; i++) {
    const start = performance.now();
    scroller.scrollTop = from + ((to - from) * i) / steps;
    scroller.dispatchEvent(new Event('scroll'));
    await table.updateComplete;
    work.push(performance.now() - start);
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  return { frames, work };
}

const bottom = (table: CartableTable): number => {
  const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  return scroller.scrollHeight - scroller.clientHeight;
};

/** The scroll figures alone (what bench/table.ts runs interleaved against the baseline). */
async function runScroll(): Promise<Record<string, number[] | number>> {
  const { rows, table } = await open();
  const idleFrames = await idle();
  const jump = await scroll(table, 0, bottom(table), 300);
  const reachedEnd = [...table.shadowRoot!.querySelectorAll('.row')].some((r) => r.getAttribute('aria-rowindex') === String(rows.length + 1));
  // A slow wheel: 3 rows a frame over 600 rows, where most rows of a frame were on the one before.
  const wheel = await scroll(table, 0, 600 * 36, 200);
  table.remove();
  return { rows: rows.length, idleFrames, scrollFrames: jump.frames, scrollWork: jump.work, wheelFrames: wheel.frames, reachedEnd: reachedEnd ? 1 : 0 };
}

async function run(): Promise<Record<string, number[] | number>> {
  const { rows, table, prepare, open: opened } = await open();
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
  table.remove();
  return { rows: rows.length, prepare, open: opened, sortText, sortNumber, keystrokes };
}

Object.assign(window, { runBench: run, runScroll });
