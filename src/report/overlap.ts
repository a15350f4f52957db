/**
 * « Touching is not inside »: how much of a polygon or a line lies inside an area place, with what
 * runs along its boundary set apart. Plain code over the banded edge index (no clipping library):
 * the area of A ∩ B is the boundary integral ½∮(x dy − y dx) over the boundary of A ∩ B, which is
 * made of the stretches of A's edges inside B and of B's edges inside A. Each edge is cut where the
 * other boundary crosses or touches it, and each piece is kept or not by its midpoint.
 */
import type { Extent } from 'ol/extent.js';
import type { BandedEdges } from './edges.js';

/**
 * A polygon is in the place when their common area exceeds this share of the smaller of the two.
 * Measured on the shipped communes of Isère and Puy-de-Dôme (988 communes, 2,818 neighbouring pairs):
 * neighbours share their boundary vertex for vertex, so their common area is 0 (under 1e-12 here,
 * under 1.5e-15 by an independent scanline computation: rounding noise), and no two overlap. When
 * the place and the layer come from different sources, rounding makes slivers: moving each vertex of
 * the layer's communes by up to ±0.5e-5° (full-precision coordinates against these 5-decimal files)
 * gives neighbours at most 3.8e-4 of the smaller commune (99 % under 1.4e-4); rounding to 4 decimals
 * (±5 m) would give up to 3.4e-3. 1e-3 keeps clear of the first, and stays below any overlap a
 * person would call « in »: 0.1 % of the smaller polygon (1 ha of a 10 km² commune).
 */
export const AREA_SHARE = 1e-3;

/** The cuts of the edge being walked, sorted, 0 and 1 included (one report at a time, synchronous). */
const cuts: number[] = [];

/** Fills `cuts` with where `other`'s boundary cuts edge ab. */
function cut(ax: number, ay: number, bx: number, by: number, other: BandedEdges, tolerance: number): void {
  cuts.length = 0;
  cuts.push(0);
  other.cuts(ax, ay, bx, by, tolerance, cuts);
  cuts.push(1);
  // Insertion sort: a handful of cuts at most.
  for (let i = 1; i < cuts.length; i++) {
    const t = cuts[i]!;
    let j = i - 1;
    while (j >= 0 && cuts[j]! > t) cuts[j + 1] = cuts[j--]!;
    cuts[j + 1] = t;
  }
}

/**
 * Twice the integral of x dy − y dx (origin ox, oy) along the pieces of `own`'s edges that bound
 * own ∩ other. A piece along `other`'s boundary (its midpoint within `tolerance` of an edge) bounds
 * the common area only when both insides lie on the same side, i.e. when the two edges run the same
 * way; it is counted once, from the first polygon (`shared`), never from the second.
 */
function boundaryIntegral(own: BandedEdges, other: BandedEdges, box: Extent, tolerance: number, shared: boolean, ox: number, oy: number): number {
  const e = own.edges;
  const f = other.edges;
  let sum = 0;
  own.forEachEdgeIn(box, (edge) => {
    const i = 4 * edge;
    const ax = e[i]!, ay = e[i + 1]!, bx = e[i + 2]!, by = e[i + 3]!;
    cut(ax, ay, bx, by, other, tolerance);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const t0 = cuts[k]!, t1 = cuts[k + 1]!;
      if (t1 - t0 < 1e-12) continue;
      const x0 = ax + t0 * (bx - ax), y0 = ay + t0 * (by - ay), x1 = ax + t1 * (bx - ax), y1 = ay + t1 * (by - ay);
      const mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
      const near = other.edgeNear(mx, my, tolerance);
      const keep = near >= 0 ? shared && (bx - ax) * (f[4 * near + 2]! - f[4 * near]!) + (by - ay) * (f[4 * near + 3]! - f[4 * near + 1]!) > 0 : other.contains(mx, my);
      if (keep) sum += (x0 - ox) * (y1 - oy) - (x1 - ox) * (y0 - oy);
    }
  });
  return sum;
}

/** The area common to two polygons, in square map units (0 when they only touch). */
export function overlapArea(a: BandedEdges, b: BandedEdges, tolerance: number): number {
  const box: Extent = [
    Math.max(a.box[0]!, b.box[0]!) - tolerance,
    Math.max(a.box[1]!, b.box[1]!) - tolerance,
    Math.min(a.box[2]!, b.box[2]!) + tolerance,
    Math.min(a.box[3]!, b.box[3]!) + tolerance,
  ];
  if (box[0]! > box[2]! || box[1]! > box[3]!) return 0;
  // An origin in the middle keeps the products small (less rounding).
  const ox = (box[0]! + box[2]!) / 2, oy = (box[1]! + box[3]!) / 2;
  const twice = boundaryIntegral(a, b, box, tolerance, true, ox, oy) + boundaryIntegral(b, a, box, tolerance, false, ox, oy);
  return Math.max(0, twice / 2);
}

/**
 * The length of a line (flat [x0, y0, x1, y1…]) inside a polygon, in map units, leaving out the
 * pieces that run along its boundary (within `tolerance`).
 */
export function lengthInside(line: readonly number[], polygon: BandedEdges, tolerance: number): number {
  let length = 0;
  for (let i = 0; i + 3 < line.length; i += 2) {
    const ax = line[i]!, ay = line[i + 1]!, bx = line[i + 2]!, by = line[i + 3]!;
    const box = polygon.box;
    if (Math.max(ax, bx) < box[0]! || Math.min(ax, bx) > box[2]! || Math.max(ay, by) < box[1]! || Math.min(ay, by) > box[3]!) continue;
    cut(ax, ay, bx, by, polygon, tolerance);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const t0 = cuts[k]!, t1 = cuts[k + 1]!;
      const mx = ax + ((t0 + t1) / 2) * (bx - ax), my = ay + ((t0 + t1) / 2) * (by - ay);
      if (t1 - t0 >= 1e-12 && polygon.locate(mx, my, tolerance) === 1) length += (t1 - t0) * Math.hypot(bx - ax, by - ay);
    }
  }
  return length;
}
