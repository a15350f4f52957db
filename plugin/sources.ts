/**
 * Data the build reads from elsewhere: a layer's `source` ({ "url", "name" }) names data published at
 * a URL that the build packages like a `file`, so its `confidential` records can be left out of the
 * public site and the site never reads the original. Where the bytes come from, first match:
 * 1. CARTABLE_SOURCES: a JSON file { "<name or url>": "<local path>" } (paths relative to the project);
 * 2. the site configuration's `sources` (same shape), when that file exists;
 * 3. the URL, fetched at build time, its copy kept in .cache/sources/;
 * 4. the copy of the last fetch, only with CARTABLE_KEEP_PREVIOUS_SOURCES=1.
 * Otherwise the document cannot be built, and its problem says why.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PackagedSource, SiteConfig } from '../src/context/types.js';
import { loadSiteConfig, mapsDirOf } from './site.js';

/** Where a source's data was found, or why it could not be read. */
export type SourceResolution =
  | { readonly path: string; readonly from: 'environment' | 'site' | 'fetched' | 'previous' }
  | { readonly problem: string };

/** Resolves a source to a local file (synchronous: fetches happen before, in prepareSources). */
export type SourceResolver = (source: PackagedSource) => SourceResolution;

export interface SourceSettings {
  readonly projectRoot: string;
  /** The site configuration's `sources`. */
  readonly sources?: SiteConfig['sources'];
  readonly env?: NodeJS.ProcessEnv;
}

const HINT =
  'give a local copy in the site configuration\'s "sources" or in CARTABLE_SOURCES, ' +
  'or set CARTABLE_KEEP_PREVIOUS_SOURCES=1 to package the copy of the last fetch';

/** Where the fetched copy of a source is kept: .cache/sources/<hash of the URL>/<the URL's file name>. */
export function cachedSourcePath(projectRoot: string, url: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
  const name = basename(new URL(url).pathname) || 'source.geojson';
  return join(projectRoot, '.cache/sources', hash, /\.(geo)?json$/i.test(name) ? name : `${name}.geojson`);
}

/** The name a source's packaged files take (the URL's file name): data/<name>.<hash>.geojson. */
export const sourceFileName = (url: string): string => basename(cachedSourcePath('/', url));

function environmentPaths(env: NodeJS.ProcessEnv, projectRoot: string): Record<string, string> | string {
  const file = env.CARTABLE_SOURCES;
  if (!file) return {};
  try {
    const value = JSON.parse(readFileSync(resolve(projectRoot, file), 'utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((p) => typeof p === 'string')) {
      return value as Record<string, string>;
    }
  } catch {
    // Said below.
  }
  return `CARTABLE_SOURCES names "${file}", which is not a readable JSON object of URL → local path`;
}

/** A source's entry in a map of local copies: by its name, else by its URL. */
const entryOf = (paths: Readonly<Record<string, string>>, { name, url }: PackagedSource): string | undefined =>
  (name !== undefined ? paths[name] : undefined) ?? paths[url];

/** The local copy a source has (environment, then site configuration), or undefined when none is given. */
function localSource(source: PackagedSource, { projectRoot, sources = {}, env = process.env }: SourceSettings): SourceResolution | undefined {
  const fromEnv = environmentPaths(env, projectRoot);
  if (typeof fromEnv === 'string') return { problem: fromEnv };
  const given = entryOf(fromEnv, source);
  if (given !== undefined) {
    const path = resolve(projectRoot, given);
    // Named on purpose for this build: never replaced by a fetch.
    return existsSync(path) ? { path, from: 'environment' } : { problem: `CARTABLE_SOURCES gives "${given}" for "${source.name ?? source.url}", which does not exist` };
  }
  const configured = entryOf(sources, source);
  const path = configured === undefined ? undefined : resolve(projectRoot, configured);
  return path && existsSync(path) ? { path, from: 'site' } : undefined;
}

/**
 * Resolution without the network (documents read outside a build, e.g. by the leak check): a local
 * copy, else the copy of the last fetch.
 */
export function localSources(settings: SourceSettings): SourceResolver {
  return (source) => {
    const local = localSource(source, settings);
    if (local) return local;
    const cached = cachedSourcePath(settings.projectRoot, source.url);
    if (existsSync(cached)) return { path: cached, from: 'previous' };
    return { problem: `"${source.url}" has not been read: no local copy is given and the build has not fetched it yet; ${HINT}` };
  };
}

/** The layers' `source` of the documents under mapsDir (unvalidated: a document with errors says so later). */
export function sourcesOf(mapsDir: string): PackagedSource[] {
  const found = new Map<string, PackagedSource>();
  const visit = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<{ source?: { url?: unknown; name?: unknown }; layers?: unknown }>) {
      const { url, name } = node?.source ?? {};
      if (typeof url === 'string') found.set(`${url} ${name}`, { url, ...(typeof name === 'string' ? { name } : {}) });
      visit(node?.layers);
    }
  };
  for (const name of readdirSync(mapsDir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      visit((JSON.parse(readFileSync(join(mapsDir, name), 'utf8')) as { layers?: unknown }).layers);
    } catch {
      // Not JSON: the document's own problem.
    }
  }
  return [...found.values()];
}

