import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import DragPan from 'ol/interaction/DragPan.js';
import MouseWheelZoom from 'ol/interaction/MouseWheelZoom.js';
import { primaryAction } from 'ol/events/condition.js';

export type GestureHint = 'wheel' | 'touch';

/** Ctrl (or ⌘) held, without Alt or Shift: the wheel zooms. */
export const zoomModifier = (event: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

/**
 * Gestures for a map inside another page (an embed): the mouse wheel zooms only with Ctrl (or ⌘),
 * a finger pans only with a second one, so the host page scrolls as usual over the map. The mouse
 * still drags the map. `onHint` is called when a gesture was left to the page, to say how to zoom
 * or pan. Returns a function that puts the usual gestures back.
 */
export function cooperativeGestures(map: OlMap, onHint: (hint: GestureHint) => void): () => void {
  const removed = map
    .getInteractions()
    .getArray()
    .filter((i) => i instanceof DragPan || i instanceof MouseWheelZoom);
  removed.forEach((i) => map.removeInteraction(i));
  const dragPan: DragPan = new DragPan({
    condition: (event: MapBrowserEvent) => {
      const pointer = (event.originalEvent as PointerEvent).pointerType;
      return pointer === 'touch' || pointer === 'pen' ? dragPan.getPointerCount() === 2 : primaryAction(event);
    },
  });
  const wheelZoom = new MouseWheelZoom({ condition: (event) => zoomModifier(event.originalEvent as WheelEvent) });
  map.addInteraction(dragPan);
  map.addInteraction(wheelZoom);

  const viewport = map.getViewport()!;
  const onWheel = (event: WheelEvent): void => {
    if (!zoomModifier(event)) onHint('wheel');
  };
  const onTouch = (event: TouchEvent): void => {
    if (event.touches.length === 1) onHint('touch');
  };
  viewport.addEventListener('wheel', onWheel, { passive: true });
  viewport.addEventListener('touchmove', onTouch, { passive: true });
  return () => {
    viewport.removeEventListener('wheel', onWheel);
    viewport.removeEventListener('touchmove', onTouch);
    map.removeInteraction(dragPan);
    map.removeInteraction(wheelZoom);
    removed.forEach((i) => map.addInteraction(i));
  };
}
