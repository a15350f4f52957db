/**
 * How the index orders records of equal text score: inside the map's territory first (or without a
 * point), then the higher rank, then the shortest text, then the nearest to the territory's middle,
 * then the data's own order.
 */
import { NO_POINT } from './index-format.js';

/** [west, south, east, north] in lon/lat (EPSG:4326); west > east crosses the antimeridian. */
export type Territory = readonly [number, number, number, number];

export interface Ranked {
  readonly r: number;
  /** The text score, lower is better. */
  readonly score: number;
  /** 1 outside the territory, else 0 (inside, no point, or no territory). */
  readonly outside: number;
  /** -Infinity for none. */
  readonly rank: number;
  readonly length: number;
  /** From the territory's middle (Infinity without a point, 0 without a territory). */
  readonly distance: number;
  readonly typo: boolean;
}

/** Orders ranked records, best first (NaN — two missing ranks, two unknown distances — reads as a tie). */
export const compareRanked = (a: Ranked, b: Ranked): number =>
  a.score - b.score || a.outside - b.outside || b.rank - a.rank || a.length - b.length || a.distance - b.distance || a.r - b.r;

/** True when a lon/lat point is inside a territory. */
export function isInside([x, y]: readonly [number, number], [west, south, east, north]: Territory): boolean {
  return y >= south && y <= north && (west <= east ? x >= west && x <= east : x >= west || x <= east);
}

/** Where a point (lon, lat ×1e5, x = NO_POINT for none) stands against a territory. */
export function placer(territory: Territory | undefined): (x: number, y: number) => { outside: number; distance: number } {
  if (!territory) return () => ({ outside: 0, distance: 0 });
  const [west, south, east, north] = territory.map((v) => v * 1e5) as [number, number, number, number];
  const midY = (south + north) / 2;
  // Across the antimeridian the middle's longitude is taken on the west side (an approximation).
  const midX = west <= east ? (west + east) / 2 : west;
  const scaled: Territory = [west, south, east, north];
  const xScale = Math.cos((midY / 1e5) * (Math.PI / 180));
  return (x, y) => {
    if (x === NO_POINT) return { outside: 0, distance: Infinity };
    return { outside: isInside([x, y], scaled) ? 0 : 1, distance: Math.hypot((x - midX) * xScale, y - midY) };
  };
}
