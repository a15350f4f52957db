import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';

/** A PMTiles archive read by HTTP range requests: raster tiles, or vector tiles drawn by a style document or a plain default. */
export interface PmtilesLayerDef extends LayerCommon {
  readonly type: 'pmtiles';
  readonly url: string;
  /** For vector archives: a Mapbox/MapLibre style document whose vector source is this archive. */
  readonly styleUrl?: string;
  readonly webfonts?: string;
}

/** Schema part of the PMTiles kind: one archive file read by HTTP range requests. */
export const pmtilesLayerSchema: JsonSchema = {
  title: 'PMTiles archive',
  description:
    'Raster or vector tiles from one PMTiles archive (v3) read by HTTP range requests (the server must accept them). Raster archives are drawn as they are; vector archives with "styleUrl" (a Mapbox/MapLibre style whose vector source is this archive) or a plain default style.',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }],
  required: ['url'],
  properties: {
    type: { const: 'pmtiles' },
    url: { $ref: '#/$defs/url', description: 'URL of the .pmtiles archive.' },
    styleUrl: { $ref: '#/$defs/url', description: 'For vector archives: a Mapbox/MapLibre style document (version 8) that draws them.' },
    webfonts: {
      type: 'string',
      minLength: 1,
      description: 'URL template of web-font CSS for the style\'s labels; default: none fetched.',
    },
  },
};
