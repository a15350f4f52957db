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
 */

import type { Problem } from './problems.js';

/** A text a person reads: one string for every language, or one string per language ({ fr, en }). */
export type LocalizedText = string | Readonly<Record<string, string>>;

export type AccessLevel = 'public' | 'restricted';

/** Who may open a map or a layer. Groups name the identity provider's groups (empty: any signed-in user). */
export interface Access {
  readonly level: AccessLevel;
  readonly groups: readonly string[];
}

export interface DownloadLink {
  readonly title: LocalizedText;
  readonly url: string;
  /** A short format name shown beside the link: "GeoJSON", "Shapefile", "ATOM"… */
  readonly format?: string;
}

/** What a person reads in a layer's "information" panel. */
export interface LayerInfo {
  readonly description?: LocalizedText;
  readonly source?: { readonly name: LocalizedText; readonly url?: string };
  /** Last update of the data, ISO 8601 date. */
  readonly updated?: string;
  /** The dataset's metadata record in the platform's catalogue. */
  readonly metadata?: string;
  readonly downloads: readonly DownloadLink[];
}

// ---------------------------------------------------------------- fields

export type FieldType =
  | 'text'
  | 'longtext'
  | 'number'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'url'
  | 'email'
  | 'phone'
  | 'image'
  | 'html';

/** One attribute of a vector layer, declared once and referred to by popups, tables, search and reports. */
export interface FieldDef {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly type: FieldType;
  readonly unit?: LocalizedText;
  /** Digits after the decimal point for numbers. */
  readonly decimals?: number;
}

// ---------------------------------------------------------------- styles

export interface FillStyle {
  readonly color: string;
}

export interface StrokeStyle {
  readonly color: string;
  readonly width: number;
  readonly dash?: readonly number[];
}

export interface CircleMarker {
  readonly shape: 'circle';
  readonly radius: number;
  readonly fill?: FillStyle;
  readonly stroke?: StrokeStyle;
}

export interface IconMarker {
  readonly shape: 'icon';
  readonly src: string;
  readonly scale: number;
  /** Where the icon is pinned, as fractions of its size: [0.5, 1] is bottom centre. */
  readonly anchor?: readonly [number, number];
}

/** How one feature is drawn: polygons use fill + stroke, lines stroke, points the marker. */
export interface Symbolizer {
  readonly fill?: FillStyle;
  readonly stroke?: StrokeStyle;
  readonly marker?: CircleMarker | IconMarker;
}

export interface LabelStyle {
  readonly field: string;
  readonly color: string;
  readonly haloColor: string;
  readonly size: number;
  readonly minScale?: number;
  readonly maxScale?: number;
}

export type CategoryValue = string | number | boolean;

export interface Category {
  readonly value: CategoryValue;
  readonly label?: LocalizedText;
  readonly symbol: Symbolizer;
}

export interface NumericClass {
  /** Inclusive lower bound (none: −∞). */
  readonly min?: number;
  /** Exclusive upper bound (none: +∞). */
  readonly max?: number;
  readonly label?: LocalizedText;
  readonly symbol: Symbolizer;
}

/** A style without scale rules: a base symbol, optionally varied by categories or classes, and a label. */
export interface StyleCore {
  /** The symbol of every feature, or of those that no category or class matches. */
  readonly symbol?: Symbolizer;
  /** Label of the legend entry for `symbol` (e.g. "Other"). */
  readonly symbolLabel?: LocalizedText;
  readonly categories?: { readonly field: string; readonly values: readonly Category[] };
  readonly classes?: { readonly field: string; readonly ranges: readonly NumericClass[] };
  readonly label?: LabelStyle;
}

/** A style that replaces the base style within a range of scales. */
export interface ScaleRule extends StyleCore {
  readonly minScale?: number;
  readonly maxScale?: number;
}

export interface VectorStyle extends StyleCore {
  /** Alternatives by scale; the first rule whose range holds the current scale wins over the base style. */
  readonly rules?: readonly ScaleRule[];
}

// ---------------------------------------------------------------- legends

export type GeometryKind = 'point' | 'line' | 'polygon';

