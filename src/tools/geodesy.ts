import { getTransform, type ProjectionLike } from 'ol/proj.js';
import type { Coordinate } from 'ol/coordinate.js';
import type LineString from 'ol/geom/LineString.js';
import type Polygon from 'ol/geom/Polygon.js';

/**
 * Geodesic measures of a drawn geometry on the sphere of the Earth's mean radius (as ol/sphere
 * measures), whatever the map's projection: coordinates are brought back to lon/lat first, so a Web
 * Mercator map at 45° N (where a metre of the map is 0.71 m on the ground) and a Lambert-93 map give
 * the same answer. Written here rather than imported from ol/sphere: part of that module is in the
 * first map's code (OpenLayers' projections use it), and every function used from it joins that code.
 */
export const EARTH_RADIUS = 6371008.8;

const rad = (degrees: number): number => (degrees * Math.PI) / 180;

const toLonLat = (coordinates: readonly Coordinate[], projection: ProjectionLike): Coordinate[] => {
  const transform = getTransform(projection, 'EPSG:4326');
  if (!transform) throw new Error(`no way from ${String(projection)} to lon/lat`);
  return coordinates.map((c) => transform([c[0]!, c[1]!]));
};

/** Great-circle distance between two lon/lat points (haversine), in metres. */
export function distance([lon1, lat1]: Coordinate, [lon2, lat2]: Coordinate): number {
  const a = Math.sin(rad(lat2! - lat1!) / 2) ** 2 + Math.cos(rad(lat1!)) * Math.cos(rad(lat2!)) * Math.sin(rad(lon2! - lon1!) / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

function pathLength(lonLats: readonly Coordinate[]): number {
  let total = 0;
  for (let i = 1; i < lonLats.length; i++) total += distance(lonLats[i - 1]!, lonLats[i]!);
  return total;
}

/** Area of a lon/lat ring on the sphere (Chamberlain & Duquette, « Some algorithms for polygons on a sphere », 2007). */
function ringArea(lonLats: readonly Coordinate[]): number {
  let area = 0;
  let [x1, y1] = lonLats[lonLats.length - 1]!;
  for (const [x2, y2] of lonLats) {
    area += rad(x2! - x1!) * (2 + Math.sin(rad(y1!)) + Math.sin(rad(y2!)));
    [x1, y1] = [x2, y2];
  }
  return Math.abs((area * EARTH_RADIUS * EARTH_RADIUS) / 2);
}

export function geodesicLength(line: LineString, projection: ProjectionLike): number {
  return pathLength(toLonLat(line.getCoordinates(), projection));
}

/** Geodesic area in square metres (holes are subtracted). */
export function geodesicArea(polygon: Polygon, projection: ProjectionLike): number {
  const [outer, ...holes] = polygon.getCoordinates().map((ring) => ringArea(toLonLat(ring, projection)));
  return Math.max(0, (outer ?? 0) - holes.reduce((sum, hole) => sum + hole, 0));
}

/** Geodesic length of a polygon's outline, in metres. */
export function geodesicPerimeter(polygon: Polygon, projection: ProjectionLike): number {
  const ring = polygon.getCoordinates()[0];
  return ring ? pathLength(toLonLat(ring, projection)) : 0;
}
