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
import type { Pixel } from 'ol/pixel.js';
import type { Extent } from 'ol/extent.js';
import { toLonLat, type Projection } from 'ol/proj.js';
import { unByKey } from 'ol/Observable.js';
import VectorSource from 'ol/source/Vector.js';
import type { FlatStyleLike } from 'ol/style/flat.js';
import { LAYER_ID_KEY } from '../layers/keys.js';
import { FEATURES_IN_KEY } from '../layers/features-in.js';
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
 * edge, a double click (or `finish`) ends it. Written on map events rather than ol/interaction/Draw,
 * whose pointer machinery would be split out of the first map's code. Resolves with the geometry
 * (ending needs 3 vertices for a polygon, 2 for a line), or undefined when cancelled (`cancel`, e.g.
 * on Escape).
 */
export function drawShape(
  map: OlMap,
  type: 'Polygon' | 'LineString',
  onChange?: (vertices: number) => void,
): { done: Promise<Polygon | LineString | undefined>; finish(): void; undo(): void; cancel(): void } {
  const vertices: Coordinate[] = [];
  let pointer: Coordinate | undefined;
  const overlay = createPlaceOverlay(map);
  const minimum = type === 'Polygon' ? 3 : 2;
  const redraw = (): void => {
    const points = pointer ? [...vertices, pointer] : [...vertices];
    overlay.show(points.length >= 2 ? [type === 'Polygon' && points.length >= 3 ? shapeOf('area', points) : new LineString(points)] : []);
    onChange?.(vertices.length);
  };
  let settle: (g: Polygon | LineString | undefined) => void = () => undefined;
  const done = new Promise<Polygon | LineString | undefined>((resolve) => (settle = resolve));
  const keys = [
    map.on('click', (event) => {
      vertices.push(event.coordinate);
      redraw();
    }),
    map.on('pointermove', (event) => {
      pointer = event.coordinate;
      if (vertices.length) redraw();
    }),
    map.on('dblclick', (event) => {
      // No zoom: the double click ends the shape (the map's own listeners run before its interactions).
      event.preventDefault();
      event.stopPropagation();
      finish();
    }),
  ];
  let ended = false;
  const end = (geometry: Polygon | LineString | undefined): void => {
    if (ended) return;
    ended = true;
    unByKey(keys);
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

/**
 * Hears each click on the map (coordinate and pixel) until the returned function is called. Once the
 * adapter offers `pointer.take(owner)` (src/map/pointer.ts), this is where the report takes the pointer.
 */
export function onMapClick(map: OlMap, handler: (click: { coordinate: Coordinate; pixel: Pixel }) => void): () => void {
  const key = map.on('click', (event) => handler({ coordinate: event.coordinate, pixel: event.pixel }));
  return () => unByKey(key);
}

/** A rectangle of the map in CSS pixels from its top left corner. */
export interface MapRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The largest part of the map that a panel covering `covered` leaves free: the strip left of it,
 * right of it, above or below it (the whole map when it covers nothing).
 */
export function freeArea(size: readonly [number, number], covered: MapRect | undefined): MapRect {
  const [width, height] = size;
  const whole = { left: 0, top: 0, right: width, bottom: height };
  if (!covered || covered.right <= 0 || covered.left >= width || covered.bottom <= 0 || covered.top >= height) return whole;
  const strips: MapRect[] = [
    { ...whole, right: Math.max(0, covered.left) },
    { ...whole, left: Math.min(width, covered.right) },
    { ...whole, bottom: Math.max(0, covered.top) },
    { ...whole, top: Math.min(height, covered.bottom) },
  ];
  const area = (r: MapRect): number => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
  return strips.reduce((best, strip) => (area(strip) > area(best) ? strip : best));
}

/**
 * Frames a place in the part of the map a panel leaves free (`covered`: the panel's rectangle in the
 * map's pixels): the view fits the extent into the largest free strip, with a margin, no closer than
 * `minResolution` (a point's extent would zoom in all the way). Resolves once the view has moved.
 */
export function fitPlace(map: OlMap, extent: Extent, covered: MapRect | undefined, options: { margin?: number; duration?: number; minResolution?: number } = {}): Promise<void> {
  const size = map.getSize();
  if (!size) return Promise.resolve();
  const { margin = 40, duration = 0, minResolution } = options;
  const free = freeArea(size as [number, number], covered);
  const padding = [free.top + margin, size[0]! - free.right + margin, size[1]! - free.bottom + margin, free.left + margin];
  return new Promise((resolve) => map.getView().fit(extent, { padding, duration, minResolution, callback: () => resolve() }));
}
