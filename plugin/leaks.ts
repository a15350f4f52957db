/**
 * The leak check: after the public site is written, every file of it is searched for what only the
 * restricted output may hold — restricted maps' ids, titles and descriptions, restricted layers' ids
 * and titles, restricted files' names, the distinctive values of every record the public site does
 * not ship and the coordinates of its points —, as written, escaped, percent-encoded, as HTML
 * character references or in base64. A hit fails the build, naming the file and the string. Strings
 * that the public site legitimately holds (a public layer with the same title, a value public records
 * share) are not secrets.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { walkLayers } from '../src/context/checks.js';
import type { LayerNode, LocalizedText } from '../src/context/types.js';
import { compilePoints, searchPoints, withheldPoints } from './leaks/coordinates.js';
import { decodedBase64, decodedEscapes } from './leaks/decoded.js';
import { textPieces } from './leaks/file-text.js';
import { compileNeedles, searchText, type CompiledNeedles } from './leaks/text-search.js';
import { buildMaps, type BuiltMap, type OutputFile } from './maps.js';

export type SecretKind = 'map id' | 'map title' | 'map description' | 'layer id' | 'layer title' | 'file name' | 'record value' | 'coordinates';

/** A string the public site must not contain, and where it comes from. */
export interface Secret {
  readonly kind: SecretKind;
  /** The string; for coordinates, "lon,lat" as the data writes them (leaks/coordinates.ts seeks their other forms). */
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
        '\n  (If a hit is a coincidence — a common word used as a restricted id or title —, give the restricted map or layer a more distinctive one. ' +
        'A public point found where a withheld one lies gives that place away, whatever data it comes from.)',
    );
    this.name = 'LeakError';
  }
}

const textsOf = (text: LocalizedText | undefined): string[] => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text));
const normal = (text: string): string => text.trim().toLowerCase();

/** Every string and number of a JSON value, normalised (the public vocabulary: what the public site may say). */
function eachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') visit(normal(String(value)));
  else if (Array.isArray(value)) value.forEach((v) => eachString(v, visit));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => eachString(v, visit));
}

/** The public vocabulary of the public maps (their documents and records), visited a string at a time. */
function eachPublicString(publicMaps: readonly BuiltMap[], visit: (text: string) => void): void {
  for (const map of publicMaps) {
    const document = map.outputs.find((output) => output.path === `maps/${map.context.id}.json`);
    if (document) eachString(JSON.parse(String(document.source)), visit);
    for (const record of map.records) eachString(record, visit);
  }
}

/**
 * The indexes of the needles that the public vocabulary holds, searched a few megabytes at a time: a
 * large data set's vocabulary is never gathered whole (nor in a set, nor in one string).
 */
