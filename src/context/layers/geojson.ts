import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';
import type { VectorCommon } from '../schema/vector.js';
import type { ConfidentialRecords, PackagedSource } from '../schema/sources.js';
import { pointDisplayProperties, type PointDisplay } from './point-display.js';
import { refreshProperty, type RefreshSettings } from './refresh.js';

export interface GeoJsonLayerDef extends LayerCommon, VectorCommon, PointDisplay {
  /** Reads `url` again on an interval (a live copy of a remote dataset). */
  readonly refresh?: RefreshSettings;
  readonly type: 'geojson';
  /** Records withheld from the public site (packaged `file`, `source` or inline `data` only). */
  readonly confidential?: ConfidentialRecords;
  /** Read at run time. */
  readonly url?: string;
  /** A file under maps/ that the build packages into the site. */
  readonly file?: string;
  /** Data published elsewhere that the build reads and packages (the written document has `url` instead). */
  readonly source?: PackagedSource;
  /** Inline GeoJSON. */
  readonly data?: unknown;
  /** CRS of the data when the file has no `crs` member (default EPSG:4326). */
  readonly projection?: string;
}

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
    refresh: refreshProperty,
    confidential: { $ref: '#/$defs/confidential' },
    ...pointDisplayProperties,
  },
  not: { required: ['clustering', 'heatmap'] },
  oneOf: [{ required: ['url'] }, { required: ['file'] }, { required: ['source'] }, { required: ['data'] }],
};
