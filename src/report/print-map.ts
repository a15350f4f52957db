/**
 * The map extract of the printed report: the map frames the place, draws it, and its image is taken
 * (the layers whose pixels may not be read are left out and named by id).
 */
import type OlMap from 'ol/Map.js';
import { LAYER_ID_KEY } from '../layers/keys.js';
import { composeMap } from '../tools/map-image.js';

export interface PrintedMap {
  /** A PNG data URL, or undefined when the canvas could not be read. */
  readonly image?: string;
  /** Ids of the layers left out of the image because their pixels may not be read. */
  readonly forbiddenIds: readonly string[];
}

/** Waits for the map's next complete frame (layers loaded), at most `timeout` ms. */
function rendered(map: OlMap, timeout = 8000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout);
    map.once('rendercomplete', () => {
      clearTimeout(timer);
      resolve();
    });
    map.render();
  });
}

/** Frames the place (`frame` moves the view), waits for the frame, and takes the map's image. */
export async function printedMap(map: OlMap, frame: () => Promise<void>): Promise<PrintedMap> {
  await frame();
  await rendered(map);
  const { canvas, forbidden } = composeMap(map, { readable: true, scale: 1 });
  let image: string | undefined;
  try {
    image = canvas.toDataURL('image/png');
  } catch {
    image = undefined;
  }
  return { image, forbiddenIds: forbidden.map((l) => String(l.get(LAYER_ID_KEY) ?? '')) };
}
