import type OlMap from 'ol/Map.js';
import { getPointResolution } from 'ol/proj.js';
import { composeMap } from './map-image.js';

export interface PrintedMap {
  readonly canvas: HTMLCanvasElement;
  /** Ground metres per CSS pixel of the rendered map, at its centre. */
  readonly metresPerPixel: number;
  /** The view's rotation (radians): the north arrow turns by it. */
  readonly rotation: number;
}

/**
 * Renders the map at a given pixel size (the paper's map box) around what is in view now, and gives
 * it back as one canvas; the map on screen returns to its size and view afterwards. Layers that are
 * still loading after `timeout` ms are printed as they are.
 */
export async function renderForPrint(map: OlMap, size: readonly [number, number], { timeout = 15_000 } = {}): Promise<PrintedMap> {
  const view = map.getView();
  const before = { size: map.getSize(), center: view.getCenter(), resolution: view.getResolution() };
  if (!before.size || !before.center || before.resolution === undefined) throw new Error('the map is not drawn yet');
  const extent = view.calculateExtent(before.size);
  try {
    map.setSize([...size]);
    // Everything that was in view stays in the printed map.
    view.setResolution(view.getResolutionForExtent(extent, [...size]));
    view.setCenter(before.center);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeout);
      map.once('rendercomplete', () => {
        clearTimeout(timer);
        resolve();
      });
      map.render();
    });
    const resolution = view.getResolution()!;
    const metresPerPixel = getPointResolution(view.getProjection(), resolution, before.center, 'm');
    const { canvas } = composeMap(map, { scale: 1 });
    return { canvas, metresPerPixel, rotation: view.getRotation() };
  } finally {
    map.updateSize();
    view.setResolution(before.resolution);
    view.setCenter(before.center);
  }
}
