import { describe, expect, it } from 'vitest';
import { containsPoint, containsRect, fitPlace, freeMapArea, intersection, paddingFor, rectFromBox, type Padding, type PlaceExtent, type Rect } from '../../../../src/ui/layout/free-area.js';

/** A map of 1000 × 600 px whose top left corner is at (0, 48) (under a header). */
const MAP: Rect = { left: 0, top: 48, right: 1000, bottom: 648 };

describe('freeMapArea', () => {
  it('is the whole map when nothing covers it', () => {
    expect(freeMapArea(MAP, [])).toEqual(MAP);
  });

  it('leaves the part beside a panel on the right (the report)', () => {
    expect(freeMapArea(MAP, [{ left: 600, top: 48, right: 1000, bottom: 648 }])).toEqual({ left: 0, top: 48, right: 600, bottom: 648 });
  });

  it('leaves the part above a phone sheet', () => {
    const phone: Rect = { left: 0, top: 56, right: 390, bottom: 844 };
    const sheet: Rect = { left: 0, top: 400, right: 390, bottom: 844 };
    expect(freeMapArea(phone, [sheet])).toEqual({ left: 0, top: 56, right: 390, bottom: 400 });
  });

  it('ignores what lies outside the map (the side panel beside it, the header above it)', () => {
    expect(freeMapArea(MAP, [{ left: -300, top: 48, right: 0, bottom: 648 }, { left: 0, top: 0, right: 1000, bottom: 48 }])).toEqual(MAP);
  });

  it('finds the largest free rectangle between several covers', () => {
    const popup: Rect = { left: 0, top: 48, right: 300, bottom: 300 }; // top left
    const table: Rect = { left: 0, top: 500, right: 1000, bottom: 648 }; // bottom
    const free = freeMapArea(MAP, [popup, table])!;
    expect(free).toEqual({ left: 300, top: 48, right: 1000, bottom: 500 });
    for (const cover of [popup, table]) expect(intersection(free, cover)).toBeUndefined();
  });

  it('is undefined when the covers hide the whole map', () => {
    expect(freeMapArea(MAP, [{ left: -10, top: 0, right: 1010, bottom: 700 }])).toBeUndefined();
  });
});

describe('paddingFor', () => {
  it('pads by the covered part and the margin, in OpenLayers order (top, right, bottom, left)', () => {
    const free = { left: 0, top: 48, right: 600, bottom: 648 };
    expect(paddingFor(MAP, free, 20)).toEqual([20, 420, 20, 20]);
  });

  it('keeps the margin alone when nothing is free', () => {
    expect(paddingFor(MAP, undefined, 16)).toEqual([16, 16, 16, 16]);
  });

  it('shrinks the margin to leave a free area thinner than two margins some room', () => {
    const thin = { left: 0, top: 48, right: 1000, bottom: 68 }; // 20 px high
    const [top, , bottom] = paddingFor(MAP, thin, 24);
    expect(600 - top - bottom).toBeGreaterThan(0);
  });
});

describe('fitPlace', () => {
  it('fits the place with the padding of the free area, through the callback', () => {
    const calls: Array<[PlaceExtent, Padding]> = [];
    const extent: PlaceExtent = [1, 2, 3, 4];
    const padding = fitPlace(extent, {
      mapRect: MAP,
      covers: [{ left: 0, top: 400, right: 1000, bottom: 648 }],
      margin: 10,
      fit: (e, p) => calls.push([e, p]),
    });
    expect(calls).toEqual([[extent, [10, 10, 258, 10]]]);
    expect(padding).toEqual([10, 10, 258, 10]);
  });
});

describe('rectangle helpers', () => {
  it('reads a bounding box, tests points and rectangles inside', () => {
    const r = rectFromBox({ x: 10, y: 20, width: 100, height: 50 });
    expect(r).toEqual({ left: 10, top: 20, right: 110, bottom: 70 });
    expect(containsPoint(r, { x: 10, y: 70 })).toBe(true);
    expect(containsPoint(r, { x: 9, y: 30 })).toBe(false);
    expect(containsRect(r, { left: 20, top: 30, right: 110, bottom: 60 })).toBe(true);
    expect(containsRect(r, { left: 20, top: 30, right: 111, bottom: 60 })).toBe(false);
    expect(intersection(r, { left: 110, top: 20, right: 200, bottom: 70 })).toBeUndefined();
  });
});
