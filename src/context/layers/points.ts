import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';
import type { VectorCommon } from '../schema/vector.js';
import type { ConfidentialRecords, PackagedSource } from '../schema/sources.js';

/** The files the build prepares for a `points` layer (paths relative to the document). */
export interface PreparedPoints {
  /** The compact binary of the points (layers/points/compact.ts): 8 bytes a point, Web Mercator, sorted by x. */
  readonly points: string;
  /** The attributes of the points, in the same order (JSON, columns by field name). */
  readonly attributes: string;
  /** Number of points. */
  readonly count: number;
}

/**
 * A large set of points drawn from a compact binary form that the build prepares from a GeoJSON
 * file under maps/ (`file`): no feature objects, one canvas per frame, circle markers from `style`
 * (base symbol, categories, classes, scale rules, labels), a grid index for clicks.
 */
export interface PointsLayerDef extends LayerCommon, VectorCommon {
  readonly type: 'points';
  /** Records withheld from the public site. */
  readonly confidential?: ConfidentialRecords;
  /** A GeoJSON file of points under maps/ (lon/lat): the build turns it into `prepared`. */
  readonly file?: string;
  /** Points published elsewhere (lon/lat GeoJSON) that the build reads and turns into `prepared`. */
  readonly source?: PackagedSource;
  /** Written by the build from `file`. */
  readonly prepared?: PreparedPoints;
}

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
