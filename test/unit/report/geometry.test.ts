import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { getDistance } from 'ol/sphere.js';
import { candidatesOf, matchFeatures, sortItems } from '../../../src/report/compute.js';
import { prepareArea, preparePlace } from '../../../src/report/geometry.js';

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
