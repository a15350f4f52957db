import { walkLayers } from '../context/checks.js';
import { isVectorLayer, type LayerDef, type LayerNode, type MapContext, type VectorLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { ADDED_GROUP, type MapState } from '../state/store.js';

/** The layers of one opened map: the document's and those added while it is open, by id. */
export class SessionLayers {
  readonly #byId = new Map<string, LayerDef>();

  constructor(private readonly context: MapContext) {
    walkLayers(context.layers, (node) => {
      if (node.type !== 'group') this.#byId.set(node.id, node);
    });
  }

  /** Added layers join (they stay known after they leave, so an open record can still name its layer). */
  follow(state: MapState): void {
    for (const def of state.added ?? []) this.#byId.set(def.id, def);
  }

  get(id: string): LayerDef | undefined {
    return this.#byId.get(id);
  }

  /** Every layer by id (the popup reads its layers' fields and templates from it). */
  get byId(): ReadonlyMap<string, LayerDef> {
    return this.#byId;
  }

  /** Vector layers that have a table. */
  tableLayers(): VectorLayerDef[] {
    return [...this.#byId.values()].filter((l): l is VectorLayerDef => isVectorLayer(l) && !!l.table);
  }

  /** Ids of the layers search looks into. */
  searchableIds(): string[] {
    return [...this.#byId.values()].filter((l) => isVectorLayer(l) && l.search).map((l) => l.id);
  }

  /** True when the map has anything to search (its geocoder or a searchable layer). */
  get searchable(): boolean {
    return !!this.context.search?.geocoder || this.searchableIds().length > 0;
  }

  /** True when a table of this layer may lack features outside the view. */
  partial(id: string): boolean {
    const layer = this.#byId.get(id);
    return layer?.type === 'wfs' || (layer?.type === 'flatgeobuf' && layer.loading !== 'whole');
  }

  /** The document's layers, with the added ones in their own group on top (titled `addedTitle`). */
  tree(state: MapState | undefined, addedTitle: string): readonly LayerNode[] {
    const added = state?.added;
    if (!added?.length) return this.context.layers;
    return [{ type: 'group', id: ADDED_GROUP, title: addedTitle, expanded: true, layers: added }, ...this.context.layers];
  }

  /** The sources to credit: the document's, the visible layers' and the basemap's. */
  attributions(state: MapState | undefined, language: string): string[] {
    const texts = new Set<string>(this.context.attributions.map((a) => textFor(a, language)));
    walkLayers(this.context.layers, (node) => {
      if (node.type !== 'group' && state?.layers[node.id]?.visible) node.attributions.forEach((a) => texts.add(textFor(a, language)));
    });
    const basemap = this.context.basemaps.find((b) => b.id === state?.basemap);
    if (basemap && basemap.type !== 'empty') basemap.attributions.forEach((a) => texts.add(textFor(a, language)));
    return [...texts];
  }
}
