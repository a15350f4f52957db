/**
 * The leak check: after the public site is written, every file of it is searched for what only the
 * restricted output may hold — restricted maps' ids, titles and descriptions, restricted layers' ids
 * and titles, restricted files' names, and the distinctive values of every record the public site
 * does not ship. A hit fails the build, naming the file and the string. Strings that the public site
 * legitimately holds (a public layer with the same title, a value public records share) are not secrets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { walkLayers } from '../src/context/checks.js';
import type { LayerNode, LocalizedText } from '../src/context/types.js';
import { buildMaps, type BuiltMap } from './maps.js';

export type SecretKind = 'map id' | 'map title' | 'map description' | 'layer id' | 'layer title' | 'file name' | 'record value';

/** A string the public site must not contain, and where it comes from. */
export interface Secret {
  readonly kind: SecretKind;
  readonly text: string;
  /** The document (maps/<id>.json) it belongs to. */
  readonly from: string;
}

export interface Leak extends Secret {
  /** The public file that holds it, relative to the public output's folder. */
  readonly file: string;
}

export class LeakError extends Error {
  constructor(readonly leaks: readonly Leak[]) {
    super(
      `Cartable: the public output holds ${leaks.length} restricted string(s); the build stops so they are not published:\n  ` +
        leaks
          .slice(0, 50)
          .map((l) => `${l.file}: ${l.kind} of ${l.from}: "${l.text.length > 80 ? `${l.text.slice(0, 77)}…` : l.text}"`)
          .join('\n  ') +
        (leaks.length > 50 ? `\n  … and ${leaks.length - 50} more` : '') +
        '\n  (If a hit is a coincidence — a common word used as a restricted id or title —, give the restricted map or layer a more distinctive one.)',
    );
    this.name = 'LeakError';
  }
}

const textsOf = (text: LocalizedText | undefined): string[] => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text));
const normal = (text: string): string => text.trim().toLowerCase();

/** Every string and number of a JSON value (the public vocabulary: what the public site may say). */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') into.add(normal(String(value)));
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, into));
}

/** A record value worth looking for: a text of 5 characters or more, or a long number-like text (phones, dates). */
function distinctive(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/\p{L}/u.test(text)) return text.length >= 5 ? text : undefined;
  return text.length >= 8 && (text.match(/\d/g)?.length ?? 0) >= 6 ? text : undefined;
}

/**
 * The secrets of a build: what the restricted maps (`restricted`: restricted documents and the full
 * copies of public ones) hold that the public maps (`publicMaps`, as the public site ships them) do not.
 */
export function restrictedSecrets(publicMaps: readonly BuiltMap[], restricted: readonly BuiltMap[]): Secret[] {
  const vocabulary = new Set<string>();
  const publicFiles = new Set<string>();
  for (const map of publicMaps) {
    for (const output of map.outputs) {
      publicFiles.add(output.path);
      if (output.path === `maps/${map.context.id}.json`) collectStrings(JSON.parse(String(output.source)), vocabulary);
    }
    map.records.forEach((record) => collectStrings(record, vocabulary));
  }
  const secrets = new Map<string, Secret>();
  const add = (kind: SecretKind, text: string | undefined, from: string): void => {
    const key = text === undefined ? '' : normal(text);
    if (!key || vocabulary.has(key) || secrets.has(key)) return;
    secrets.set(key, { kind, text: text!.trim(), from });
  };
  const publicById = new Map(publicMaps.map((m) => [m.context.id, m]));
  for (const map of restricted) {
    const from = map.file;
    const publicCopy = publicById.get(map.context.id);
    if (!publicCopy) {
      add('map id', map.context.id, from);
      textsOf(map.context.title).forEach((t) => add('map title', t, from));
      textsOf(map.context.description).forEach((t) => add('map description', t, from));
    }
    // A restricted map's layers are all restricted; a public map's, those its public build left out.
    const layers: LayerNode[] = [];
    if (publicCopy) layers.push(...publicCopy.removedLayers);
    else walkLayers(map.context.layers, (node) => layers.push(node));
    for (const node of layers) {
      add('layer id', node.id, from);
      textsOf(node.title).forEach((t) => add('layer title', t, from));
    }
    for (const output of map.outputs) {
      if (publicFiles.has(output.path)) continue;
      add('file name', output.path.split('/').pop(), from);
    }
    for (const record of map.records) {
      for (const value of Object.values(record)) add('record value', distinctive(value), from);
    }
  }
  // What public texts already say (a town named in a public record's description) is no secret either.
  const candidates = [...secrets.values()];
  const saidInPublic = matchSecrets([...vocabulary].join('\n'), compileSecrets(candidates));
  return candidates.filter((_, index) => !saidInPublic.has(index));
}

