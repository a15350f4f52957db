/**
 * The map helpers of the browser tests: a map view shown on a document, the pixel of a place, the
 * colour drawn there, a complete render, and a click the way a person makes one.
 */
import type OlMap from 'ol/Map.js';
import { transform } from 'ol/proj.js';
import type { MapContext } from '../../../src/context/types.js';
import type { Requester } from '../../../src/net/requester.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent } from './mount.js';

/**
 * Mounts a map view on a document and waits for its first complete render: every layer loaded or
 * failed. The bound is on a hang, not a speed: a busy 2-core machine drawing files read by ranges
 * took over 30 s (a test using this needs a mocha timeout above it).
 */
export async function showMap(context: MapContext, requester?: Requester, size = { width: 800, height: 600 }): Promise<{ view: CartableMapView; map: OlMap }> {
  const view = mount(new CartableMapView(), `display:block;width:${size.width}px;height:${size.height}px`);
  const shown = nextEvent(view, 'cartable-map-rendered', 90000);
  view.requester = requester;
  view.context = context;
  await shown;
  return { view, map: view.adapter!.map };
}

/** The CSS pixel of a [longitude, latitude] on the map, whatever its projection. */
export const pixelOf = (map: OlMap, lonLat: readonly number[]): number[] =>
  map.getPixelFromCoordinate(transform([...lonLat], 'EPSG:4326', map.getView().getProjection()));

/** The RGBA of the topmost layer canvas that draws something at a CSS pixel ([0,0,0,0]: nothing). */
export function colourAt(map: OlMap, [x, y]: readonly number[]): number[] {
  const canvases = [...map.getViewport()!.querySelectorAll('canvas')].reverse();
  for (const canvas of canvases) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) continue;
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0) continue;
    const ratio = canvas.width / rect.width;
    const data = [...context.getImageData(Math.round(x! * ratio), Math.round(y! * ratio), 1, 1).data];
    if (data[3]! > 0) return data;
  }
  return [0, 0, 0, 0];
}

/** Asks for a frame and waits until OpenLayers has drawn it with every source loaded ('rendercomplete'). */
export const rendered = (map: OlMap): Promise<void> =>
  new Promise((resolve) => {
    map.once('rendercomplete', () => resolve());
    map.render();
  });

/**
 * Clicks the map at a CSS pixel the way a person would (pointer events on the viewport). Resolves on
 * OpenLayers' 'singleclick', sent once the double-click delay has passed: the click has been handled,
 * and the next click will not make a double click with it.
 */
export async function clickPixel(map: OlMap, [x, y]: readonly number[]): Promise<void> {
  const viewport = map.getViewport()!;
  const rect = viewport.getBoundingClientRect();
  const init = { bubbles: true, composed: true, clientX: rect.left + x!, clientY: rect.top + y!, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0 };
  const single = new Promise<void>((resolve) => map.once('singleclick', () => resolve()));
  viewport.dispatchEvent(new PointerEvent('pointermove', init));
  viewport.dispatchEvent(new PointerEvent('pointerdown', init));
  viewport.dispatchEvent(new PointerEvent('pointerup', init));
  viewport.dispatchEvent(new MouseEvent('click', init));
  await single;
}
