/**
 * Does a feature's geometry meet the place? Pure geometry in the map's projection (intersections do
 * not depend on the projection), distances geodesic on the WGS84 sphere (ol/sphere), so both are right
 * whatever projection the map uses. No DOM.
 */
import type { Coordinate } from 'ol/coordinate.js';
import { boundingExtent, buffer as bufferExtent, getCenter, type Extent } from 'ol/extent.js';
import type Geometry from 'ol/geom/Geometry.js';
import type GeometryCollection from 'ol/geom/GeometryCollection.js';
import type SimpleGeometry from 'ol/geom/SimpleGeometry.js';
import { getPointResolution, toLonLat, type ProjectionLike } from 'ol/proj.js';
import { getDistance } from 'ol/sphere.js';
import { BandedEdges, segmentsMeet, type Path, type Rings } from './edges.js';
import { AREA_SHARE, lengthInside, overlapArea } from './overlap.js';
import type { Place } from './types.js';

export interface Match {
  readonly hit: boolean;
  /** Metres, for point and line places. */
  readonly distance?: number;
  /** Only points on the area's boundary (« en limite »). */
  readonly onBoundary?: boolean;
}

export interface PreparedPlace {
  /** Where candidates may lie, in the map's projection (a box; exact tests follow). */
  readonly extent: Extent;
  match(geometry: Geometry): Match;
}

// ---------------------------------------------------------------- decomposing geometries

function pathsOf(flat: readonly number[], ends: readonly number[], stride: number): number[][] {
  const paths: number[][] = [];
  let start = 0;
  for (const end of ends) {
    const path: number[] = [];
    for (let i = start; i < end; i += stride) path.push(flat[i]!, flat[i + 1]!);
    paths.push(path);
    start = end;
  }
  return paths;
}

interface Parts {
  points: number[];
  lines: number[][];
  polygons: number[][][];
}

/** Splits any geometry into points, lines and polygons (2D flat coordinates). */
export function partsOf(geometry: Geometry, parts: Parts = { points: [], lines: [], polygons: [] }): Parts {
  const type = geometry.getType();
  if (type === 'GeometryCollection') {
    for (const g of (geometry as GeometryCollection).getGeometriesArray()) partsOf(g, parts);
    return parts;
  }
  if (type === 'Circle') {
    // Drawn circles do not come from data; a feature's circle counts as its centre.
    const center = (geometry as unknown as { getCenter(): Coordinate }).getCenter();
    parts.points.push(center[0]!, center[1]!);
    return parts;
  }
  const simple = geometry as SimpleGeometry;
  const flat = simple.getFlatCoordinates();
  const stride = simple.getStride();
  if (type === 'Point' || type === 'MultiPoint') {
    for (let i = 0; i < flat.length; i += stride) parts.points.push(flat[i]!, flat[i + 1]!);
  } else if (type === 'LineString' || type === 'LinearRing') {
    parts.lines.push(pathsOf(flat, [flat.length], stride)[0]!);
  } else if (type === 'MultiLineString') {
    parts.lines.push(...pathsOf(flat, (simple as unknown as { getEnds(): number[] }).getEnds(), stride));
  } else if (type === 'Polygon') {
    parts.polygons.push(pathsOf(flat, (simple as unknown as { getEnds(): number[] }).getEnds(), stride));
  } else if (type === 'MultiPolygon') {
    const endss = (simple as unknown as { getEndss(): number[][] }).getEndss();
    let offset = 0;
    for (const ends of endss) {
      parts.polygons.push(pathsOf(flat.slice(offset, ends.at(-1) ?? offset), ends.map((e) => e - offset), stride));
      offset = ends.at(-1) ?? offset;
    }
  }
  return parts;
}

// ---------------------------------------------------------------- planar tests

