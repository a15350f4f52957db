import type { EditOptions, PackagedFile, StudioEdit } from './model/edits.js';
import type { DocumentFormat } from './model/serialize.js';
import type { DocumentOrigin } from './model/store.js';
import type { JsonObject } from './model/json.js';
import type { JsonPath } from './model/json.js';
import type { StudioRecord } from './data.js';

/** Events the studio's editors send up to the studio (its store applies the edits). */
export interface StudioEventMap {
  /** A change to the document (undoable). */
  'cartable-studio-edit': { readonly edit: StudioEdit; readonly options?: EditOptions };
  /** The layer the style and records editors work on. */
  'cartable-studio-select-layer': { readonly path: JsonPath };
  /** The studio section to show (e.g. a problem's link to its field). */
  'cartable-studio-section': { readonly section: StudioSection; readonly focus?: string };
  /** Another document to work on (new, opened from maps/, imported): the history starts over. */
  'cartable-studio-load': {
    readonly document: JsonObject;
    readonly origin: DocumentOrigin;
    readonly format?: DocumentFormat;
    readonly files?: ReadonlyMap<string, PackagedFile>;
  };
  /** The document was written (or downloaded): it is no longer « modified ». */
  'cartable-studio-saved': { readonly origin?: DocumentOrigin };
  /** A record clicked on the preview's map (the records editor previews its template on it). */
  'cartable-studio-feature': { readonly layerId: string; readonly record: StudioRecord };
}

export type StudioSection = 'settings' | 'layers' | 'style' | 'records';

export function emitStudio<K extends keyof StudioEventMap>(from: EventTarget, name: K, detail: StudioEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'cartable-studio-edit': CustomEvent<StudioEventMap['cartable-studio-edit']>;
    'cartable-studio-select-layer': CustomEvent<StudioEventMap['cartable-studio-select-layer']>;
    'cartable-studio-section': CustomEvent<StudioEventMap['cartable-studio-section']>;
    'cartable-studio-feature': CustomEvent<StudioEventMap['cartable-studio-feature']>;
    'cartable-studio-load': CustomEvent<StudioEventMap['cartable-studio-load']>;
    'cartable-studio-saved': CustomEvent<StudioEventMap['cartable-studio-saved']>;
  }
}
