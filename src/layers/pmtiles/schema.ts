import type { JsonSchema } from '../../context/schema/defs.js';

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
