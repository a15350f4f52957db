import type { JsonSchema } from '../context/schema/defs.js';
import { geojsonLayerSchema } from './geojson/schema.js';
import { csvLayerSchema } from './csv/schema.js';
import { flatgeobufLayerSchema } from './flatgeobuf/schema.js';
import { pmtilesLayerSchema } from './pmtiles/schema.js';
import { pointsLayerSchema } from './points/layer-schema.js';
import { vectortilesLayerSchema } from './vectortiles/schema.js';
import { wfsLayerSchema } from './wfs/schema.js';
import { wmsLayerSchema } from './wms/schema.js';
import { wmtsLayerSchema } from './wmts/schema.js';
import { xyzLayerSchema } from './xyz/schema.js';

/**
 * The schema part of every layer kind, keyed by its `type`. Adding a kind: one folder under layers/
 * with its schema and factory, and one line here and in registry.ts.
 */
export const layerSchemas: Record<string, JsonSchema> = {
  geojson: geojsonLayerSchema,
  xyz: xyzLayerSchema,
  wmts: wmtsLayerSchema,
  flatgeobuf: flatgeobufLayerSchema,
  csv: csvLayerSchema,
  vectortiles: vectortilesLayerSchema,
  pmtiles: pmtilesLayerSchema,
  wms: wmsLayerSchema,
  wfs: wfsLayerSchema,
  points: pointsLayerSchema,
};

/** Kinds that may serve as a basemap. */
export const basemapKinds = ['xyz', 'wmts'] as const;