/** Even-odd ray casting over every ring (holes included). */
export function inRings(rings: Rings, x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i]!, yi = ring[i + 1]!, xj = ring[j]!, yj = ring[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The segments of paths, each kept only when its box meets `within` (a cheap prefilter). */
function segmentsWithin(paths: readonly Path[], within: Extent, closed: boolean): number[] {
  const out: number[] = [];
  const [minX, minY, maxX, maxY] = within as [number, number, number, number];
  for (const path of paths) {
    const n = path.length;
    const last = closed ? n : n - 2;
    for (let i = 0; i < last; i += 2) {
      const j = (i + 2) % n;
      const ax = path[i]!, ay = path[i + 1]!, bx = path[j]!, by = path[j + 1]!;
      if (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX || Math.max(ay, by) < minY || Math.min(ay, by) > maxY) continue;
      out.push(ax, ay, bx, by);
    }
  }
  return out;
}

function anySegmentsMeet(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 4) {
    const ax = a[i]!, ay = a[i + 1]!, bx = a[i + 2]!, by = a[i + 3]!;
    const minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
    for (let j = 0; j < b.length; j += 4) {
      const cx = b[j]!, cy = b[j + 1]!, dx = b[j + 2]!, dy = b[j + 3]!;
      if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
      if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return true;
    }
  }
  return false;
}

const extentOfPaths = (paths: readonly Path[]): Extent => {
  const e = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of paths)
    for (let i = 0; i < p.length; i += 2) {
      e[0] = Math.min(e[0]!, p[i]!);
      e[1] = Math.min(e[1]!, p[i + 1]!);
      e[2] = Math.max(e[2]!, p[i]!);
      e[3] = Math.max(e[3]!, p[i + 1]!);
    }
  return e;
};

const extentsMeet = (a: Extent, b: Extent): boolean => a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;

// ---------------------------------------------------------------- areas

/**
 * How close to an area's boundary is « on » it, in metres (turned into map units where the place
 * lies): a point that near is listed « en limite », a line that near only runs along it. 5 mm is far
 * below what any boundary is surveyed to (centimetres at best) and far above what the numbers add:
 * rounding of projected coordinates (1e-9 m at 6,000 km) and the bend of a 100 m edge between
 * WGS84 and the map's projection (under 1 mm), so a point given on the boundary stays on it.
 */
export const BOUNDARY_TOLERANCE_M = 0.005;

/**
 * A place area. What is in it:
 * - a point strictly inside, or on the boundary (within the tolerance: listed « en limite »);
 * - a line with more than the tolerance's length inside, leaving out what runs along the boundary:
 *   a road that only follows or touches the boundary is not in;
 * - a polygon whose common area with the place exceeds AREA_SHARE of the smaller of the two: a
 *   neighbouring commune, sharing only the boundary, is not in.
 */
