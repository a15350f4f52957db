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
import type { Access, CatalogEntry, ConfidentialRecords, LayerNode, MapContext, PackagedSource, PointsLayerDef, PreparedPoints, SearchSettings } from '../src/context/types.js';
import { parseJson, validateContext } from '../src/context/validate.js';
import { catalogEntry } from './catalog.js';
import { resolveMapCommunes } from './communes.js';
import { conflictingUses, dataFileOf, dataUsesOf, isAbsoluteUrl, type DataFile, type DataUse } from './data-uses.js';
import { readGeojsonFile, type GeojsonRead } from './geojson-file.js';
import { buildSearchIndex } from './search.js';
import { preparePointsLayer } from './points.js';
import { effectiveAccess, mergeGroups, nothingWithheldMessage, recordsOf, withoutConfidential, withoutRestricted, type WithheldRecords } from './restricted.js';
import { loadSiteConfig } from './site.js';
import { localSources, type SourceResolver } from './sources.js';

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
  /** Public builds: what each `confidential` rule withheld (the build log says it). */
  readonly confidential: readonly WithheldRecords[];
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
  /** The problems of each document in `invalid` (the development server shows them in the viewer). */
  readonly invalidProblems: ReadonlyMap<string, readonly Problem[]>;
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
 * left out (plugin/restricted.ts); "restricted": everything, with packaged files' URLs absolute under
 * `baseUrl` (where the restricted output is served) when it is known, else relative as in the public site.
 */
export interface BuildAudience {
  readonly audience: 'public' | 'restricted';
  readonly baseUrl?: string;
}

const PUBLIC: BuildAudience = { audience: 'public' };

/** Sources resolved without the network (a build resolves them first: plugin/sources.ts prepareSources). */
const offlineSources = (projectRoot: string): SourceResolver => localSources({ projectRoot, sources: loadSiteConfig(projectRoot).site?.sources });

