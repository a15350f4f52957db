import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';

export interface WmtsLayerDef extends LayerCommon {
  readonly type: 'wmts';
  readonly url: string;
  readonly layer: string;
  readonly matrixSet: string;
  readonly format: string;
  readonly style: string;
  /** Grid of the matrix set; default: the Web-Mercator "PM" grid. */
  readonly projection: string;
  readonly maxZoom: number;
  readonly resolutions?: readonly number[];
  readonly origin?: readonly [number, number];
  readonly matrixIds?: readonly string[];
  /**
   * The service's GetCapabilities URL: when given, the matrix set (any CRS, e.g. Lambert-93), the
   * format and the style are read from it (matched on `matrixSet`, else `projection`); the settings
   * above are the fallback when it cannot be read.
   */
  readonly capabilities?: string;
}

/** Schema part of the WMTS kind (KVP requests), usable from the document alone. */
export const wmtsLayerSchema: JsonSchema = {
  title: 'WMTS raster tiles',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }],
  required: ['url', 'layer'],
  properties: {
    type: { const: 'wmts' },
    url: { $ref: '#/$defs/url', description: 'The service endpoint, e.g. https://data.geopf.fr/wmts' },
    layer: { type: 'string', minLength: 1 },
    matrixSet: { type: 'string', minLength: 1, default: 'PM' },
    format: { type: 'string', pattern: '^image/', default: 'image/png' },
    style: { type: 'string', default: 'normal' },
    projection: { $ref: '#/$defs/crs', default: 'EPSG:3857' },
    maxZoom: { type: 'integer', minimum: 0, maximum: 30, default: 19 },
    resolutions: { type: 'array', items: { type: 'number', exclusiveMinimum: 0 }, minItems: 1 },
    origin: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    matrixIds: { type: 'array', items: { type: 'string' }, minItems: 1 },
    capabilities: {
      $ref: '#/$defs/url',
      description:
        'GetCapabilities URL: the matrix set (any CRS, e.g. Lambert-93), format and style are read from it, matched on "matrixSet", else "projection"; the other settings are the fallback when it cannot be read.',
    },
  },
};
