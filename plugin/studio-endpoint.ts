/**
 * The development server's studio endpoint (`npm start` only: plugin.ts wires it with Vite's
 * `apply: 'serve'`, the built site never has it). Under /__cartable/studio/:
 * - GET maps: the documents of the maps folder, `{ maps: [{ id, title }] }`;
 * - GET maps/<id>: a document's text as it is on disk (the studio saves it back byte for byte);
 * - GET files/<path>: a data file under the maps folder (the preview draws `file` layers from it);
 * - GET sources/<name>: a layer `source`'s data, read as the build reads it (plugin/sources.ts);
 * - POST maps/<id> { text, files: [{ path, base64 }] }: validates the text with the build's validator
 *   (422 with the problems when it is not valid), writes the files under data/<id>/, then the document,
 *   each one atomically (a temporary file in the same folder, renamed).
 * Writes are refused unless they come from the studio's own page: same origin, JSON, and the
 * X-Cartable-Studio header (a form or a page elsewhere cannot send it without the browser asking first).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { ID_PATTERN } from '../src/context/schema/json-schema.js';
import type { Problem } from '../src/context/problems.js';
import { parseJson, validateContext } from '../src/context/validate.js';
import type { PackagedSource } from '../src/context/types.js';
import { sourcesOf, type SourceResolver } from './sources.js';

export const STUDIO_PATH = '/__cartable/studio/';
/** The header the studio's page sends with every write (a cross-site form cannot). */
export const STUDIO_HEADER = 'x-cartable-studio';
/** The largest request accepted: a document and its packaged files, in base64. */
export const STUDIO_MAX_BYTES = 64 * 1024 * 1024;

export interface StudioEndpointOptions {
  /** The folder of the map documents (maps/, or CARTABLE_MAPS_DIR). */
  readonly mapsDir: string;
  /** Where layers' `source` data is read (the dev server's resolver). */
  readonly readSources: () => Promise<SourceResolver>;
  readonly maxBytes?: number;
}

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const ID = new RegExp(ID_PATTERN);

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: readonly Problem[],
    /** What the page needs to say it in the person's language. */
    readonly reason?: Record<string, string>,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** A path under `folder` from a relative path of the request, or undefined when it leaves the folder. */
export function insideFolder(folder: string, relativePath: string): string | undefined {
  if (!relativePath || relativePath.includes('\\') || relativePath.includes('\0') || relativePath.startsWith('/')) return undefined;
  if (relativePath.split('/').some((step) => step === '' || step === '.' || step === '..')) return undefined;
  const path = resolve(folder, relativePath);
  return path.startsWith(folder + sep) ? path : undefined;
}

/** The documents of the maps folder, with their titles as written (a broken one: its id). */
function listMaps(mapsDir: string): { id: string; title: unknown }[] {
  return readdirSync(mapsDir)
    .filter((name) => name.endsWith('.json') && ID.test(basename(name, '.json')))
    .sort()
    .map((name) => {
      const id = basename(name, '.json');
      try {
        const { title } = JSON.parse(readFileSync(join(mapsDir, name), 'utf8')) as { title?: unknown };
        return { id, title: title ?? id };
      } catch {
        return { id, title: id };
      }
    });
}

function serveFile(res: ServerResponse, path: string | undefined, type: string): void {
  if (!path || !existsSync(path) || !statSync(path).isFile()) throw new Refusal(404, 'no such file');
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  createReadStream(path).pipe(res);
}

const typeOf = (path: string): string =>
  /\.(geo)?json$/i.test(path) ? 'application/json' : /\.csv$/i.test(path) ? 'text/csv; charset=utf-8' : 'application/octet-stream';

/** The source a name stands for: one the documents use (by name, else URL), else a local copy by that name. */
function sourceNamed(mapsDir: string, key: string): PackagedSource {
  const used = sourcesOf(mapsDir);
  const found = used.find((s) => s.name === key) ?? used.find((s) => s.url === key);
  if (found) return found;
  // Not used by a saved document yet: only a local copy (site configuration, CARTABLE_SOURCES) answers; nothing is fetched.
  return /^https?:\/\//.test(key) ? { url: key } : { name: key, url: `https://source.invalid/${encodeURIComponent(key)}` };
}

