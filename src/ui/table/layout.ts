import type { Column } from '../../table/columns.js';

/** Height of a grid row, in px (rows are positioned by index: all rows have this height). */
export const ROW_HEIGHT = 36;
/** Height of a card (phones), in px, with its gap. */
export const CARD_HEIGHT = 128;
/** Rows drawn beyond each edge of the scroller, so fast scrolling shows no gap. */
const OVERSCAN = 8;

/** The first and last (excluded) index of the rows to draw for a scroll position. */
export function visibleSlice(scrolled: number, viewportHeight: number, rowHeight: number, count: number): { first: number; end: number } {
  const first = Math.max(0, Math.floor(scrolled / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrolled + viewportHeight) / rowHeight) + OVERSCAN);
  return { first, end };
}

/** Column widths, fixed: every row is its own grid, and all must line up with the header. */
export const columnWidths = (columns: readonly Column[]): string[] =>
  columns.map((c, i) => (c.numeric ? '7.5rem' : c.type === 'date' ? '9rem' : i === 0 ? '20rem' : '13rem'));

/**
 * Where a key moves the active row: an index, 'open' (Enter, Space), or undefined for a key the
 * table leaves alone. `page` is how many rows a page holds.
 */
export function keyMove(key: string, active: number, last: number, page: number): number | 'open' | undefined {
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
  if (key === 'Enter' || key === ' ') return 'open';
  if (last < 0) return undefined;
  if (key in moves) return Math.max(0, Math.min(last, active + moves[key]!));
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return undefined;
}
