/**
 * What the report needs from the OpenLayers map (no report logic here): asking a layer for its
 * features in a box, the polygon feature under a click, the place drawn over the map, and drawing a
 * polygon or a line.
 */
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type { Coordinate } from 'ol/coordinate.js';
import type Geometry from 'ol/geom/Geometry.js';
import LineString from 'ol/geom/LineString.js';
import Polygon, { circular } from 'ol/geom/Polygon.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorLayer from 'ol/layer/Vector.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type { Pixel } from 'ol/pixel.js';
import type { Extent } from 'ol/extent.js';
import { fromLonLat, toLonLat, transform, type Projection } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { FlatStyleLike } from 'ol/style/flat.js';
import { LAYER_ID_KEY } from '../layers/keys.js';
import { FEATURES_IN_KEY } from '../layers/features-in.js';
import type { MapPointer } from '../map/pointer-owner.js';
import type { TypedPoints } from './place.js';
import type { CreatedLayer } from '../layers/types.js';
import type { ReportEnvironment } from './gather.js';
import type { Place } from './types.js';

const layerOf = (map: OlMap, layerId: string): BaseLayer | undefined => map.getAllLayers().find((l) => l.get(LAYER_ID_KEY) === layerId);

/** How long a layer may take to answer the report (a switched-off layer reads its data first). */
const ANSWER_TIMEOUT = 30_000;

/**
 * Asks a layer of the map which of its features lie in an extent: its created layer's featuresIn,
 * which the layer registry hangs on the OpenLayers layer. (Once the map adapter offers
 * `featuresIn(layerId, extent, signal)`, this becomes a call to it.)
 */
export function layerFeaturesIn(map: OlMap): ReportEnvironment['featuresIn'] {
  return (layerId, extent, signal) => {
    const ask = layerOf(map, layerId)?.get(FEATURES_IN_KEY) as CreatedLayer['featuresIn'];
    const timeout = AbortSignal.timeout(ANSWER_TIMEOUT);
    return ask?.(extent, signal ? AbortSignal.any([signal, timeout]) : timeout);
  };
}

/** The first area (polygon) feature under a pixel, with its layer's id. */
export function polygonAt(map: OlMap, pixel: Pixel): { layerId: string; feature: Feature } | undefined {
  let found: { layerId: string; feature: Feature } | undefined;
  map.forEachFeatureAtPixel(
    pixel,
    (feature, layer) => {
      const type = feature.getGeometry()?.getType();
      if ((type === 'Polygon' || type === 'MultiPolygon') && layer && feature instanceof Feature) {
        found = { layerId: layer.get(LAYER_ID_KEY) as string, feature };
        return true;
      }
      return undefined;
    },
    { hitTolerance: 2, layerFilter: (layer) => typeof layer.get(LAYER_ID_KEY) === 'string' },
  );
  return found;
}

/** The place's outline as a geometry to draw (a point's radius as a geodesic circle). */
export function placeGeometry(place: Place, projection: string): Geometry {
  if (place.kind !== 'circle') return place.geometry;
  const circle = circular(toLonLat(place.center as number[], projection), place.distance, 96);
  return circle.transform('EPSG:4326', projection);
}

const PLACE_STYLE: FlatStyleLike = {
  'stroke-color': '#6a1b9a',
  'stroke-width': 2.5,
  'stroke-line-dash': [8, 5],
  'fill-color': 'rgba(106, 27, 154, 0.08)',
  'circle-radius': 5,
  'circle-fill-color': '#6a1b9a',
};

/** The place drawn over the map (under the highlight halo). */
export function createPlaceOverlay(map: OlMap): { show(geometries: Geometry[]): void; dispose(): void } {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: PLACE_STYLE, zIndex: 9_999 });
  layer.setMap(map);
  return {
    show(geometries) {
      source.clear(true);
      source.addFeatures(geometries.map((g) => new Feature(g)));
    },
    dispose() {
      layer.setMap(null);
      layer.dispose();
    },
  };
}

/**
 * Lets the person draw a polygon or a line: each click adds a vertex, the pointer shows the next
 * edge, a double click (or `finish`) ends it; it owns the map's pointer meanwhile. Written on pointer
 * events rather than ol/interaction/Draw, whose pointer machinery would be split out of the first map's code. Resolves with the geometry
 * (ending needs 3 vertices for a polygon, 2 for a line), or undefined when cancelled (`cancel`, e.g.
 * on Escape, or another tool taking the pointer).
 */
