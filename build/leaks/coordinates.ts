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

const pairKey = (a: number, b: number, level: number): string => `${level}|${a.toFixed(level)}|${b.toFixed(level)}`;

/** The keys under which a point (lon/lat, written at `decimals`) is found: each precision, both orders, Web Mercator metres. */
function keysOf(lon: number, lat: number, decimals: number): string[] {
  const keys: string[] = [];
  for (let level = Math.min(decimals, COARSEST); level <= FINEST; level++) keys.push(pairKey(lon, lat, level), pairKey(lat, lon, level));
  if (Math.abs(lon) <= 180 && Math.abs(lat) < 85) {
    const [x, y] = lonLatToMercator(lon, lat);
    // Rounded or truncated to the metre, as a writer may do either.
    for (const mx of new Set([Math.round(x), Math.trunc(x)])) for (const my of new Set([Math.round(y), Math.trunc(y)])) keys.push(`m|${mx}|${my}`);
  }
  return keys;
}

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
  const withheld = new Map<string, WithheldPoint & { lon: number; lat: number }>();
  const sharedKeys = new Set<string>();
  for (const { record, lon, lat, from } of found) {
    const text = `${lon},${lat}`;
    if (shipped.has(record)) {
      for (let level = 0; level <= FINEST; level++) sharedKeys.add(pairKey(lon, lat, level));
    } else if (!/e/i.test(text) && text.replace(/\D/g, '').length >= MIN_DIGITS && !withheld.has(text)) {
      withheld.set(text, { text, from, lon, lat });
    }
  }
  return [...withheld.values()]
    .filter(({ text, lon, lat }) => !keysOf(lon, lat, Math.max(...text.split(',').map(decimalsOf))).some((key) => sharedKeys.has(key)))
    .map(({ text, from }) => ({ text, from }));
}

export interface CompiledPoints {
  readonly keys: ReadonlyMap<string, readonly number[]>;
  /** The whole parts of the keys' first numbers, to pass over most pairs of a text without more work. */
  readonly firstWholes: ReadonlySet<number>;
}

/** Points to search for (`text` as withheldPoints writes it; `index`: what a hit reports). */
export function compilePoints(points: ReadonlyArray<{ text: string; index: number }>): CompiledPoints {
  const keys = new Map<string, number[]>();
  const firstWholes = new Set<number>();
  for (const { text, index } of points) {
    const [lon, lat] = text.split(',').map(Number) as [number, number];
    for (const key of keysOf(lon, lat, Math.max(...text.split(',').map(decimalsOf)))) {
      keys.set(key, [...(keys.get(key) ?? []), index]);
      const whole = Math.trunc(Number(key.split('|')[1]));
      // Rounding a finer text may carry into the whole part.
      firstWholes.add(whole - 1).add(whole).add(whole + 1);
    }
  }
  return { keys, firstWholes };
}

// Two numbers side by side: the first not inside a word, a version or a longer number; the second not followed by more of one.
const PAIR = /(?<![\w.])(-?\d+(?:\.\d+)?)(?=(?:\s*[,;/]\s*|\s+)(-?\d+(?:\.\d+)?)(?!\w|\.\d))/g;

/** Adds to `found` the indexes of the points written in a (lower-cased) text. */
export function searchPoints(text: string, { keys, firstWholes }: CompiledPoints, found: Set<number>): void {
  if (!keys.size) return;
  for (const match of text.matchAll(PAIR)) {
    const a = Number(match[1]);
    if (!firstWholes.has(Math.trunc(a))) continue;
    const b = Number(match[2]);
    const level = Math.min(FINEST, Math.max(decimalsOf(match[1]!), decimalsOf(match[2]!)));
    const hits = [...(keys.get(pairKey(a, b, level)) ?? []), ...(Math.abs(a) >= 1000 && Math.abs(b) >= 1000 ? (keys.get(`m|${Math.round(a)}|${Math.round(b)}`) ?? []) : [])];
    hits.forEach((index) => found.add(index));
  }
}
