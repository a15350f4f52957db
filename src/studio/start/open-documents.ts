/**
 * Where the studio's documents come from: the site's maps (the maps folder under the development
 * server, the built copies on a static site), a document of another format (imported), a local file.
 * What opens keeps its text's layout (readFormat), so an unchanged map saves back byte for byte.
 */
import type { Catalog } from '../../context/types.js';
import { parseJson } from '../../context/validate.js';
import type { Requester } from '../../net/requester.js';
import { loadChunk } from '../../offline/load-chunk.js';
import type { ReportItem } from '../../interop/report.js';
import { isObject, type JsonObject } from '../model/json.js';
import { DEFAULT_FORMAT, readFormat, type DocumentFormat } from '../model/serialize.js';
import type { DocumentOrigin } from '../model/store.js';
import { devMaps, devMapText, type SiteMapEntry } from '../save/dev-server.js';

export interface Opened {
  readonly document: JsonObject;
  readonly origin: DocumentOrigin;
  readonly format: DocumentFormat;
}

/** Why a document could not be opened (the interface says it in the person's language). */
export type OpenFailure =
  | { readonly failure: 'not-found'; readonly id: string }
  | { readonly failure: 'unreachable'; readonly detail: string }
  | { readonly failure: 'not-json'; readonly detail: string }
  | { readonly failure: 'not-a-map' }
  /** An import that gave no document: its report says why. */
  | { readonly failure: 'not-imported'; readonly detail: string };

export const isFailure = <T extends object>(value: T | OpenFailure): value is OpenFailure => 'failure' in value;

/** The site's maps: the maps folder's documents (development server) or the catalog's (a built site). */
export interface SiteMaps {
  readonly from: 'folder' | 'built';
  readonly maps: readonly (SiteMapEntry & { readonly document?: string })[];
}

export async function siteMaps(root: string, requester: Requester | undefined): Promise<SiteMaps | OpenFailure> {
  // Asked again each time: a map saved since is listed.
  const folder = await devMaps(root, true);
  if (folder) return { from: 'folder', maps: folder };
  try {
    const url = new URL('catalog.json', root).href;
    const response = requester ? await requester.fetch(url) : await fetch(url);
    if (!response.ok) return { failure: 'unreachable', detail: `HTTP ${response.status}` };
    const catalog = (await response.json()) as Catalog;
    return { from: 'built', maps: catalog.maps.filter((m) => m.validated !== false).map(({ id, title, document }) => ({ id, title, document })) };
  } catch (error) {
    return { failure: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A document's text, opened as a map of the site. */
export function openedText(text: string, origin: DocumentOrigin): Opened | OpenFailure {
  const parsed = parseJson(text);
  if (!parsed.ok) return { failure: 'not-json', detail: parsed.problems[0]?.message ?? '' };
  if (!isObject(parsed.value)) return { failure: 'not-a-map' };
  return { document: parsed.value, origin, format: readFormat(text) };
}

/** Opens a map of the site: its file as written (development server), else its built copy. */
export async function openSiteMap(root: string, requester: Requester | undefined, id: string): Promise<Opened | OpenFailure> {
  const list = await siteMaps(root, requester);
  if (isFailure(list)) return list;
  const entry = list.maps.find((m) => m.id === id);
  if (!entry) return { failure: 'not-found', id };
  try {
    let text: string | undefined;
    if (list.from === 'folder') text = await devMapText(root, id);
    else {
      const url = new URL(entry.document ?? `maps/${id}.json`, root).href;
      const response = requester ? await requester.fetch(url) : await fetch(url);
      text = response.ok ? await response.text() : undefined;
    }
    if (text === undefined) return { failure: 'not-found', id };
    const opened = openedText(text, { kind: 'map', id, text });
    // A built copy is written on one line: it is given back laid out, to go into maps/ as a source.
    return list.from === 'built' && !isFailure(opened) ? { ...opened, format: DEFAULT_FORMAT } : opened;
  } catch (error) {
    return { failure: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A map document from the person's computer (.json). */
export async function openLocalFile(file: File): Promise<Opened | OpenFailure> {
  return openedText(await file.text(), { kind: 'import', name: file.name });
}

export interface Imported {
  readonly opened: Opened | OpenFailure;
  /** What the conversion left out, changed or guessed (src/interop/report.ts). */
  readonly report: readonly ReportItem[];
}

/** A document of another format (mviewer XML, OWS Context JSON, WMC XML), converted by the import of the command line. */
export async function importFile(file: File): Promise<Imported> {
  const [{ importDocument }, { browserXmlParser, InputError }] = await Promise.all([loadChunk(import('../../interop/convert.js')), loadChunk(import('../../interop/xml.js'))]);
  try {
    const result = importDocument({ bytes: new Uint8Array(await file.arrayBuffer()), parseXml: browserXmlParser });
    const report = [...(result.encodingNote ? [{ level: 'info' as const, path: '', message: result.encodingNote }] : []), ...result.report];
    if (!result.document) return { opened: { failure: 'not-imported', detail: '' }, report };
    return { opened: { document: result.document as JsonObject, origin: { kind: 'import', name: file.name }, format: DEFAULT_FORMAT }, report };
  } catch (error) {
    if (error instanceof InputError) return { opened: { failure: 'not-imported', detail: error.message }, report: [] };
    throw error;
  }
}
