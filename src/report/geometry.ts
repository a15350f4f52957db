/**
 * Does a feature's geometry meet the place? Pure geometry in the map's projection (intersections do
 * not depend on the projection), distances geodesic on the WGS84 sphere (ol/sphere), so both are right
 * whatever projection the map uses. No DOM.
 */
import type { Coordinate } from 'ol/coordinate.js';
import { boundingExtent, buffer as bufferExtent, type Extent } from 'ol/extent.js';
import type Geometry from 'ol/geom/Geometry.js';
import type GeometryCollection from 'ol/geom/GeometryCollection.js';
import type SimpleGeometry from 'ol/geom/SimpleGeometry.js';
import { getPointResolution, toLonLat, type ProjectionLike } from 'ol/proj.js';
import { getDistance } from 'ol/sphere.js';
import type { Place } from './types.js';

/** Flat coordinates [x0, y0, x1, y1…] of one ring or one line. */
type Path = readonly number[];
/** A polygon: its outer ring then its holes (each ring closed or not). */
type Rings = readonly Path[];

export interface Match {
  readonly hit: boolean;
  /** Metres, for point and line places. */
  readonly distance?: number;
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

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const onSegment = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Segments ab and cd meet (touching counts). */
function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by))
  );
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
 * The edges of a polygon (all its rings) sorted into horizontal bands, so that a point test or a
 * crossing test looks only at the edges near it: a commune of 2,000 vertices or a département of
 * 30,000 answers as fast as a square.
 */
class BandedEdges {
  readonly edges: Float64Array;
  readonly bands: Uint32Array[];
  readonly minY: number;
  readonly bandHeight: number;

  constructor(rings: Rings, box: Extent) {
    const flat: number[] = [];
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        if (ring[i] === ring[j] && ring[i + 1] === ring[j + 1]) continue;
        flat.push(ring[j]!, ring[j + 1]!, ring[i]!, ring[i + 1]!);
      }
    }
    this.edges = Float64Array.from(flat);
    const count = flat.length / 4;
    const bandCount = Math.max(1, Math.min(4096, Math.ceil(count / 4)));
    this.minY = box[1]!;
    this.bandHeight = (box[3]! - box[1]!) / bandCount || 1;
    const lists: number[][] = Array.from({ length: bandCount }, () => []);
    for (let e = 0; e < count; e++) {
      const from = this.band(Math.min(flat[4 * e + 1]!, flat[4 * e + 3]!), bandCount);
      const to = this.band(Math.max(flat[4 * e + 1]!, flat[4 * e + 3]!), bandCount);
      for (let b = from; b <= to; b++) lists[b]!.push(e);
    }
    this.bands = lists.map((l) => Uint32Array.from(l));
  }

  private band(y: number, bandCount = this.bands.length): number {
    return Math.max(0, Math.min(bandCount - 1, Math.floor((y - this.minY) / this.bandHeight)));
  }

  /** Even-odd ray casting with the edges of the point's band only. */
  contains(x: number, y: number): boolean {
    const band = this.bands[this.band(y)]!;
    const e = this.edges;
    let inside = false;
    for (let k = 0; k < band.length; k++) {
      const i = 4 * band[k]!;
      const xj = e[i]!, yj = e[i + 1]!, xi = e[i + 2]!, yi = e[i + 3]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  /** True when one of the segments [ax, ay, bx, by…] meets an edge. */
  meets(segments: readonly number[]): boolean {
    const e = this.edges;
    for (let s = 0; s < segments.length; s += 4) {
      const ax = segments[s]!, ay = segments[s + 1]!, bx = segments[s + 2]!, by = segments[s + 3]!;
      const minX = Math.min(ax, bx), maxX = Math.max(ax, bx);
      const to = this.band(Math.max(ay, by));
      for (let b = this.band(Math.min(ay, by)); b <= to; b++) {
        const band = this.bands[b]!;
        for (let k = 0; k < band.length; k++) {
          const i = 4 * band[k]!;
          const cx = e[i]!, cy = e[i + 1]!, dx = e[i + 2]!, dy = e[i + 3]!;
          if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX) continue;
          if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return true;
        }
      }
    }
    return false;
  }
}

/** A place area: features that share any point with it match. */
export function prepareArea(geometry: Geometry): PreparedPlace {
  const polygons = partsOf(geometry).polygons;
  const boxes = polygons.map((rings) => extentOfPaths(rings));
  const indexes = polygons.map((rings, i) => new BandedEdges(rings, boxes[i]!));
  const extent = geometry.getExtent();
  const inArea = (x: number, y: number): boolean => {
    for (let i = 0; i < indexes.length; i++) {
      const b = boxes[i]!;
      if (x >= b[0]! && x <= b[2]! && y >= b[1]! && y <= b[3]! && indexes[i]!.contains(x, y)) return true;
    }
    return false;
  };

  const match = (geometry: Geometry): Match => {
    if (geometry.getType() === 'Point') {
      // Most report features are points: no decomposition.
      const [x, y] = (geometry as SimpleGeometry).getFlatCoordinates() as [number, number];
      return { hit: x >= extent[0]! && x <= extent[2]! && y >= extent[1]! && y <= extent[3]! && inArea(x, y) };
    }
    const own = geometry.getExtent();
    if (!extentsMeet(own, extent)) return { hit: false };
    const parts = partsOf(geometry);
    for (let i = 0; i < parts.points.length; i += 2) if (inArea(parts.points[i]!, parts.points[i + 1]!)) return { hit: true };
    for (const line of parts.lines) {
      for (let i = 0; i < line.length; i += 2) if (inArea(line[i]!, line[i + 1]!)) return { hit: true };
    }
    for (const rings of parts.polygons) {
      const outer = rings[0] ?? [];
      for (let i = 0; i < outer.length; i += 2) if (inArea(outer[i]!, outer[i + 1]!)) return { hit: true };
      // The place may lie wholly inside the feature.
      for (const placeRings of polygons) {
        const ring = placeRings[0] ?? [];
        if (ring.length >= 2 && inRings(rings, ring[0]!, ring[1]!)) return { hit: true };
      }
    }
    // Otherwise only crossing edges can make them meet.
    const theirs = [...segmentsWithin(parts.lines, extent, false), ...segmentsWithin(parts.polygons.flat(), extent, true)];
    if (!theirs.length) return { hit: false };
    return { hit: indexes.some((index, i) => extentsMeet(boxes[i]!, own) && index.meets(theirs)) };
  };
  return { extent, match };
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
  return place.kind === 'area' ? prepareArea(place.geometry) : prepareNear(place, projection);
}
