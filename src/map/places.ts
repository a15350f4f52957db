/**
 * What the interface asks the map about features and places, answered in plain values: a feature's
 * record, the records of a layer's loaded features, the point of a geometry, framing a place with a
 * padding, and the search's moves. The interface holds the answers, never OpenLayers' functions
 * (only the session and the map adapter import ol/).
 */
import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import { getCenter } from 'ol/extent.js';
import type Geometry from 'ol/geom/Geometry.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { getUid } from 'ol/util.js';

/** A position [x, y] in the view's projection (OpenLayers' shape, so it passes to the map as is). */
export type Coordinate = number[];
/** A box [minX, minY, maxX, maxY] in the view's projection (OpenLayers' shape). */
export type Extent = number[];
/** Pixels kept free around a framed place, in `view.fit`'s order: top, right, bottom, left. */
export type Padding = readonly [top: number, right: number, bottom: number, left: number];

/** A loaded feature as the interface reads it. */
export interface FeatureRecord {
  /** The value of its layer's id field (none when it has no usable one). */
  readonly featureId?: string | number;
  /** Its id, else a key of its own for this page (`#` and a number): tables tell rows apart by it. */
  readonly id: string | number;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Its geometry, to highlight or export through the adapter. */
  readonly geometry?: Geometry;
  /** Where its record points: a point's position, else the centre of its box. */
  readonly anchor?: Coordinate;
  /** Its box (a point's is a box of size 0). */
  readonly extent?: Extent;
}

export interface MapPlaces {
  /** A loaded feature's record by the value of its id field (a link's "12" finds the number 12 too). */
  recordOf(layerId: string, featureId: string | number): FeatureRecord | undefined;
  /** The records of the features a vector layer has loaded so far. */
  recordsOf(layerId: string): FeatureRecord[];
  /** A point geometry's position (none for lines and areas). */
  pointOf(geometry: Geometry | undefined): Coordinate | undefined;
  /**
   * Frames a place (an extent, or a point's extent of size 0) inside the map less `padding` pixels on
   * each side, no closer than street level. Resolves once the view has moved. The record and the
   * report give the padding that keeps the place clear of open panels (src/ui/layout/free-area.ts).
   */
  fitPlace(extent: readonly number[], padding: Padding, options?: { duration?: number }): Promise<void>;
  /** Pans so that a coordinate lies inside a box of the map, [left, top, right, bottom] in pixels; resolves once the view has moved. */
  panIntoView(coordinate: Coordinate, box: readonly [number, number, number, number]): Promise<void>;
  /** A coordinate of the view as [lon, lat]. */
  toLonLat(coordinate: Coordinate): [number, number];
  /** Centres the map on a lon/lat point at a zoom (animated unless the person prefers less motion). */
  centreOn(point: readonly [number, number], zoom: number): void;
  /** Goes close to a lon/lat point at once; resolves when the map has drawn (and read) what is there. */
  goNear(point: readonly [number, number]): Promise<void>;
}

/** The adapter's own lookups the places are read from. */
export interface FeatureLookup {
  findFeature(layerId: string, id: string | number): Feature | undefined;
  featuresOf(layerId: string): Feature[];
}

type Frame = (extent: readonly number[], options?: { padding?: number[]; duration?: number }) => Promise<void>;

const lessMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

function recordFrom(feature: Feature): FeatureRecord {
  const { geometry: _geometry, ...properties } = feature.getProperties();
  const geometry = feature.getGeometry();
  const extent = geometry?.getExtent();
  const featureId = feature.getId();
  return {
    featureId,
    id: featureId ?? `#${getUid(feature)}`,
    properties,
    geometry,
    anchor: geometry instanceof Point ? geometry.getCoordinates() : extent ? getCenter(extent) : undefined,
    extent,
  };
}

/** The place methods of a map's adapter; `lookup` gives the adapter once built (its features). */
export function mapPlaces(map: OlMap, frame: Frame, lookup: () => FeatureLookup): MapPlaces {
  const view = map.getView();
  return {
    recordOf(layerId, featureId) {
      const { findFeature } = lookup();
      const numeric = Number(featureId);
      const feature =
        findFeature(layerId, featureId) ??
        (featureId !== '' && Number.isFinite(numeric) ? findFeature(layerId, numeric) : undefined) ??
        findFeature(layerId, String(featureId));
      return feature ? recordFrom(feature) : undefined;
    },
    recordsOf: (layerId) => lookup().featuresOf(layerId).map(recordFrom),
    pointOf: (geometry) => (geometry instanceof Point ? geometry.getCoordinates() : undefined),
    fitPlace: (extent, padding, { duration = 350 } = {}) => frame(extent, { padding: [...padding], duration }),
    panIntoView(coordinate, [left, top, right, bottom]) {
      // The pixel of the view as it is now, not of the last frame drawn (a fit that just ended may not be drawn yet).
      map.renderSync();
      const pixel = map.getPixelFromCoordinate(coordinate);
      const center = view.getCenter();
      const resolution = view.getResolution();
      if (!pixel || !center || resolution === undefined) return Promise.resolve();
      const dx = pixel[0]! < left ? pixel[0]! - left : pixel[0]! > right ? pixel[0]! - right : 0;
      const dy = pixel[1]! < top ? pixel[1]! - top : pixel[1]! > bottom ? pixel[1]! - bottom : 0;
      if (!dx && !dy) return Promise.resolve();
      // Resolves when the animation ends or another move cancels it.
      return new Promise((resolve) =>
        view.animate({ center: [center[0]! + dx * resolution, center[1]! - dy * resolution], duration: lessMotion() ? 0 : 250 }, () => resolve()),
      );
    },
    toLonLat: (coordinate) => toLonLat(coordinate, view.getProjection()) as [number, number],
    centreOn(point, zoom) {
      view.animate({ center: fromLonLat([...point], view.getProjection()), zoom, duration: lessMotion() ? 0 : 350 });
    },
    goNear(point) {
      view.setCenter(fromLonLat([...point], view.getProjection()));
      view.setZoom(Math.max(view.getZoom() ?? 0, 14));
      return new Promise((resolve) => {
        map.once('rendercomplete', () => resolve());
        map.render();
      });
    },
  };
}
