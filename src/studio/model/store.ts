import { validateContext } from '../../context/validate.js';
import type { MapContext } from '../../context/types.js';
import type { Problem } from '../../context/problems.js';
import type { EditOptions, PackagedFile, StudioEdit } from './edits.js';
import { getAt, insertAt, moveItem, setAt, type JsonObject, type JsonPath, type JsonValue } from './json.js';
import { inSchemaOrder, schemaKeyPlacer } from './key-order.js';
import { DEFAULT_FORMAT, type DocumentFormat } from './serialize.js';

/** Where the document came from: a map of the site (its id and the text opened), an imported file, or nothing yet. */
export type DocumentOrigin =
  | { readonly kind: 'new' }
  | { readonly kind: 'map'; readonly id: string; readonly text: string }
  | { readonly kind: 'import'; readonly name: string };

/** One state of the work: the document and the files it packages (both kept whole by undo). */
export interface StudioSnapshot {
  readonly document: JsonObject;
  /** Files to write under maps/ on save, by path relative to maps/ (the layers' `file`). */
  readonly files: ReadonlyMap<string, PackagedFile>;
}

export interface StudioState extends StudioSnapshot {
  readonly origin: DocumentOrigin;
  readonly format: DocumentFormat;
  /** Every problem the build's validators find, by JSON pointer (empty: it can be saved). */
  readonly problems: readonly Problem[];
  /** The document as the viewer reads it (its defaults filled), when it is valid. */
  readonly valid?: MapContext;
  /** The last valid document: the preview keeps showing it while the person fixes a problem. */
  readonly lastValid?: MapContext;
  /** Steps that undo / redo, with their names (the latest last). */
  readonly undo: readonly string[];
  readonly redo: readonly string[];
  /** The document differs from what was opened or last saved. */
  readonly dirty: boolean;
}

/** A new document: what the schema requires, in French and English, nothing else. */
export function emptyDocument(id = 'nouvelle-carte'): JsonObject {
  return {
    $schema: '../public/schema/map-context.v1.json',
    version: 1,
    id,
    title: { fr: 'Nouvelle carte', en: 'New map' },
    access: { level: 'public' },
    view: { projection: 'EPSG:3857', center: [4.5, 45.5], zoom: 7 },
    basemaps: [],
    layers: [],
  };
}

interface HistoryStep extends StudioSnapshot {
  readonly label: string;
  readonly merge?: string;
}

const HISTORY_LIMIT = 200;

/**
 * The studio's one store: the document being composed, its packaged files, its history and its
 * problems. Editors never change it themselves: they send StudioEdits up, the studio applies them
 * here. Every change is validated with the build's own validators (src/context/validate.ts).
 */
export class StudioStore {
  #state: StudioState;
  #past: HistoryStep[] = [];
  #future: HistoryStep[] = [];
  #saved: StudioSnapshot;
  readonly #listeners = new Set<(state: StudioState) => void>();

  constructor(document: JsonObject = emptyDocument(), origin: DocumentOrigin = { kind: 'new' }, format: DocumentFormat = DEFAULT_FORMAT) {
    this.#saved = { document, files: new Map() };
    this.#state = this.#derive(this.#saved, origin, format, undefined);
  }

  get state(): StudioState {
    return this.#state;
  }

  subscribe(listener: (state: StudioState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts over on another document (new, opened or imported): the history is cleared. */
  load(document: JsonObject, origin: DocumentOrigin, format: DocumentFormat = DEFAULT_FORMAT, files: ReadonlyMap<string, PackagedFile> = new Map()): void {
    this.#past = [];
    this.#future = [];
    this.#saved = { document, files };
    this.#publish(this.#derive(this.#saved, origin, format, undefined));
  }

  /** Applies an edit as one undoable step (merged with the previous one when both carry the same `merge` key). */
  apply(edit: StudioEdit, options: EditOptions = {}): void {
    const before: StudioSnapshot = { document: this.#state.document, files: this.#state.files };
    const after = applyEdit(before, edit);
    if (after.document === before.document && after.files === before.files) return;
    const last = this.#past.at(-1);
    const merges = options.merge !== undefined && last?.merge === options.merge && this.#future.length === 0;
    if (!merges) {
      this.#past.push({ ...before, label: options.label ?? '', merge: options.merge });
      if (this.#past.length > HISTORY_LIMIT) this.#past.shift();
    }
    this.#future = [];
    this.#publish(this.#derive(after, this.#state.origin, this.#state.format, this.#state.lastValid));
  }

  undo(): void {
    const step = this.#past.pop();
    if (!step) return;
    this.#future.push({ document: this.#state.document, files: this.#state.files, label: step.label });
    this.#publish(this.#derive(step, this.#state.origin, this.#state.format, this.#state.lastValid));
  }

  redo(): void {
    const step = this.#future.pop();
    if (!step) return;
    this.#past.push({ document: this.#state.document, files: this.#state.files, label: step.label });
    this.#publish(this.#derive(step, this.#state.origin, this.#state.format, this.#state.lastValid));
  }

  /** The document was written (or downloaded) as it is now: it is the new reference of `dirty`. */
  markSaved(origin?: DocumentOrigin): void {
    this.#saved = { document: this.#state.document, files: this.#state.files };
    this.#publish({ ...this.#state, origin: origin ?? this.#state.origin, dirty: false });
  }

  #derive(snapshot: StudioSnapshot, origin: DocumentOrigin, format: DocumentFormat, lastValid: MapContext | undefined): StudioState {
    const checked = validateContext(snapshot.document);
    const valid = checked.ok ? checked.value : undefined;
    return {
      ...snapshot,
      origin,
      format,
      problems: checked.ok ? [] : checked.problems,
      valid,
      lastValid: valid ?? lastValid,
      undo: this.#past.map((s) => s.label),
      redo: this.#future.map((s) => s.label),
      dirty: snapshot.document !== this.#saved.document || snapshot.files !== this.#saved.files,
    };
  }

  #publish(state: StudioState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}

/** The snapshot an edit makes (the same objects when it changes nothing). */
export function applyEdit(snapshot: StudioSnapshot, edit: StudioEdit): StudioSnapshot {
  const document = snapshot.document;
  const place = schemaKeyPlacer(() => document);
  // What the studio adds takes the schema's order of keys; what was there keeps its own.
  const ordered = (value: JsonValue, path: JsonPath): JsonValue => inSchemaOrder(value, document, path);
  switch (edit.type) {
    case 'set': {
      const current = getAt(document, edit.path);
      if (current === edit.value || (edit.value !== undefined && JSON.stringify(current) === JSON.stringify(edit.value))) return snapshot;
      if (current === undefined && edit.value === undefined) return snapshot;
      const value = edit.value === undefined || current !== undefined ? edit.value : ordered(edit.value, edit.path);
      return { ...snapshot, document: setAt(document, edit.path, value, place) as JsonObject };
    }
    case 'insert': {
      const list = getAt(document, edit.path);
      const index = Math.min(edit.index, Array.isArray(list) ? list.length : 0);
      return { ...snapshot, document: insertAt(document, edit.path, index, ordered(edit.value, [...edit.path, index]), place) as JsonObject };
    }
    case 'move':
      return { ...snapshot, document: moveItem(document, edit.from, edit.to, place) as JsonObject };
    case 'batch':
      return edit.edits.reduce(applyEdit, snapshot);
    case 'file': {
      const files = new Map(snapshot.files);
      if (edit.file) files.set(edit.path, edit.file);
      else if (!files.delete(edit.path)) return snapshot;
      return { ...snapshot, files };
    }
  }
}