export interface FetchOptions {
  readonly fetch?: typeof globalThis.fetch;
  /** Gives up on a source after this long (default 60 s). */
  readonly timeoutMs?: number;
  /** Fetch results by URL, already known (the development server keeps them for its lifetime). */
  readonly known?: Map<string, SourceResolution>;
  readonly log?: (line: string) => void;
}

/** Fetches one source into its cache file; the reason it failed otherwise. */
async function fetchSource(url: string, target: string, { fetch = globalThis.fetch, timeoutMs = 60_000 }: FetchOptions): Promise<string | undefined> {
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return `HTTP ${response.status}`;
    text = await response.text();
    JSON.parse(text); // A page of HTML or a truncated answer must not replace a good copy.
  } catch (error) {
    return error instanceof SyntaxError ? `the answer is not JSON (${error.message})` : error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.part`, text);
  renameSync(`${target}.part`, target);
  return undefined;
}

/**
 * Reads every source the build needs: local copies as they are, the others fetched now (one after
 * the other). Returns the resolver the packaging uses.
 */
export async function prepareSources(sources: readonly PackagedSource[], settings: SourceSettings, options: FetchOptions = {}): Promise<SourceResolver> {
  const known = options.known ?? new Map<string, SourceResolution>();
  const { env = process.env, projectRoot } = settings;
  for (const source of sources) {
    const { url } = source;
    if (localSource(source, settings) || known.has(url)) continue;
    const cached = cachedSourcePath(projectRoot, url);
    const failure = await fetchSource(url, cached, options);
    if (failure === undefined) {
      known.set(url, { path: cached, from: 'fetched' });
    } else if (env.CARTABLE_KEEP_PREVIOUS_SOURCES === '1' && existsSync(cached)) {
      options.log?.(`Cartable: ${url} could not be read (${failure}): the copy of the last fetch is packaged (CARTABLE_KEEP_PREVIOUS_SOURCES=1)`);
      known.set(url, { path: cached, from: 'previous' });
    } else {
      const previous = env.CARTABLE_KEEP_PREVIOUS_SOURCES === '1' ? ' (CARTABLE_KEEP_PREVIOUS_SOURCES=1, but no fetch has kept a copy yet)' : '';
      known.set(url, { problem: `"${url}" could not be read at build time (${failure})${previous}: ${HINT}` });
    }
  }
  return (source) => localSource(source, settings) ?? known.get(source.url) ?? localSources(settings)(source);
}

/** Reads the sources of the project's documents (maps/, or CARTABLE_MAPS_DIR), with the site configuration's local copies. */
export function prepareProjectSources(projectRoot: string, options: FetchOptions = {}): Promise<SourceResolver> {
  const settings = { projectRoot, sources: loadSiteConfig(projectRoot).site?.sources };
  return prepareSources(sourcesOf(mapsDirOf(projectRoot)), settings, options);
}
