import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import MultiPoint from 'ol/geom/MultiPoint.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { getDistance } from 'ol/sphere.js';
import { candidatesOf, matchFeatures, sortItems } from '../../../src/report/compute.js';
import { BOUNDARY_TOLERANCE_M, prepareArea, preparePlace } from '../../../src/report/geometry.js';

const square = (x0: number, y0: number, size: number): number[][] => [
  [x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0],
];

describe('an area place', () => {
  const place = prepareArea(new Polygon([square(0, 0, 10), square(4, 4, 2)])); // a square with a hole

  it('holds the points inside it, not those in its hole or outside', () => {
    expect(place.match(new Point([1, 1])).hit).toBe(true);
    expect(place.match(new Point([5, 5])).hit).toBe(false);
    expect(place.match(new Point([11, 5])).hit).toBe(false);
  });

  it('meets a polygon that crosses its edge with no vertex inside it', () => {
    // A thin bar across the whole square: none of its corners lies inside.
    expect(place.match(new Polygon([[[-5, 1], [15, 1], [15, 2], [-5, 2], [-5, 1]]])).hit).toBe(true);
  });

  it('meets a polygon that holds it entirely, and one it holds entirely', () => {
    expect(place.match(new Polygon([square(-10, -10, 40)])).hit).toBe(true);
    expect(place.match(new Polygon([square(1, 1, 1)])).hit).toBe(true);
  });

  it('does not meet a polygon inside its hole, nor one whose box only overlaps', () => {
    expect(place.match(new Polygon([square(4.5, 4.5, 1)])).hit).toBe(false);
    // An L around the corner: boxes overlap, shapes do not.
    expect(place.match(new Polygon([[[11, -2], [12, -2], [12, 12], [-2, 12], [-2, 11], [11, 11], [11, -2]]])).hit).toBe(false);
  });

  it('meets a line that crosses it, not one that passes by', () => {
    expect(place.match(new LineString([[-1, 5], [20, 5]])).hit).toBe(true);
    expect(place.match(new LineString([[-1, -1], [-1, 20]])).hit).toBe(false);
  });

  it('works for the parts of a multipolygon', () => {
    const two = prepareArea(new MultiPolygon([[square(0, 0, 1)], [square(10, 10, 1)]]));
    expect(two.match(new Point([10.5, 10.5])).hit).toBe(true);
    expect(two.match(new Point([5, 5])).hit).toBe(false);
  });
});