export interface LegendItem {
  readonly label: LocalizedText;
  readonly symbol: Symbolizer;
  readonly geometry?: GeometryKind;
}

/** A layer's legend: computed from its style unless items or an image are given. */
export interface LegendSettings {
  readonly hidden: boolean;
  readonly items?: readonly LegendItem[];
  readonly image?: string;
}

// ---------------------------------------------------------------- layers

interface LayerCommon {
  readonly id: string;
  readonly title: LocalizedText;
  readonly visible: boolean;
  readonly opacity: number;
  readonly minScale?: number;
  readonly maxScale?: number;
  readonly attributions: readonly LocalizedText[];
  readonly info?: LayerInfo;
  readonly legend: LegendSettings;
  /** Missing: the map's access applies. */
  readonly access?: Access;
}

// ---------------------------------------------------------------- tables

/** How a column filters: by a list of its values (categories) or by a min/max range (numbers, dates). */
export type ColumnFilter = 'values' | 'range';

export interface TableColumn {
  readonly field: string;
  readonly label?: LocalizedText;
  readonly filter?: ColumnFilter;
}

export interface TableSettings {
  /** The columns, in order (a field name, or a field with a label and a filter). */
  readonly columns: ReadonlyArray<string | TableColumn>;
  readonly sort?: { readonly field: string; readonly direction: 'asc' | 'desc' };
  /** The map opens with this table shown. */
  readonly open: boolean;
}

// ---------------------------------------------------------------- popups

/** A field of a record: its name, or its name with a label for this place. */
export type PopupField = string | { readonly field: string; readonly label?: LocalizedText };

/**
 * How a feature's record reads. Texts are logic-less templates: {{field}}, and {{#field}}…{{/field}}
 * (shown only when the field has a value) or {{^field}}…{{/field}} (only when it has none).
 */
export interface PopupSettings {
  /** False: the layer is not identified by clicks. */
  readonly enabled?: boolean;
  readonly title?: LocalizedText;
  readonly subtitle?: LocalizedText;
  /** The fields to show, in order (without sections). */
  readonly fields?: readonly PopupField[];
  /** Groups of fields under a heading; a section with no value is left out. */
  readonly sections?: ReadonlyArray<{ readonly title?: LocalizedText; readonly text?: LocalizedText; readonly fields?: readonly PopupField[] }>;
  /** "More" links; the URL is a template whose values are URL-encoded. */
  readonly links?: ReadonlyArray<{ readonly label: LocalizedText; readonly url: string }>;
}

/** How a layer's features are found by the map's search box. */
export interface SearchSettings {
  /** The fields whose text is searched. */
  readonly fields: readonly string[];
  /** What a result reads: a template; default the first searched field. */
  readonly label?: LocalizedText;
  /** A search index prepared beforehand (the build writes it for packaged files). */
  readonly index?: string;
}

/** Settings shared by every vector layer kind. Popups, tables and search refer to `fields` by name. */
export interface VectorCommon {
  /** The attribute that identifies a feature for good (deep links, table ↔ map, search results). */
  readonly idField?: string;
  readonly fields: readonly FieldDef[];
  readonly geometry?: GeometryKind;
  readonly style: VectorStyle;
  readonly popup?: PopupSettings;
  /** A short label shown when the pointer rests on a feature (a template). */
  readonly tooltip?: LocalizedText;
  /** Makes the features findable in the search box. */
  readonly search?: SearchSettings;
  /** Lists every feature of the layer in a table that drives the map. */
  readonly table?: TableSettings;
}

/**
 * Records that only signed-in users may see: those whose `field` holds one of `values`. The build
 * leaves them out of the public site's data and indexes and keeps them in the restricted output.
 */
export interface ConfidentialRecords {
  readonly field: string;
  readonly values: ReadonlyArray<string | number | boolean>;
}

/**
 * Data published elsewhere that the build reads and packages like a `file` (plugin/sources.ts): the
 * site never reads `url`. The site configuration's `sources` (or CARTABLE_SOURCES) may give a local copy.
 */
export interface PackagedSource {
  readonly url: string;
  /** Its key in the site configuration's `sources` and in CARTABLE_SOURCES (else `url` is). */
  readonly name?: string;
}

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

