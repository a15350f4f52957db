import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';
import type { VectorCommon } from '../schema/vector.js';
import { pointDisplayProperties, type PointDisplay } from './point-display.js';
import { refreshProperty, type RefreshSettings } from './refresh.js';

/** Points from a CSV file (UTF-8) with two coordinate columns, parsed off the main thread. */
export interface CsvLayerDef extends LayerCommon, VectorCommon, PointDisplay {
  /** Reads `url` again on an interval (a live copy of a remote dataset). */
  readonly refresh?: RefreshSettings;
  readonly type: 'csv';
  readonly url: string;
  /** Column of the first coordinate: longitude or x (easting). */
  readonly xField: string;
  /** Column of the second coordinate: latitude or y (northing). */
  readonly yField: string;
  /** CRS of the coordinates (default EPSG:4326: lon/lat). */
  readonly projection: string;
  /** Field separator; "auto" guesses from the header line among , ; tab and |. */
  readonly delimiter: 'auto' | ',' | ';' | '\t' | '|';
  /** Decimal separator of the coordinates. */
  readonly decimal: '.' | ',';
}

/** Schema part (left open: the assembled schema closes it) of the CSV points kind. */
export const csvLayerSchema: JsonSchema = {
  title: 'CSV points',
  description:
    'Points from a CSV file (UTF-8, first line: column names) read at run time, with two coordinate columns in "projection". Lines whose coordinates cannot be read are left out and counted.',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }, { $ref: '#/$defs/vectorCommon' }],
  required: ['url', 'xField', 'yField'],
  properties: {
    type: { const: 'csv' },
    url: { $ref: '#/$defs/url' },
    xField: { type: 'string', minLength: 1, description: 'Column of the longitude (or x, easting).' },
    yField: { type: 'string', minLength: 1, description: 'Column of the latitude (or y, northing).' },
    projection: { $ref: '#/$defs/crs', default: 'EPSG:4326', description: 'CRS of the coordinates (default EPSG:4326, lon/lat).' },
    delimiter: { enum: ['auto', ',', ';', '\t', '|'], default: 'auto', description: 'Field separator; "auto" guesses it from the first line.' },
    decimal: { enum: ['.', ','], default: '.', description: 'Decimal separator of the numbers ("," for "45,19").' },
    refresh: refreshProperty,
    ...pointDisplayProperties,
  },
  not: { required: ['clustering', 'heatmap'] },
};
