import type { LayerDef, MapContext } from '../context/types.js';

/** What the app shows: the catalog, a map, or a page saying why a map cannot be shown. */
export type PageKind = 'catalog' | 'map' | 'not-found' | 'invalid-document' | 'refused' | 'unavailable';

/** Typed events the elements send up. All bubble and cross shadow roots. */
export interface CartableEventMap {
  'cartable-layer-visibility': { id: string; visible: boolean };
  'cartable-layer-opacity': { id: string; opacity: number };
  'cartable-group-expanded': { id: string; expanded: boolean };
  'cartable-layer-info': { id: string };
  'cartable-layer-retry': { id: string };
  'cartable-basemap': { id: string };
  'cartable-language': { language: string };
  /** The app shows a page (with the map's document when it is a map). */
  'cartable-page': { page: PageKind; context?: MapContext };
  /** A feature's record is shown (its layer only). */
  'cartable-record-open': { layerId: string };
  /** A layer's table is shown. */
  'cartable-table-shown': { layerId: string };
  /** A link of a layer's information was followed. */
  'cartable-link-followed': { kind: 'metadata' | 'download'; url: string; layerId: string };
  /** The person switched usage figures on or off. */
  'cartable-analytics-choice': { enabled: boolean };
  /** A search ended: characters typed and results shown, never the text (see src/analytics/search.ts). */
  'cartable-search-used': { chars: number; results: number };
  /** Layers chosen in the « Ajouter une couche » dialog, to join the map. */
  'cartable-layers-add': { layers: readonly LayerDef[] };
  /** An added layer is to leave the map. */
  'cartable-layer-remove': { id: string };
  /** What held focus went away (e.g. an alert whose layers came back): focus returns to the map. */
  'cartable-focus-map': Record<string, never>;
  /** A map is first drawn (every visible layer loaded or failed, or a deadline passed). */
  'cartable-map-rendered': Record<string, never>;
}

export type CartableEventName = keyof CartableEventMap;

export function emit<K extends CartableEventName>(from: EventTarget, name: K, detail: CartableEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'cartable-layer-visibility': CustomEvent<CartableEventMap['cartable-layer-visibility']>;
    'cartable-layer-opacity': CustomEvent<CartableEventMap['cartable-layer-opacity']>;
    'cartable-group-expanded': CustomEvent<CartableEventMap['cartable-group-expanded']>;
    'cartable-layer-info': CustomEvent<CartableEventMap['cartable-layer-info']>;
    'cartable-layer-retry': CustomEvent<CartableEventMap['cartable-layer-retry']>;
    'cartable-basemap': CustomEvent<CartableEventMap['cartable-basemap']>;
    'cartable-language': CustomEvent<CartableEventMap['cartable-language']>;
    'cartable-page': CustomEvent<CartableEventMap['cartable-page']>;
    'cartable-record-open': CustomEvent<CartableEventMap['cartable-record-open']>;
    'cartable-table-shown': CustomEvent<CartableEventMap['cartable-table-shown']>;
    'cartable-link-followed': CustomEvent<CartableEventMap['cartable-link-followed']>;
    'cartable-analytics-choice': CustomEvent<CartableEventMap['cartable-analytics-choice']>;
    'cartable-search-used': CustomEvent<CartableEventMap['cartable-search-used']>;
    'cartable-layers-add': CustomEvent<CartableEventMap['cartable-layers-add']>;
    'cartable-layer-remove': CustomEvent<CartableEventMap['cartable-layer-remove']>;
    'cartable-focus-map': CustomEvent<CartableEventMap['cartable-focus-map']>;
    'cartable-map-rendered': CustomEvent<CartableEventMap['cartable-map-rendered']>;
  }
}
