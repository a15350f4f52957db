import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';
import type { VectorCommon } from '../schema/vector.js';

/**
 * Vector features from an OGC Web Feature Service (GetFeature 2.0.0 or 1.1.0), read for the area in
 * view (bbox strategy), at most `maxFeatures` per request, drawn with the layer's style.
 */
export interface WfsLayerDef extends LayerCommon, VectorCommon {
  readonly type: 'wfs';
  /** The service endpoint. */
  readonly url: string;
  /** The feature type (TYPENAMES in 2.0.0, TYPENAME in 1.1.0), e.g. "PROTECTEDAREAS.RNN:rnn". */
  readonly typeName: string;
  readonly version: '2.0.0' | '1.1.0';
  /**
   * Answer format (OUTPUTFORMAT): GeoJSON ("application/json"…) or GML (read as GML 3.2 for 2.0.0,
   * GML 3.1 for 1.1.0). Missing: chosen from the capabilities, GeoJSON when offered, else GML.
   */
  readonly outputFormat?: string;
  /** CRS the features are requested in (SRSNAME); default the map's projection. */
  readonly srsName?: string;
  /** Most features per request (COUNT in 2.0.0, MAXFEATURES in 1.1.0). */
  readonly maxFeatures: number;
  /** An ECQL filter (CQL_FILTER, GeoServer). */
  readonly cqlFilter?: string;
  /** The geometry attribute, to add the view's box to `cqlFilter`; without it a filtered layer is read whole. */
  readonly geometryName?: string;
  /** Further parameters sent as they are. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/** Schema part (left open: the assembled schema closes it) of the WFS kind (2.0.0 and 1.1.0). */
export const wfsLayerSchema: JsonSchema = {
  title: 'WFS layer',
  description:
    'Vector features from an OGC Web Feature Service (GetFeature), read for the area in view and drawn with the layer\'s style. A request returns at most "maxFeatures"; the layer list says when more exist.',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }, { $ref: '#/$defs/vectorCommon' }],
  required: ['url', 'typeName'],
  properties: {
    type: { const: 'wfs' },
    url: { $ref: '#/$defs/url', description: 'The service endpoint, e.g. https://data.geopf.fr/wfs/ows' },
    typeName: { type: 'string', minLength: 1, description: 'The feature type (TYPENAMES / TYPENAME), e.g. "PROTECTEDAREAS.RNN:rnn".' },
    version: { enum: ['2.0.0', '1.1.0'], default: '2.0.0', description: 'Protocol version.' },
    outputFormat: {
      type: 'string',
      minLength: 1,
      description:
        'Answer format (OUTPUTFORMAT), e.g. "application/json"; a GML format is read as GML 3.2 (2.0.0) or GML 3.1 (1.1.0). Missing: read from the capabilities, GeoJSON when offered, else GML.',
    },
    srsName: { $ref: '#/$defs/crs', description: "The CRS the features are requested in (SRSNAME); default: the map's projection." },
    maxFeatures: {
      type: 'integer',
      minimum: 1,
      maximum: 100000,
      default: 1000,
      description: 'Most features per request (COUNT in 2.0.0, MAXFEATURES in 1.1.0).',
    },
    cqlFilter: { type: 'string', minLength: 1, description: 'An ECQL filter (CQL_FILTER, GeoServer), e.g. "surface > 100".' },
    geometryName: {
      type: 'string',
      minLength: 1,
      description: 'The geometry attribute: with "cqlFilter", the area in view is added to the filter (BBOX(geometryName, …)); without it a filtered layer is read whole.',
    },
    params: {
      type: 'object',
      description: 'Further request parameters sent as they are (vendor parameters).',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.:-]*$' },
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
  },
};
