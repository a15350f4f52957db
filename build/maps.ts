/**
 * Reads every map document under maps/, validates it (the same validator as the browser), and
 * prepares what the site serves: the normalised document, the files it packages (content-hashed),
 * its catalog entry. Problems name the file, the JSON path and what is wrong.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { walkLayers } from '../src/context/checks.js';
import { formatProblem, type Problem } from '../src/context/problems.js';
import type { CatalogEntry, MapContext, PointsLayerDef, PreparedPoints, SearchSettings } from '../src/context/types.js';
import { parseJson, validateContext } from '../src/context/validate.js';
import { catalogEntry } from './catalog.js';
import { buildSearchIndex } from './search.js';
import { preparePointsLayer } from './points.js';

/** A file of the output site: its path relative to the site root and its bytes. */
export interface OutputFile {
  readonly path: string;
  readonly source: string | Uint8Array;
}

export interface BuiltMap {
  readonly file: string;
  readonly context: MapContext;
  readonly entry: CatalogEntry;
  /** The normalised document and every file it packages. */
  readonly outputs: OutputFile[];
}

export interface MapsResult {
  readonly maps: BuiltMap[];
  /** Documents with problems, by file (maps/x.json). */
  readonly invalid: string[];
  /** Every problem of every document, formatted "maps/x.json: /path: message". */
  readonly problems: string[];
}

const hashOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

function hashedName(file: string, bytes: Uint8Array): string {
  const ext = file.endsWith('.geojson') ? '.geojson' : extname(file);
  return `${basename(file, ext)}.${hashOf(bytes)}${ext}`;
}

/** The document files under mapsDir (top level only; sub-folders hold data). */
export function listMapFiles(mapsDir: string): string[] {
  return readdirSync(mapsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(mapsDir, name));
}

/** Reads and checks one document; packages its files. */
export function buildMap(path: string, projectRoot: string): { map?: BuiltMap; problems: Problem[]; file: string } {
  const file = relative(projectRoot, path);
  const parsed = parseJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) return { problems: parsed.problems, file };
  const result = validateContext(parsed.value);
  if (!result.ok) return { problems: result.problems, file };
  const context = result.value;
  const problems: Problem[] = [];
  const expectedName = `${context.id}.json`;
  if (basename(path) !== expectedName) {
    problems.push({ path: '/id', message: `"${context.id}" must match the file name (rename the file to ${expectedName})` });
  }

  const mapsDir = resolve(path, '..');
  const outputs: OutputFile[] = [];
  const packaged = new Map<string, string>();
  const packageFile = (relativePath: string, at: string, folder: string): string | undefined => {
    const source = resolve(mapsDir, relativePath);
    if (!source.startsWith(mapsDir + '/')) {
      problems.push({ path: at, message: `"${relativePath}" is outside maps/` });
      return undefined;
    }
    if (!existsSync(source)) {
      problems.push({ path: at, message: `no such file "${relativePath}" under maps/` });
      return undefined;
    }
    const already = packaged.get(source);
    if (already) return already;
    const bytes = readFileSync(source);
    const target = `${folder}/${hashedName(relativePath, bytes)}`;
    outputs.push({ path: target, source: bytes });
    packaged.set(source, target);
    return target;
  };

  // Work on a plain copy of the validated document, with packaged paths relative to maps/<id>.json.
  const document = structuredClone(context) as unknown as Record<string, unknown>;
  walkLayers(document.layers as MapContext['layers'], (node, at) => {
    const layer = node as unknown as { type: string; file?: string; url?: string; info?: { downloads?: Array<{ url: string }> } };
    layer.info?.downloads?.forEach((download, i) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(download.url) || download.url.startsWith('/')) return;
      const target = packageFile(download.url, `${at}/info/downloads/${i}/url`, 'data');
      if (target) download.url = `../${target}`;
    });
    const searchable = node as unknown as { file?: string; search?: SearchSettings & { index?: string }; idField?: string; projection?: string };
    if (searchable.file && searchable.search && !searchable.search.index) {
      // The search index of packaged data is built here, once (build/search.ts).
      const index = buildSearchIndex({ ...searchable, file: searchable.file, search: searchable.search }, { mapsDir, at, folder: 'data' });
      problems.push(...index.problems);
      if (index.path && index.source !== undefined) {
        outputs.push({ path: index.path, source: index.source });
        searchable.search.index = `../${index.path}`;
      }
    }
    if (layer.type === 'points' && layer.file) {
      // Large point sets: the compact binary and the attributes the map needs (build/points.ts).
      const done = preparePointsLayer(node as PointsLayerDef, { mapsDir, at, folder: 'data' });
      problems.push(...done.problems);
      for (const file of done.files) if (!outputs.some((o) => o.path === file.path)) outputs.push(file);
      if (done.prepared) {
        delete layer.file;
        (layer as { prepared?: PreparedPoints }).prepared = {
          points: `../${done.prepared.points}`,
          attributes: `../${done.prepared.attributes}`,
          count: done.prepared.count,
        };
      }
    }
    if (layer.type === 'geojson' && layer.file) {
      const target = packageFile(layer.file, `${at}/file`, 'data');
      if (target) {
        delete layer.file;
        layer.url = `../${target}`;
      }
    }
  });
  let thumbnail: string | undefined;
  if (typeof document.thumbnail === 'string' && !/^https?:/.test(document.thumbnail)) {
    thumbnail = packageFile(document.thumbnail, '/thumbnail', 'thumbnails');
    if (thumbnail) document.thumbnail = `../${thumbnail}`;
  }
  document.$schema = '../schema/map-context.v1.json';
  if (problems.length) return { problems, file };

  const documentPath = `maps/${context.id}.json`;
  outputs.unshift({ path: documentPath, source: JSON.stringify(document) });
  const entry = catalogEntry(context, {
    document: documentPath,
    page: `maps/${context.id}.html`,
    thumbnail: thumbnail ?? (typeof document.thumbnail === 'string' ? document.thumbnail : undefined),
  });
  return { map: { file, context, entry, outputs }, problems: [], file };
}

/** Every map of the project, or every problem of every document. */
export function buildMaps(mapsDir: string, projectRoot: string): MapsResult {
  const maps: BuiltMap[] = [];
  const problems: string[] = [];
  const invalid: string[] = [];
  const ids = new Map<string, string>();
  for (const path of listMapFiles(mapsDir)) {
    const result = buildMap(path, projectRoot);
    problems.push(...result.problems.map((p) => formatProblem(result.file, p)));
    if (!result.map) {
      invalid.push(result.file);
      continue;
    }
    const other = ids.get(result.map.context.id);
    if (other) problems.push(formatProblem(result.file, { path: '/id', message: `"${result.map.context.id}" is also the id of ${other}` }));
    ids.set(result.map.context.id, result.file);
    maps.push(result.map);
  }
  return { maps, problems, invalid };
}
