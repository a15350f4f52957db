import type { JsonSchema } from '../../context/schema/defs.js';

/** Schema part (left open: the assembled schema closes it) of the `points` kind: large point sets the build prepares. */
export const pointsLayerSchema: JsonSchema = {
  title: 'Large point set (prepared by the build)',
  description:
    'Many points (tens of thousands and more) from a GeoJSON file under maps/ ("file", lon/lat), which the build turns into a compact binary form ' +
    '(8 bytes a point) and a JSON of the attributes the map needs ("fields", "idField", the style\'s fields). Drawn straight onto a canvas with ' +
    'the style\'s circle markers (base symbol, categories, classes, scale rules and labels; the build refuses icon markers); ' +
    'a click identifies the nearest point, and deep links find a point by "idField". Web Mercator and other projected views ' +
    '(the points are reprojected when loaded). No clustering, heat map or table (they need feature objects: use "geojson").',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }, { $ref: '#/$defs/vectorCommon' }],
  properties: {
    type: { const: 'points' },
    confidential: { $ref: '#/$defs/confidential' },
    file: {
      type: 'string',
      pattern: '^(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\\.(geo)?json$',
      description: 'A path under maps/ to a GeoJSON file of points in lon/lat (no "..").',
    },
    source: { $ref: '#/$defs/packagedSource' },
    prepared: {
      type: 'object',
      description: 'Written by the build from "file": the compact points and their attributes (paths relative to the document).',
      required: ['points', 'attributes', 'count'],
      properties: {
        points: { $ref: '#/$defs/url', description: 'The compact binary of the points.' },
        attributes: { $ref: '#/$defs/url', description: 'The attributes of the points (JSON columns).' },
        count: { type: 'integer', minimum: 0, description: 'Number of points.' },
      },
      additionalProperties: false,
    },
  },
  oneOf: [{ required: ['file'] }, { required: ['source'] }, { required: ['prepared'] }],
};
