/** The catalog of maps the build writes (catalog.json). */

import type { Problem } from './problems.js';
import type { Access, LocalizedText } from './schema/common.js';

/** One map of the catalog, as the build writes it to catalog.json. */
export interface CatalogEntry {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly tags: readonly LocalizedText[];
  readonly thumbnail?: string;
  /** Titles of the map's layers, so the catalog can be searched by layer. */
  readonly layers: readonly LocalizedText[];
  /** Path of the document, relative to the site root. */
  readonly document: string;
  /** Path of the map's static page, relative to the site root. */
  readonly page: string;
  /** True when the map needs the network (remote services or data). */
  readonly online: boolean;
  /**
   * True when the build validated the document and wrote it with its defaults: the viewer then uses
   * it as it is, without loading the validator (≈ 27 KB gzip). Documents from anywhere else are
   * validated in the browser.
   */
  readonly validated: boolean;
  /** Restricted maps only (in the restricted output's catalog): who may open the map. */
  readonly access?: Access;
  /** Development server only: why the build could not build this document (the viewer shows them). */
  readonly problems?: readonly Problem[];
}

export interface Catalog {
  readonly version: 1;
  readonly maps: readonly CatalogEntry[];
}
