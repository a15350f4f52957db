import type { JsonSchema } from '../schema/json-schema.js';

/** Point clusters: nearby points drawn as one disc with their count; a click on a cluster zooms into it. */
export interface ClusterSettings {
  /** Pixels within which points are merged. */
  readonly distance: number;
  /** Pixels kept between clusters (0: none). */
  readonly minDistance: number;
}

/** A heat map of the points (WebGL). */
export interface HeatmapSettings {
  /** Radius of a point's blur, in pixels. */
  readonly radius: number;
  readonly blur: number;
  /** A numeric field (0–1) that weights each point; every point weighs 1 when missing. */
  readonly weight?: string;
}

/** How a point layer may be drawn instead of one marker per point: clusters or a heat map (not both). */
export interface PointDisplay {
  readonly clustering?: ClusterSettings;
  readonly heatmap?: HeatmapSettings;
}

/**
 * Properties of the point layers (geojson, flatgeobuf, csv) that draw points as clusters or a heat
 * map. A kind's schema spreads them into its `properties` and adds `not: { required: ['clustering', 'heatmap'] }`.
 */
export const pointDisplayProperties: Record<string, JsonSchema> = {
  clustering: {
    type: 'object',
    description: 'Draw nearby points as one disc with their count; a click on a disc zooms into its points.',
    properties: {
      distance: { type: 'number', minimum: 1, maximum: 500, default: 40, description: 'Pixels within which points are merged.' },
      minDistance: { type: 'number', minimum: 0, maximum: 500, default: 0, description: 'Pixels kept between discs.' },
    },
    additionalProperties: false,
  },
  heatmap: {
    type: 'object',
    description: 'Draw the points as a heat map (needs WebGL; the layer shows an error where WebGL is missing).',
    properties: {
      radius: { type: 'number', minimum: 1, maximum: 100, default: 8 },
      blur: { type: 'number', minimum: 0, maximum: 100, default: 15 },
      weight: { type: 'string', minLength: 1, description: 'A numeric field (0–1) that weights each point.' },
    },
    additionalProperties: false,
  },
};