/** The ways a string may be written in a file: as is, HTML-escaped, JSON-escaped, with \u escapes. */
function writtenForms(text: string): string[] {
  const html = text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const json = JSON.stringify(text).slice(1, -1);
  const ascii = json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [...new Set([text, html, json, ascii].map((form) => form.toLowerCase()))];
}

// A hit must stand alone: not inside a longer word (or, for ids, a longer id).
const WORD = /[\p{L}\p{N}]/u;
const ID_CHAR = /[\p{L}\p{N}_-]/u;

const standsAlone = (haystack: string, at: number, length: number, inWord: RegExp): boolean =>
  !inWord.test(haystack[at - 1] ?? ' ') && !inWord.test(haystack[at + length] ?? ' ');

function occursIn(haystack: string, needle: string, inWord: RegExp): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (standsAlone(haystack, at, needle.length, inWord)) return true;
  }
  return false;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

const PREFIX = 4;

interface Form {
  readonly form: string;
  readonly index: number;
  readonly inWord: RegExp;
}

/** The secrets' written forms, ready for matchSecrets: long ones by their first characters, short ones apart. */
function compileSecrets(secrets: readonly Secret[]): { long: Map<string, Form[]>; short: Form[] } {
  const long = new Map<string, Form[]>();
  const short: Form[] = [];
  secrets.forEach((secret, index) => {
    const inWord = secret.kind === 'map id' || secret.kind === 'layer id' || secret.kind === 'file name' ? ID_CHAR : WORD;
    for (const form of writtenForms(secret.text)) {
      if (form.length < PREFIX) short.push({ form, index, inWord });
      else {
        const key = form.slice(0, PREFIX);
        const list = long.get(key) ?? [];
        list.push({ form, index, inWord });
        long.set(key, list);
      }
    }
  });
  return { long, short };
}

/**
 * The indexes of the secrets found in a lower-cased text. Long forms are found in one pass, by their
 * first characters (thousands of record values cost about as much as a few); short ones one by one.
 */
function matchSecrets(text: string, { long, short }: ReturnType<typeof compileSecrets>): Set<number> {
  const found = new Set<number>();
  for (const { form, index, inWord } of short) if (!found.has(index) && occursIn(text, form, inWord)) found.add(index);
  for (let at = 0; at + PREFIX <= text.length; at++) {
    const candidates = long.get(text.substr(at, PREFIX));
    if (!candidates) continue;
    for (const { form, index, inWord } of candidates) {
      if (!found.has(index) && text.startsWith(form, at) && standsAlone(text, at, form.length, inWord)) found.add(index);
    }
  }
  return found;
}

/** Every secret found in the files under `folder` (read as UTF-8 text, whatever their kind). */
export function findLeaks(folder: string, secrets: readonly Secret[]): Leak[] {
  const compiled = compileSecrets(secrets);
  const leaks: Leak[] = [];
  for (const path of filesUnder(folder)) {
    const found = matchSecrets(readFileSync(path, 'utf8').toLowerCase(), compiled);
    const file = relative(folder, path);
    for (const index of [...found].sort((a, b) => a - b)) leaks.push({ ...secrets[index]!, file });
  }
  return leaks;
}

/** Fails (LeakError) when the public output under `folder` holds a secret of the build. */
export function checkPublicOutput(folder: string, publicMaps: readonly BuiltMap[], restricted: readonly BuiltMap[]): void {
  const leaks = findLeaks(folder, restrictedSecrets(publicMaps, restricted));
  if (leaks.length) throw new LeakError(leaks);
}

/**
 * The leak check of a project's maps on any folder (e.g. a public output built elsewhere, by an
 * end-to-end test): the leaks found, none when the folder is clean.
 */
export function projectLeaks(folder: string, projectRoot: string, mapsDir = join(projectRoot, 'maps')): Leak[] {
  const { maps, restricted } = buildMaps(mapsDir, projectRoot);
  return findLeaks(folder, restrictedSecrets(maps, restricted));
}