/** Reads and checks one document; packages its files for the public site (or `audience`). */
export function buildMap(path: string, projectRoot: string, audience: BuildAudience = PUBLIC): { map?: BuiltMap; problems: Problem[]; file: string } {
  const read = readMap(path, projectRoot);
  if (!read.context) return { problems: read.problems, file: read.file };
  return packageMap(read.context, path, projectRoot, audience, offlineSources(projectRoot), read.problems);
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

/** A layer as packaging reads and rewrites it (plain data). */
interface PlainLayer {
  id: string;
  type: string;
  file?: string;
  source?: PackagedSource;
  url?: string;
  data?: unknown;
  confidential?: ConfidentialRecords;
  info?: { downloads?: Array<{ url: string }> };
}

/** Packages one validated document for one audience. */
function packageMap(
  context: MapContext,
  path: string,
  projectRoot: string,
  { audience, baseUrl }: BuildAudience,
  sources: SourceResolver,
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
  const confidential: WithheldRecords[] = [];
  let withheldRecords = 0;
  // Who may read each file: the access of the layer being packaged (or the map's), merged when files are shared.
  const fileGroups = new Map<string, readonly string[]>();
  let access: Access = context.access;
  const grant = (target: string): void => {
    fileGroups.set(target, mergeGroups(fileGroups.get(target), access));
  };
  /** Packages a file (absolute path) once, named after `name`; the public build ships its filtered content. */
  const packageFile = (source: string, name: string, folder: string): string => {
    const already = packaged.get(source);
    if (already) {
      grant(already);
      return already;
    }
    const bytes = filtered.get(source)?.bytes ?? readFileSync(source);
    const target = `${folder}/${hashedName(name, bytes)}`;
    outputs.push({ path: target, source: bytes });
    grant(target);
    packaged.set(source, target);
    return target;
  };
  /** A file under maps/ that the document names (downloads, thumbnail), or undefined after saying why not. */
  const underMaps = (relativePath: string, at: string): string | undefined => {
    const source = resolve(mapsDir, relativePath);
    if (!source.startsWith(mapsDir + '/')) problems.push({ path: at, message: `"${relativePath}" is outside maps/` });
    else if (!existsSync(source)) problems.push({ path: at, message: `no such file "${relativePath}" under maps/` });
    else return source;
    return undefined;
  };
  const parsed = new Map<string, GeojsonRead>();
  /** The GeoJSON of a data file as it is, read once; undefined when it is none (said once, at the first layer that reads it). */
  const readGeojson = (data: DataFile): unknown => {
    let read = parsed.get(data.file);
    if (!read) {
      parsed.set(data.file, (read = readGeojsonFile(data.file, data.label)));
      if ('message' in read) problems.push({ path: data.at, message: read.message });
    }
    return 'geojson' in read ? read.geojson : undefined;
  };
  /** The GeoJSON of a data file as this build ships it (filtered for the public). */
  const geojsonOf = (data: DataFile): unknown => (filtered.has(data.file) ? filtered.get(data.file)!.geojson : readGeojson(data));

  // Work on a plain copy of the validated document, with packaged paths relative to maps/<id>.json.
  const document = structuredClone(context) as unknown as Record<string, unknown>;
  const removed = new Set(isPublic ? withoutRestricted(document.layers as LayerNode[], context.access).removed : []);
  // Where each packaged layer's data is read ("file" or "source"), said once when it cannot be.
  const located = new Map<LayerNode, DataFile>();
  walkLayers(document.layers as MapContext['layers'], (node, at) => {
    if (removed.has(node)) return;
    const found = dataFileOf(node, at, mapsDir, sources);
    if (found && 'message' in found) problems.push(found);
    else if (found) {
      located.set(node, found);
      readGeojson(found); // A file that is not GeoJSON fails the build rather than ship.
    }
  });
  const withhold = (layer: PlainLayer, at: string, rule: ConfidentialRecords, geojson: unknown): unknown => {
    const result = withoutConfidential(geojson, rule);
    confidential.push({ at, layer: layer.id, rule, withheld: result.withheld });
    withheldRecords += result.withheld;
    if (!result.withheld) problems.push({ path: `${at}/confidential`, message: nothingWithheldMessage(layer.id, rule, geojson) });
    return result.geojson;
  };
  walkLayers(document.layers as MapContext['layers'], (node, at) => {
    if (removed.has(node)) return; // Left out of the public document below.
    const layer = node as unknown as PlainLayer;
    if (!layer.confidential || !isPublic) return;
    const data = located.get(node);
    if (data) {
      // Fail closed: a file that cannot be read cannot be filtered, so it is not shipped either (its problem is said).
      const geojson = readGeojson(data);
      if (geojson === undefined) return;
      const kept = withhold(layer, at, layer.confidential, geojson);
      if (kept !== geojson) filtered.set(data.file, { geojson: kept, bytes: Buffer.from(JSON.stringify(kept)) });
    } else if (layer.data !== undefined) {
      layer.data = withhold(layer, at, layer.confidential, layer.data);
    } else if (layer.url) {
      problems.push({
        path: `${at}/confidential`,
        message:
          `this public layer reads its data from "${layer.url}" at run time, so its confidential records would reach every visitor: ` +
          'filtering in the browser protects nothing. Package the data with "file" or "source" (the build then leaves the confidential records out), ' +
          'or make the layer or the map restricted ("access": { "level": "restricted" })',
      });
    }
  });
  walkLayers(document.layers as MapContext['layers'], (node, at) => {
    if (removed.has(node)) return;
    access = effectiveAccess(node, context.access);
    const layer = node as unknown as PlainLayer;
    const data = located.get(node);
    const geojson = data ? geojsonOf(data) : undefined;
    if (data && geojson === undefined) return; // Not GeoJSON: said in the first pass, nothing to package.
    layer.info?.downloads?.forEach((download, i) => {
      // The layer's own source, as downloads name it: the packaged copy (filtered for the public), never the original.
      if (data && download.url === layer.source?.url) {
        download.url = href(packageFile(data.file, data.name, 'data'));
        return;
      }
      if (isAbsoluteUrl(download.url)) return;
      const source = underMaps(download.url, `${at}/info/downloads/${i}/url`);
      if (source) download.url = href(packageFile(source, download.url, 'data'));
    });
    // One by one: spreading a large file's records as arguments overflows the call stack.
    for (const record of layer.type === 'geojson' && layer.data !== undefined ? recordsOf(layer.data) : []) records.push(record);
    for (const record of geojson !== undefined ? recordsOf(geojson) : []) records.push(record);
    const searchable = node as unknown as { search?: SearchSettings & { index?: string }; idField?: string; projection?: string };
    if (data && searchable.search && !searchable.search.index) {
      // The search index of packaged data is built here, once (plugin/search.ts).
      const index = buildSearchIndex({ ...searchable, file: data.name, search: searchable.search }, { mapsDir, at, folder: 'data', geojson });
      problems.push(...index.problems);
      if (index.path && index.source !== undefined) {
        outputs.push({ path: index.path, source: index.source });
        grant(index.path);
        searchable.search.index = href(index.path);
      }
    }
    if (layer.type === 'points' && data) {
      // Large point sets: the compact binary and the attributes the map needs (plugin/points.ts).
      const done = preparePointsLayer({ ...(node as PointsLayerDef), file: data.name }, { mapsDir, at, folder: 'data', geojson });
      problems.push(...done.problems);
      for (const output of done.files) if (!outputs.some((o) => o.path === output.path)) outputs.push(output);
      done.files.forEach((output) => grant(output.path));
      if (done.prepared) {
        delete layer.file;
        delete layer.source;
        (layer as { prepared?: PreparedPoints }).prepared = {
          points: href(done.prepared.points),
          attributes: href(done.prepared.attributes),
          count: done.prepared.count,
        };
      }
    }
    if (layer.type === 'geojson' && data) {
      layer.url = href(packageFile(data.file, data.name, 'data'));
      delete layer.file;
      delete layer.source;
    }
  });
  if (removed.size) document.layers = withoutRestricted(document.layers as LayerNode[], context.access).layers;
  access = context.access;
  if (context.communes) {
    // « Une commune »: the source the browser reads (the map's, else the site's), its files packaged (plugin/communes.ts).
    const resolved = resolveMapCommunes(context.communes, loadSiteConfig(projectRoot).site, projectRoot, href);
    if ('problem' in resolved) problems.push({ path: '/communes', message: resolved.problem });
    else {
      document.communes = resolved.communes;
      for (const output of resolved.files) outputs.push(output);
      resolved.files.forEach((output) => grant(output.path));
    }
  }
  let thumbnail: string | undefined;
  if (typeof document.thumbnail === 'string' && !/^https?:/.test(document.thumbnail)) {
    const source = underMaps(document.thumbnail, '/thumbnail');
    if (source) {
      thumbnail = packageFile(source, document.thumbnail, 'thumbnails');
      document.thumbnail = href(thumbnail);
    }
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
  return { map: { file, context: written, entry, outputs, records, removedLayers: [...removed], withheldRecords, confidential, fileGroups }, problems: [], file };
}

/**
 * Every map of the project, or every problem of every document. `restrictedUrl`: where the restricted
 * output is served (site configuration `restricted.url`), so its documents carry absolute URLs.
 * `sources`: where layers' `source` data was read (plugin/sources.ts; default: local copies only).
 */
export function buildMaps(mapsDir: string, projectRoot: string, options: { restrictedUrl?: string; sources?: SourceResolver } = {}): MapsResult {
  const sources = options.sources ?? offlineSources(projectRoot);
  const maps: BuiltMap[] = [];
  const restricted: BuiltMap[] = [];
  const problems: string[] = [];
  const invalid: string[] = [];
  const invalidProblems = new Map<string, Problem[]>();
  const ids = new Map<string, string>();
  const uses: DataUse[] = [];
  const full: BuildAudience = { audience: 'restricted', baseUrl: options.restrictedUrl };
  for (const path of listMapFiles(mapsDir)) {
    const read = readMap(path, projectRoot);
    const isPublic = read.context?.access.level === 'public';
    if (read.context) uses.push(...dataUsesOf(read.context, read.file, resolve(path, '..'), sources));
    const result = read.context ? packageMap(read.context, path, projectRoot, isPublic ? PUBLIC : full, sources, read.problems) : { problems: read.problems, file: read.file };
    problems.push(...result.problems.map((p) => formatProblem(result.file, p)));
    if (!result.map) {
      invalid.push(result.file);
      invalidProblems.set(result.file, result.problems);
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
      const copy = packageMap(read.context!, path, projectRoot, full, sources);
      problems.push(...copy.problems.map((p) => formatProblem(copy.file, p)));
      if (copy.map) restricted.push(copy.map);
    }
  }
  // Across documents: a file packaged both filtered and whole would ship what the filter withholds.
  problems.push(...conflictingUses(uses));
  return { maps, restricted, problems, invalid, invalidProblems };
}
