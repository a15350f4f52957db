/**
 * The coordinates of withheld points: where the points that only the restricted output holds lie, and
 * their search in a text as a public file would write them — two numbers side by side (a GeoJSON
 * array, with or without spaces, a "lat, lon" pair, WKT's "lon lat", a "lat/lon" URL), at the data's
 * precision or finer (to 7 decimals; more is noise), rounded to fewer decimals down to 4 (about 10 m),
 * or projected to Web Mercator metres (the map's own projection).
 */
import { lonLatToMercator } from '../../src/layers/points/compact.js';
import { recordsOf } from '../restricted.js';

/** A withheld point, written as its data writes it ("6.287,44.871"), and the document it comes from. */
export interface WithheldPoint {
  readonly text: string;
  readonly from: string;
}

/** Finer than this is noise: a text with more decimals is compared at this many. */
const FINEST = 7;
/** Coarser than this (about 10 m) is not the point any more: a rounded form is sought down to this. */
const COARSEST = 4;
/** A point written with fewer digits than this (e.g. "6.3,44.9") is too common to be sought. */
const MIN_DIGITS = 6;

const decimalsOf = (written: string): number => {
  const dot = written.indexOf('.');
  return dot < 0 ? 0 : written.length - dot - 1;
};

/** Point features anywhere in a JSON value (collections, inline data of a document), with their record. */
function pointFeatures(value: unknown, visit: (record: Record<string, unknown>, positions: number[][]) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => pointFeatures(v, visit));
  if (!value || typeof value !== 'object') return;
  const feature = value as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null };
  if (feature.type !== 'Feature') return Object.values(value).forEach((v) => pointFeatures(v, visit));
  const { type, coordinates } = feature.geometry ?? {};
  const positions = type === 'Point' ? [coordinates] : type === 'MultiPoint' && Array.isArray(coordinates) ? coordinates : [];
  const numeric = positions.filter((p): p is number[] => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (numeric.length) visit(recordsOf(value)[0]!, numeric);
}

/**
 * The points of the restricted outputs' JSON (`restricted`: parsed data files and documents, and the
 * document they belong to) whose record the public site does not ship (`publicRecords`: its records,
 * read once, only when there are points). Only points are sought: a line or an area may share its
 * vertices with public outlines. Left out: a point that a shipped record of the same data also has at
 * one of the precisions sought (within about 10 m: its rounded forms could be that record's), and a
 * point written with too few digits to be told from any other. Other public data does not count: a
 * public layer that holds the withheld points is the leak this looks for.
 */
export function withheldPoints(
  publicRecords: () => Iterable<Record<string, unknown>>,
  restricted: ReadonlyArray<{ json: unknown; from: string }>,
): WithheldPoint[] {
  const found: Array<{ record: string; lon: number; lat: number; from: string }> = [];
  for (const { json, from } of restricted) {
    pointFeatures(json, (record, positions) => {
      const key = JSON.stringify(record);
      for (const [lon, lat] of positions as [number, number][]) found.push({ record: key, lon, lat, from });
    });
  }
  if (!found.length) return [];
  // Which of these records the public site ships: only they are kept, never every public record.
  const wanted = new Set(found.map(({ record }) => record));
  const shipped = new Set<string>();
  for (const record of publicRecords()) {
    const key = JSON.stringify(record);
    if (wanted.has(key)) shipped.add(key);
  }
  const withheld = new Map<string, WithheldPoint>();
  for (const { record, lon, lat, from } of found) {
    const text = `${lon},${lat}`;
    if (!shipped.has(record) && !/e/i.test(text) && text.replace(/\D/g, '').length >= MIN_DIGITS && !withheld.has(text)) withheld.set(text, { text, from });
  }
  const candidates = [...withheld.values()];
  if (!shipped.size) return candidates;
  // Which of them a shipped point of the same data writes at one of their precisions: those are no secret.
  const sought = compilePoints(candidates.map(({ text }, index) => ({ text, index })));
  const shared = new Set<number>();
  for (const { record, lon, lat } of found) if (shipped.has(record)) pointsWritten(lon, lat, 0, FINEST, sought, (point) => shared.add(point.index));
  return candidates.filter((_, index) => !shared.has(index));
}

/** A point sought: where it lies, the coarsest precision it is sought at, its Web Mercator metres, what a hit reports. */
interface SoughtPoint {
  readonly lon: number;
  readonly lat: number;
  /** Decimals: the data's, COARSEST at most. */
  readonly coarsest: number;
  readonly metres?: readonly number[];
  readonly index: number;
}

export interface CompiledPoints {
  /** By coarsest precision, the points by the cell of their position rounded to it: one entry a point, however many. */
  readonly cells: ReadonlyMap<number, ReadonlyMap<number, readonly SoughtPoint[]>>;
  /** The points by the cell of their Web Mercator position, floored to the metre. */
  readonly metres: ReadonlyMap<number, readonly SoughtPoint[]>;
  /** The whole parts a pair's first number may have, to pass over most pairs of a text without more work. */
  readonly firstWholes: ReadonlySet<number>;
}

