import type { GeometryKind } from '../../context/types.js';
import type { Problem } from '../../context/problems.js';
import type { StudioRecord } from '../data.js';
import type { JsonObject, JsonPath, JsonValue } from '../model/json.js';

/** A field of the layer's records, as the editor offers it. */
export interface FieldChoice {
  readonly name: string;
  /** The document's label of the field, in the page's language (when it gives one). */
  readonly label?: string;
  /** The document says it holds numbers, or its values are numbers. */
  readonly numeric: boolean;
}

/** What the style editor's parts get from it: the style, and one way to change it. */
export interface StyleForm {
  /** The layer's style as the document has it. */
  readonly style: JsonObject;
  readonly geometry: GeometryKind;
  readonly language: string;
  readonly problems: readonly Problem[];
  readonly fields: readonly FieldChoice[];
  /** The layer's records once the map has read them (undefined: not yet). */
  readonly records?: readonly StudioRecord[];
  /** The JSON pointer of a place in the style (validation problems name places so). */
  pointer(path: JsonPath): string;
  /**
   * Sets a value in the style (undefined removes it). `merge`: the moves of one control (a picker's
   * drag, typing in a field) make one undo step, keyed on `mergeOn` (default: the path's pointer).
   */
  set(path: JsonPath, value: JsonValue | undefined, label: string, options?: { merge?: boolean; mergeOn?: JsonPath }): void;
}

/** The option text of a field: its label and its name. */
export const fieldText = (field: FieldChoice): string => (field.label && field.label !== field.name ? `${field.label} (${field.name})` : field.name);