export interface XyzLayerDef extends LayerCommon {
  readonly type: 'xyz';
  /** Template with {z}, {x}, {y} (and {a-c} style alternatives). */
  readonly url: string;
  readonly maxZoom: number;
  readonly tileSize: number;
}

export interface WmtsLayerDef extends LayerCommon {
  readonly type: 'wmts';
  readonly url: string;
  readonly layer: string;
  readonly matrixSet: string;
  readonly format: string;
  readonly style: string;
  /** Grid of the matrix set; default: the Web-Mercator "PM" grid. */
  readonly projection: string;
  readonly maxZoom: number;
  readonly resolutions?: readonly number[];
  readonly origin?: readonly [number, number];
  readonly matrixIds?: readonly string[];
  /**
   * The service's GetCapabilities URL: when given, the matrix set (any CRS, e.g. Lambert-93), the
   * format and the style are read from it (matched on `matrixSet`, else `projection`); the settings
   * above are the fallback when it cannot be read.
   */
  readonly capabilities?: string;
}

/** Point clusters: nearby points drawn as one disc with their count; a click on a cluster zooms into it. */
export interface ClusterSettings {
  /** Pixels within which points are merged. */
  readonly distance: number;
  /** Pixels kept between clusters (0: none). */
  readonly minDistance: number;
}

/** A heat map of the points (WebGL). */
export interface HeatmapSettings {
  /** Radius of a point's blur, in pixels. */
  readonly radius: number;
  readonly blur: number;
  /** A numeric field (0–1) that weights each point; every point weighs 1 when missing. */
  readonly weight?: string;
}

/** A layer read again from its URL every `seconds` (at least 30) while the page is shown. */
export interface RefreshSettings {
  readonly seconds: number;
}

/** How a point layer may be drawn instead of one marker per point: clusters or a heat map (not both). */
export interface PointDisplay {
  readonly clustering?: ClusterSettings;
  readonly heatmap?: HeatmapSettings;
}

/**
 * FlatGeobuf from a URL. "extent": only the features in view are read, through HTTP range requests
 * and the file's spatial index (a file without index is read whole); "whole": the file is read at once.
 */
export interface FlatGeobufLayerDef extends LayerCommon, VectorCommon, PointDisplay {
  readonly type: 'flatgeobuf';
  readonly url: string;
  readonly loading: 'extent' | 'whole';
  /** CRS of the data when the file names none (default EPSG:4326). */
  readonly projection?: string;
}

/** Points from a CSV file (UTF-8) with two coordinate columns, parsed off the main thread. */
export interface CsvLayerDef extends LayerCommon, VectorCommon, PointDisplay {
  /** Reads `url` again on an interval (a live copy of a remote dataset). */
  readonly refresh?: RefreshSettings;
  readonly type: 'csv';
  readonly url: string;
  /** Column of the first coordinate: longitude or x (easting). */
  readonly xField: string;
  /** Column of the second coordinate: latitude or y (northing). */
  readonly yField: string;
  /** CRS of the coordinates (default EPSG:4326: lon/lat). */
  readonly projection: string;
  /** Field separator; "auto" guesses from the header line among , ; tab and |. */
  readonly delimiter: 'auto' | ',' | ';' | '\t' | '|';
  /** Decimal separator of the coordinates. */
  readonly decimal: '.' | ',';
}

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

/** A PMTiles archive read by HTTP range requests: raster tiles, or vector tiles drawn by a style document or a plain default. */
export interface PmtilesLayerDef extends LayerCommon {
  readonly type: 'pmtiles';
  readonly url: string;
  /** For vector archives: a Mapbox/MapLibre style document whose vector source is this archive. */
  readonly styleUrl?: string;
  readonly webfonts?: string;
}

/** GetFeatureInfo answer format: a short name or a MIME type. */
export type WmsInfoFormat = 'json' | 'gml' | 'html' | 'text' | (string & {});

/**
 * Map images from an OGC Web Map Service (GetMap 1.3.0 or 1.1.1), as tiles or one image per view.
 * Its legend is the service's GetLegendGraphic image unless `legend` gives items or an image.
 */
