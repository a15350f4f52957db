import type { JsonPath } from './model/json.js';

/** The records of a layer, as the preview's map read them: property values by field name. */
export type StudioRecord = Readonly<Record<string, unknown>>;

/**
 * What editors may ask of the live map without touching it (the studio's preview answers).
 * The map itself stays OpenLayers' business: editors see records and views, not features.
 */
export interface StudioData {
  /** The records of a vector layer of the preview (resolves once it has loaded; empty for layers without records). */
  records(layerId: string): Promise<readonly StudioRecord[]>;
  /** The view the preview shows now, in the document's CRS (undefined before the map is built). */
  currentView(): Promise<{ readonly center: readonly [number, number]; readonly zoom?: number; readonly resolution?: number } | undefined>;
}

/** The layer a person is working on (its path in the document: ["layers", 0] or ["layers", 1, "layers", 0]). */
export type LayerPath = JsonPath;
