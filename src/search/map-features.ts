/**
 * What the map view's search needs from the OpenLayers map, loaded with the search code (not with
 * the first map): the features a layer has loaded, and moving the view to a result.
 */
import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import Point from 'ol/geom/Point.js';
import { getCenter } from 'ol/extent.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import type { LoadedFeature } from './map-search.js';

/** The features a layer has loaded (kinds searched in what they have loaded), with lon/lat points. */
export function loadedFeaturesOf(map: OlMap, layerId: string): LoadedFeature[] | undefined {
  const layer = map.getAllLayers().find((l) => l.get('cartable:id') === layerId) as { getSource?: () => unknown } | undefined;
  let source = layer?.getSource?.() as { getFeatures?: () => Feature[]; getSource?: () => unknown } | undefined;
  if (source && !source.getFeatures?.().length && source.getSource) source = source.getSource() as typeof source; // clusters
  const features = source?.getFeatures?.();
  if (!features) return undefined;
  const projection = map.getView().getProjection();
  return features.map((feature) => {
    const { geometry: _geometry, ...properties } = feature.getProperties();
    const g = feature.getGeometry();
    const centre = g ? (g instanceof Point ? g.getCoordinates() : getCenter(g.getExtent())) : undefined;
    return { id: feature.getId(), properties, point: centre ? (toLonLat(centre, projection) as [number, number]) : undefined };
  });
}

/** Centres the map on a lon/lat point at a zoom (animated unless the person prefers less motion). */
export function centreOn(map: OlMap, point: readonly [number, number], zoom: number): void {
  const view = map.getView();
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  view.animate({ center: fromLonLat([...point], view.getProjection()), zoom, duration: reduce ? 0 : 350 });
}

/** Goes close to a lon/lat point at once and resolves when the map has drawn (and read) what is there. */
export function goNear(map: OlMap, point: readonly [number, number]): Promise<void> {
  const view = map.getView();
  view.setCenter(fromLonLat([...point], view.getProjection()));
  view.setZoom(Math.max(view.getZoom() ?? 0, 14));
  return new Promise((resolve) => {
    map.once('rendercomplete', () => resolve());
    map.render();
  });
}