describe('an area place: touching is not inside', () => {
  const holed = new Polygon([square(0, 0, 10), square(4, 4, 2)]);
  const place = prepareArea(holed);
  const hit = (geometry: Parameters<typeof place.match>[0]): boolean => place.match(geometry).hit;
  const clockwise = (ring: number[][]): number[][] => [...ring].reverse();

  it('leaves out polygons that only share an edge, part of an edge or a corner', () => {
    expect(hit(new Polygon([square(10, 0, 10)]))).toBe(false);
    expect(hit(new Polygon([[[10, 2], [15, 2], [15, 5], [10, 5], [10, 2]]]))).toBe(false);
    expect(hit(new Polygon([square(10, 10, 5)]))).toBe(false);
    expect(hit(new Polygon([square(-3, -3, 3)]))).toBe(false);
    // A neighbour wrapped round a notched place along a staircase of shared edges.
    const notched = prepareArea(new Polygon([[[0, 0], [10, 0], [10, 4], [6, 4], [6, 10], [0, 10], [0, 0]]]));
    expect(notched.match(new Polygon([[[10, 0], [20, 0], [20, 20], [0, 20], [0, 10], [6, 10], [6, 4], [10, 4], [10, 0]]])).hit).toBe(false);
    expect(notched.match(new Polygon([[[10, 0], [20, 0], [20, 20], [0, 20], [0, 9], [6, 9], [6, 4], [10, 4], [10, 0]]])).hit).toBe(true); // 1 × 6 in
    // Whatever the winding of either ring.
    expect(hit(new Polygon([clockwise(square(10, 0, 10))]))).toBe(false);
    expect(prepareArea(new Polygon([clockwise(square(0, 0, 10))])).match(new Polygon([square(0, 10, 10)])).hit).toBe(false);
  });

  it('leaves out a polygon that fills its hole exactly, and a sliver under the share of the smaller polygon', () => {
    expect(hit(new Polygon([square(4, 4, 2)]))).toBe(false);
    // 0.005 × 10 = 0.05 of 100: 5e-4 of the smaller square.
    expect(hit(new Polygon([square(9.995, 0, 10)]))).toBe(false);
  });

  it('keeps polygons that overlap slightly, lie inside (even along its edge), or hold it', () => {
    expect(hit(new Polygon([square(9.5, 0, 10)]))).toBe(true); // 5 % of the smaller
    expect(hit(new Polygon([clockwise(square(9.5, 0, 10))]))).toBe(true);
    expect(hit(new Polygon([square(1, 1, 2)]))).toBe(true);
    expect(hit(new Polygon([square(0, 0, 3)]))).toBe(true); // two edges and a corner on its boundary
    expect(hit(new Polygon([square(7, 7, 3)]))).toBe(true);
    expect(hit(new Polygon([square(0, 0, 10)]))).toBe(true); // the same outline
    expect(hit(new Polygon([square(-10, -10, 40)]))).toBe(true);
    // A multipolygon touching with one part and inside with the other.
    expect(hit(new MultiPolygon([[square(10, 0, 5)], [square(1, 1, 1)]]))).toBe(true);
  });

  it('leaves out lines along its boundary or touching it, keeps those that go in', () => {
    expect(hit(new LineString([[10, 0], [10, 10]]))).toBe(false);
    expect(hit(new LineString([[10, 12], [10, -3]]))).toBe(false);
    expect(hit(new LineString([[10, 5], [15, 5]]))).toBe(false);
    expect(hit(new LineString([[4, 4], [6, 4], [6, 6]]))).toBe(false); // along its hole
    expect(hit(new LineString([[10, 0], [10, 2], [8, 2]]))).toBe(true);
    expect(hit(new LineString([[1, 1], [2, 2]]))).toBe(true);
  });

  it('lists a point on an edge, on a vertex or on a hole’s boundary « en limite », and a point inside plainly', () => {
    expect(place.match(new Point([10, 5]))).toEqual({ hit: true, onBoundary: true });
    expect(place.match(new Point([10, 10]))).toEqual({ hit: true, onBoundary: true });
    expect(place.match(new Point([0, 3]))).toEqual({ hit: true, onBoundary: true });
    expect(place.match(new Point([4, 5]))).toEqual({ hit: true, onBoundary: true });
    expect(place.match(new Point([10 + BOUNDARY_TOLERANCE_M / 2, 5]))).toEqual({ hit: true, onBoundary: true });
    expect(place.match(new Point([9.99, 5]))).toEqual({ hit: true });
    expect(place.match(new Point([10.01, 5])).hit).toBe(false);
    expect(place.match(new Point([5, 5])).hit).toBe(false);
    // Several points: plainly in when one is inside, « en limite » when none is but one is on it.
    expect(place.match(new MultiPoint([[20, 20], [10, 5]]))).toEqual({ hit: true, onBoundary: true });
    expect(place.match(new MultiPoint([[1, 1], [10, 5]]))).toEqual({ hit: true });
  });

  it('does so for every part of a multipolygon with holes', () => {
    const two = prepareArea(new MultiPolygon([[square(0, 0, 10), square(4, 4, 2)], [square(20, 0, 5), square(21, 1, 1)]]));
    expect(two.match(new Point([22.5, 0]))).toEqual({ hit: true, onBoundary: true });
    expect(two.match(new Point([21.5, 2]))).toEqual({ hit: true, onBoundary: true }); // its second hole
    expect(two.match(new Point([6, 5]))).toEqual({ hit: true, onBoundary: true });
    expect(two.match(new Point([23, 3]))).toEqual({ hit: true });
    expect(two.match(new Polygon([square(10, 0, 10)])).hit).toBe(false); // between the parts, touching both
    expect(two.match(new Polygon([square(21, 1, 1)])).hit).toBe(false); // the second hole
    expect(two.match(new Polygon([square(24, 4, 2)])).hit).toBe(true);
  });

  it('turns its tolerance into map units where the place lies (Web Mercator: 1.41 units a metre at 45° N)', () => {
    const [x, y] = fromLonLat([5.7, 45]) as [number, number];
    const mercator = preparePlace({ kind: 'area', geometry: new Polygon([square(x, y, 1000)]), label: '' }, 'EPSG:3857');
    expect(mercator.match(new Point([x + 1000 + 0.005, y + 500]))).toEqual({ hit: true, onBoundary: true }); // 3.5 mm
    expect(mercator.match(new Point([x + 1000 - 0.01, y + 500]))).toEqual({ hit: true }); // 7 mm inside
  });

  it('says which items lie on the boundary', () => {
    const features = [[10, 5], [1, 1]].map((c, i) => new Feature({ geometry: new Point(c), nom: `p${i}` }));
    const items = matchFeatures(candidatesOf(features), place, (p) => ({ label: String(p['nom']), fields: [] }), { near: false });
    expect(items.map((i) => [i.label, i.onBoundary])).toEqual([['p0', true], ['p1', undefined]]);
  });
});

