/**
 * The part of the map that open panels leave free, and the view padding that frames a place in it.
 * Pure geometry in CSS pixels: no DOM and no OpenLayers (the session applies the padding to the view).
 */

/** A rectangle in CSS pixels (a DOMRect is one). */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** OpenLayers' order for `view.fit({ padding })`: top, right, bottom, left. */
export type Padding = readonly [top: number, right: number, bottom: number, left: number];

/** A map extent [minX, minY, maxX, maxY] in the view's projection (a point is an extent of size 0). */
export type PlaceExtent = readonly [number, number, number, number];

export function rectFromBox(box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }): Rect {
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

export const widthOf = (r: Rect): number => Math.max(0, r.right - r.left);
export const heightOf = (r: Rect): number => Math.max(0, r.bottom - r.top);
export const areaOf = (r: Rect): number => widthOf(r) * heightOf(r);

/** The common part of two rectangles, or undefined when they do not overlap (touching edges do not). */
export function intersection(a: Rect, b: Rect): Rect | undefined {
  const r = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return r.left < r.right && r.top < r.bottom ? r : undefined;
}

export function containsPoint(r: Rect, point: { readonly x: number; readonly y: number }): boolean {
  return point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
}

/**
 * The largest rectangle of `mapRect` that no cover overlaps, or undefined when the covers hide it all.
 * Exact: its edges are among the edges of the map and of the covers (a handful of panels: a few
 * thousand candidates at most).
 */
export function freeMapArea(mapRect: Rect, covers: readonly Rect[]): Rect | undefined {
  const inMap = covers.map((c) => intersection(c, mapRect)).filter((c): c is Rect => c !== undefined);
  if (inMap.length === 0) return areaOf(mapRect) > 0 ? mapRect : undefined;
  const xs = edges([mapRect.left, mapRect.right, ...inMap.flatMap((c) => [c.left, c.right])]);
  const ys = edges([mapRect.top, mapRect.bottom, ...inMap.flatMap((c) => [c.top, c.bottom])]);
  let best: Rect | undefined;
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      for (let k = 0; k < ys.length; k++)
        for (let l = k + 1; l < ys.length; l++) {
          const candidate = { left: xs[i]!, right: xs[j]!, top: ys[k]!, bottom: ys[l]! };
          if (best && areaOf(candidate) <= areaOf(best)) continue;
          if (inMap.every((c) => !intersection(c, candidate))) best = candidate;
        }
  return best;
}

const edges = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/**
 * The view padding that keeps a fitted place inside `free`, with `margin` pixels around it. When
 * nothing is free, the margin alone (the place is framed in the whole map).
 */
export function paddingFor(mapRect: Rect, free: Rect | undefined, margin = 24): Padding {
  const area = free ?? mapRect;
  // A free area thinner than its margins would leave OpenLayers no room: the margin goes first.
  const m = Math.max(0, Math.min(margin, (widthOf(area) - 1) / 2, (heightOf(area) - 1) / 2));
  return [area.top - mapRect.top + m, mapRect.right - area.right + m, mapRect.bottom - area.bottom + m, area.left - mapRect.left + m];
}

export interface FitPlaceOptions {
  /** The map's box on the screen. */
  readonly mapRect: Rect;
  /** The boxes of the panels, sheets and overlays shown now. */
  readonly covers: readonly Rect[];
  /** Pixels kept around the place inside the free area. */
  readonly margin?: number;
  /** Moves the view: the session calls its view's fit with this padding. */
  readonly fit: (extent: PlaceExtent, padding: Padding) => void;
}

/** Frames a place in the map area the open panels leave free; returns the padding it used. */
export function fitPlace(extent: PlaceExtent, { mapRect, covers, margin, fit }: FitPlaceOptions): Padding {
  const padding = paddingFor(mapRect, freeMapArea(mapRect, covers), margin);
  fit(extent, padding);
  return padding;
}
