import { fromLonLat } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import { lonLatToMercator, lowerBound, readCompactPoints, writeCompactPoints } from '../../../src/layers/points/compact.js';
import { compileStyle } from '../../../src/layers/points/compact-style.js';
import { drawPoints, type LoadedPoints } from '../../../src/layers/points/create.js';
import { buildPointGrid } from '../../../src/layers/points/grid.js';

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

  it('draws only the points in the extent, once per pixel, each with its symbol; labels without overlap', () => {
    const points = readCompactPoints(writeCompactPoints([5.7, 45.2, 5.70001, 45.20001, 2.35, 48.85, -120, 40, 2.36, 48.86]).buffer as ArrayBuffer);
    const xy = Float64Array.from(points.xy);
    // Sorted by x: the American point, Paris, Paris bis, Grenoble, Grenoble bis.
    const columns = { kind: ['a', 'b', 'c', 'b', 'b'], nom: ['US', 'Paris', 'Paris bis', 'Grenoble', 'Grenoble bis'] };
    const dot = (color: string) => ({ marker: { shape: 'circle' as const, radius: 1, fill: { color } } });
    const style = {
      categories: { field: 'kind', values: [{ value: 'b', symbol: dot('#00f') }, { value: 'c', symbol: dot('#0f0') }] },
      label: { field: 'nom', color: '#000', haloColor: '#fff', size: 12 },
    };
    const data: LoadedPoints = { count: 5, skipped: 0, xy, columns, cores: compileStyle(style, columns, 5), grid: buildPointGrid(xy, 5) };
    const stamps: string[] = [];
    const texts: string[] = [];
    const context = {
      drawImage: (image: { id: string }) => stamps.push(image.id),
      measureText: (text: string) => ({ width: text.length * 7 }),
      strokeText: () => undefined,
      fillText: (text: string) => texts.push(text),
    } as unknown as CanvasRenderingContext2D;
    const extent = [...fromLonLat([0, 40]), ...fromLonLat([10, 50])];
    const sprites = () => [{ image: { id: 'blue' } as unknown as HTMLCanvasElement, half: 1 }, { image: { id: 'green' } as unknown as HTMLCanvasElement, half: 1 }];
    const drawn = drawPoints(context, data, { extent, resolution: 1000, pixelRatio: 1, width: 1200, height: 1600, scale: 1e6 }, sprites);
    // Grenoble twice on one pixel (drawn once), Paris and Paris bis (1.4 km apart: two pixels); no American point, no category "a" (no base symbol).
    expect(drawn).toBe(3);
    expect(stamps).toEqual(['blue', 'green', 'blue']);
    // Paris bis would overlap the label of Paris: left out.
    expect(texts).toEqual(['Paris', 'Grenoble']);
  });
});
