import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { StudioData } from '../data.js';
import type { JsonPath } from '../model/json.js';
import type { StudioState } from '../model/store.js';

/**
 * What every section of the studio takes down from the shell: the studio's state, the page's
 * language, the layer being worked on and the live map's answers (StudioData). Sections send their
 * changes up as `cartable-studio-edit` events; they never change the state themselves.
 */
export class StudioEditor extends LitElement {
  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  /** The layer the style and records sections work on (its path in the document). */
  @property({ attribute: false }) layerPath?: JsonPath;
  /** The preview: the records of a layer and the view it shows. */
  @property({ attribute: false }) data?: StudioData | null;
}
