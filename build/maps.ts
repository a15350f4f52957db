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
import { MAP_CONTEXT_SCHEMA_ID } from '../src/context/schema/map-context.js';
import type { Access, CatalogEntry, ConfidentialRecords, LayerNode, MapContext, PointsLayerDef, PreparedPoints, SearchSettings } from '../src/context/types.js';
import { parseJson, validateContext } from '../src/context/validate.js';
import { catalogEntry } from './catalog.js';
import { buildSearchIndex } from './search.js';
import { preparePointsLayer } from './points.js';
import { effectiveAccess, mergeGroups, recordsOf, withoutConfidential, withoutRestricted } from './restricted.js';

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
  /** The records of the data this build ships (packaged files and inline data): the leak check's material. */
  readonly records: ReadonlyArray<Record<string, unknown>>;
  /** Public builds: the groups and layers left out because they are restricted. */
  readonly removedLayers: readonly LayerNode[];
  /** Public builds: the confidential records left out. */
  readonly withheldRecords: number;
  /** Who may read each output file (the groups; empty: any signed-in user): the restricted output's access.json. */
  readonly fileGroups: ReadonlyMap<string, readonly string[]>;
}

export interface MapsResult {
  /** The public site's maps: public documents, without their restricted layers and confidential records. */
  readonly maps: BuiltMap[];
  /**
   * The restricted output's maps: every restricted document, and the full copy of each public one
   * that lost layers or records in its public build.
   */
  readonly restricted: BuiltMap[];
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

/**
 * Which output a document is built for. "public": restricted layers and confidential records are
 * left out (build/restricted.ts); "restricted": everything, with packaged files' URLs absolute under
 * `baseUrl` (where the restricted output is served) when it is known, else relative as in the public site.
 */
export interface BuildAudience {
  readonly audience: 'public' | 'restricted';
  readonly baseUrl?: string;
}

const PUBLIC: BuildAudience = { audience: 'public' };

/** Reads and checks one document; packages its files for the public site (or `audience`). */
export function buildMap(path: string, projectRoot: string, audience: BuildAudience = PUBLIC): { map?: BuiltMap; problems: Problem[]; file: string } {
  const read = readMap(path, projectRoot);
  if (!read.context) return { problems: read.problems, file: read.file };
  return packageMap(read.context, path, projectRoot, audience, read.problems);
}

/** Parses and validates one document, and checks its file name. */
function readMap(path: string, projectRoot: string): { context?: MapContext; problems: Problem[]; file: string } {
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
  return { context, problems, file };
}

const isRestrictedNode = (removed: ReadonlySet<LayerNode>, node: LayerNode): boolean => removed.has(node);

/** Packages one validated document for one audience. */
function packageMap(
  context: MapContext,
  path: string,
  projectRoot: string,
  { audience, baseUrl }: BuildAudience,
  initialProblems: Problem[] = [],
): { map?: BuiltMap; problems: Problem[]; file: string } {
  const file = relative(projectRoot, path);
  const problems: Problem[] = [...initialProblems];
  const isPublic = audience === 'public';
  // A packaged file's URL in the written document: beside the document, or absolute in the restricted output.
  const href = (target: string): string => (!isPublic && baseUrl ? `${baseUrl}${target}` : `../${target}`);
  const mapsDir = resolve(path, '..');
  const outputs: OutputFile[] = [];
  const records: Array<Record<string, unknown>> = [];
  const packaged = new Map<string, string>();
  // Public builds: the filtered content of files whose layer declares confidential records (by absolute path).
  const filtered = new Map<string, { geojson: unknown; bytes: Uint8Array }>();
  let withheldRecords = 0;
  // Who may read each file: the access of the layer being packaged (or the map's), merged when files are shared.
  const fileGroups = new Map<string, readonly string[]>();
  let access: Access = context.access;
  const grant = (target: string): void => {
    fileGroups.set(target, mergeGroups(fileGroups.get(target), access));
  };
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
    if (already) {
      grant(already);
      return already;
    }
    const bytes = filtered.get(source)?.bytes ?? readFileSync(source);
    const target = `${folder}/${hashedName(relativePath, bytes)}`;
    outputs.push({ path: target, source: bytes });
    grant(target);
    packaged.set(source, target);
    return target;
  };
  /** The GeoJSON of a packaged file as this build ships it (filtered for the public), or undefined when unreadable. */
  const geojsonOf = (relativePath: string): unknown => {
    const source = resolve(mapsDir, relativePath);
    if (filtered.has(source)) return filtered.get(source)!.geojson;
    if (!source.startsWith(mapsDir + '/') || !existsSync(source)) return undefined;
    try {
      return JSON.parse(readFileSync(source, 'utf8')) as unknown;
    } catch {
      return undefined; // Reported where the file is packaged or prepared.
    }
  };

