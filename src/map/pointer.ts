import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import type { Pixel } from 'ol/pixel.js';
import type { Coordinate } from 'ol/coordinate.js';
import { unByKey } from 'ol/Observable.js';
import { hitTolerance, hitVectorLayers } from '../identify/hit.js';
import type { IdentifyGroup } from '../identify/types.js';

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

/**
 * Turns clicks into identify events and pointer moves into hover events (mouse only). Clicks answer
 * at once ('click', not 'singleclick', which waits 250 ms to rule out a double click); a double click
 * is reported so that the record its first click opened can be closed.
 */
export function wirePointer(map: OlMap, wiring: PointerWiring): () => void {
  const double = map.on('dblclick', () => wiring.onDoubleClick?.());
  const click = map.on('click', (event: MapBrowserEvent) => {
    const pointerType = (event.originalEvent as PointerEvent).pointerType;
    const groups = hitVectorLayers(map, event.pixel, { layerIds: wiring.queryable(), tolerance: hitTolerance(pointerType) });
    const services = wiring.askServices(event.coordinate);
    wiring.onIdentify({ coordinate: event.coordinate, pixel: event.pixel, groups, services: services.answers, asksServices: services.asks });
  });
  let frame = 0;
  let last: Pixel | undefined;
  const move = map.on('pointermove', (event: MapBrowserEvent) => {
    if (event.dragging || (event.originalEvent as PointerEvent).pointerType === 'touch') return;
    last = event.pixel;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const layerIds = wiring.tooltips();
      const queryable = wiring.queryable();
      if (!last) return;
      const groups = hitVectorLayers(map, last, { layerIds: new Set([...layerIds, ...queryable]), tolerance: 4 });
      map.getTargetElement()?.style.setProperty('cursor', groups.some((g) => queryable.has(g.layerId)) ? 'pointer' : '');
      const group = groups.find((g) => layerIds.has(g.layerId));
      wiring.onHover(group ? { pixel: last, group } : undefined);
    });
  });
  const leave = (): void => wiring.onHover(undefined);
  const viewport = map.getViewport()!;
  viewport.addEventListener('pointerleave', leave);
  return () => {
    unByKey([click, double, move]);
    cancelAnimationFrame(frame);
    viewport.removeEventListener('pointerleave', leave);
  };
}
