import type { FieldDef } from '../schema/fields.js';
import { ref, type JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';
import type { PopupSettings } from '../schema/popup.js';
import type { LocalizedText } from '../schema/common.js';

/** GetFeatureInfo answer format: a short name or a MIME type. */
export type WmsInfoFormat = 'json' | 'gml' | 'html' | 'text' | (string & {});

/**
 * Map images from an OGC Web Map Service (GetMap 1.3.0 or 1.1.1), as tiles or one image per view.
 * Its legend is the service's GetLegendGraphic image unless `legend` gives items or an image.
 */
export interface WmsLayerDef extends LayerCommon {
  readonly type: 'wms';
  /** The service endpoint (it may hold fixed parameters, e.g. "…/mapserv?map=nature.map"). */
  readonly url: string;
  /** WMS layer names (LAYERS), separated by commas. */
  readonly layers: string;
  /** Styles (STYLES), one per layer, separated by commas; "" for the defaults. */
  readonly styles: string;
  /** Image format (FORMAT), e.g. "image/png". */
  readonly format: string;
  /** Transparent background (TRANSPARENT). */
  readonly transparent: boolean;
  readonly version: '1.3.0' | '1.1.1';
  /** True: requested as tiles (cacheable); false: one image per view (labels are not cut). */
  readonly tiled: boolean;
  /** Tile size in pixels, when tiled. */
  readonly tileSize: number;
  /** Further parameters sent as they are: vendor filters and dimensions (CQL_FILTER, TIME…). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** CRS the map is requested in (CRS/SRS); default the map's projection (another is reprojected). */
  readonly projection?: string;
  /** What GetFeatureInfo asks for (default "json"). */
  readonly infoFormat?: WmsInfoFormat;
  /** False: clicks do not ask this layer (GetFeatureInfo). */
  readonly queryable: boolean;
  /** How a record reads when the answer holds data (JSON, GML), one per feature; HTML and text answers are shown as they are. */
  readonly popup?: PopupSettings;
  /** Labels and types of the attributes records show (e.g. "image"). */
  readonly fields?: readonly FieldDef[];
  /** The same data from a WFS: the « what is here? » report asks it about whole areas. */
  readonly wfs?: WmsWfsLink;
  /** A TIME dimension the person chooses from (sent as TIME; the default: the last value). */
  readonly time?: WmsTime;
  /** Attribute filters the person chooses a value of (each a list; none chosen: no filter). */
  readonly filters?: readonly WmsFilter[];
}

/** The times a WMS layer offers: values, ISO 8601 ranges "start/end/period" expanded to values. */
export interface WmsTime {
  readonly values: readonly string[];
  readonly default?: string;
  readonly control?: 'slider' | 'list';
  readonly label?: LocalizedText;
}

/** One filter list of a WMS layer: a field and the values offered (CQL_FILTER, or FILTER in OGC FES). */
export interface WmsFilter {
  readonly id: string;
  readonly field: string;
  readonly values: readonly (string | { readonly value: string; readonly label: LocalizedText })[];
  readonly label: LocalizedText;
  /** Absent: « Tous », no filter. */
  readonly default?: string;
  readonly param?: 'CQL_FILTER' | 'FILTER';
}

/** A WMS layer's data as vector features (WFS GetFeature), for questions about an area. */
export interface WmsWfsLink {
  readonly url: string;
  readonly typeName: string;
  readonly version: '2.0.0' | '1.1.0';
  /** Default "application/json". */
  readonly outputFormat?: string;
}

/** Schema part (left open: the assembled schema closes it) of the WMS kind (1.3.0 and 1.1.1). */
export const wmsLayerSchema: JsonSchema = {
  title: 'WMS layer',
  description:
    'Map images from an OGC Web Map Service (GetMap), tiled or as one image per view. The legend is read from GetLegendGraphic unless "legend" gives items or an image.',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }],
  required: ['url', 'layers'],
  properties: {
    type: { const: 'wms' },
    url: { $ref: '#/$defs/url', description: 'The service endpoint, e.g. https://data.geopf.fr/wms-r/wms' },
    layers: {
      type: 'string',
      minLength: 1,
      description: 'The WMS layer names (LAYERS), separated by commas, e.g. "PROTECTEDAREAS.SIC".',
    },
    styles: { type: 'string', default: '', description: 'The styles (STYLES), one per layer, separated by commas; empty: the defaults.' },
    format: { type: 'string', pattern: '^image/', default: 'image/png', description: 'Image format (FORMAT).' },
    transparent: { type: 'boolean', default: true, description: 'Transparent background (TRANSPARENT).' },
    version: { enum: ['1.3.0', '1.1.1'], default: '1.3.0', description: 'Protocol version.' },
    tiled: {
      type: 'boolean',
      default: true,
      description: 'true: the map is requested as tiles (cacheable); false: as one image per view (labels are not cut).',
    },
    tileSize: { type: 'integer', minimum: 64, maximum: 2048, default: 256, description: 'Size of the tiles in pixels, when tiled.' },
    params: {
      type: 'object',
      description: 'Further request parameters sent as they are: vendor filters and dimensions (CQL_FILTER, TIME, ELEVATION…).',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.:-]*$' },
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
    projection: {
      $ref: '#/$defs/crs',
      description: "The CRS the map is requested in (CRS/SRS); default: the map's projection. Another one is reprojected in the browser.",
    },
    queryable: { type: 'boolean', default: true, description: 'false: clicks do not ask this layer what lies there (GetFeatureInfo).' },
    // Records of JSON and GML answers (one per feature); HTML and text answers are shown as they are.
    popup: ref('popup'),
    fields: { type: 'array', items: ref('field') },
    wfs: {
      type: 'object',
      description:
        'The same data as vector features from a WFS: the « what is here? » report then asks it which features meet a whole area (GetFeature), not only one point (GetFeatureInfo).',
      required: ['url', 'typeName'],
      additionalProperties: false,
      properties: {
        url: { $ref: '#/$defs/url', description: 'The WFS endpoint, e.g. https://data.geopf.fr/wfs/ows' },
        typeName: { type: 'string', minLength: 1, description: 'The feature type, e.g. "PROTECTEDAREAS.SIC:sic".' },
        version: { enum: ['2.0.0', '1.1.0'], default: '2.0.0', description: 'Protocol version.' },
        outputFormat: { type: 'string', description: 'Answer format (OUTPUTFORMAT); default "application/json".' },
      },
    },
    infoFormat: {
      description: 'What GetFeatureInfo asks for: "json", "gml", "html", "text", or a MIME type (INFO_FORMAT).',
      anyOf: [{ enum: ['json', 'gml', 'html', 'text'] }, { type: 'string', pattern: '^[a-z]+/[A-Za-z0-9.+_-]+' }],
    },
    time: {
      type: 'object',
      description: 'A TIME the person chooses (slider or list), kept in the permalink.',
      required: ['values'],
      additionalProperties: false,
      properties: {
        values: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
          description: 'Times ("2017", "2023-06-01") or ranges "2015/2023/P1Y".',
        },
        default: { type: 'string', description: 'One of the values; default: the last.' },
        control: { enum: ['slider', 'list'], default: 'slider' },
        label: { $ref: '#/$defs/localizedText', description: 'Default « Date ».' },
      },
    },
    filters: {
      type: 'array',
      description: 'Lists of values of a field the person chooses from (« Tous »: no filter), kept in the permalink.',
      items: {
        type: 'object',
        required: ['id', 'field', 'values', 'label'],
        additionalProperties: false,
        properties: {
          id: { $ref: '#/$defs/id' },
          field: { type: 'string', minLength: 1 },
          values: {
            type: 'array',
            minItems: 1,
            items: {
              anyOf: [
                { type: 'string' },
                { type: 'object', required: ['value', 'label'], additionalProperties: false, properties: { value: { type: 'string' }, label: { $ref: '#/$defs/localizedText' } } },
              ],
            },
          },
          label: { $ref: '#/$defs/localizedText' },
          default: { type: 'string', description: 'One of the values; absent: « Tous ».' },
          param: { enum: ['CQL_FILTER', 'FILTER'], default: 'CQL_FILTER', description: 'FILTER: OGC FES (MapServer).' },
        },
      },
    },
  },
};