export interface WmsLayerDef extends LayerCommon {
  readonly type: 'wms';
  /** The service endpoint (it may hold fixed parameters, e.g. "…/mapserv?map=nature.map"). */
  readonly url: string;
  /** WMS layer names (LAYERS), separated by commas. */
  readonly layers: string;
  /** Styles (STYLES), one per layer, separated by commas; "" for the defaults. */
  readonly styles: string;
  /** Image format (FORMAT), e.g. "image/png". */
  readonly format: string;
  /** Transparent background (TRANSPARENT). */
  readonly transparent: boolean;
  readonly version: '1.3.0' | '1.1.1';
  /** True: requested as tiles (cacheable); false: one image per view (labels are not cut). */
  readonly tiled: boolean;
  /** Tile size in pixels, when tiled. */
  readonly tileSize: number;
  /** Further parameters sent as they are: vendor filters and dimensions (CQL_FILTER, TIME…). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** CRS the map is requested in (CRS/SRS); default the map's projection (another is reprojected). */
  readonly projection?: string;
  /** What GetFeatureInfo asks for (default "json"). */
  readonly infoFormat?: WmsInfoFormat;
  /** False: clicks do not ask this layer (GetFeatureInfo). */
  readonly queryable: boolean;
  /** The same data from a WFS: the « what is here? » report asks it about whole areas. */
  readonly wfs?: WmsWfsLink;
}

/** A WMS layer's data as vector features (WFS GetFeature), for questions about an area. */
export interface WmsWfsLink {
  readonly url: string;
  readonly typeName: string;
  readonly version: '2.0.0' | '1.1.0';
  /** Default "application/json". */
  readonly outputFormat?: string;
}

/**
 * Vector features from an OGC Web Feature Service (GetFeature 2.0.0 or 1.1.0), read for the area in
 * view (bbox strategy), at most `maxFeatures` per request, drawn with the layer's style.
 */
export interface WfsLayerDef extends LayerCommon, VectorCommon {
  readonly type: 'wfs';
  /** The service endpoint. */
  readonly url: string;
  /** The feature type (TYPENAMES in 2.0.0, TYPENAME in 1.1.0), e.g. "PROTECTEDAREAS.RNN:rnn". */
  readonly typeName: string;
  readonly version: '2.0.0' | '1.1.0';
  /**
   * Answer format (OUTPUTFORMAT): GeoJSON ("application/json"…) or GML (read as GML 3.2 for 2.0.0,
   * GML 3.1 for 1.1.0). Missing: chosen from the capabilities, GeoJSON when offered, else GML.
   */
  readonly outputFormat?: string;
  /** CRS the features are requested in (SRSNAME); default the map's projection. */
  readonly srsName?: string;
  /** Most features per request (COUNT in 2.0.0, MAXFEATURES in 1.1.0). */
  readonly maxFeatures: number;
  /** An ECQL filter (CQL_FILTER, GeoServer). */
  readonly cqlFilter?: string;
  /** The geometry attribute, to add the view's box to `cqlFilter`; without it a filtered layer is read whole. */
  readonly geometryName?: string;
  /** Further parameters sent as they are. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

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

// ---------------------------------------------------------------- the map

export interface ViewSettings {
  readonly projection: string;
  /** CRS of `center` and `extent`. */
  readonly crs: string;
  readonly center?: readonly [number, number];
  /** For Web-Mercator maps. */
  readonly zoom?: number;
  /** Map units per pixel, for other projections. */
  readonly resolution?: number;
  /** OGC scale denominator, for other projections. */
  readonly scale?: number;
  /** Fit this extent [minx, miny, maxx, maxy] when no centre is given. */
  readonly extent?: readonly [number, number, number, number];
  readonly minZoom?: number;
  readonly maxZoom?: number;
}

/** Where a feature's record opens on a wide screen (phones always use a bottom sheet). */
export type PopupMode = 'popup' | 'panel';

/** The map's search box: besides searchable layers, places from the IGN Géoplateforme geocoder. */
export interface MapSearchSettings {
  /** Addresses and places from the IGN Géoplateforme completion service (needs the network). */
  readonly geocoder: boolean;
  /** Results shown per group. */
  readonly maxResults: number;
}

