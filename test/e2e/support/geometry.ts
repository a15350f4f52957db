/**
 * Geometry of the screen for the flow tests of issue 18: nothing the person just opened is covered,
 * the place is inside the map area left free by open panels, the header's height, the rows a table
 * shows. Boxes come from Playwright locators (CSS pixels of the viewport); the free area is the
 * app's own rule (src/ui/layout/free-area.ts).
 */
import type { Locator } from 'playwright-core';
import { containsPoint, freeMapArea, heightOf, intersection, rectFromBox, type Rect } from '../../../src/ui/layout/free-area.js';
import { waitUntil } from '../../support/wait-until.js';

export type { Rect };
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The box of a visible element (fails, naming it, when it has none). */
export async function boxOf(locator: Locator): Promise<Rect> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box: ${locator.toString()} is not shown`);
  return rectFromBox(box);
}

/** The boxes of those elements that are shown (a closed panel has no box and covers nothing). */
export async function shownBoxes(locators: readonly Locator[]): Promise<Rect[]> {
  const boxes = await Promise.all(locators.map(async (l) => ((await l.count()) > 0 && (await l.first().isVisible()) ? rectFromBox((await l.first().boundingBox())!) : undefined)));
  return boxes.filter((b): b is Rect => b !== undefined);
}

/** A 5 × 5 grid of points inside a box (inset so that borders and rounded corners do not count). */
export function samplePoints(box: Rect, inset = 4, steps = 5): Point[] {
  const points: Point[] = [];
  const left = box.left + inset;
  const top = box.top + inset;
  const width = Math.max(0, box.right - box.left - 2 * inset);
  const height = Math.max(0, box.bottom - box.top - 2 * inset);
  for (let i = 0; i < steps; i++) for (let j = 0; j < steps; j++) points.push({ x: left + (width * i) / (steps - 1), y: top + (height * j) / (steps - 1) });
  return points;
}

/**
 * The points of `target` where something else is on top, each with what covers it ("tag.class").
 * Hit-tests through shadow roots; a point outside the viewport counts as covered ("off-screen").
 */
export async function coveredPoints(target: Locator, points?: readonly Point[]): Promise<Array<Point & { by: string }>> {
  const sample = points ?? samplePoints(await boxOf(target));
  return target.evaluate((element, sample) => {
    const deepest = (x: number, y: number): Element | null => {
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return hit;
    };
    const within = (node: Node | null): boolean => {
      for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === element) return true;
      return false;
    };
    const name = (e: Element | null): string => (e ? `${e.localName}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}` : 'off-screen');
    return sample
      .filter(({ x, y }) => x < 0 || y < 0 || x >= innerWidth || y >= innerHeight || !within(deepest(x, y)))
      .map(({ x, y }) => ({ x, y, by: name(deepest(x, y)) }));
  }, sample);
}

/**
 * The element's box once it stays put for two frames: a record placed beside its anchor, or a map
 * panning to show it, moves for a moment after it appears (fails if it never settles).
 */
export async function settledBox(target: Locator, maxLooks = 300): Promise<Rect> {
  let previous = await boxOf(target);
  for (let look = 0; look < maxLooks; look++) {
    await target.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const box = await boxOf(target);
    if (JSON.stringify(box) === JSON.stringify(previous)) return box;
    previous = box;
  }
  throw new Error(`the element still moves after ${maxLooks} looks`);
}

/**
 * Fails with what covers it when something lies over the element the person just opened (once it has
 * settled). A map that starts panning to frame the element after two still frames moves it while the
 * points are read: the points count only when the box is the same after the reading.
 */
export async function assertNotCovered(target: Locator, what: string, maxReadings = 20): Promise<void> {
  for (let reading = 0; reading < maxReadings; reading++) {
    const box = await settledBox(target);
    const covered = await coveredPoints(target, samplePoints(box));
    if (JSON.stringify(await boxOf(target)) !== JSON.stringify(box)) continue;
    if (covered.length) throw new Error(`${what} is covered at ${covered.length} of 25 points, by ${[...new Set(covered.map((c) => c.by))].join(', ')}`);
    return;
  }
  throw new Error(`${what} still moves after ${maxReadings} readings`);
}

/** The map area the shown covers leave free (undefined when they hide it all). */
export async function freeAreaOf(map: Locator, covers: readonly Locator[]): Promise<Rect | undefined> {
  return freeMapArea(await boxOf(map), await shownBoxes(covers));
}

/** Fails unless the place (page pixels) lies inside the free map area, `margin` pixels from its edges. */
export async function assertInFreeArea(place: Point, map: Locator, covers: readonly Locator[], margin = 0): Promise<void> {
  const free = await freeAreaOf(map, covers);
  const inner = free && { left: free.left + margin, top: free.top + margin, right: free.right - margin, bottom: free.bottom - margin };
  if (!inner || !containsPoint(inner, place)) throw new Error(`the place ${JSON.stringify(place)} is outside the free map area ${JSON.stringify(free)}`);
}

/**
 * Waits until the place is inside the free map area (the map may still be moving to it); fails with
 * the last reason after `timeout` ms.
 */
export async function waitForInFreeArea(place: () => Promise<Point>, map: Locator, covers: readonly Locator[], margin = 0, timeout = 10_000): Promise<void> {
  await waitUntil(async () => (await assertInFreeArea(await place(), map, covers, margin), true), { what: 'the place inside the free map area', timeoutMs: timeout });
}

/** The header's height in CSS pixels. */
export async function headerHeight(header: Locator): Promise<number> {
  return heightOf(await boxOf(header));
}

/** The share of the viewport's height the map keeps (0–1). */
export async function mapShare(map: Locator): Promise<number> {
  const innerHeight = await map.evaluate(() => window.innerHeight);
  return heightOf(await boxOf(map)) / innerHeight;
}

/** How many rows show whole inside the scrolling box `viewport` (rows are found inside it, through shadow roots). */
export async function visibleRows(viewport: Locator, rowSelector: string): Promise<number> {
  const box = await boxOf(viewport);
  const rows = await viewport.locator(rowSelector).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    }),
  );
  return rows.filter((r) => r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5).length;
}

/** Where a feature of a map layer is, in page pixels (from the map itself: the place the flow is about). */
export async function featurePosition(map: Locator, layerId: string, featureId: string): Promise<Point> {
  return map.evaluate(
    (_element, { layerId, featureId }) => {
      const olMap = (globalThis as any).__e2e.map();
      const layer = olMap.getAllLayers().find((l: any) => l.get('cartable:id') === layerId);
      const feature = layer.getSource().getFeatureById(featureId);
      const [x, y] = olMap.getPixelFromCoordinate(feature.getGeometry().getCoordinates());
      const box = olMap.getViewport().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    },
    { layerId, featureId },
  );
}

/** Fails, naming both, when two shown elements overlap on the screen. */
export async function assertApart(a: Locator, b: Locator, what: string): Promise<void> {
  const [boxA, boxB] = [await settledBox(a), await settledBox(b)];
  if (intersection(boxA, boxB)) throw new Error(`${what}: ${JSON.stringify(boxA)} overlaps ${JSON.stringify(boxB)}`);
}