export function drawShape(
  map: OlMap,
  mapPointer: MapPointer,
  type: 'Polygon' | 'LineString',
  onChange?: (vertices: number) => void,
): { done: Promise<Polygon | LineString | undefined>; finish(): void; undo(): void; cancel(): void } {
  const vertices: Coordinate[] = [];
  let hovered: Coordinate | undefined;
  const overlay = createPlaceOverlay(map);
  const minimum = type === 'Polygon' ? 3 : 2;
  const redraw = (): void => {
    const points = hovered ? [...vertices, hovered] : [...vertices];
    overlay.show(points.length >= 2 ? [type === 'Polygon' && points.length >= 3 ? shapeOf('area', points) : new LineString(points)] : []);
    onChange?.(vertices.length);
  };
  let settle: (g: Polygon | LineString | undefined) => void = () => undefined;
  const done = new Promise<Polygon | LineString | undefined>((resolve) => (settle = resolve));
  // The drawing owns the map's clicks: no record opens and no tool hears them meanwhile.
  const hold = mapPointer.take({
    name: 'report-draw',
    onClick: (at) => {
      vertices.push(at.coordinate);
      redraw();
    },
    onMove: (at) => {
      hovered = at.coordinate;
      if (vertices.length) redraw();
    },
    // No zoom: the double click ends the shape.
    onDoubleClick: () => {
      finish();
      return true;
    },
    onTakenAway: () => end(undefined),
  });
  let ended = false;
  const end = (geometry: Polygon | LineString | undefined): void => {
    if (ended) return;
    ended = true;
    hold.release();
    overlay.dispose();
    settle(geometry);
  };
  const finish = (): void => {
    // A double click's two clicks added the same point twice.
    const unique = vertices.filter((v, i) => i === 0 || v[0] !== vertices[i - 1]![0] || v[1] !== vertices[i - 1]![1]);
    if (unique.length >= minimum) end(shapeOf(type === 'Polygon' ? 'area' : 'line', unique));
  };
  return {
    done,
    finish,
    undo: () => {
      vertices.pop();
      redraw();
    },
    cancel: () => end(undefined),
  };
}

/** A polygon or line from points in the view's projection (a polygon is closed here). */
export function shapeOf(kind: 'area' | 'line', points: readonly Coordinate[]): Polygon | LineString {
  if (kind === 'line') return new LineString(points as Coordinate[]);
  const ring = [...points];
  const first = ring[0]!;
  const last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  return new Polygon([ring as Coordinate[]]);
}

/** The map's view now: its projection and resolution (map units per pixel). */
export function viewOf(map: OlMap): { projection: Projection; resolution: number } {
  const view = map.getView();
  return { projection: view.getProjection(), resolution: view.getResolution() ?? 1 };
}

/** The map's size in CSS pixels, once laid out. */
export const mapSizeOf = (map: OlMap): readonly [number, number] | undefined => map.getSize() as [number, number] | undefined;

/** The coordinate at the middle of the map's left `width` pixels (the part beside a panel). */
export function coordinateAtMiddle(map: OlMap, width: number): Coordinate | undefined {
  const size = map.getSize();
  if (!size) return undefined;
  return map.getCoordinateFromPixel([width / 2, size[1]! / 2]) ?? map.getView().getCenter();
}

/** A point of the view's projection in degrees [lon, lat]. */
export const lonLatOf = (coordinate: Coordinate, projection: string): [number, number] => toLonLat(coordinate, projection) as [number, number];

/** Typed points (degrees or Lambert-93, already registered) as a shape in the view's projection. */
export function typedShape(kind: 'area' | 'line', typed: TypedPoints, projection: string): Polygon | LineString {
  const points = typed.points.map((p) => (typed.crs === 'EPSG:4326' ? fromLonLat([...p], projection) : transform([...p], typed.crs, projection)));
  return shapeOf(kind, points);
}

/** The box a place covers, in the view's projection (a point's radius included). */
export const placeExtent = (place: Place, projection: string): Extent => placeGeometry(place, projection).getExtent();

/** The area feature whose record is open, when its layer's feature is loaded and is a polygon. */
export function areaFeature(found: Feature | undefined): { geometry: Polygon | MultiPolygon; properties: Record<string, unknown> } | undefined {
  const geometry = found?.getGeometry();
  const type = geometry?.getType();
  if (!found || (type !== 'Polygon' && type !== 'MultiPolygon')) return undefined;
  return { geometry: geometry as Polygon | MultiPolygon, properties: found.getProperties() };
}

/** The map's box on the screen (its viewport), once it has one. */
export function mapRectOf(map: OlMap): DOMRect | undefined {
  return map.getViewport()?.getBoundingClientRect();
}

/** The view's projection code. */
export const projectionOf = (map: OlMap): string => map.getView().getProjection().getCode();

/** The box a geometry covers, in the view's projection. */
export const extentOf = (geometry: Geometry): Extent => geometry.getExtent();
