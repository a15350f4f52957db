import type OlMap from 'ol/Map.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import type Polygon from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import type { Coordinate } from 'ol/coordinate.js';

export type MarkKind = 'place' | 'position' | 'accuracy';

export interface Marks {
  /** Marks one place (a « go to » target, a pinned coordinate); replaces the last. */
  place(coordinate: Coordinate | undefined): void;
  /** Marks the person's position with its accuracy circle (already in the view's projection). */
  position(coordinate: Coordinate | undefined, accuracy?: Polygon): void;
  /** The marked features, for tests and exports. */
  features(): Feature[];
  dispose(): void;
}

const STYLES: Record<MarkKind, Style[]> = {
  place: [
    new Style({ image: new Circle({ radius: 11, stroke: new Stroke({ color: '#fff', width: 5 }) }) }),
    new Style({ image: new Circle({ radius: 11, stroke: new Stroke({ color: '#c2185b', width: 3 }) }) }),
    new Style({ image: new Circle({ radius: 3, fill: new Fill({ color: '#c2185b' }) }) }),
  ],
  position: [new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: '#1a73e8' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) })],
  accuracy: [new Style({ fill: new Fill({ color: 'rgba(26, 115, 232, 0.15)' }), stroke: new Stroke({ color: 'rgba(26, 115, 232, 0.7)', width: 1.5 }) })],
};

/** A layer of its own, above the document's layers, for what the tools mark on the map. */
export function createMarks(map: OlMap): Marks {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    zIndex: 10_001,
    properties: { 'cartable:tool': 'marks' },
    style: (feature) => STYLES[feature.get('kind') as MarkKind],
  });
  map.addLayer(layer);
  const replace = (kinds: MarkKind[], features: Feature[]): void => {
    source.getFeatures().filter((f) => kinds.includes(f.get('kind'))).forEach((f) => source.removeFeature(f));
    source.addFeatures(features);
  };
  const feature = (kind: MarkKind, geometry: Point | Polygon): Feature => new Feature({ kind, geometry });
  return {
    place(coordinate) {
      replace(['place'], coordinate ? [feature('place', new Point(coordinate))] : []);
    },
    position(coordinate, accuracy) {
      replace(['position', 'accuracy'], coordinate ? [...(accuracy ? [feature('accuracy', accuracy)] : []), feature('position', new Point(coordinate))] : []);
    },
    features: () => source.getFeatures(),
    dispose() {
      map.removeLayer(layer);
      layer.dispose();
    },
  };
}