export interface MapContext {
  readonly $schema?: string;
  readonly version: 1;
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly tags: readonly LocalizedText[];
  /** Image shown in the catalog, relative to maps/ or absolute. */
  readonly thumbnail?: string;
  readonly access: Access;
  readonly attributions: readonly LocalizedText[];
  readonly view: ViewSettings;
  readonly basemaps: readonly BasemapDef[];
  readonly layers: readonly LayerNode[];
  readonly popup: { readonly mode: PopupMode };
  /** The search box (shown when a layer is searchable or the geocoder is on). */
  readonly search: MapSearchSettings;
  /** Embedding: the origins that may drive the map through the embed API and hear its events. */
  readonly embed?: { readonly allowedOrigins: readonly string[] };
}

// ---------------------------------------------------------------- the site

/** What an allowed origin may be used for. */
export type OriginUse = 'documents' | 'data' | 'credentials' | 'embed';

export interface AllowedOrigin {
  /** Scheme + host (+ port), e.g. "https://data.geopf.fr". */
  readonly origin: string;
  readonly use: readonly OriginUse[];
}

export interface SiteConfig {
  readonly $schema?: string;
  readonly version: 1;
  readonly name: LocalizedText;
  readonly logo?: string;
  readonly contact?: string;
  /** Canonical public URL of the deployed site, for link previews (og:url) and oEmbed. */
  readonly baseUrl?: string;
  readonly defaultLanguage: 'fr' | 'en';
  /** CSS custom properties (--cartable-*) that re-theme the viewer. */
  readonly theme: Readonly<Record<string, string>>;
  readonly allowedOrigins: readonly AllowedOrigin[];
  readonly signIn?: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scopes: readonly string[];
  };
  /**
   * Where the build's restricted output is served behind authentication (absolute, ending with "/");
   * its origin is listed in allowedOrigins with the use "credentials".
   */
  readonly restricted?: { readonly url: string };
  /** A CORS proxy for services that lack CORS: "{url}" is replaced by the encoded target URL. */
  readonly proxy?: { readonly url: string; readonly origins: readonly string[] };
  readonly defaultBasemap?: BasemapDef;
  readonly analytics?:
    | { readonly type: 'matomo'; readonly url: string; readonly siteId: string; readonly restrictedMaps: boolean }
    | { readonly type: 'endpoint'; readonly url: string; readonly restrictedMaps: boolean };
  readonly legal: { readonly notice?: string; readonly accessibility?: string };
  /** What the service worker keeps for use without network. */
  readonly offline: { readonly tiles: { readonly maxEntries: number; readonly maxAgeDays: number } };
  /** The « Ajouter une couche » dialog: shown unless disabled; `anyHttpsService` lets it read any https service (the CSP then allows https:). */
  readonly addLayers?: { readonly enabled: boolean; readonly anyHttpsService: boolean };
  /**
   * Build only (never sent to the browser): local copies of layers' `source` data, by the source's
   * `name` (or URL), paths relative to the project; used when the file exists, else the build fetches the URL.
   */
  readonly sources?: Readonly<Record<string, string>>;
}

/** One map of the catalog, as the build writes it to catalog.json. */
export interface CatalogEntry {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly tags: readonly LocalizedText[];
  readonly thumbnail?: string;
  /** Titles of the map's layers, so the catalog can be searched by layer. */
  readonly layers: readonly LocalizedText[];
  /** Path of the document, relative to the site root. */
  readonly document: string;
  /** Path of the map's static page, relative to the site root. */
  readonly page: string;
  /** True when the map needs the network (remote services or data). */
  readonly online: boolean;
  /**
   * True when the build validated the document and wrote it with its defaults: the viewer then uses
   * it as it is, without loading the validator (≈ 27 KB gzip). Documents from anywhere else are
   * validated in the browser.
   */
  readonly validated: boolean;
  /** Restricted maps only (in the restricted output's catalog): who may open the map. */
  readonly access?: Access;
  /** Development server only: why the build could not build this document (the viewer shows them). */
  readonly problems?: readonly Problem[];
}

export interface Catalog {
  readonly version: 1;
  readonly maps: readonly CatalogEntry[];
}
