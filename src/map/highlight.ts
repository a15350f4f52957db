import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import type { FlatStyleLike } from 'ol/style/flat.js';

/** The selected feature's halo: drawn above every layer, outside the layer list. */
const HALO: FlatStyleLike = [
  {
    style: {
      'stroke-color': 'rgba(255, 255, 255, 0.95)',
      'stroke-width': 7,
      'circle-radius': 13,
      'circle-stroke-color': 'rgba(255, 255, 255, 0.95)',
      'circle-stroke-width': 6,
    },
  },
  {
    style: {
      'stroke-color': '#f2a541',
      'stroke-width': 3.5,
      'fill-color': 'rgba(242, 165, 65, 0.18)',
      'circle-radius': 13,
      'circle-stroke-color': '#e07b00',
      'circle-stroke-width': 3,
    },
  },
];

export function createHighlighter(map: OlMap): { show(geometry: Geometry | undefined): void; dispose(): void } {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: HALO, zIndex: 10_000 });
  layer.setMap(map);
  return {
    show(geometry) {
      source.clear(true);
      if (geometry) source.addFeature(new Feature(geometry));
    },
    dispose() {
      layer.setMap(null);
      layer.dispose();
    },
  };
}