export function prepareArea(geometry: Geometry, projection?: ProjectionLike): PreparedPlace {
  const polygons = partsOf(geometry).polygons;
  const boxes = polygons.map((rings) => extentOfPaths(rings));
  const indexes = polygons.map((rings, i) => new BandedEdges(rings, boxes[i]!));
  const placeArea = indexes.reduce((sum, index) => sum + index.area, 0);
  const extent = geometry.getExtent();
  const tolerance = BOUNDARY_TOLERANCE_M * (projection ? unitsPerMetre(projection, [getCenter(extent)]) : 1);
  const near = bufferExtent(extent, tolerance);
  const inArea = (x: number, y: number): boolean => {
    for (let i = 0; i < indexes.length; i++) {
      const b = boxes[i]!;
      if (x >= b[0]! && x <= b[2]! && y >= b[1]! && y <= b[3]! && indexes[i]!.contains(x, y)) return true;
    }
    return false;
  };
  /** 1 inside, 0 on the boundary, -1 outside. */
  const locate = (x: number, y: number): number => {
    let on = false;
    for (let i = 0; i < indexes.length; i++) {
      const b = boxes[i]!;
      if (x < b[0]! - tolerance || x > b[2]! + tolerance || y < b[1]! - tolerance || y > b[3]! + tolerance) continue;
      const where = indexes[i]!.locate(x, y, tolerance);
      if (where === 1) return 1;
      on ||= where === 0;
    }
    return on ? 0 : -1;
  };
  /** Do these paths meet the place's boundary? `own` is their box: most are far from any edge. */
  const touches = (paths: readonly Path[], closed: boolean, own: Extent): boolean => {
    const near = indexes.filter((index, i) => extentsMeet(boxes[i]!, own) && index.anyEdgeIn(own));
    if (!near.length) return false;
    const segments = segmentsWithin(paths, extent, closed);
    return segments.length > 0 && near.some((index) => index.meets(segments));
  };

  const lineIn = (line: Path): boolean => {
    if (!touches([line], false, extentOfPaths([line]))) return line.length >= 2 && inArea(line[0]!, line[1]!);
    return indexes.reduce((sum, index) => sum + lengthInside(line, index, tolerance), 0) > tolerance;
  };

  const polygonsIn = (theirs: number[][][], own: Extent): boolean => {
    if (!touches(theirs.flat(), true, own)) {
      // Boundaries apart: each part lies wholly inside the place, wholly around it, or away.
      if (theirs.some((rings) => (rings[0]?.length ?? 0) >= 2 && inArea(rings[0]![0]!, rings[0]![1]!))) return true;
      return polygons.some((placeRings) => theirs.some((rings) => (placeRings[0]?.length ?? 0) >= 2 && inRings(rings, placeRings[0]![0]!, placeRings[0]![1]!)));
    }
    // Boundaries that meet: in only with a common area (see AREA_SHARE).
    const their = theirs.map((rings) => new BandedEdges(rings, extentOfPaths(rings)));
    let common = 0;
    for (const index of indexes) for (const other of their) if (extentsMeet(index.box, other.box)) common += overlapArea(index, other, tolerance);
    return common > AREA_SHARE * Math.min(placeArea, their.reduce((sum, other) => sum + other.area, 0));
  };

  const match = (geometry: Geometry): Match => {
    if (geometry.getType() === 'Point') {
      // Most report features are points: no decomposition.
      const [x, y] = (geometry as SimpleGeometry).getFlatCoordinates() as [number, number];
      if (x < near[0]! || x > near[2]! || y < near[1]! || y > near[3]!) return { hit: false };
      const where = locate(x, y);
      return where === 1 ? { hit: true } : where === 0 ? { hit: true, onBoundary: true } : { hit: false };
    }
    const own = geometry.getExtent();
    if (!extentsMeet(own, near)) return { hit: false };
    const parts = partsOf(geometry);
    let on = false;
    for (let i = 0; i < parts.points.length; i += 2) {
      const where = locate(parts.points[i]!, parts.points[i + 1]!);
      if (where === 1) return { hit: true };
      on ||= where === 0;
    }
    if (parts.lines.some(lineIn)) return { hit: true };
    if (parts.polygons.length && polygonsIn(parts.polygons, own)) return { hit: true };
    // Only points on the boundary: listed, and said so.
    return on ? { hit: true, onBoundary: true } : { hit: false };
  };
  return { extent: near, match };
}

// ---------------------------------------------------------------- distances

/** Map units per metre near a coordinate (the worst of several when given). */
function unitsPerMetre(projection: ProjectionLike, coordinates: readonly Coordinate[]): number {
  let most = 0;
  for (const c of coordinates) {
    const metres = getPointResolution(projection, 1, c as number[], 'm');
    if (metres > 0) most = Math.max(most, 1 / metres);
  }
  return most || 1;
}

/** The closest point of segment ab to p. */
function closestOnSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): [number, number] {
  const dx = bx - ax, dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return [ax + t * dx, ay + t * dy];
}

