import { fromLonLat } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import { drawCompactPoints, lonLatToMercator, lowerBound, readCompactPoints, writeCompactPoints } from '../../../src/layers/points/compact.js';

describe('compact points', () => {
  it('projects like OpenLayers', () => {
    for (const lonLat of [[5.7245, 45.1885], [-179, -80], [0, 0]] as [number, number][]) {
      const [x, y] = lonLatToMercator(...lonLat);
      const [ox, oy] = fromLonLat(lonLat);
      expect(x).toBeCloseTo(ox!, 3);
      expect(y).toBeCloseTo(oy!, 3);
    }
  });

  it('writes 8 bytes a point, sorted by x, and reads them back; leaves out what is not a number', () => {
    const bytes = writeCompactPoints([5.7, 45.2, -1, 47, Number.NaN, 3, 2.35, 48.85]);
    expect(bytes.byteLength).toBe(8 + 3 * 8);
    const points = readCompactPoints(bytes.buffer as ArrayBuffer);
    expect(points.count).toBe(3);
    const xs = [0, 1, 2].map((i) => points.xy[2 * i]!);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(points.xy[1]).toBeCloseTo(fromLonLat([-1, 47])[1]!, -1);
    expect(lowerBound(points.xy, 3, fromLonLat([0, 0])[0]!)).toBe(1);
    expect(() => readCompactPoints(new ArrayBuffer(4))).toThrow();
    expect(() => readCompactPoints(bytes.buffer.slice(0, 20) as ArrayBuffer)).toThrow(/too early/);
  });

  it('draws only the points in the extent, once per pixel', () => {
    const points = readCompactPoints(writeCompactPoints([5.7, 45.2, 5.70001, 45.20001, 2.35, 48.85, -120, 40]).buffer as ArrayBuffer);
    const rects: number[][] = [];
    const context = { fillStyle: '', fillRect: (...args: number[]) => rects.push(args) } as unknown as CanvasRenderingContext2D;
    const extent = [...fromLonLat([0, 40]), ...fromLonLat([10, 50])];
    const drawn = drawCompactPoints(context, points, { extent, resolution: 1000, pixelRatio: 1, width: 1200, height: 1600 }, { color: '#f00', radius: 1 });
    // Grenoble twice on one pixel (drawn once) and Paris; not the American point.
    expect(drawn).toBe(2);
    expect(rects).toHaveLength(2);
  });
});