// A cell as one number (two whole numbers side by side): a collision only adds a candidate, which is checked.
const cellOf = (i: number, j: number): number => i * 1e8 + j;

function addTo<K>(map: Map<K, SoughtPoint[]>, key: K, point: SoughtPoint): void {
  const list = map.get(key);
  if (list) list.push(point);
  else map.set(key, [point]);
}

/** Points to search for (`text` as withheldPoints writes it; `index`: what a hit reports). */
export function compilePoints(points: ReadonlyArray<{ text: string; index: number }>): CompiledPoints {
  const cells = new Map<number, Map<number, SoughtPoint[]>>();
  const metres = new Map<number, SoughtPoint[]>();
  const firstWholes = new Set<number>();
  for (const { text, index } of points) {
    const [lon, lat] = text.split(',').map(Number) as [number, number];
    const coarsest = Math.min(COARSEST, Math.max(...text.split(',').map(decimalsOf)));
    const point: SoughtPoint = { lon, lat, coarsest, index, metres: Math.abs(lon) <= 180 && Math.abs(lat) < 85 ? lonLatToMercator(lon, lat) : undefined };
    const scale = 10 ** coarsest;
    const byCell = cells.get(coarsest) ?? new Map<number, SoughtPoint[]>();
    cells.set(coarsest, byCell);
    addTo(byCell, cellOf(Math.round(lon * scale), Math.round(lat * scale)), point);
    if (point.metres) addTo(metres, cellOf(Math.floor(point.metres[0]!), Math.floor(point.metres[1]!)), point);
    // Either number may come first; rounding a finer text may carry into the whole part.
    for (const whole of [lon, lat, ...(point.metres ? [point.metres[0]!] : [])].map(Math.trunc)) firstWholes.add(whole - 1).add(whole).add(whole + 1);
  }
  return { cells, metres, firstWholes };
}

/** True when the pair (a, b), in either order, writes the point at `level` decimals. */
function writes(a: number, b: number, level: number, { lon, lat }: SoughtPoint): boolean {
  const [first, second] = [a.toFixed(level), b.toFixed(level)];
  const [x, y] = [lon.toFixed(level), lat.toFixed(level)];
  return (first === x && second === y) || (first === y && second === x);
}

/**
 * Calls `visit` with each point that the pair (a, b) writes, in either order, at a precision from
 * `from` to `to` decimals (and not coarser than the point's own). Two numbers that round alike at a
 * precision lie in the same cell at it or in a neighbouring one: only those are compared.
 */
function pointsWritten(a: number, b: number, from: number, to: number, { cells }: CompiledPoints, visit: (point: SoughtPoint) => void): void {
  for (const [coarsest, byCell] of cells) {
    if (coarsest > to) continue;
    const scale = 10 ** coarsest;
    for (const [u, v] of [[a, b], [b, a]] as const) {
      const [i, j] = [Math.round(u * scale), Math.round(v * scale)];
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          for (const point of byCell.get(cellOf(i + di, j + dj)) ?? []) {
            for (let level = Math.max(from, coarsest); level <= to; level++) {
              if (writes(a, b, level, point)) {
                visit(point);
                break;
              }
            }
          }
        }
      }
    }
  }
}

// Two numbers side by side: the first not inside a word, a version or a longer number; the second not followed by more of one.
const PAIR = /(?<![\w.])(-?\d+(?:\.\d+)?)(?=(?:\s*[,;/]\s*|\s+)(-?\d+(?:\.\d+)?)(?!\w|\.\d))/g;

/** Adds to `found` the indexes of the points written in a (lower-cased) text. */
export function searchPoints(text: string, compiled: CompiledPoints, found: Set<number>): void {
  if (!compiled.cells.size) return;
  for (const match of text.matchAll(PAIR)) {
    const a = Number(match[1]);
    if (!compiled.firstWholes.has(Math.trunc(a))) continue;
    const b = Number(match[2]);
    const level = Math.min(FINEST, Math.max(decimalsOf(match[1]!), decimalsOf(match[2]!)));
    pointsWritten(a, b, level, level, compiled, (point) => found.add(point.index));
    if (Math.abs(a) < 1000 || Math.abs(b) < 1000) continue;
    // Web Mercator metres, rounded or truncated by the writer: the point's metres floor to this cell or the one before.
    const [x, y] = [Math.round(a), Math.round(b)];
    for (const i of [x - 1, x]) {
      for (const j of [y - 1, y]) {
        for (const point of compiled.metres.get(cellOf(i, j)) ?? []) {
          const [mx, my] = point.metres as [number, number];
          if ((Math.round(mx) === x || Math.trunc(mx) === x) && (Math.round(my) === y || Math.trunc(my) === y)) found.add(point.index);
        }
      }
    }
  }
}
