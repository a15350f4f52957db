/**
 * Places a person can type instead of drawing (keyboard users, exact limits): a list of points as
 * "longitude latitude" in degrees (WGS84) or "x y" in metres (Lambert-93, EPSG:2154), one point a line
 * or separated by « ; ». Pure: parsing only; the UI turns the result into map coordinates.
 */

export interface TypedPoints {
  /** "EPSG:4326" (lon, lat) or "EPSG:2154" (x, y). */
  readonly crs: 'EPSG:4326' | 'EPSG:2154';
  readonly points: ReadonlyArray<readonly [number, number]>;
}

export type TypedPointsError = 'empty' | 'number' | 'pair' | 'mixed' | 'range';

export class TypedPointsProblem extends Error {
  constructor(
    readonly code: TypedPointsError,
    /** The 1-based position of the point at fault. */
    readonly at?: number,
  ) {
    super(`${code}${at ? ` at point ${at}` : ''}`);
  }
}

/** A number as people write it: "45.18", "45,18", "6 405 463.1" (spaces as thousands separators are not accepted: they split values). */
const readNumber = (text: string): number => (/^[+-]?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : NaN);

/** Reads typed points; throws TypedPointsProblem naming the first point at fault. */
export function parseTypedPoints(text: string): TypedPoints {
  const chunks = text
    .split(/[;\n]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (!chunks.length) throw new TypedPointsProblem('empty');
  const points: Array<[number, number]> = [];
  let crs: TypedPoints['crs'] | undefined;
  chunks.forEach((chunk, i) => {
    // "6.3 45.1", "6.3, 45.1" or "6,3 45,1": values split by spaces, or by one comma between two dotted numbers.
    const parts = /\s/.test(chunk) ? chunk.split(/[\s]+|\s*,\s+/).filter((p) => p && p !== ',') : chunk.split(',');
    if (parts.length !== 2) throw new TypedPointsProblem('pair', i + 1);
    const [x, y] = parts.map((p) => readNumber(p.replace(/,$/, ''))) as [number, number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new TypedPointsProblem('number', i + 1);
    const kind = Math.abs(x) <= 180 && Math.abs(y) <= 90 ? 'EPSG:4326' : 'EPSG:2154';
    if (crs && kind !== crs) throw new TypedPointsProblem('mixed', i + 1);
    crs = kind;
    // Lambert-93 covers metropolitan France: about 0–1 300 000 east, 6 000 000–7 200 000 north.
    if (kind === 'EPSG:2154' && !(x > -500_000 && x < 2_000_000 && y > 5_500_000 && y < 7_700_000)) throw new TypedPointsProblem('range', i + 1);
    points.push([x, y]);
  });
  return { crs: crs!, points };
}
