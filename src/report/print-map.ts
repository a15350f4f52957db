/**
 * The map extract of the printed report: the map is drawn at the paper's map box (the text's width,
 * 150 dpi), framing the place, and its image is taken (the layers whose pixels may not be read are
 * left out and named by id); then the map on screen returns to its size and view. The scale bar and
 * the legend read the printed view's measures.
 */
import type OlMap from 'ol/Map.js';
import type { Extent } from 'ol/extent.js';
import { getPointResolution } from 'ol/proj.js';
import { LAYER_ID_KEY } from '../layers/keys.js';
import { resolutionToScale } from '../styles/scale.js';
import { composeMap } from '../tools/map-image.js';
import { PRINT_PX_PER_MM } from '../tools/print-layout.js';

/** The printed report's page: A4 portrait, its margins, and the map box (the text's width). */
export const REPORT_PAGE_MM = { width: 210, margin: 12 } as const;
export const REPORT_MAP_MM: readonly [number, number] = [REPORT_PAGE_MM.width - 2 * REPORT_PAGE_MM.margin, 115];

export interface PrintedMap {
  /** A PNG data URL, or undefined when the canvas could not be read. */
  readonly image?: string;
  /** Ids of the layers left out of the image because their pixels may not be read. */
  readonly forbiddenIds: readonly string[];
  /** Ground metres per pixel of the image, at its centre. */
  readonly metresPerPixel?: number;
  /** The image's size in pixels. */
  readonly size?: readonly [number, number];
  /** The view's rotation (radians): the north arrow turns by it. */
  readonly rotation?: number;
  /** The OGC scale denominator the map was drawn at (which legend entries and layers show). */
  readonly scale?: number;
}

/** Waits for the map's next complete frame (layers loaded), at most `timeout` ms. */
function rendered(map: OlMap, timeout: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout);
    map.once('rendercomplete', () => {
      clearTimeout(timer);
      resolve();
    });
    map.render();
  });
}

/**
 * Draws the map at `size` pixels (the paper's map box by default) around `extent` with a margin,
 * waits for the frame (layers still loading after `timeout` ms are printed as they are) and takes
 * its image. The map on screen is given back its size and view.
 */
export async function printedMap(
  map: OlMap,
  extent: Extent,
  { size = REPORT_MAP_MM.map((mm) => Math.round(mm * PRINT_PX_PER_MM)) as unknown as readonly [number, number], timeout = 10_000 } = {},
): Promise<PrintedMap> {
  const view = map.getView();
  const before = { center: view.getCenter(), resolution: view.getResolution(), constrained: view.getConstrainResolution() };
  const margin = Math.round(Math.min(...size) * 0.06);
  try {
    // The place as large as the paper allows, not at the zoom level below it.
    view.setConstrainResolution(false);
    // The map's resize observer may give it back its element's size meanwhile (it fires once after a
    // map is made, and whenever its element is resized): then it is drawn again at the paper's size.
    for (let attempt = 0; attempt < 3; attempt++) {
      map.setSize([...size]);
      view.fit(extent, { size: [...size], padding: [margin, margin, margin, margin], duration: 0 });
      await rendered(map, timeout);
      const now = map.getSize();
      if (now?.[0] === size[0] && now[1] === size[1]) break;
    }
    const { canvas, forbidden } = composeMap(map, { readable: true, scale: 1 });
    let image: string | undefined;
    try {
      image = canvas.toDataURL('image/png');
    } catch {
      image = undefined;
    }
    const resolution = view.getResolution() ?? 1;
    const projection = view.getProjection();
    return {
      image,
      forbiddenIds: forbidden.map((l) => String(l.get(LAYER_ID_KEY) ?? '')),
      metresPerPixel: getPointResolution(projection, resolution, view.getCenter()!, 'm'),
      size: [canvas.width, canvas.height],
      rotation: view.getRotation(),
      scale: resolutionToScale(resolution, projection.getMetersPerUnit() ?? 1),
    };
  } finally {
    view.setConstrainResolution(before.constrained);
    map.updateSize();
    if (before.resolution !== undefined) view.setResolution(before.resolution);
    if (before.center) view.setCenter(before.center);
  }
}
