import type { JsonSchema } from '../../context/schema/defs.js';

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
