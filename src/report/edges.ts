/**
 * Planar segment tests and the banded edge index of a polygon, for the report's area places. Pure
 * geometry in map units; no DOM.
 */
import type { Extent } from 'ol/extent.js';

/** Flat coordinates [x0, y0, x1, y1…] of one ring or one line. */
export type Path = readonly number[];
/** A polygon: its outer ring then its holes (each ring closed or not). */
export type Rings = readonly Path[];

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const onSegment = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Segments ab and cd meet (touching counts). */
export function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by))
  );
}

/** Where along ab (0 at a, 1 at b) the point c projects, and its squared distance to the segment. */
function project(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): [number, number] {
  const dx = bx - ax, dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((cx - ax) * dx + (cy - ay) * dy) / length2));
  const px = ax + t * dx - cx, py = ay + t * dy - cy;
  return [t, px * px + py * py];
}

/** Twice the signed area of a ring (positive when counter-clockwise, y up). */
function twiceSignedArea(ring: Path): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) sum += (ring[j]! - ring[0]!) * (ring[i + 1]! - ring[1]!) - (ring[i]! - ring[0]!) * (ring[j + 1]! - ring[1]!);
  return sum;
}

/**
 * The edges of a polygon (all its rings) sorted into horizontal bands, so that a point test or a
 * crossing test looks only at the edges near it: a commune of 2,000 vertices or a département of
 * 30,000 answers as fast as a square. Edges run with the polygon's inside on their left (outer ring
 * counter-clockwise, holes clockwise), whatever the data's winding: the overlap area needs it.
 */
export class BandedEdges {
  /** ax, ay, bx, by for each edge. */
  readonly edges: Float64Array;
  readonly bands: Uint32Array[];
  readonly box: Extent;
  /** The polygon's area (holes taken out), in square map units. */
  readonly area: number;
  private readonly minY: number;
  private readonly bandHeight: number;

