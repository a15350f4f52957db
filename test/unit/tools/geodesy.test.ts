import { describe, expect, it } from 'vitest';
import LineString from 'ol/geom/LineString.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat, transform } from 'ol/proj.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { geodesicArea, geodesicLength, geodesicPerimeter } from '../../../src/tools/geodesy.js';
import { EARTH_RADIUS, haversine } from '../../support/geodesy.js';

const R = EARTH_RADIUS;
const rad = (d: number): number => (d * Math.PI) / 180;

const PARIS = [2.3522, 48.8566];
const LYON = [4.8357, 45.764];

/** A square of 1 km × 1 km on the ground whose south-west corner is at (lon, lat), as lon/lat. */
function kmSquare(lon: number, lat: number): number[][] {
  const dLat = 1000 / ((R * Math.PI) / 180);
  const dLon = 1000 / ((R * Math.PI * Math.cos(rad(lat + dLat / 2))) / 180);
  return [[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]];
}

describe('geodesic measures', () => {
  it('measures Paris–Lyon as ≈ 392 km in Web Mercator, where the planar length is ≈ 1.5× that', () => {
    const line = new LineString([fromLonLat(PARIS), fromLonLat(LYON)]);
    const length = geodesicLength(line, 'EPSG:3857');
    expect(length).toBeCloseTo(haversine(PARIS, LYON), -1);
    expect(length / 1000).toBeGreaterThan(391);
    expect(length / 1000).toBeLessThan(393);
    expect(line.getLength() / length).toBeGreaterThan(1.4);
  });

  it('measures a 1 km² square at 45° N as 1 km² in Web Mercator (whose planar area says ≈ 2 km²)', () => {
    const polygon = new Polygon([kmSquare(5, 45).map((c) => fromLonLat(c))]);
    expect(geodesicArea(polygon, 'EPSG:3857') / 1e6).toBeCloseTo(1, 3);
    expect(polygon.getArea() / 1e6).toBeCloseTo(2, 1);
    expect(geodesicPerimeter(polygon, 'EPSG:3857')).toBeCloseTo(4000, 0);
  });

  it('gives the same answers on a Lambert-93 map', async () => {
    await ensureProjections(['EPSG:2154']);
    const to93 = (c: number[]): number[] => transform(c, 'EPSG:4326', 'EPSG:2154');
    const line = new LineString([to93(PARIS), to93(LYON)]);
    expect(geodesicLength(line, 'EPSG:2154')).toBeCloseTo(haversine(PARIS, LYON), -1);
    const polygon = new Polygon([kmSquare(5, 45).map(to93)]);
    expect(geodesicArea(polygon, 'EPSG:2154') / 1e6).toBeCloseTo(1, 3);
    // Lambert-93 is conformal and nearly true to scale in France: its planar area is close too.
    expect(polygon.getArea() / 1e6).toBeCloseTo(1, 2);
  });

  it('agrees with ol/sphere (whose code it leaves out of the first map)', async () => {
    const { getArea, getLength } = await import('ol/sphere.js');
    const line = new LineString([fromLonLat(PARIS), fromLonLat(LYON), fromLonLat([5.72, 45.19])]);
    expect(geodesicLength(line, 'EPSG:3857')).toBeCloseTo(getLength(line, { projection: 'EPSG:3857' }), 3);
    const ring = [[2, 48], [6, 48.5], [5.5, 44], [1, 45], [2, 48]];
    const hole = [[3, 46], [4, 46], [4, 47], [3, 47], [3, 46]];
    const polygon = new Polygon([ring.map((c) => fromLonLat(c)), hole.map((c) => fromLonLat(c))]);
    expect(geodesicArea(polygon, 'EPSG:3857') / getArea(polygon, { projection: 'EPSG:3857' })).toBeCloseTo(1, 9);
  });

  it('measures in lon/lat maps', () => {
    const line = new LineString([PARIS, LYON]);
    expect(geodesicLength(line, 'EPSG:4326')).toBeCloseTo(haversine(PARIS, LYON), -1);
  });
});

describe('accuracy circle', () => {
  it('puts every point at the radius from the centre, on the sphere', async () => {
    const { accuracyRing } = await import('../../../src/tools/locate.js');
    const ring = accuracyRing(5.72, 45.19, 120);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    for (const point of ring) expect(haversine([5.72, 45.19], point)).toBeCloseTo(120, 6);
    const polygon = new Polygon([ring]);
    // The area of a regular 64-gon inscribed in the circle.
    expect(geodesicArea(polygon, 'EPSG:4326')).toBeCloseTo(32 * 120 ** 2 * Math.sin((2 * Math.PI) / 64), 0);
  });
});
