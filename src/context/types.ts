/**
 * The map context document (format v1) and the site configuration, as plain data.
 *
 * These types describe a document *after* validation: defaults from the JSON Schema are filled in,
 * so fields with a default are not optional here. No OpenLayers import may appear in this folder.
 *
 * Conventions (also stated in the JSON Schema descriptions):
 * - Layer order: the first layer of a list is drawn on top, as in the layer list.
 * - Scales are OGC scale denominators (1:25 000 → 25000) computed with 0.28 mm pixels; a layer or rule
 *   applies while minScale ≤ scale < maxScale.
 * - Coordinates of `view.center` and `view.extent` are in `view.crs` (default EPSG:4326, lon/lat).
 *
 * Each concern's types live beside its schema part (schema/ for shared pieces and the two documents,
 * layers/ for the layer kinds); this file gathers them for the rest of the app.
 */

export type { Access, AccessLevel, LocalizedText } from './schema/common.js';
export type {
  CommuneFields,
  CommuneFilesSetting,
  CommuneServiceSetting,
  CommuneSourceSetting,
  MapCommunes,
  PackagedCommunesSetting,
} from './schema/communes.js';
export type { FieldDef, FieldType } from './schema/fields.js';
export type { DownloadLink, LayerInfo } from './schema/layer-common.js';
export type { GeometryKind, LegendItem, LegendSettings } from './schema/legend.js';
export type { MapContext, MapSearchSettings, ViewSettings } from './schema/map-context.js';
export type { PopupField, PopupMode, PopupSettings } from './schema/popup.js';
export type { SearchSettings } from './schema/search.js';
export type { AllowedOrigin, OriginUse, SiteConfig } from './schema/site-config.js';
export type { AccessibilityStatement, Conformity, LegalSettings, StateService } from './schema/legal.js';
export type { ConfidentialRecords, PackagedSource } from './schema/sources.js';
export type {
  Category,
  CategoryValue,
  CircleMarker,
  FillStyle,
  IconMarker,
  LabelStyle,
  NumericClass,
  ScaleRule,
  StrokeStyle,
  StyleCore,
  Symbolizer,
  VectorStyle,
} from './schema/style.js';
export type { ColumnFilter, TableColumn, TableSettings } from './schema/table.js';
export type { VectorCommon } from './schema/vector.js';

export type { CsvLayerDef } from './layers/csv.js';
export type { FlatGeobufLayerDef } from './layers/flatgeobuf.js';
export type { GeoJsonLayerDef } from './layers/geojson.js';
export type { BasemapDef, GroupDef, LayerDef, LayerNode, LayerType, VectorLayerDef } from './layers/layer-def.js';
export { isVectorLayer } from './layers/layer-def.js';
export type { PmtilesLayerDef } from './layers/pmtiles.js';
export type { ClusterSettings, HeatmapSettings, PointDisplay } from './layers/point-display.js';
export type { PointsLayerDef, PreparedPoints } from './layers/points.js';
export type { RefreshSettings } from './layers/refresh.js';
export type { VectorTilesLayerDef } from './layers/vectortiles.js';
export type { WfsLayerDef } from './layers/wfs.js';
export type { WmsFilter, WmsInfoFormat, WmsLayerDef, WmsTime, WmsWfsLink } from './layers/wms.js';
export type { WmtsLayerDef } from './layers/wmts.js';
export type { XyzLayerDef } from './layers/xyz.js';

export type { Catalog, CatalogEntry } from './catalog.js';
