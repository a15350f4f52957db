import type { JsonSchema } from '../../context/schema/defs.js';
import { pointDisplayProperties } from '../points/schema.js';

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
    refresh: {
      type: 'object',
      required: ['seconds'],
      description: 'Reads "url" again every "seconds" while the page is shown (a live copy of a remote dataset); the layer list says when it was last updated.',
      properties: { seconds: { type: 'integer', minimum: 30, maximum: 86400 } },
      additionalProperties: false,
    },
    ...pointDisplayProperties,
  },
  not: { required: ['clustering', 'heatmap'] },
};
