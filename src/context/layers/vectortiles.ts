import type { JsonSchema } from '../schema/json-schema.js';
import type { LayerCommon } from '../schema/layer-common.js';

/** Vector tiles drawn by a Mapbox/MapLibre style document (ol-mapbox-style, loaded only when used). */
export interface VectorTilesLayerDef extends LayerCommon {
  readonly type: 'vectortiles';
  /** URL of the style document (version 8). */
  readonly styleUrl: string;
  /** The style's vector source to draw (default: the first). */
  readonly source?: string;
  /** URL template of web-font CSS for the style's fonts ({font-family}, {fontweight}, {-fontstyle}); default: none fetched, the device's fonts. */
  readonly webfonts?: string;
}

/** Schema part of the vector tile kind, drawn by a Mapbox/MapLibre style document. */
export const vectortilesLayerSchema: JsonSchema = {
  title: 'Vector tiles with a Mapbox/MapLibre style',
  description:
    'Vector tiles (MVT) drawn by a Mapbox/MapLibre style document (version 8): its vector source gives the tiles, its layers the drawing. Sprites, TileJSON and tiles are read through the site\'s request rules.',
  type: 'object',
  allOf: [{ $ref: '#/$defs/layerCommon' }],
  required: ['styleUrl'],
  properties: {
    type: { const: 'vectortiles' },
    styleUrl: { $ref: '#/$defs/url', description: 'URL of the style document (JSON, version 8).' },
    source: { type: 'string', minLength: 1, description: "The style's vector source to draw (default: the first one its layers use)." },
    webfonts: {
      type: 'string',
      minLength: 1,
      description: 'URL template of the CSS of web fonts ({font-family}, {fontweight}, {-fontstyle}); default: no font is fetched, labels use the device\'s fonts.',
    },
  },
};
