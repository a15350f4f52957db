import { fromLonLat } from 'ol/proj.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';

/** Clicks the map at a lon/lat the way a person would (pointer events on the viewport). */
export function clickAt(view: CartableMapView, lonLat: readonly number[]): void {
  const map = view.adapter!.map;
  const [x, y] = map.getPixelFromCoordinate(fromLonLat([...lonLat]));
  const viewport = map.getViewport()!;
  const rect = viewport.getBoundingClientRect();
  const init = { bubbles: true, composed: true, clientX: rect.left + x!, clientY: rect.top + y!, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0 };
  viewport.dispatchEvent(new PointerEvent('pointerdown', init));
  viewport.dispatchEvent(new PointerEvent('pointerup', init));
  viewport.dispatchEvent(new MouseEvent('click', init));
}