  constructor(rings: Rings, box: Extent) {
    let size = 0;
    for (const ring of rings) size += 2 * ring.length;
    const edges = new Float64Array(size);
    let count = 0;
    let area = 0;
    rings.forEach((ring, r) => {
      const signed = twiceSignedArea(ring) / 2;
      area += r === 0 ? Math.abs(signed) : -Math.abs(signed);
      const reverse = r === 0 ? signed < 0 : signed > 0;
      const n = ring.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        if (ring[i] === ring[j] && ring[i + 1] === ring[j + 1]) continue;
        const from = reverse ? i : j, to = reverse ? j : i, at = 4 * count++;
        edges[at] = ring[from]!;
        edges[at + 1] = ring[from + 1]!;
        edges[at + 2] = ring[to]!;
        edges[at + 3] = ring[to + 1]!;
      }
    });
    this.area = area;
    this.box = box;
    this.edges = edges.subarray(0, 4 * count);
    const bandCount = Math.max(1, Math.min(4096, Math.ceil(count / 4)));
    this.minY = box[1]!;
    this.bandHeight = (box[3]! - box[1]!) / bandCount || 1;
    // Counting sort of the edges into their bands: one buffer, one view per band.
    const starts = new Uint32Array(bandCount + 1);
    const range = (e: number): [number, number] => {
      const ay = edges[4 * e + 1]!, by = edges[4 * e + 3]!;
      return [this.band(Math.min(ay, by), bandCount), this.band(Math.max(ay, by), bandCount)];
    };
    for (let e = 0; e < count; e++) {
      const [from, to] = range(e);
      for (let b = from; b <= to; b++) starts[b + 1]!++;
    }
    for (let b = 0; b < bandCount; b++) starts[b + 1]! += starts[b]!;
    const all = new Uint32Array(starts[bandCount]!);
    const filled = starts.slice(0, bandCount);
    for (let e = 0; e < count; e++) {
      const [from, to] = range(e);
      for (let b = from; b <= to; b++) all[filled[b]!++] = e;
    }
    this.bands = Array.from({ length: bandCount }, (_, b) => all.subarray(starts[b]!, starts[b + 1]!));
  }

  private band(y: number, bandCount = this.bands.length): number {
    return Math.max(0, Math.min(bandCount - 1, Math.floor((y - this.minY) / this.bandHeight)));
  }

  /** Even-odd ray casting with the edges of the point's band only. */
  contains(x: number, y: number): boolean {
    const band = this.bands[this.band(y)]!;
    const e = this.edges;
    let inside = false;
    for (let k = 0; k < band.length; k++) {
      const i = 4 * band[k]!;
      const xj = e[i]!, yj = e[i + 1]!, xi = e[i + 2]!, yi = e[i + 3]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  /** The edge nearest to (x, y) among those within `tolerance` of it, or -1. */
  edgeNear(x: number, y: number, tolerance: number): number {
    const e = this.edges;
    const limit = tolerance * tolerance;
    let best = -1;
    let bestD = Infinity;
    const to = this.band(y + tolerance);
    for (let b = this.band(y - tolerance); b <= to; b++) {
      const band = this.bands[b]!;
      for (let k = 0; k < band.length; k++) {
        const i = 4 * band[k]!;
        const ax = e[i]!, ay = e[i + 1]!, bx = e[i + 2]!, by = e[i + 3]!;
        if (Math.min(ax, bx) > x + tolerance || Math.max(ax, bx) < x - tolerance || Math.min(ay, by) > y + tolerance || Math.max(ay, by) < y - tolerance) continue;
        const d = project(ax, ay, bx, by, x, y)[1];
        if (d <= limit && d < bestD) (bestD = d), (best = band[k]!);
      }
    }
    return best;
  }

  /** 1 inside, 0 within `tolerance` of the boundary (« en limite »), -1 outside. */
  locate(x: number, y: number, tolerance: number): 1 | 0 | -1 {
    if (this.edgeNear(x, y, tolerance) >= 0) return 0;
    return this.contains(x, y) ? 1 : -1;
  }

  /** True when one of the segments [ax, ay, bx, by…] meets an edge. */
  meets(segments: readonly number[]): boolean {
    const e = this.edges;
    for (let s = 0; s < segments.length; s += 4) {
      const ax = segments[s]!, ay = segments[s + 1]!, bx = segments[s + 2]!, by = segments[s + 3]!;
      const minX = Math.min(ax, bx), maxX = Math.max(ax, bx);
      const to = this.band(Math.max(ay, by));
      for (let b = this.band(Math.min(ay, by)); b <= to; b++) {
        const band = this.bands[b]!;
        for (let k = 0; k < band.length; k++) {
          const i = 4 * band[k]!;
          const cx = e[i]!, cy = e[i + 1]!, dx = e[i + 2]!, dy = e[i + 3]!;
          if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX) continue;
          if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return true;
        }
      }
    }
    return false;
  }

  /** True when an edge's box meets `box`: otherwise nothing inside `box` can meet the boundary. */
  anyEdgeIn(box: Extent): boolean {
    const e = this.edges;
    const [minX, minY, maxX, maxY] = box as [number, number, number, number];
    const to = this.band(maxY);
    for (let b = this.band(minY); b <= to; b++) {
      const band = this.bands[b]!;
      for (let k = 0; k < band.length; k++) {
        const i = 4 * band[k]!;
        if (Math.max(e[i]!, e[i + 2]!) < minX || Math.min(e[i]!, e[i + 2]!) > maxX || Math.max(e[i + 1]!, e[i + 3]!) < minY || Math.min(e[i + 1]!, e[i + 3]!) > maxY) continue;
        return true;
      }
    }
    return false;
  }

  /** Calls `visit` once with the index of each edge whose box meets `box`. */
  forEachEdgeIn(box: Extent, visit: (edge: number) => void): void {
    const e = this.edges;
    const [minX, minY, maxX, maxY] = box as [number, number, number, number];
    const first = this.band(minY);
    const to = this.band(maxY);
    for (let b = first; b <= to; b++) {
      const band = this.bands[b]!;
      for (let k = 0; k < band.length; k++) {
        const i = 4 * band[k]!;
        const ax = e[i]!, ay = e[i + 1]!, bx = e[i + 2]!, by = e[i + 3]!;
        if (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX || Math.max(ay, by) < minY || Math.min(ay, by) > maxY) continue;
        // An edge spanning several bands: visited in the first band of the query that holds it.
        if (b > first && this.band(Math.min(ay, by)) < b) continue;
        visit(band[k]!);
      }
    }
  }

  /**
   * Adds to `out` where along ab (0 at a, 1 at b) the boundary cuts it: where an edge crosses it, and
   * where an edge's end lies within `tolerance` of it (so that a stretch along an edge is cut where
   * the edge begins and ends). Unsorted, possibly repeated.
   */
  cuts(ax: number, ay: number, bx: number, by: number, tolerance: number, out: number[]): void {
    const e = this.edges;
    const limit = tolerance * tolerance;
    const minX = Math.min(ax, bx) - tolerance, maxX = Math.max(ax, bx) + tolerance;
    const minY = Math.min(ay, by) - tolerance, maxY = Math.max(ay, by) + tolerance;
    const rx = bx - ax, ry = by - ay;
    const to = this.band(maxY);
    for (let b = this.band(minY); b <= to; b++) {
      const band = this.bands[b]!;
      for (let k = 0; k < band.length; k++) {
        const i = 4 * band[k]!;
        const cx = e[i]!, cy = e[i + 1]!, dx = e[i + 2]!, dy = e[i + 3]!;
        if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
        const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
        const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
        if (o1 * o2 < 0 && o3 * o4 < 0) {
          const sx = dx - cx, sy = dy - cy;
          out.push(((cx - ax) * sy - (cy - ay) * sx) / (rx * sy - ry * sx));
        }
        // The edge's ends near ab (inline projections: this loop is the hot path of the overlap area).
        const length2 = rx * rx + ry * ry || 1;
        let t = Math.max(0, Math.min(1, ((cx - ax) * rx + (cy - ay) * ry) / length2));
        let px = ax + t * rx - cx, py = ay + t * ry - cy;
        if (px * px + py * py <= limit) out.push(t);
        t = Math.max(0, Math.min(1, ((dx - ax) * rx + (dy - ay) * ry) / length2));
        px = ax + t * rx - dx;
        py = ay + t * ry - dy;
        if (px * px + py * py <= limit) out.push(t);
      }
    }
  }
}
