/**
 * A CSV of points to GeoJSON in WGS84: the coordinate columns found by their names and checked by
 * their values (longitude/latitude, or Lambert 93 x/y), decimal commas read; when unsure, the studio
 * asks the person (CsvChoice) before converting.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { csvRows, detectDelimiter, parseNumber } from '../../../layers/csv/parse.js';
import { toWgs84, WGS84 } from './reproject.js';

export interface CsvChoice {
  readonly x: string;
  readonly y: string;
  /** The CRS of the columns (EPSG:4326, EPSG:2154, EPSG:3857). */
  readonly projection: string;
  readonly decimal: '.' | ',';
}

/** What the file's columns suggest: `sure` false means the person should confirm or choose. */
export interface CsvGuess {
  readonly columns: readonly string[];
  readonly choice: CsvChoice;
  readonly sure: boolean;
}

export type CsvProblem = { readonly problem: 'csv-empty' | 'csv-columns' };

const fold = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
const X_NAME = /^(x|lon|lng|long|longitude|easting)([ _-]?(wgs84|l93|lambert93|2154|4326))?$|^coord(onnee)?s?[ _-]?x$/;
const Y_NAME = /^(y|lat|latitude|northing)([ _-]?(wgs84|l93|lambert93|2154|4326))?$|^coord(onnee)?s?[ _-]?y$/;
const COMMA_DECIMAL = /^\s*[+-]?\d+,\d+\s*$/;
const SAMPLE = 500;

interface Table {
  readonly columns: string[];
  readonly rows: string[][];
}

function table(text: string): Table {
  const firstLineEnd = text.search(/\r?\n/);
  const delimiter = detectDelimiter(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd));
  const all = [...csvRows(text, delimiter)].filter((row) => !(row.length === 1 && row[0]!.trim() === ''));
  const [header, ...rows] = all;
  return { columns: (header ?? []).map((c) => c.trim()), rows };
}

/** The CRS that every pair fits: WGS84 degrees, then Lambert 93 metres, then Web Mercator (unsure). */
function projectionOf(pairs: readonly (readonly [number, number])[]): { projection: string; sure: boolean } {
  if (pairs.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)) return { projection: WGS84, sure: true };
  if (pairs.every(([x, y]) => x > -400000 && x < 1300000 && y > 6000000 && y < 7200000)) return { projection: 'EPSG:2154', sure: true };
  return { projection: 'EPSG:3857', sure: false };
}

function pairsOf(data: Table, x: number, y: number, decimal: '.' | ','): [number, number][] {
  return data.rows
    .slice(0, SAMPLE)
    .map((row) => [parseNumber(row[x], decimal), parseNumber(row[y], decimal)] as [number, number])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
}

/** The coordinate columns and CRS the file suggests. */
export function guessCsv(text: string): CsvGuess | CsvProblem {
  const data = table(text);
  if (data.columns.length < 2 || !data.rows.length) return { problem: 'csv-empty' };
  const xs = data.columns.filter((c) => X_NAME.test(fold(c)));
  const ys = data.columns.filter((c) => Y_NAME.test(fold(c)));
  const x = xs[0] ?? data.columns[0]!;
  const y = ys[0] ?? data.columns[1]!;
  const xi = data.columns.indexOf(x);
  const yi = data.columns.indexOf(y);
  const sample = data.rows.slice(0, SAMPLE);
  const decimal = sample.some((row) => COMMA_DECIMAL.test(row[xi] ?? '') || COMMA_DECIMAL.test(row[yi] ?? '')) ? ',' : '.';
  const pairs = pairsOf(data, xi, yi, decimal);
  const { projection, sure } = pairs.length ? projectionOf(pairs) : { projection: WGS84, sure: false };
  // Sure only when the names say which columns, and most lines have numbers there in a known CRS.
  const named = xs.length === 1 && ys.length === 1;
  return { columns: data.columns, choice: { x, y, projection, decimal }, sure: named && sure && pairs.length >= Math.ceil(sample.length / 2) };
}

/** A column's values as numbers when every non-empty one is a plain number (codes with a leading zero stay text). */
function numericColumn(values: readonly string[], decimal: '.' | ','): boolean {
  const present = values.filter((v) => v.trim() !== '');
  return present.length > 0 && present.every((v) => !/^\s*[+-]?0\d/.test(v) && Number.isFinite(parseNumber(v, decimal)));
}

/** The points of the CSV in WGS84; lines without readable coordinates are counted in `skipped`. */
export function csvToGeoJson(text: string, choice: CsvChoice): { collection: FeatureCollection<Point>; skipped: number } | CsvProblem {
  const data = table(text);
  const xi = data.columns.indexOf(choice.x);
  const yi = data.columns.indexOf(choice.y);
  const convert = toWgs84(choice.projection);
  if (xi < 0 || yi < 0 || xi === yi || !convert) return { problem: 'csv-columns' };
  const kept = data.columns.map((name, i) => ({ name, i })).filter(({ name, i }) => name !== '' && i !== xi && i !== yi);
  const numeric = new Set(kept.filter(({ i }) => numericColumn(data.rows.map((row) => row[i] ?? ''), choice.decimal)).map(({ i }) => i));
  const features: Feature<Point>[] = [];
  let skipped = 0;
  for (const row of data.rows) {
    const x = parseNumber(row[xi], choice.decimal);
    const y = parseNumber(row[yi], choice.decimal);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      skipped += 1;
      continue;
    }
    const properties: Record<string, string | number | null> = {};
    for (const { name, i } of kept) {
      const cell = row[i] ?? '';
      properties[name] = cell.trim() === '' ? null : numeric.has(i) ? parseNumber(cell, choice.decimal) : cell;
    }
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: convert([x, y]) } });
  }
  if (!features.length) return { problem: 'csv-columns' };
  return { collection: { type: 'FeatureCollection', features }, skipped };
}
