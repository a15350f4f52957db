/**
 * Layers that join or leave a map after it was built (state.added: the « Ajouter une couche » dialog,
 * a catalogue's hand-off, a link's `add=`): built with the same factories as the document's layers,
 * and forgotten by identify, tooltips and GetFeatureInfo when they leave. Loaded by the adapter with
 * the first added layer.
 */
import type OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import { isVectorLayer, type LayerDef, type WmsLayerDef } from '../context/types.js';
import type { CreatedLayer, LayerKind } from '../layers/types.js';
import type { MapState, MapStore } from '../state/store.js';

/** The adapter's own lists, which this keeps in step. */
export interface AdapterParts {
  readonly map: OlMap;
  readonly store: MapStore;
  readonly created: Map<string, CreatedLayer>;
  readonly leaves: LayerDef[];
  readonly vectorIds: Set<string>;
  readonly queryableIds: string[];
  readonly tooltipIds: string[];
  readonly wmsLayers: WmsLayerDef[];
  readonly make: (def: LayerDef, kind: LayerKind, zIndex: number) => BaseLayer | undefined;
  readonly apply: (state: MapState) => void;
  /** The adapter's own loaders (passed in: importing them here would split the first map's chunks). */
  readonly loadLayerKind: (def: LayerDef) => Promise<LayerKind>;
  readonly ensureProjections: (codes: string[]) => Promise<unknown>;
}

const keepOnly = <T>(list: T[], keep: (item: T) => boolean): void => void list.splice(0, list.length, ...list.filter(keep));

/** Returns the function that brings the map to a list of added layers. */
export function addedLayers(parts: AdapterParts): (defs: readonly LayerDef[]) => Promise<void> {
  const { map, store, created } = parts;
  const shown = new Set<string>();
  const drop = (id: string): void => {
    shown.delete(id);
    const layer = created.get(id);
    if (layer) map.removeLayer(layer.layer);
    layer?.dispose?.();
    created.delete(id);
    parts.vectorIds.delete(id);
    for (const list of [parts.queryableIds, parts.tooltipIds]) keepOnly(list, (other) => other !== id);
    keepOnly(parts.leaves, (l) => l.id !== id);
    keepOnly(parts.wmsLayers, (l) => l.id !== id);
  };
  return async (defs) => {
    const wanted = new Set(defs.map((d) => d.id));
    for (const id of [...shown]) if (!wanted.has(id)) drop(id);
    for (const def of defs.filter((d) => !shown.has(d.id))) {
      shown.add(def.id);
      const kind = await parts.loadLayerKind(def);
      // A data projection that fails here is reported by the layer itself.
      await parts.ensureProjections(kind.projections(def as never)).catch(() => undefined);
      if (!shown.has(def.id) || !store.state.added?.includes(def)) continue; // Removed meanwhile.
      const layer = parts.make(def, kind, 1);
      parts.leaves.push(def);
      if (isVectorLayer(def)) {
        parts.vectorIds.add(def.id);
        if (def.popup?.enabled !== false) parts.queryableIds.push(def.id);
        if (def.tooltip !== undefined) parts.tooltipIds.push(def.id);
      } else if (def.type === 'wms' && def.queryable !== false) parts.wmsLayers.push(def);
      if (layer) map.addLayer(layer);
      parts.apply(store.state);
    }
  };
}
