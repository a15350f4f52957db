/**
 * Search indexes of the data the site packages: for a layer with `search` and a `file` under maps/,
 * the build reads the file, indexes its features (src/search) and writes the serialised index beside
 * the data, content-hashed; the browser loads it and never rebuilds it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Problem } from '../src/context/problems.js';
import type { SearchSettings } from '../src/context/types.js';
import { isLonLatGeoJson, recordsFromGeoJson } from '../src/search/records.js';
import { serialiseIndex } from '../src/search/text-index.js';

export interface SearchIndexOutput {
  /** Path of the index in the site, e.g. data/france-places.search.1a2b3c4d5e.json. */
  readonly path?: string;
  readonly source?: string;
  readonly problems: Problem[];
}

/** Builds the search index of a packaged GeoJSON file (layer at JSON pointer `at`). */
export function buildSearchIndex(
  layer: { file: string; search: SearchSettings; idField?: string; projection?: string },
  // `geojson`: the content to index when the build ships something else than the file (public records only).
  { mapsDir, at, folder, language = 'fr', geojson: given }: { mapsDir: string; at: string; folder: string; language?: string; geojson?: unknown },
): SearchIndexOutput {
  const source = resolve(mapsDir, layer.file);
  // Given content (public records, or a source read elsewhere) needs no file under maps/; a missing file is reported by the packaging.
  if (given === undefined && (!source.startsWith(mapsDir + '/') || !existsSync(source))) return { problems: [] };
  let geojson: unknown = given;
  try {
    geojson ??= JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    return { problems: [{ path: `${at}/file`, message: `cannot be indexed for search: ${(error as Error).message}` }] };
  }
  const records = recordsFromGeoJson(geojson, { search: layer.search, idField: layer.idField, language }, {
    lonLat: isLonLatGeoJson(geojson, layer.projection),
  });
  const text = JSON.stringify(serialiseIndex(records));
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  const name = basename(layer.file).replace(/\.(geo)?json$/i, '');
  return { path: `${folder}/${name}.search.${hash}.json`, source: text, problems: [] };
}