describe('a point with a radius', () => {
  const center = [5.7245, 45.1885]; // Grenoble
  const place = preparePlace({ kind: 'circle', center: fromLonLat(center), distance: 5000, label: '' }, 'EPSG:3857');

  it('keeps points within the radius, with their geodesic distance (not the Mercator one, 1.4× too long here)', () => {
    const near = [5.78, 45.2];
    const match = place.match(new Point(fromLonLat(near)));
    expect(match.hit).toBe(true);
    expect(match.distance).toBeCloseTo(getDistance(center, near), 3);
    expect(place.match(new Point(fromLonLat([5.7245, 45.24]))).hit).toBe(false); // 5.7 km north
  });

  it('gives 0 for a polygon that holds the point, and the distance to the nearest edge otherwise', () => {
    const around = new Polygon([[fromLonLat([5.7, 45.17]), fromLonLat([5.75, 45.17]), fromLonLat([5.75, 45.2]), fromLonLat([5.7, 45.2]), fromLonLat([5.7, 45.17])]]);
    expect(place.match(around).distance).toBe(0);
    const east = new Polygon([[fromLonLat([5.76, 45.1]), fromLonLat([5.9, 45.1]), fromLonLat([5.9, 45.3]), fromLonLat([5.76, 45.3]), fromLonLat([5.76, 45.1])]]);
    const match = place.match(east);
    expect(match.hit).toBe(true);
    expect(match.distance!).toBeGreaterThan(getDistance(center, [5.76, 45.1885]) - 5);
    expect(match.distance!).toBeLessThan(getDistance(center, [5.76, 45.1885]) + 5);
  });

  it('sorts the features found nearest first', () => {
    const features = [[5.76, 45.19], [5.73, 45.19], [5.75, 45.19]].map((c, i) => new Feature({ geometry: new Point(fromLonLat(c)), nom: `p${i}` }));
    const items = matchFeatures(candidatesOf(features), place, (p) => ({ label: String(p['nom']), fields: [] }), { near: true });
    expect(items.map((i) => i.label)).toEqual(['p1', 'p2', 'p0']);
  });
});

describe('a line with a distance', () => {
  const line = new LineString([fromLonLat([5.7, 45.0]), fromLonLat([5.8, 45.0])]);
  const place = preparePlace({ kind: 'line', geometry: line, distance: 1000, label: '' }, 'EPSG:3857');

  it('keeps the points within the distance of the line, at their distance to its nearest point', () => {
    const match = place.match(new Point(fromLonLat([5.75, 45.005])));
    expect(match.hit).toBe(true);
    expect(match.distance!).toBeCloseTo(getDistance([5.75, 45.0], [5.75, 45.005]), -1);
    expect(place.match(new Point(fromLonLat([5.75, 45.02]))).hit).toBe(false); // 2.2 km away
    expect(place.match(new Point(fromLonLat([5.82, 45.0]))).hit).toBe(false); // beyond its end
  });

  it('gives 0 for a polygon the line crosses', () => {
    const crossed = new Polygon([[fromLonLat([5.74, 44.9]), fromLonLat([5.76, 44.9]), fromLonLat([5.76, 45.1]), fromLonLat([5.74, 45.1]), fromLonLat([5.74, 44.9])]]);
    expect(place.match(crossed)).toEqual({ hit: true, distance: 0 });
  });
});

describe('report order', () => {
  it('sorts an area’s features by name as a person reads it: accents and case aside, numbers by value', () => {
    const items = ['Site 10', 'étang du Col', 'Site 2', 'Ecluse', 'abbaye'].map((label) => ({ label, fields: [] }));
    expect(sortItems(items, false).map((i) => i.label)).toEqual(['abbaye', 'Ecluse', 'étang du Col', 'Site 2', 'Site 10']);
  });
});
