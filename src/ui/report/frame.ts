import type { MapAdapter } from '../../map/adapter.js';
import { mapRectOf } from '../../report/map-glue.js';
import { fitPlace, type PlaceExtent } from '../layout/free-area.js';

/** Pixels kept between the framed place and the edges of the free area. */
const MARGIN = 40;

/**
 * Frames a box of the view's projection in the map area that `covers` (shown panels) leave free,
 * so the place is not under the report. Resolves once the view has moved.
 */
export async function frameInFreeArea(adapter: MapAdapter, extent: readonly number[], covers: readonly Element[], duration?: number): Promise<void> {
  const mapRect = mapRectOf(adapter.map);
  if (!mapRect || extent.length < 4) return;
  const shown = covers.filter((c) => c.isConnected && !(c as HTMLElement).hidden).map((c) => c.getBoundingClientRect());
  let moved: Promise<void> = Promise.resolve();
  const [minX, minY, maxX, maxY] = extent as [number, number, number, number];
  fitPlace([minX, minY, maxX, maxY] satisfies PlaceExtent, {
    mapRect,
    covers: shown,
    margin: MARGIN,
    fit: (box, padding) => (moved = adapter.fitPlace(box, padding, { duration })),
  });
  return moved;
}
