/** A map's tree of layers: every layer kind, groups, and basemaps. */

import type { LocalizedText } from '../schema/common.js';
import type { LayerInfo } from '../schema/layer-common.js';
import type { VectorCommon } from '../schema/vector.js';
import type { CsvLayerDef } from './csv.js';
import type { FlatGeobufLayerDef } from './flatgeobuf.js';
import type { GeoJsonLayerDef } from './geojson.js';
import type { PmtilesLayerDef } from './pmtiles.js';
import type { PointsLayerDef } from './points.js';
import type { VectorTilesLayerDef } from './vectortiles.js';
import type { WfsLayerDef } from './wfs.js';
import type { WmsLayerDef } from './wms.js';
import type { WmtsLayerDef } from './wmts.js';
import type { XyzLayerDef } from './xyz.js';

/** The discriminated union of every layer kind the registry knows. */
export type LayerDef = GeoJsonLayerDef | XyzLayerDef | WmtsLayerDef | FlatGeobufLayerDef | CsvLayerDef | VectorTilesLayerDef | PmtilesLayerDef | WmsLayerDef | WfsLayerDef | PointsLayerDef;
export type LayerType = LayerDef['type'];
export type VectorLayerDef = Extract<LayerDef, VectorCommon>;

/** True for the kinds that draw features with a document style (their `style` is an object). */
export const isVectorLayer = (layer: LayerDef): layer is VectorLayerDef =>
  'style' in layer && typeof layer.style === 'object' && layer.style !== null;

export interface GroupDef {
  readonly type: 'group';
  readonly id: string;
  readonly title: LocalizedText;
  readonly expanded: boolean;
  readonly info?: LayerInfo;
  readonly layers: readonly LayerNode[];
}

export type LayerNode = GroupDef | LayerDef;

/** A basemap is a raster layer, or the empty one ("no basemap"). */
export type BasemapDef =
  | ((XyzLayerDef | WmtsLayerDef) & { readonly active?: boolean; readonly thumbnail?: string })
  | { readonly type: 'empty'; readonly id: string; readonly title: LocalizedText; readonly active?: boolean };