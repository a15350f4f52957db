/**
 * The « Qu'y a-t-il ici ? » report as plain data: the place a person picked, and per layer what lies
 * there (or why the layer could not be checked). Geometries are in the map's projection.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type Geometry from 'ol/geom/Geometry.js';
import type LineString from 'ol/geom/LineString.js';
import type MultiLineString from 'ol/geom/MultiLineString.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Polygon from 'ol/geom/Polygon.js';

/**
 * Where to look: an area (a commune, any polygon feature, a drawn polygon) whose intersecting features
 * count; a line, with the features within `distance` metres of it; or a point with a radius in metres.
 */
export type Place =
  | {
      readonly kind: 'area';
      readonly geometry: Polygon | MultiPolygon;
      readonly label: string;
      /** Set when the area is a commune picked by name or INSEE code (« Une commune »). */
      readonly commune?: { readonly name: string; readonly code: string };
      /** Set when the area is a feature picked from the map: the title of its layer (the label is its name). */
      readonly feature?: { readonly layer: string };
    }
  | { readonly kind: 'line'; readonly geometry: LineString | MultiLineString; readonly distance: number; readonly label: string }
  | { readonly kind: 'circle'; readonly center: Coordinate; readonly distance: number; readonly label: string };

/** A value of a feature as a person reads it in the report (and in the CSV). */
export interface KeyField {
  readonly label: string;
  readonly value: string;
}

/** One feature found at the place. */
export interface ReportItem {
  /** The value of the layer's id field (or the feature's id), when it has one. */
  readonly id?: string | number;
  /** What the line reads: the popup's title, else the first text field. */
  readonly label: string;
  readonly fields: readonly KeyField[];
  /** Geodesic distance in metres from the point or the line (0 when it touches it); none for areas. */
  readonly distance?: number;
  /** A point exactly on the area's boundary (« en limite »): listed, and said so. */
  readonly onBoundary?: boolean;
  readonly geometry?: Geometry;
}

/**
 * Why a layer could not be checked:
 * - image: a raster layer (XYZ, WMTS, PMTiles raster, vector tiles) has no features to ask;
 * - wms-area: a WMS layer without a WFS can only be asked about one point (GetFeatureInfo);
 * - not-queryable: the document says the layer is not to be asked;
 * - service: its service failed (the detail says how);
 * - not-loaded: its data could not be read (the layer is in error on the map).
 */
export type UncheckedReason = 'image' | 'wms-area' | 'not-queryable' | 'service' | 'not-loaded';

export interface LayerReport {
  readonly layerId: string;
  readonly title: string;
  /** True when the layer is switched off on the map (it is checked all the same). */
  readonly hidden: boolean;
  readonly items: readonly ReportItem[];
  /** Set when the layer could not be checked. */
  readonly unchecked?: { readonly reason: UncheckedReason; readonly detail?: string };
  /** True when a service sent fewer features than it holds: the count is a lower bound. */
  readonly capped?: boolean;
  /** How the layer was checked. */
  readonly method?: 'geometry' | 'wfs' | 'feature-info';
}

export interface Report {
  readonly place: Place;
  /** ISO date and time the report was made. */
  readonly made: string;
  readonly layers: readonly LayerReport[];
  /** The code of the projection the place's geometry is in (the map's view), to name it in degrees and Lambert-93. */
  readonly projection?: string;
  /** The map the report was made on: its title, and its address when it has one. */
  readonly map?: { readonly title: string; readonly address?: string };
  /** The language the report was made in ("fr", "en"): its texts and numbers are written in it. */
  readonly language?: string;
}
