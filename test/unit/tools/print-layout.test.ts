import { describe, expect, it } from 'vitest';
import { printLayout, scaleBar, scaleDenominator } from '../../../src/tools/print-layout.js';

describe('print layout', () => {
  it.each([
    ['A4', 'portrait', [210, 297]],
    ['A4', 'landscape', [297, 210]],
    ['A3', 'portrait', [297, 420]],
    ['A3', 'landscape', [420, 297]],
  ] as const)('fits the map and the legend inside the margins of %s %s', (paper, orientation, page) => {
    const layout = printLayout(paper, orientation);
    expect(layout.page).toEqual(page);
    expect(layout.content).toEqual([page[0] - 20, page[1] - 20]);
    const [mapW, mapH] = layout.map;
    const [sideW, sideH] = layout.side;
    if (orientation === 'landscape') {
      expect(layout.sideBeside).toBe(true);
      expect(mapW + sideW).toBeLessThanOrEqual(layout.content[0]);
      expect(mapH).toBe(sideH);
      expect(mapW / mapH).toBeGreaterThan(1.2); // a wide map on a wide page
    } else {
      expect(layout.sideBeside).toBe(false);
      expect(mapH + sideH).toBeLessThanOrEqual(layout.content[1]);
      expect(mapW).toBe(layout.content[0]);
    }
    expect(mapH).toBeGreaterThan(layout.content[1] * 0.5);
  });

  it('gives A3 about twice the map area of A4, in a similar shape', () => {
    const a4 = printLayout('A4', 'landscape').map;
    const a3 = printLayout('A3', 'landscape').map;
    expect((a3[0] * a3[1]) / (a4[0] * a4[1])).toBeGreaterThan(1.9);
    expect(Math.abs(a3[0] / a3[1] - a4[0] / a4[1])).toBeLessThan(0.1);
  });
});

describe('scale bar and scale', () => {
  it('picks a round ground length close to the wanted paper length', () => {
    // 1 mm of paper = 25 m of ground (1 : 25 000): 30 mm ≈ 750 m → 500 m or 1 km; 1 km is 40 mm, 500 m is 20 mm.
    expect(scaleBar(25)).toEqual({ metres: 500, mm: 20 });
    expect(scaleBar(1000)).toEqual({ metres: 20_000, mm: 20 });
    expect(scaleBar(40)).toEqual({ metres: 1000, mm: 25 });
    expect(scaleBar(3.4).metres).toBe(100);
  });

  it('rounds the scale denominator to two significant digits', () => {
    expect(scaleDenominator(25)).toBe(25_000);
    expect(scaleDenominator(1_337.2)).toBe(1_300_000);
    expect(scaleDenominator(0.5)).toBe(500);
  });
});