function saidInPublic(publicMaps: readonly BuiltMap[], needles: CompiledNeedles): Set<number> {
  const found = new Set<number>();
  let batch: string[] = [];
  let length = 0;
  const search = (): void => {
    searchText(batch.join('\n'), needles, found);
    batch = [];
    length = 0;
  };
  eachPublicString(publicMaps, (text) => {
    batch.push(text);
    length += text.length + 1;
    if (length >= 1 << 22) search();
  });
  search();
  return found;
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
  if (!restricted.length) return [];
  const publicFiles = new Map<string, OutputFile['source']>();
  for (const map of publicMaps) for (const output of map.outputs) publicFiles.set(output.path, output.source);
  const secrets = new Map<string, Secret>();
  const add = (kind: SecretKind, text: string | undefined, from: string): void => {
    const key = text === undefined ? '' : normal(text);
    if (!key || secrets.has(key)) return;
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
  // What public texts say — a public value itself, a town named in a public record's description — is no secret.
  const candidates = [...secrets.values()];
  const said = candidates.length ? saidInPublic(publicMaps, compileSecrets(candidates)) : new Set<number>();
  const points = withheldPoints(
    function* () {
      for (const map of publicMaps) yield* map.records;
    },
    restricted.flatMap((map) => restrictedJson(map, publicFiles)),
  );
  return [...candidates.filter((_, index) => !said.has(index)), ...points.map((point) => ({ kind: 'coordinates' as const, ...point }))];
}

const bytesOf = (source: OutputFile['source']): Buffer =>
  typeof source === 'string' ? Buffer.from(source) : Buffer.from(source.buffer, source.byteOffset, source.byteLength);

/** The JSON outputs of a restricted map that the public site does not ship as they are (its data, its document). */
function restrictedJson(map: BuiltMap, publicFiles: ReadonlyMap<string, OutputFile['source']>): Array<{ json: unknown; from: string }> {
  return map.outputs.flatMap((output) => {
    const shipped = publicFiles.get(output.path);
    if (!/\.(geo)?json$/.test(output.path) || (shipped !== undefined && bytesOf(shipped).equals(bytesOf(output.source)))) return [];
    try {
      return [{ json: JSON.parse(bytesOf(output.source).toString('utf8')) as unknown, from: map.file }];
    } catch {
      return []; // Not JSON after all: no points to seek in it.
    }
  });
}

/**
 * The ways a string may be written in a file: as is, HTML-escaped, JSON-escaped, with \u escapes,
 * spaces as "+" (a form-encoded query). Percent-encoding, character references and base64 are read
 * back instead (leaks/decoded.ts), since they may be mixed at will.
 */
function writtenForms(text: string): string[] {
  const html = text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const json = JSON.stringify(text).slice(1, -1);
  const ascii = json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // "+" for spaces only in longer texts: "a+b" is everyday code.
  const plus = text.length >= 5 ? [text.replaceAll(' ', '+')] : [];
  return [...new Set([text, html, json, ascii, ...plus].map((form) => form.toLowerCase()))];
}

// A hit must stand alone: not inside a longer word (or, for ids, a longer id).
const WORD = /[\p{L}\p{N}]/u;
const ID_CHAR = /[\p{L}\p{N}_-]/u;

/** The secrets' written forms, ready for searchText (the coordinates are sought apart). */
function compileSecrets(secrets: readonly Secret[]): CompiledNeedles {
  return compileNeedles(
    secrets.flatMap((secret, index) => {
      if (secret.kind === 'coordinates') return [];
      const inWord = secret.kind === 'map id' || secret.kind === 'layer id' || secret.kind === 'file name' ? ID_CHAR : WORD;
      return writtenForms(secret.text).map((form) => ({ form, index, inWord }));
    }),
  );
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/**
 * Every secret found in the files under `folder` (read as UTF-8 text, whatever their kind, a piece at a time): as
 * written, once percent-encoding and character references are decoded, and in base64.
 */
export function findLeaks(folder: string, secrets: readonly Secret[]): Leak[] {
  const texts = compileSecrets(secrets);
  const points = compilePoints(secrets.flatMap((secret, index) => (secret.kind === 'coordinates' ? [{ text: secret.text, index }] : [])));
  // An escaped character takes at most 12 characters ("%f0%9f%97%ba"), a reference at most 10.
  // Folded, not spread: a large withheld data set has more points than a call takes arguments.
  const reach = 12 * secrets.reduce((longest, s) => (s.kind === 'coordinates' ? Math.max(longest, s.text.length) : longest), texts.longest);
  const leaks: Leak[] = [];
  for (const path of filesUnder(folder)) {
    const found = new Set<number>();
    // A piece at a time (leaks/file-text.ts): a few characters beyond `reach` give a hit the characters around it.
    for (const written of textPieces(path, reach + 64)) {
      const lower = written.toLowerCase();
      // Decoded bytes may spell a few letters by chance: only the longer strings are sought there.
      for (const [text, shortOnes] of [[lower, true], [decodedEscapes(lower, reach), true], [decodedBase64(written), false]] as const) {
        if (!text) continue;
        searchText(text, texts, found, shortOnes);
        searchPoints(text, points, found);
      }
    }
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
