import { ref, type JsonSchema } from '../schema/json-schema.js';
import { popupModeSchema } from '../schema/popup.js';
import { csvLayerSchema } from './csv.js';
import { flatgeobufLayerSchema } from './flatgeobuf.js';
import { geojsonLayerSchema } from './geojson.js';
import type { LayerType } from './layer-def.js';
import { pmtilesLayerSchema } from './pmtiles.js';
import { pointsLayerSchema } from './points.js';
import { vectortilesLayerSchema } from './vectortiles.js';
import { wfsLayerSchema } from './wfs.js';
import { wmsLayerSchema } from './wms.js';
import { wmtsLayerSchema } from './wmts.js';
import { xyzLayerSchema } from './xyz.js';

/**
 * The schema part of every layer kind, keyed by its `type` (a kind missing here is a compile error).
 * Adding a kind: its type and schema part in one file here, its factory in one folder under
 * src/layers/, and one line here, in layer-def.ts and in src/layers/registry.ts.
 */
export const layerSchemas: Record<LayerType, JsonSchema> = {
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
export const basemapKinds = ['xyz', 'wmts'] as const satisfies readonly LayerType[];

const kindDefs = Object.fromEntries(Object.entries(layerSchemas).map(([type, schema]) => [`layer_${type}`, schema]));

/** A branch of a `type`-discriminated union: the kind's part, closed to unknown properties. */
const closedBranch = (type: string, extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  $ref: `#/$defs/layer_${type}`,
  properties: { type: { const: type }, ...extra },
  unevaluatedProperties: false,
});

const group: JsonSchema = {
  type: 'object',
  description: 'A group of layers that folds in the layer list.',
  required: ['type', 'id', 'title', 'layers'],
  properties: {
    type: { const: 'group' },
    id: ref('id'),
    title: ref('localizedText'),
    expanded: { type: 'boolean', default: true },
    info: ref('info'),
    layers: { type: 'array', items: ref('layerNode') },
    popup: popupModeSchema,
  },
  additionalProperties: false,
};

/** The `$defs` of the layer tree: each kind's part, a node of the tree, a basemap. */
export const layerTreeDefs: Record<string, JsonSchema> = {
  ...kindDefs,
  layerNode: {
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [group, ...Object.keys(layerSchemas).map((type) => closedBranch(type))],
  },
  basemap: {
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [
      ...basemapKinds.map((type) =>
        closedBranch(type, { active: { type: 'boolean' }, thumbnail: ref('url') }),
      ),
      {
        required: ['id', 'title'],
        properties: {
          type: { const: 'empty' },
          id: ref('id'),
          title: ref('localizedText'),
          active: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    ],
  },
};
