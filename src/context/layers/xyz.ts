import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';

export interface XyzLayerDef extends LayerCommon {
  readonly type: 'xyz';
  /** Template with {z}, {x}, {y} (and {a-c} style alternatives). */
  readonly url: string;
  readonly maxZoom: number;
  readonly tileSize: number;
}

/** Schema part of the XYZ raster tile kind. */
export const xyzLayerSchema: JsonSchema = {
  title: 'XYZ raster tiles',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }],
  required: ['url'],
  properties: {
    type: { const: 'xyz' },
    url: { $ref: '#/$defs/url', description: 'Tile URL template with {z}, {x} and {y}.' },
    maxZoom: { type: 'integer', minimum: 0, maximum: 30, default: 19 },
    tileSize: { type: 'integer', minimum: 64, maximum: 1024, default: 256 },
  },
};
