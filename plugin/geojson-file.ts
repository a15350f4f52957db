/**
 * Reading the GeoJSON of a packaged data file (a layer's `file` under maps/, or its `source` as
 * read): the build refuses a file that is not JSON — naming the line and the column — or JSON that
 * is not GeoJSON, rather than ship what the map cannot draw.
 */
import { readFileSync } from 'node:fs';
import { showValue } from '../src/context/problem-text.js';
import { parseJson } from '../src/context/validate.js';

export type GeojsonRead = { readonly geojson: unknown } | { readonly message: string };

/** What a JSON value that is not GeoJSON is, in a few words. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (!value || typeof value !== 'object') return showValue(value);
  const { type } = value as { type?: unknown };
  if (type === 'FeatureCollection') return 'a FeatureCollection without a "features" array';
  return type === undefined ? 'an object without "type"' : `"type": ${showValue(type)}`;
}

/** The GeoJSON of a data file (a FeatureCollection or a Feature), or why it is none: `label` names the file. */
export function readGeojsonFile(path: string, label: string): GeojsonRead {
  const parsed = parseJson(readFileSync(path, 'utf8'));
  // "not valid JSON: at line 3, column 14" (src/context/validate.ts).
  if (!parsed.ok) return { message: `${label} is ${parsed.problems[0]!.message}` };
  const { type, features } = (parsed.value ?? {}) as { type?: unknown; features?: unknown };
  if ((type === 'FeatureCollection' && Array.isArray(features)) || type === 'Feature') return { geojson: parsed.value };
  return { message: `${label} is JSON but not GeoJSON: a FeatureCollection (with a "features" array) or a Feature is expected, found ${describe(parsed.value)}` };
}
