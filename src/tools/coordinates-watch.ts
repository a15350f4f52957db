import type OlMap from 'ol/Map.js';
import type { Coordinate } from 'ol/coordinate.js';
import { containsXY } from 'ol/extent.js';
import type { EventsKey } from 'ol/events.js';
import { unByKey } from 'ol/Observable.js';
import type { MapPointer } from '../map/pointer-owner.js';

/** Where the shown point comes from: under the pointer, clicked (pinned), or the map's centre (the crosshair). */
export type PointSource = 'pointer' | 'picked' | 'centre';

export interface CoordinatesWatch {
  /** The code of the map's projection (coordinates are in it). */
  readonly projection: string;
  /** Pins a point, as a click does. */
  pick(coordinate: Coordinate): void;
  /** Moves the map to a point (street-level zoom at least); false when the map cannot show it. */
  goTo(coordinate: Coordinate): boolean;
  dispose(): void;
}

/**
 * Follows the point the coordinates tool shows: the pointer while it moves over the map (once a
 * frame), a clicked point until the next click, else the map's centre. It takes the map's pointer
 * (no records open on click) for as long as it lives.
 */
export function watchCoordinates(options: {
  map: OlMap;
  pointer: MapPointer;
  onChange: (point: Coordinate | undefined, source: PointSource) => void;
  /** Another tool took the pointer: the watch has stopped listening (dispose it). */
  onTakenAway?: () => void;
}): CoordinatesWatch {
  const { map, onChange } = options;
  const view = map.getView();
  let source: PointSource = 'centre';
  let frame = 0;
  const show = (point: Coordinate | undefined, from: PointSource): void => {
    cancelAnimationFrame(frame);
    source = from;
    onChange(point, from);
  };
  const hold = options.pointer.take({
    name: 'coordinates',
    onMove: ({ coordinate }) => {
      if (source === 'picked') return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (source !== 'picked') show(coordinate, 'pointer');
      });
    },
    onLeave: () => {
      if (source === 'pointer') show(view.getCenter(), 'centre');
    },
    onClick: ({ coordinate }) => show(coordinate, 'picked'),
    onTakenAway: () => options.onTakenAway?.(),
  });
  const keys: EventsKey[] = [
    map.on('moveend', () => {
      if (source === 'centre') show(view.getCenter(), 'centre');
    }),
  ];
  show(view.getCenter(), 'centre');
  return {
    projection: view.getProjection().getCode(),
    pick: (coordinate) => show(coordinate, 'picked'),
    goTo(target) {
      const extent = view.getProjection().getExtent();
      if (!target.every(Number.isFinite) || (extent && !containsXY(extent, target[0]!, target[1]!))) return false;
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      view.animate({ center: target, zoom: Math.max(view.getZoom() ?? 0, 13), duration: reduce ? 0 : 400 });
      return true;
    },
    dispose() {
      hold.release();
      cancelAnimationFrame(frame);
      unByKey(keys);
    },
  };
}