  // Work on a plain copy of the validated document, with packaged paths relative to maps/<id>.json.
  const document = structuredClone(context) as unknown as Record<string, unknown>;
  const removed = new Set(isPublic ? withoutRestricted(document.layers as LayerNode[], context.access).removed : []);
  walkLayers(document.layers as MapContext['layers'], (node, at) => {
    if (isRestrictedNode(removed, node)) return; // Left out of the public document below.
    const layer = node as unknown as { type: string; file?: string; url?: string; data?: unknown; confidential?: ConfidentialRecords };
    if (!layer.confidential || !isPublic) return;
    if (layer.file) {
      const source = resolve(mapsDir, layer.file);
      const geojson = geojsonOf(layer.file);
      if (geojson === undefined) {
        // Fail closed: a file that cannot be read cannot be filtered, so it is not shipped either.
        if (existsSync(source)) problems.push({ path: `${at}/file`, message: `"${layer.file}" is not valid JSON, so its confidential records cannot be left out` });
        return;
      }
      const result = withoutConfidential(geojson, layer.confidential);
      withheldRecords += result.withheld;
      if (result.withheld) filtered.set(source, { geojson: result.geojson, bytes: Buffer.from(JSON.stringify(result.geojson)) });
    } else if (layer.data !== undefined) {
      const result = withoutConfidential(layer.data, layer.confidential);
      withheldRecords += result.withheld;
      layer.data = result.geojson;
    } else if (layer.url) {
      problems.push({
        path: `${at}/confidential`,
        message:
          `this public layer reads its data from "${layer.url}" at run time, so its confidential records would reach every visitor: ` +
          'filtering in the browser protects nothing. Package the data with "file" (the build then leaves the confidential records out), ' +
          'or make the layer or the map restricted ("access": { "level": "restricted" })',
      });
    }
  });
  walkLayers(document.layers as MapContext['layers'], (node, at) => {
    if (isRestrictedNode(removed, node)) return;
    access = effectiveAccess(node, context.access);
    const layer = node as unknown as { type: string; file?: string; url?: string; data?: unknown; info?: { downloads?: Array<{ url: string }> } };
    layer.info?.downloads?.forEach((download, i) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(download.url) || download.url.startsWith('/')) return;
      const target = packageFile(download.url, `${at}/info/downloads/${i}/url`, 'data');
      if (target) download.url = href(target);
    });
    if (layer.type === 'geojson' && layer.data !== undefined) records.push(...recordsOf(layer.data));
    if ((layer.type === 'geojson' || layer.type === 'points') && layer.file) {
      const geojson = geojsonOf(layer.file);
      if (geojson !== undefined) records.push(...recordsOf(geojson));
    }
    const searchable = node as unknown as { file?: string; search?: SearchSettings & { index?: string }; idField?: string; projection?: string };
    if (searchable.file && searchable.search && !searchable.search.index) {
      // The search index of packaged data is built here, once (build/search.ts).
      const index = buildSearchIndex({ ...searchable, file: searchable.file, search: searchable.search }, { mapsDir, at, folder: 'data', geojson: geojsonOf(searchable.file) });
      problems.push(...index.problems);
      if (index.path && index.source !== undefined) {
        outputs.push({ path: index.path, source: index.source });
        grant(index.path);
        searchable.search.index = href(index.path);
      }
    }
    if (layer.type === 'points' && layer.file) {
      // Large point sets: the compact binary and the attributes the map needs (build/points.ts).
      const source = resolve(mapsDir, layer.file);
      const done = preparePointsLayer(node as PointsLayerDef, { mapsDir, at, folder: 'data', geojson: filtered.get(source)?.geojson });
      problems.push(...done.problems);
      for (const file of done.files) if (!outputs.some((o) => o.path === file.path)) outputs.push(file);
      done.files.forEach((file) => grant(file.path));
      if (done.prepared) {
        delete layer.file;
        (layer as { prepared?: PreparedPoints }).prepared = {
          points: href(done.prepared.points),
          attributes: href(done.prepared.attributes),
          count: done.prepared.count,
        };
      }
    }
    if (layer.type === 'geojson' && layer.file) {
      const target = packageFile(layer.file, `${at}/file`, 'data');
      if (target) {
        delete layer.file;
        layer.url = href(target);
      }
    }
  });
  if (removed.size) document.layers = withoutRestricted(document.layers as LayerNode[], context.access).layers;
  access = context.access;
  let thumbnail: string | undefined;
  if (typeof document.thumbnail === 'string' && !/^https?:/.test(document.thumbnail)) {
    thumbnail = packageFile(document.thumbnail, '/thumbnail', 'thumbnails');
    if (thumbnail) document.thumbnail = href(thumbnail);
  }
  // The restricted output lies elsewhere than the site: its documents name the schema by its id.
  document.$schema = isPublic || !baseUrl ? '../schema/map-context.v1.json' : MAP_CONTEXT_SCHEMA_ID;
  if (problems.length) return { problems, file };

  const documentPath = `maps/${context.id}.json`;
  outputs.unshift({ path: documentPath, source: JSON.stringify(document) });
  grant(documentPath);
  const written = { ...context, layers: document.layers as MapContext['layers'] } as MapContext;
  const isRestrictedMap = context.access.level === 'restricted';
  const entry = catalogEntry(written, {
    document: isPublic || !baseUrl ? documentPath : `${baseUrl}${documentPath}`,
    // Restricted maps have no static page: the viewer opens them by id (?map=<id>) once signed in.
    page: isRestrictedMap ? `?map=${encodeURIComponent(context.id)}` : `maps/${context.id}.html`,
    thumbnail: thumbnail ? href(thumbnail).replace(/^\.\.\//, '') : typeof document.thumbnail === 'string' ? document.thumbnail : undefined,
    access: isRestrictedMap ? context.access : undefined,
  });
  return { map: { file, context: written, entry, outputs, records, removedLayers: [...removed], withheldRecords, fileGroups }, problems: [], file };
}

