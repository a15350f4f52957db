import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';
import type { VectorCommon } from '../schema/vector.js';
import { pointDisplayProperties, type PointDisplay } from './point-display.js';

/**
 * FlatGeobuf from a URL. "extent": only the features in view are read, through HTTP range requests
 * and the file's spatial index (a file without index is read whole); "whole": the file is read at once.
 */
export interface FlatGeobufLayerDef extends LayerCommon, VectorCommon, PointDisplay {
  readonly type: 'flatgeobuf';
  readonly url: string;
  readonly loading: 'extent' | 'whole';
  /** CRS of the data when the file names none (default EPSG:4326). */
  readonly projection?: string;
}

/** Schema part (left open: the assembled schema closes it) of the FlatGeobuf layer kind. */
export const flatgeobufLayerSchema: JsonSchema = {
  title: 'FlatGeobuf layer',
  description:
    'Vector features from a FlatGeobuf file read at run time. "loading": "extent" reads only the features in view through HTTP range requests and the spatial index (files without index are read whole); "whole" reads the file at once (best for small files).',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }, { $ref: '#/$defs/vectorCommon' }],
  required: ['url'],
  properties: {
    type: { const: 'flatgeobuf' },
    url: { $ref: '#/$defs/url' },
    loading: {
      enum: ['extent', 'whole'],
      default: 'extent',
      description: '"extent": features in view only (HTTP range requests; the server must accept them); "whole": the whole file.',
    },
    projection: { $ref: '#/$defs/crs', description: 'CRS of the data when the file names none (default EPSG:4326).' },
    ...pointDisplayProperties,
  },
  not: { required: ['clustering', 'heatmap'] },
};
