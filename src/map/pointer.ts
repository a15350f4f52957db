import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import type { Pixel } from 'ol/pixel.js';
import type { Coordinate } from 'ol/coordinate.js';
import { unByKey } from 'ol/Observable.js';
import { hitTolerance, hitVectorLayers } from '../identify/hit.js';
import type { IdentifyGroup } from '../identify/types.js';
import type { MapPointer, PointerAt } from './pointer-owner.js';

export * from './pointer-owner.js';

export interface IdentifyEvent {
  readonly coordinate: Coordinate;
  readonly pixel: Pixel;
  /** Features drawn at the click, found at once. */
  readonly groups: readonly IdentifyGroup[];
  /** What the services (WMS GetFeatureInfo) answer, later; empty when no such layer is queryable. */
  readonly services: Promise<IdentifyGroup[]>;
  /** True when `services` asks at least one layer. */
  readonly asksServices: boolean;
}

export interface PointerWiring {
  /** Who holds the pointer: while it is held, clicks and hovering go to its owner, not to identify. */
  readonly pointer: MapPointer;
  /** Layers whose features a click identifies (visible ones only are hit). */
  readonly queryable: () => ReadonlySet<string>;
  /** Layers that show a tooltip on hover. */
  readonly tooltips: () => ReadonlySet<string>;
  readonly onIdentify: (event: IdentifyEvent) => void;
  /** Asks the services at a point; `asks` is false when no visible layer is queryable that way. */
  readonly askServices: (coordinate: Coordinate) => { asks: boolean; answers: Promise<IdentifyGroup[]> };
  /** A double click (it zooms): what its first click opened may be closed. */
  readonly onDoubleClick?: () => void;
  readonly onHover: (hover: { pixel: Pixel; group: IdentifyGroup } | undefined) => void;
}

const at = (event: MapBrowserEvent): PointerAt => ({ coordinate: event.coordinate, pixel: event.pixel });

/**
 * Turns clicks into identify events and pointer moves into hover events (mouse only), or hands them
 * to the pointer's owner while a tool holds it. Clicks answer at once ('click', not 'singleclick',
 * which waits 250 ms to rule out a double click); a double click is reported so that the record its
 * first click opened can be closed, or, when the owner uses it, kept from zooming.
 */
export function wirePointer(map: OlMap, wiring: PointerWiring): () => void {
  const { pointer } = wiring;
  // Listeners of the map run before its interactions: returning false keeps the double click from zooming.
  const double = map.on('dblclick', (event: MapBrowserEvent) => {
    if (pointer.owner?.onDoubleClick?.(at(event))) {
      event.preventDefault();
      return false;
    }
    wiring.onDoubleClick?.();
    return true;
  });
  const click = map.on('click', (event: MapBrowserEvent) => {
    const owner = pointer.owner;
    if (owner) return owner.onClick?.(at(event));
    if (pointer.held) return;
    const pointerType = (event.originalEvent as PointerEvent).pointerType;
    const groups = hitVectorLayers(map, event.pixel, { layerIds: wiring.queryable(), tolerance: hitTolerance(pointerType) });
    const services = wiring.askServices(event.coordinate);
    wiring.onIdentify({ coordinate: event.coordinate, pixel: event.pixel, groups, services: services.answers, asksServices: services.asks });
  });
  let frame = 0;
  let last: Pixel | undefined;
  const move = map.on('pointermove', (event: MapBrowserEvent) => {
    if (event.dragging) return;
    pointer.owner?.onMove?.(at(event));
    if (pointer.held || (event.originalEvent as PointerEvent).pointerType === 'touch') return;
    last = event.pixel;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const layerIds = wiring.tooltips();
      const queryable = wiring.queryable();
      if (!last || pointer.held) return;
      const groups = hitVectorLayers(map, last, { layerIds: new Set([...layerIds, ...queryable]), tolerance: 4 });
      map.getTargetElement()?.style.setProperty('cursor', groups.some((g) => queryable.has(g.layerId)) ? 'pointer' : '');
      const group = groups.find((g) => layerIds.has(g.layerId));
      wiring.onHover(group ? { pixel: last, group } : undefined);
    });
  });
  const leave = (): void => {
    pointer.owner?.onLeave?.();
    wiring.onHover(undefined);
  };
  const viewport = map.getViewport()!;
  viewport.addEventListener('pointerleave', leave);
  return () => {
    unByKey([click, double, move]);
    cancelAnimationFrame(frame);
    viewport.removeEventListener('pointerleave', leave);
  };
}
