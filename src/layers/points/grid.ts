/**
 * A uniform grid over points (built once, at load): the points of each cell in one flat array, so the
 * nearest point to a click is found by looking at a few cells, whatever the number of points.
 */
export interface PointGrid {
  readonly minX: number;
  readonly minY: number;
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  /** Start of each cell's points in `items` (cols × rows + 1 entries). */
  readonly starts: Uint32Array;
  /** Point indexes, cell after cell. */
  readonly items: Uint32Array;
}

/** Builds the grid of `count` points (x0, y0, x1, y1…), about `perCell` points a cell on average. */
export function buildPointGrid(xy: ArrayLike<number>, count: number, perCell = 8): PointGrid {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (count === 0) minX = minY = maxX = maxY = 0;
  const width = Math.max(maxX - minX, 1);
  const height = Math.max(maxY - minY, 1);
  const cells = Math.min(1 << 20, Math.max(1, Math.ceil(count / perCell)));
  const cell = Math.max(Math.sqrt((width * height) / cells), width / 4096, height / 4096, 1e-6);
  const cols = Math.floor(width / cell) + 1;
  const rows = Math.floor(height / cell) + 1;
  const starts = new Uint32Array(cols * rows + 1);
  const cellOf = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const c = Math.floor((xy[2 * i]! - minX) / cell) + Math.floor((xy[2 * i + 1]! - minY) / cell) * cols;
    cellOf[i] = c;
    starts[c + 1]! += 1;
  }
  for (let c = 0; c < cols * rows; c++) starts[c + 1]! += starts[c]!;
  const fill = starts.slice(0, cols * rows);
  const items = new Uint32Array(count);
  for (let i = 0; i < count; i++) items[fill[cellOf[i]!]!++] = i;
  return { minX, minY, cell, cols, rows, starts, items };
}

/**
 * The index of the point nearest to (x, y) within `radius`, or -1. `reach(i)` gives how far point i
 * may be (its symbol's size plus the tolerance, in map units), or a negative number to skip it; the
 * cells searched cover `radius`, the largest reach.
 */
export function nearestPoint(
  grid: PointGrid,
  xy: ArrayLike<number>,
  query: { x: number; y: number; radius: number; reach: (index: number) => number },
): number {
  const { x, y, radius, reach } = query;
  const { minX, minY, cell, cols, rows, starts, items } = grid;
  const c0 = Math.max(0, Math.floor((x - radius - minX) / cell));
  const c1 = Math.min(cols - 1, Math.floor((x + radius - minX) / cell));
  const r0 = Math.max(0, Math.floor((y - radius - minY) / cell));
  const r1 = Math.min(rows - 1, Math.floor((y + radius - minY) / cell));
  let best = -1;
  let bestDistance = Infinity;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cellIndex = r * cols + c;
      for (let k = starts[cellIndex]!; k < starts[cellIndex + 1]!; k++) {
        const i = items[k]!;
        const dx = xy[2 * i]! - x;
        const dy = xy[2 * i + 1]! - y;
        const distance = Math.sqrt(dx * dx + dy * dy);
        if (distance >= bestDistance) continue;
        const limit = reach(i);
        if (limit < 0 || distance > limit) continue;
        best = i;
        bestDistance = distance;
      }
    }
  }
  return best;
}
