/**
 * Reads the coordinates a person types in « Aller à des coordonnées ». Pure: no DOM, no projection
 * library (Lambert-93 metres are returned as such; the caller reprojects them).
 *
 * Accepted:
 * - decimal degrees, dot or comma decimals: « 45.19, 5.72 », « 5,72 45,19 », « 45.19;5.72 »;
 * - degrees, minutes, seconds: « 45°11'24"N 5°43'12"E », « N 45° 11.4' E 5° 43.2' », « 45 11 24 N 5 43 12 O »;
 * - Lambert-93 metres (EPSG:2154): « 914000 6458000 » (x then y; the other order is recognised too).
 *
 * Which number is the latitude:
 * 1. a hemisphere letter decides (N/S latitude, E/W/O longitude);
 * 2. else a number beyond ±90 can only be a longitude;
 * 3. else when one number falls in metropolitan France's latitudes (41–51.5) and the other in its
 *    longitudes (−5.5–10), and not the other way round, they are read that way (« 5.72 45.19 » is
 *    Grenoble, not the Indian Ocean);
 * 4. else latitude first (the ISO 6709 order, and what most sites copy), said as an assumption.
 */

export type CoordinateProblem =
  | 'empty'
  | 'count'
  | 'unreadable'
  | 'minutes'
  | 'latitude-range'
  | 'longitude-range'
  | 'lambert-range'
  | 'mixed'
  | 'hemispheres';

export type OrderReason = 'letters' | 'range' | 'france' | 'assumed';

export type ParsedCoordinates =
  | { readonly ok: true; readonly kind: 'degrees'; readonly lon: number; readonly lat: number; readonly order: 'lat-lon' | 'lon-lat'; readonly reason: OrderReason }
  | { readonly ok: true; readonly kind: 'lambert93'; readonly x: number; readonly y: number; readonly swapped: boolean }
  | { readonly ok: false; readonly problem: CoordinateProblem };

/** Lambert-93's area of use (its projected bounds, in metres). */
export const LAMBERT93_BOUNDS = { minX: -378306, maxX: 1212611, minY: 6093283, maxY: 7186902 } as const;

const FRANCE_LAT = [41, 51.5] as const;
const FRANCE_LON = [-5.5, 10] as const;

interface Value {
  readonly value: number;
  readonly axis?: 'lat' | 'lon';
  /** Written with °, ′, ″ or a hemisphere: degrees for sure. */
  readonly angular: boolean;
}

const failure = (problem: CoordinateProblem): ParsedCoordinates => ({ ok: false, problem });

