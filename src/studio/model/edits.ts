import type { JsonPath, JsonValue } from './json.js';

/**
 * What an editor asks of the document. Editors send these up (the `cartable-studio-edit` event);
 * the studio's store applies them, keeps them undoable and validates the result.
 */
export type StudioEdit =
  /** Sets the value at a path (undefined removes it: a key, or an array item). */
  | { readonly type: 'set'; readonly path: JsonPath; readonly value: JsonValue | undefined }
  /** Inserts into the array at `path`, before `index` (its length or more: at the end). */
  | { readonly type: 'insert'; readonly path: JsonPath; readonly index: number; readonly value: JsonValue }
  /** Moves an array item, possibly into another array (the layer tree's groups). */
  | { readonly type: 'move'; readonly from: { readonly path: JsonPath; readonly index: number }; readonly to: { readonly path: JsonPath; readonly index: number } }
  /** Several edits as one step of the history (e.g. a layer and its packaged file). */
  | { readonly type: 'batch'; readonly edits: readonly StudioEdit[] }
  /** A file the document packages on save (maps/data/…): `path` relative to maps/; undefined content removes it. */
  | { readonly type: 'file'; readonly path: string; readonly file: PackagedFile | undefined };

/** A file to write beside the document (a dropped GeoJSON, CSV or FlatGeobuf). */
export interface PackagedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

export interface EditOptions {
  /** What the step is, for the undo button's name ("Annuler : couleur"). */
  readonly label?: string;
  /**
   * Edits with the same key in a row make one step (typing in a field is one undo, not one per key):
   * e.g. the pointer of the field being typed in.
   */
  readonly merge?: string;
}
