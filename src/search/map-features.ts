/**
 * The features a layer has loaded, as the search indexes them (kinds searched in what they have
 * loaded): asked of the map adapter, with lon/lat points. Loaded with the search code.
 */
import type { MapPlaces } from '../map/places.js';
import type { LoadedFeature } from './map-search.js';

/** The features a layer has loaded so far, their ids from its id field, with lon/lat points. */
export function loadedFeaturesOf(adapter: Pick<MapPlaces, 'recordsOf' | 'toLonLat'>, layerId: string): LoadedFeature[] {
  return adapter.recordsOf(layerId).map(({ featureId, properties, anchor }) => ({
    id: featureId,
    properties,
    point: anchor ? adapter.toLonLat(anchor) : undefined,
  }));
}
