import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import { LAYER_ID_KEY } from '../layers/keys.js';
import type { IdentifyGroup, IdentifiedItem } from './types.js';

/** The features a layer draws near a pixel, when it is not an OpenLayers vector layer (layers/types.ts). */
export type LayerHit = (query: { readonly map: OlMap; readonly pixel: Pixel; readonly tolerance: number }) => readonly IdentifiedItem[];

/** Property of an OpenLayers layer that holds its LayerHit (set by the map adapter). */
export const LAYER_HIT_KEY = 'cartable:hit';

/** Pixels of tolerance around a click: generous for fingers, tight for a mouse. */
export const hitTolerance = (pointerType: string | undefined): number => (pointerType === 'touch' || pointerType === 'pen' ? 12 : 4);

function itemOf(feature: Feature): IdentifiedItem {
  const { geometry: _geometry, ...properties } = feature.getProperties();
  return { id: feature.getId(), properties, geometry: feature.getGeometry() };
}

/**
 * The features drawn at a pixel, grouped by layer in the map's drawing order (top first), for the
 * layers given. A cluster of one feature counts as that feature; a larger cluster is left to its layer.
 */
export function hitVectorLayers(map: OlMap, pixel: Pixel, options: { layerIds: ReadonlySet<string>; tolerance: number }): IdentifyGroup[] {
  const groups = new Map<string, IdentifiedItem[]>();
  map.forEachFeatureAtPixel(
    pixel,
    (feature, layer) => {
      const id = layer?.get(LAYER_ID_KEY) as string | undefined;
      if (!id) return;
      const members = (feature as Feature).get('features') as Feature[] | undefined;
      const features = Array.isArray(members) ? (members.length === 1 ? members : []) : [feature as Feature];
      const list = groups.get(id) ?? [];
      for (const f of features) list.push(itemOf(f));
      if (list.length) groups.set(id, list);
    },
    { hitTolerance: options.tolerance, layerFilter: (layer) => options.layerIds.has(layer.get(LAYER_ID_KEY) as string) },
  );
  // Layers drawn without OpenLayers features (e.g. `points`) answer for themselves.
  const resolution = map.getView().getResolution() ?? 0;
  const own = map
    .getLayers()
    .getArray()
    .filter((layer) => {
      const id = layer.get(LAYER_ID_KEY) as string | undefined;
      return !!id && options.layerIds.has(id) && typeof layer.get(LAYER_HIT_KEY) === 'function' && layer.getVisible() &&
        resolution >= layer.getMinResolution() && resolution < layer.getMaxResolution();
    });
  if (own.length === 0) return [...groups.entries()].map(([layerId, items]) => ({ layerId, items }));
  const zIndexOf = new Map<string, number>(map.getLayers().getArray().map((layer) => [layer.get(LAYER_ID_KEY) as string, layer.getZIndex() ?? 0]));
  for (const layer of own) {
    const items = (layer.get(LAYER_HIT_KEY) as LayerHit)({ map, pixel, tolerance: options.tolerance });
    if (items.length) groups.set(layer.get(LAYER_ID_KEY) as string, [...items]);
  }
  // In drawing order, top first, like forEachFeatureAtPixel.
  return [...groups.entries()]
    .sort(([a], [b]) => (zIndexOf.get(b) ?? 0) - (zIndexOf.get(a) ?? 0))
    .map(([layerId, items]) => ({ layerId, items }));
}
