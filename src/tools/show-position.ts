import type OlMap from 'ol/Map.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { accuracyRing } from './locate.js';
import type { Marks } from './marks.js';

/** Marks the device's position with its accuracy circle and frames the circle (motion reduced on request). */
export function showPosition(map: OlMap, marks: Marks | undefined, { lon, lat, accuracy }: { lon: number; lat: number; accuracy: number }): void {
  const view = map.getView();
  const projection = view.getProjection();
  const ring = accuracyRing(lon, lat, Math.max(accuracy, 1)).map((c) => fromLonLat(c, projection));
  const circle = new Polygon([ring]);
  marks?.position(fromLonLat([lon, lat], projection), circle);
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  view.fit(circle.getExtent(), { padding: [60, 60, 60, 60], maxZoom: 16, duration: reduce ? 0 : 500 });
}
