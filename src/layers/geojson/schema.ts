import type { JsonSchema } from '../../context/schema/defs.js';
import { pointDisplayProperties } from '../points/schema.js';

/** Schema part (left open: the assembled schema closes it) of the GeoJSON layer kind: data from a URL, a packaged file or inline. */
export const geojsonLayerSchema: JsonSchema = {
  title: 'GeoJSON layer',
  description:
    'Vector features from a GeoJSON document: "url" (read at run time), "file" (a file under maps/ that the build packages), ' +
    '"source" (data published elsewhere that the build reads and packages) or "data" (inline).',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }, { $ref: '#/$defs/vectorCommon' }],
  properties: {
    type: { const: 'geojson' },
    url: { $ref: '#/$defs/url' },
    file: {
      type: 'string',
      pattern: '^(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\\.(geo)?json$',
      description: 'A path under maps/ to a .geojson or .json file (no "..").',
    },
    source: { $ref: '#/$defs/packagedSource' },
    data: { type: 'object', required: ['type'] },
    projection: { $ref: '#/$defs/crs' },
    refresh: {
      type: 'object',
      required: ['seconds'],
      description: 'Reads "url" again every "seconds" while the page is shown (a live copy of a remote dataset); the layer list says when it was last updated.',
      properties: { seconds: { type: 'integer', minimum: 30, maximum: 86400 } },
      additionalProperties: false,
    },
    confidential: { $ref: '#/$defs/confidential' },
    ...pointDisplayProperties,
  },
  not: { required: ['clustering', 'heatmap'] },
  oneOf: [{ required: ['url'] }, { required: ['file'] }, { required: ['source'] }, { required: ['data'] }],
};