/** The closest point of some paths to p (in map units, planar: good for the short distances of a report). */
function closestOnPaths(paths: readonly Path[], closed: boolean, px: number, py: number): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestD = Infinity;
  for (const path of paths) {
    const n = path.length;
    if (n === 2) {
      const d = (path[0]! - px) ** 2 + (path[1]! - py) ** 2;
      if (d < bestD) (bestD = d), (best = [path[0]!, path[1]!]);
      continue;
    }
    const last = closed ? n : n - 2;
    for (let i = 0; i < last; i += 2) {
      const j = (i + 2) % n;
      const c = closestOnSegment(path[i]!, path[i + 1]!, path[j]!, path[j + 1]!, px, py);
      const d = (c[0] - px) ** 2 + (c[1] - py) ** 2;
      if (d < bestD) (bestD = d), (best = c);
    }
  }
  return best;
}

/**
 * A point with a radius, or a line with a distance: features within `distance` metres match, with
 * their geodesic distance (0 when they touch or contain the point/line).
 */
export function prepareNear(place: Extract<Place, { kind: 'circle' | 'line' }>, projection: ProjectionLike): PreparedPlace {
  const own: Parts =
    place.kind === 'circle' ? { points: [place.center[0]!, place.center[1]!], lines: [], polygons: [] } : partsOf(place.geometry);
  const vertices: Coordinate[] = [];
  for (let i = 0; i < own.points.length; i += 2) vertices.push([own.points[i]!, own.points[i + 1]!]);
  for (const line of own.lines) for (let i = 0; i < line.length; i += 2) vertices.push([line[i]!, line[i + 1]!]);
  const base = boundingExtent(vertices);
  // A box surely holding every match: the distance in map units where they are largest, with a margin.
  const extent = bufferExtent(base, place.distance * unitsPerMetre(projection, vertices) * 1.25 + 1e-9);
  const lonLat = (x: number, y: number): Coordinate => toLonLat([x, y], projection);

  /** Metres between one of the place's vertices/segments and a point. */
  const fromPlace = (x: number, y: number): number => {
    const c = own.lines.length ? closestOnPaths(own.lines, false, x, y)! : ([own.points[0]!, own.points[1]!] as [number, number]);
    return getDistance(lonLat(c[0], c[1]), lonLat(x, y));
  };

  const match = (geometry: Geometry): Match => {
    const theirExtent = geometry.getExtent();
    if (!extentsMeet(theirExtent, extent)) return { hit: false };
    const parts = partsOf(geometry);
    // Touching: a place vertex inside a feature polygon, or crossing segments.
    const touches =
      parts.polygons.some((rings) => vertices.some((v) => inRings(rings, v[0]!, v[1]!))) ||
      (own.lines.length > 0 &&
        anySegmentsMeet(segmentsWithin(own.lines, theirExtent, false), [
          ...segmentsWithin(parts.lines, extent, false),
          ...segmentsWithin(parts.polygons.flat(), extent, true),
        ]));
    let best = touches ? 0 : Infinity;
    if (!touches) {
      for (let i = 0; i < parts.points.length; i += 2) best = Math.min(best, fromPlace(parts.points[i]!, parts.points[i + 1]!));
      const paths = [...parts.lines, ...parts.polygons.flat()];
      if (paths.length) {
        // The feature's point closest to each place vertex, and the place's closest to each feature vertex.
        for (const v of vertices) {
          const c = closestOnPaths(paths, false, v[0]!, v[1]!);
          if (c) best = Math.min(best, getDistance(lonLat(v[0]!, v[1]!), lonLat(c[0], c[1])));
        }
        if (own.lines.length) for (const path of paths) for (let i = 0; i < path.length; i += 2) best = Math.min(best, fromPlace(path[i]!, path[i + 1]!));
      }
    }
    return best <= place.distance ? { hit: true, distance: best } : { hit: false };
  };
  return { extent, match };
}

/** Prepares a place for many tests. */
export function preparePlace(place: Place, projection: ProjectionLike): PreparedPlace {
  return place.kind === 'area' ? prepareArea(place.geometry, projection) : prepareNear(place, projection);
}
