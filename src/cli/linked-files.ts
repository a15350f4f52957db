import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkedFileKind } from '../interop/linked-files.js';
import { decodeText } from '../interop/xml.js';
import { CliError } from './files.js';

/**
 * The files an imported document points to (mviewer's .mst templates, SLD styles), read for the
 * importer from a folder (by file name) or from a base address (address + file name). Each file
 * that cannot be read is said in one line; the import goes on without it.
 */

/** Where each kind of linked file is read from: a folder, or an http(s) base address. */
export type LinkedSources = Partial<Record<LinkedFileKind, string>>;

const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 15_000;
const NAMES: Record<LinkedFileKind, string> = { template: 'template', style: 'style' };

/** The file name an address points to: the last part of its path, without query. */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const isAddress = (source: string): boolean => /^https?:\/\//i.test(source);

/** Checks a source before the import starts: a folder that exists, or an http(s) address. */
export function checkSource(option: string, source: string): void {
  if (isAddress(source)) {
    try {
      new URL(source);
      return;
    } catch {
      throw new CliError(`${option} ${source}: not a valid address`, 2);
    }
  }
  let folder = false;
  try {
    folder = statSync(source).isDirectory();
  } catch {
    throw new CliError(`${option} ${source}: no such folder (give a folder or an http(s) address)`, 2);
  }
  if (!folder) throw new CliError(`${option} ${source}: is a file, not a folder (give the folder that holds the files)`, 2);
}

/** Reads every wanted file whose kind has a source; returns address → text. */
export async function readLinkedFiles(wanted: ReadonlyMap<string, LinkedFileKind>, sources: LinkedSources, err: (line: string) => void): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const jobs = [...wanted].map(async ([url, kind]) => {
    const source = sources[kind];
    if (!source) return;
    const name = fileNameOf(url);
    try {
      if (!name) throw new Error('the address names no file');
      files.set(url, isAddress(source) ? await fetchText(new URL(encodeURIComponent(name), source.endsWith('/') ? source : `${source}/`)) : readLocal(join(source, name)));
    } catch (error) {
      err(`${source}: ${NAMES[kind]} ${name || url} not read: ${(error as Error).message}\n`);
    }
  });
  await Promise.all(jobs);
  return files;
}

function readLocal(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error('no such file');
  }
  if (size > MAX_BYTES) throw new Error(`too large (${Math.round(size / 1024)} KB; at most 1 MB)`);
  return decodeText(readFileSync(path)).text;
}

async function fetchText(url: URL): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    const name = (error as Error).name;
    throw new Error(name === 'TimeoutError' ? `no answer from ${url.href} within ${TIMEOUT_MS / 1000} s` : `${url.href} could not be reached`);
  }
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}${response.status === 404 ? ' (not found)' : ''}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new Error(`too large (${Math.round(length / 1024)} KB; at most 1 MB)`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_BYTES) throw new Error(`too large (at most 1 MB)`);
  return decodeText(bytes).text;
}
