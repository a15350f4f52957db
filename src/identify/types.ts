import type Geometry from 'ol/geom/Geometry.js';
import type { LayerProblem } from '../layers/status.js';

/** One feature found at a place: its attributes, and its geometry in the view's projection. */
export interface IdentifiedItem {
  readonly id?: string | number;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly geometry?: Geometry;
  /** An HTML answer of a service (already sanitised by whoever shows it). */
  readonly html?: string;
  /** A plain-text answer of a service. */
  readonly text?: string;
}

/** What one layer has at a place. */
export interface IdentifyGroup {
  readonly layerId: string;
  readonly items: readonly IdentifiedItem[];
  /** Why the layer could not be asked (its service failed): a code, put in words by the interface. */
  readonly problem?: LayerProblem;
}
