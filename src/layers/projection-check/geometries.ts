/**
 * The projection check (check.ts) for what the CSV, WFS and FlatGeobuf readers hold: flat coordinate
 * arrays and OpenLayers geometries read without reprojection, and the box a file header gives for all
 * its features.
 */
import type Geometry from 'ol/geom/Geometry.js';
import type GeometryCollection from 'ol/geom/GeometryCollection.js';
import type SimpleGeometry from 'ol/geom/SimpleGeometry.js';
import { DEGREES, DEGREE_CODES, addFlat, areaOf, outside, projectionCheck, within, type Extent } from './check.js';

/** Throws OutsideProjectionError when every x, y pair of `flat` (stride 2 or more) lies outside `projection`. */
export function checkFlatCoordinates(flat: ArrayLike<number>, projection: string, stride = 2): void {
  const check = projectionCheck(projection);
  if (!addFlat(check, flat, stride)) return;
  const verdict = check.verdict();
  if (verdict) throw verdict;
}

/** Throws OutsideProjectionError when a box holding all the data (e.g. a file header's) lies wholly outside `projection`. */
export function checkDataExtent(extent: ArrayLike<number> | null | undefined, projection: string): void {
  if (!extent || extent.length < 4) return;
  const box: Extent = [extent[0]!, extent[1]!, extent[2]!, extent[3]!];
  const area = areaOf(projection);
  if (!area || !box.every(Number.isFinite) || box[0] > box[2]) return;
  const disjoint = box[2] < area[0] || box[0] > area[2] || box[3] < area[1] || box[1] > area[3];
  const degreesInMetres = !DEGREE_CODES.has(projection) && within(box, DEGREES);
  if (disjoint || degreesInMetres) throw outside(projection, box);
}

/**
 * Throws OutsideProjectionError when every coordinate of OpenLayers geometries read without
 * reprojection lies outside `projection` (simple geometries give flat coordinates, collections parts).
 */
export function checkGeometries(geometries: Iterable<Geometry | undefined>, projection: string): void {
  const check = projectionCheck(projection);
  const visit = (geometry: Geometry | undefined): boolean => {
    if (!geometry) return true;
    if ('getGeometries' in geometry) return (geometry as GeometryCollection).getGeometries().every(visit);
    if (!('getFlatCoordinates' in geometry)) return true;
    const simple = geometry as SimpleGeometry;
    return addFlat(check, simple.getFlatCoordinates(), simple.getStride());
  };
  for (const geometry of geometries) if (!visit(geometry)) return;
  const verdict = check.verdict();
  if (verdict) throw verdict;
}
