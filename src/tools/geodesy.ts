import { getArea, getLength } from 'ol/sphere.js';
import type { ProjectionLike } from 'ol/proj.js';
import type LineString from 'ol/geom/LineString.js';
import type Polygon from 'ol/geom/Polygon.js';

/**
 * Geodesic measures of a drawn geometry, on the sphere of WGS 84's mean radius, whatever the map's
 * projection: the geometry is brought back to lon/lat first, so a Web Mercator map at 45° N (where
 * a metre of the map is 0.71 m on the ground) and a Lambert-93 map give the same answer.
 */
export function geodesicLength(line: LineString, projection: ProjectionLike): number {
  return getLength(line, { projection });
}

/** Geodesic area in square metres (holes are subtracted). */
export function geodesicArea(polygon: Polygon, projection: ProjectionLike): number {
  return Math.abs(getArea(polygon, { projection }));
}

/** Geodesic length of a polygon's outline, in metres. */
export function geodesicPerimeter(polygon: Polygon, projection: ProjectionLike): number {
  const ring = polygon.getLinearRing(0);
  if (!ring) return 0;
  return getLength(ring, { projection });
}