/**
 * Every map of the project, or every problem of every document. `restrictedUrl`: where the restricted
 * output is served (site configuration `restricted.url`), so its documents carry absolute URLs.
 */
export function buildMaps(mapsDir: string, projectRoot: string, options: { restrictedUrl?: string } = {}): MapsResult {
  const maps: BuiltMap[] = [];
  const restricted: BuiltMap[] = [];
  const problems: string[] = [];
  const invalid: string[] = [];
  const ids = new Map<string, string>();
  const full: BuildAudience = { audience: 'restricted', baseUrl: options.restrictedUrl };
  for (const path of listMapFiles(mapsDir)) {
    const read = readMap(path, projectRoot);
    const isPublic = read.context?.access.level === 'public';
    const result = read.context ? packageMap(read.context, path, projectRoot, isPublic ? PUBLIC : full, read.problems) : { problems: read.problems, file: read.file };
    problems.push(...result.problems.map((p) => formatProblem(result.file, p)));
    if (!result.map) {
      invalid.push(result.file);
      continue;
    }
    const other = ids.get(result.map.context.id);
    if (other) problems.push(formatProblem(result.file, { path: '/id', message: `"${result.map.context.id}" is also the id of ${other}` }));
    ids.set(result.map.context.id, result.file);
    if (!isPublic) {
      restricted.push(result.map);
      continue;
    }
    maps.push(result.map);
    if (result.map.removedLayers.length || result.map.withheldRecords) {
      // Signed-in users get the whole map: its restricted layers and confidential records.
      const copy = packageMap(read.context!, path, projectRoot, full);
      problems.push(...copy.problems.map((p) => formatProblem(copy.file, p)));
      if (copy.map) restricted.push(copy.map);
    }
  }
  return { maps, restricted, problems, invalid };
}
