import type { MapAdapter } from './adapter.js';
import { watchCoordinates, type CoordinatesWatch, type PointSource } from '../tools/coordinates-watch.js';

export type { CoordinatesWatch, PointSource };

/**
 * Follows the point the coordinates tool shows on the adapter's map (tools/coordinates-watch.ts),
 * taking its pointer: the tool asks the adapter and never touches OpenLayers.
 */
export function watchMapCoordinates(
  adapter: MapAdapter,
  options: { onChange: (point: number[] | undefined, source: PointSource) => void; onTakenAway?: () => void },
): CoordinatesWatch {
  return watchCoordinates({ map: adapter.map, pointer: adapter.pointer, ...options });
}
