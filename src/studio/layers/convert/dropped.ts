/**
 * A file dropped or chosen in the « Couches » section, read into GeoJSON: GeoJSON as it is, CSV and
 * FlatGeobuf converted (the viewer packages GeoJSON files only: plugin/data-uses.ts).
 */
import type { FeatureCollection } from 'geojson';
import { csvToGeoJson, guessCsv, type CsvChoice, type CsvGuess } from './csv.js';
import { flatGeobufToGeoJson, looksLikeFlatGeobuf } from './flatgeobuf.js';
import { MAX_FILE_BYTES } from './limits.js';

export { MAX_FILE_BYTES };

export type DropProblemCode = 'too-big' | 'not-json' | 'not-geojson' | 'no-features' | 'csv-empty' | 'csv-columns' | 'fgb-unreadable' | 'fgb-projection' | 'unknown-format';

export type DropResult =
  | { readonly kind: 'layer'; readonly collection: FeatureCollection; readonly bytes: Uint8Array; readonly skipped: number }
  | { readonly kind: 'ask'; readonly guess: CsvGuess }
  | { readonly kind: 'problem'; readonly problem: DropProblemCode; readonly detail?: string };

const problem = (code: DropProblemCode, detail?: string): DropResult => ({ kind: 'problem', problem: code, detail });
const encode = (collection: FeatureCollection): Uint8Array => new TextEncoder().encode(JSON.stringify(collection));

/** The features of a GeoJSON text (a FeatureCollection, a Feature or a bare geometry). */
function geoJsonOf(text: string, bytes: Uint8Array): DropResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem('not-json', error instanceof Error ? error.message : undefined);
  }
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') return problem('not-geojson');
  const object = value as { type: string; features?: unknown };
  if (object.type === 'FeatureCollection') {
    const collection = value as FeatureCollection;
    if (!Array.isArray(object.features) || !collection.features.some((f) => f?.geometry)) return problem('no-features');
    return { kind: 'layer', collection, bytes, skipped: 0 };
  }
  // A lone feature or geometry becomes a collection of one (the file written is then the collection).
  const feature = object.type === 'Feature' ? value : ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(object.type) ? { type: 'Feature', properties: {}, geometry: value } : undefined;
  if (!feature || !(feature as { geometry?: unknown }).geometry) return problem('not-geojson');
  const collection = { type: 'FeatureCollection', features: [feature] } as FeatureCollection;
  return { kind: 'layer', collection, bytes: encode(collection), skipped: 0 };
}

const kindOf = (name: string, bytes: Uint8Array): 'csv' | 'fgb' | 'geojson' | undefined => {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'fgb' || looksLikeFlatGeobuf(bytes)) return 'fgb';
  if (['csv', 'tsv', 'txt'].includes(extension)) return 'csv';
  if (['geojson', 'json'].includes(extension)) return 'geojson';
  return undefined;
};

/** Reads a dropped file; a CSV whose coordinate columns are unsure asks first (then `choice` answers). */
export async function readDropped(name: string, bytes: Uint8Array, choice?: CsvChoice): Promise<DropResult> {
  if (bytes.length > MAX_FILE_BYTES) return problem('too-big');
  const kind = kindOf(name, bytes);
  if (kind === 'fgb') {
    const read = await flatGeobufToGeoJson(bytes);
    if ('problem' in read) return problem(read.problem, read.detail);
    if (!read.features.length) return problem('no-features');
    return { kind: 'layer', collection: read, bytes: encode(read), skipped: 0 };
  }
  const text = new TextDecoder().decode(bytes);
  if (kind === 'csv') {
    const guess = choice ? undefined : guessCsv(text);
    if (guess && 'problem' in guess) return problem(guess.problem);
    if (guess && !guess.sure) return { kind: 'ask', guess };
    const read = csvToGeoJson(text, choice ?? guess!.choice);
    if ('problem' in read) return problem(read.problem);
    return { kind: 'layer', collection: read.collection, bytes: encode(read.collection), skipped: read.skipped };
  }
  if (kind === 'geojson' || /^\s*[{[]/.test(text.slice(0, 64))) return geoJsonOf(text, bytes);
  return problem('unknown-format');
}