/** One coordinate: optional hemisphere (before or after), sign, degrees, minutes, seconds. */
const VALUE =
  /^([NSEWO])?\s*([-+−])?\s*(\d+(?:\.\d+)?)\s*(°)?\s*(?:(\d+(?:\.\d+)?)\s*(')?\s*)?(?:(\d+(?:\.\d+)?)\s*(")?\s*)?([NSEWO])?$/;

function normalise(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[º˚]/g, '°')
    .replace(/[′’‘´`]/g, "'")
    .replace(/[″“”]|''/g, '"')
    .replace(/\s+/g, ' ');
}

function readValue(part: string): Value | CoordinateProblem {
  const text = part.replace(/^[\s,/]+|[\s,/]+$/g, '').replace(/(\d),(\d)/g, '$1.$2');
  const match = VALUE.exec(text);
  if (!match) return 'unreadable';
  const [, before, sign, deg, degMark, min, minMark, sec, secMark, after] = match;
  if (before && after) return 'unreadable';
  const letter = before ?? after;
  // Bare numbers after the degrees only when a hemisphere letter frames the group (« 45 11 24 N »).
  if ((min !== undefined && !minMark && !letter) || (sec !== undefined && !secMark && !letter)) return 'unreadable';
  if (min !== undefined && deg!.includes('.')) return 'unreadable';
  if (sec !== undefined && (min === undefined || min.includes('.'))) return 'unreadable';
  const minutes = min === undefined ? 0 : Number(min);
  const seconds = sec === undefined ? 0 : Number(sec);
  if (minutes >= 60 || seconds >= 60) return 'minutes';
  let value = Number(deg) + minutes / 60 + seconds / 3600;
  if (sign === '-' || sign === '−' || letter === 'S' || letter === 'W' || letter === 'O') value = -value;
  if (letter && (sign === '-' || sign === '−')) return 'unreadable';
  const axis = letter === undefined ? undefined : letter === 'N' || letter === 'S' ? 'lat' : 'lon';
  return { value, axis, angular: Boolean(letter || degMark || minMark || secMark) };
}

/** Cuts the text into the two coordinates it holds (or says it cannot). */
function split(text: string): string[] | undefined {
  if (text.includes(';')) return text.split(';');
  const letters = text.match(/[NSEWO]/g) ?? [];
  if (letters.length === 2) {
    // Letters close each group (« 45.1 N 5.7 E ») or open it (« N 45.1 E 5.7 »).
    if (/[NSEWO]$/.test(text)) {
      const cut = text.search(/[NSEWO]/) + 1;
      return [text.slice(0, cut), text.slice(cut)];
    }
    if (/^[NSEWO]/.test(text)) {
      const cut = text.slice(1).search(/[NSEWO]/) + 1;
      return [text.slice(0, cut), text.slice(cut)];
    }
  }
  const degreeMarks = [...text.matchAll(/°/g)].map((m) => m.index);
  if (degreeMarks.length === 2) {
    // The second coordinate starts with the number (and sign) before its degree mark.
    const start = /[-+−]?\s*\d+(?:[.,]\d+)?\s*$/.exec(text.slice(0, degreeMarks[1]))!.index;
    return [text.slice(0, start), text.slice(start)];
  }
  if (letters.length === 1 && /[NSEWO]$/.test(text)) {
    const cut = text.search(/[NSEWO]/) + 1;
    if (cut < text.length) return [text.slice(0, cut), text.slice(cut)];
  }
  // Plain numbers: spaces or slashes part them (then commas are decimal commas), else one comma.
  const words = text.split(/[\s/]+/).map((w) => w.replace(/^,+|,+$/g, '')).filter(Boolean);
  if (words.length === 2) return words;
  if (words.length === 1) {
    const pieces = words[0]!.split(',');
    if (pieces.length === 2) return pieces;
  }
  return undefined;
}

const within = (value: number, [min, max]: readonly [number, number]): boolean => value >= min && value <= max;

/** Reads coordinates typed by a person, or names what is wrong with them. */
export function parseCoordinates(input: string): ParsedCoordinates {
  const text = normalise(input);
  if (!text) return failure('empty');
  const parts = split(text);
  if (!parts || parts.length !== 2) return failure('count');
  const values = parts.map(readValue);
  const problem = values.find((v): v is CoordinateProblem => typeof v === 'string');
  if (problem) return failure(problem);
  const [a, b] = values as [Value, Value];

  const angular = a.angular || b.angular;
  const big = (v: Value): boolean => Math.abs(v.value) > 360;
  if (!angular && big(a) && big(b)) return lambert(a.value, b.value);
  if (big(a) || big(b)) return failure(angular ? 'longitude-range' : 'mixed');
  return degrees(a, b);
}

function lambert(first: number, second: number): ParsedCoordinates {
  const { minX, maxX, minY, maxY } = LAMBERT93_BOUNDS;
  const isX = (v: number): boolean => v >= minX && v <= maxX;
  const isY = (v: number): boolean => v >= minY && v <= maxY;
  if (isX(first) && isY(second)) return { ok: true, kind: 'lambert93', x: first, y: second, swapped: false };
  if (isY(first) && isX(second)) return { ok: true, kind: 'lambert93', x: second, y: first, swapped: true };
  return failure('lambert-range');
}

function degrees(a: Value, b: Value): ParsedCoordinates {
  let order: 'lat-lon' | 'lon-lat';
  let reason: OrderReason;
  if (a.axis || b.axis) {
    if (a.axis && a.axis === b.axis) return failure('hemispheres');
    order = a.axis === 'lat' || b.axis === 'lon' ? 'lat-lon' : 'lon-lat';
    reason = 'letters';
  } else if (Math.abs(a.value) > 90 || Math.abs(b.value) > 90) {
    if (Math.abs(a.value) > 90 && Math.abs(b.value) > 90) return failure('latitude-range');
    order = Math.abs(a.value) > 90 ? 'lon-lat' : 'lat-lon';
    reason = 'range';
  } else {
    const latLon = within(a.value, FRANCE_LAT) && within(b.value, FRANCE_LON);
    const lonLat = within(a.value, FRANCE_LON) && within(b.value, FRANCE_LAT);
    order = lonLat && !latLon ? 'lon-lat' : 'lat-lon';
    reason = latLon !== lonLat ? 'france' : 'assumed';
  }
  const [lat, lon] = order === 'lat-lon' ? [a.value, b.value] : [b.value, a.value];
  if (Math.abs(lat) > 90) return failure('latitude-range');
  if (Math.abs(lon) > 180) return failure('longitude-range');
  return { ok: true, kind: 'degrees', lon, lat, order, reason };
}