/** Refuses a write that does not come from the studio's own page. */
function checkWriteRequest(req: IncomingMessage): void {
  if (req.headers[STUDIO_HEADER] !== '1') throw new Refusal(403, `the ${STUDIO_HEADER} header is missing`);
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Refusal(415, 'the request must be application/json');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') throw new Refusal(403, 'the request comes from another site');
  const origin = req.headers.origin;
  const host = req.headers.host;
  let sameOrigin = false;
  try {
    sameOrigin = !!origin && !!host && new URL(origin).host === host;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin) throw new Refusal(403, 'the request comes from another origin');
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      return fail(new Refusal(413, `the request is larger than ${limit} bytes`, undefined, { code: 'too-large' }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Too large: refused at once; the rest is read and dropped, so the answer reaches the page.
      if (size > limit) fail(new Refusal(413, `the request is larger than ${limit} bytes`, undefined, { code: 'too-large' }));
      else chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

interface SaveRequest {
  readonly text: string;
  readonly files: readonly { readonly path: string; readonly bytes: Buffer }[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The request's document and files, checked: files only under data/<id>/. */
function readSaveRequest(body: string, id: string, mapsDir: string): SaveRequest & { readonly targets: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Refusal(400, 'the request is not JSON');
  }
  const { text, files = [] } = (value ?? {}) as { text?: unknown; files?: unknown };
  if (typeof text !== 'string') throw new Refusal(400, '"text" (the document) is missing');
  if (!Array.isArray(files)) throw new Refusal(400, '"files" must be a list');
  const dataDir = join(mapsDir, 'data', id);
  const targets: string[] = [];
  const read = files.map((file: unknown) => {
    const { path, base64 } = (file ?? {}) as { path?: unknown; base64?: unknown };
    if (typeof path !== 'string' || typeof base64 !== 'string' || !BASE64.test(base64)) throw new Refusal(400, 'each file needs a "path" and its "base64" content');
    const target = path.startsWith(`data/${id}/`) ? insideFolder(mapsDir, path) : undefined;
    if (!target || !target.startsWith(dataDir + sep)) throw new Refusal(400, `"${path}" is not under data/${id}/: a map's files go in its own folder`, undefined, { code: 'file-outside', file: String(path) });
    targets.push(target);
    return { path, bytes: Buffer.from(base64, 'base64') };
  });
  return { text, files: read, targets };
}

/** Writes a file whole or not at all: a temporary file beside it, then renamed over it. */
export function writeAtomically(path: string, bytes: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

async function save(req: IncomingMessage, res: ServerResponse, id: string, options: StudioEndpointOptions): Promise<void> {
  checkWriteRequest(req);
  const { mapsDir } = options;
  const request = readSaveRequest(await readBody(req, options.maxBytes ?? STUDIO_MAX_BYTES), id, mapsDir);
  const parsed = parseJson(request.text);
  const checked = parsed.ok ? validateContext(parsed.value) : parsed;
  if (!checked.ok) throw new Refusal(422, 'the document is not valid', checked.problems);
  if (checked.value.id !== id) throw new Refusal(422, 'the document is not valid', [{ path: '/id', message: `the document's id is "${checked.value.id}", not "${id}" (its file name)` }]);
  try {
    // The files first: a document is never written pointing at files that are not there yet.
    request.files.forEach((file, i) => writeAtomically(request.targets[i]!, file.bytes));
    writeAtomically(join(mapsDir, `${id}.json`), request.text);
  } catch (error) {
    // A full disk, a read-only folder: said to the page, which keeps the document.
    throw new Refusal(500, error instanceof Error ? error.message : String(error), undefined, { code: 'write' });
  }
  send(res, 200, { saved: `maps/${id}.json`, files: request.files.map((f) => `maps/${f.path}`) });
}

async function answer(req: IncomingMessage, res: ServerResponse, route: string, options: StudioEndpointOptions): Promise<void> {
  const { mapsDir } = options;
  const method = req.method ?? 'GET';
  const map = /^maps\/(.+)$/.exec(route);
  if (route === 'maps' && method === 'GET') return send(res, 200, { maps: listMaps(mapsDir) });
  if (map) {
    const id = map[1]!;
    if (!ID.test(id)) throw new Refusal(400, `"${id}" is not a map id (letters, digits, "_", "." and "-")`);
    if (method === 'POST') return save(req, res, id, options);
    if (method === 'GET') return serveFile(res, join(mapsDir, `${id}.json`), 'application/json; charset=utf-8');
  }
  if (route.startsWith('files/') && method === 'GET') {
    const path = insideFolder(mapsDir, route.slice('files/'.length));
    return serveFile(res, path && dirname(path) !== mapsDir ? path : undefined, typeOf(route));
  }
  if (route.startsWith('sources/') && method === 'GET') {
    const resolution = (await options.readSources())(sourceNamed(mapsDir, route.slice('sources/'.length)));
    if ('problem' in resolution) throw new Refusal(404, resolution.problem);
    return serveFile(res, resolution.path, 'application/json');
  }
  throw new Refusal(method === 'GET' || method === 'POST' ? 404 : 405, `no studio route ${method} ${route}`);
}

/** The endpoint, as a Connect middleware (other requests go on to the next one). */
export function studioEndpoint(options: StudioEndpointOptions): Handler {
  const mapsDir = resolve(options.mapsDir);
  return (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith(STUDIO_PATH)) return next();
    let route: string;
    try {
      route = decodeURIComponent(url.slice(STUDIO_PATH.length).split(/[?#]/)[0]!);
    } catch {
      return send(res, 400, { message: 'malformed address' });
    }
    answer(req, res, route, { ...options, mapsDir }).catch((error: unknown) => {
      if (error instanceof Refusal) return send(res, error.status, { message: error.message, ...error.reason, ...(error.problems ? { problems: error.problems } : {}) });
      next(error);
    });
  };
}
