import type { LayerDef, MapContext } from '../context/types.js';
import type { TableQuery } from '../table/query.js';
import type { PanelChange } from './layout/rules.js';
import type { EmbedEvent } from '../embed/api.js';
import type { SearchResult } from '../search/results.js';
import type { CommuneOutline } from '../communes/types.js';
import type { LayerChoice } from '../state/store.js';

/** What the app shows: the catalog, a map, or a page saying why a map cannot be shown. */
export type PageKind = 'catalog' | 'map' | 'not-found' | 'invalid-document' | 'refused' | 'unavailable';

/** The public <cartable-map> element's events: one per embed API event (embed/api.ts), named `cartable-<event>`. */
type EmbedElementEvents = { [E in EmbedEvent as `cartable-${E['event']}`]: Omit<E, 'event'> };

/** Typed events the elements send up. All bubble and cross shadow roots. */
export interface CartableEventMap extends EmbedElementEvents {
  'cartable-layer-visibility': { id: string; visible: boolean };
  'cartable-layer-opacity': { id: string; opacity: number };
  /** A time or a filter value chosen on a WMS layer. */
  'cartable-layer-choice': { id: string; choice: LayerChoice };
  'cartable-group-expanded': { id: string; expanded: boolean };
  'cartable-layer-info': { id: string };
  'cartable-layer-retry': { id: string };
  'cartable-basemap': { id: string };
  'cartable-language': { language: string };
  /** The app shows a page (with the map's document when it is a map). */
  'cartable-page': { page: PageKind; context?: MapContext };
  /** The record's close button or Esc: the record is to close. */
  'cartable-popup-close': Record<string, never>;
  /** A record of the list is chosen (the layer and its index there), or null to go back to the list. */
  'cartable-popup-select': { readonly layerId: string; readonly index: number } | null;
  /** The person asks for a link to a record. */
  'cartable-popup-copy-link': { layerId: string; id: string | number };
  /** A feature's record is shown (its layer only). */
  'cartable-record-open': { layerId: string };
  /** A layer's table is shown. */
  'cartable-table-shown': { layerId: string };
  /** What the person asks of the table: sort, text, column filters, the view switch. */
  'cartable-table-query': TableQuery;
  /** The ids the table's filters keep, or null when nothing filters. */
  'cartable-table-filtered': { ids: Set<string | number> | null };
  /** A row of the table is to open its record. */
  'cartable-table-open-row': { id: string | number };
  'cartable-table-close': Record<string, never>;
  /** A chart of the table's layer is to show beside the table (none: the chart closes). */
  'cartable-chart-open': { chartId?: string };
  /** The table's rows were exported (`csv;`, `csv,` or `geojson`). */
  'cartable-table-export': { format: 'csv;' | 'csv,' | 'geojson' };
  /** A link of a layer's information was followed. */
  'cartable-link-followed': { kind: 'metadata' | 'download'; url: string; layerId: string };
  /** The person switched usage figures on or off. */
  'cartable-analytics-choice': { enabled: boolean };
  /** A search ended: characters typed and results shown, never the text (see src/analytics/search.ts). */
  'cartable-search-used': { chars: number; results: number };
  /** The text of a search box changed. */
  'cartable-search-input': { query: string };
  /** A search result was chosen. */
  'cartable-search-select': { result: SearchResult };
  /** Layers chosen in the « Ajouter une couche » dialog, to join the map. */
  'cartable-layers-add': { layers: readonly LayerDef[] };
  /** An added layer is to leave the map. */
  'cartable-layer-remove': { id: string };
  /** What held focus went away (e.g. an alert whose layers came back): focus returns to the map. */
  'cartable-focus-map': Record<string, never>;
  /** A panel of the screen layout opened, was minimised or closed (src/ui/layout/). */
  'cartable-panel-change': PanelChange;
  /** The header asks for the side panel (layers and legend) to open or close. */
  'cartable-panel-toggle': { open: boolean };
  /** The header asks for the table to open (the first table layer) or close. */
  'cartable-table-toggle': { open: boolean };
  /** The header asks for the « Partager » dialog. */
  'cartable-share-request': Record<string, never>;
  /** The person asks for the « Qu'y a-t-il ici ? » report (the tools' button; the header's commune entry with mode 'commune'). */
  'cartable-report-open': { mode?: 'commune' };
  /** The person closed the report panel. */
  'cartable-report-close': Record<string, never>;
  /** The report's results are on screen (found: the features listed). */
  'cartable-report-ready': { found: number };
  /** « Une commune »: the chosen commune's outline came (src/ui/report/cartable-commune-picker.ts). */
  'cartable-commune-pick': { outline: CommuneOutline };
  /** The print layout is in the page, just before the browser's print dialog. */
  'cartable-print-ready': { paper: 'A4' | 'A3'; orientation: 'landscape' | 'portrait' };
  /** Another tool took the map's pointer from this one, which stopped. */
  'cartable-tool-displaced': { tool: 'measure' | 'coordinates' };
  /** A tool's panel opened or closed (none: closed), so the screen layout makes room for it. */
  'cartable-tool-change': { tool?: 'measure' | 'coordinates' | 'print' };
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
    'cartable-layer-choice': CustomEvent<CartableEventMap['cartable-layer-choice']>;
    'cartable-group-expanded': CustomEvent<CartableEventMap['cartable-group-expanded']>;
    'cartable-layer-info': CustomEvent<CartableEventMap['cartable-layer-info']>;
    'cartable-layer-retry': CustomEvent<CartableEventMap['cartable-layer-retry']>;
    'cartable-basemap': CustomEvent<CartableEventMap['cartable-basemap']>;
    'cartable-language': CustomEvent<CartableEventMap['cartable-language']>;
    'cartable-page': CustomEvent<CartableEventMap['cartable-page']>;
    'cartable-popup-close': CustomEvent<CartableEventMap['cartable-popup-close']>;
    'cartable-popup-select': CustomEvent<CartableEventMap['cartable-popup-select']>;
    'cartable-popup-copy-link': CustomEvent<CartableEventMap['cartable-popup-copy-link']>;
    'cartable-record-open': CustomEvent<CartableEventMap['cartable-record-open']>;
    'cartable-table-shown': CustomEvent<CartableEventMap['cartable-table-shown']>;
    'cartable-table-query': CustomEvent<CartableEventMap['cartable-table-query']>;
    'cartable-table-filtered': CustomEvent<CartableEventMap['cartable-table-filtered']>;
    'cartable-table-open-row': CustomEvent<CartableEventMap['cartable-table-open-row']>;
    'cartable-table-close': CustomEvent<CartableEventMap['cartable-table-close']>;
    'cartable-chart-open': CustomEvent<CartableEventMap['cartable-chart-open']>;
    'cartable-table-export': CustomEvent<CartableEventMap['cartable-table-export']>;
    'cartable-link-followed': CustomEvent<CartableEventMap['cartable-link-followed']>;
    'cartable-analytics-choice': CustomEvent<CartableEventMap['cartable-analytics-choice']>;
    'cartable-search-used': CustomEvent<CartableEventMap['cartable-search-used']>;
    'cartable-search-input': CustomEvent<CartableEventMap['cartable-search-input']>;
    'cartable-search-select': CustomEvent<CartableEventMap['cartable-search-select']>;
    'cartable-layers-add': CustomEvent<CartableEventMap['cartable-layers-add']>;
    'cartable-layer-remove': CustomEvent<CartableEventMap['cartable-layer-remove']>;
    'cartable-focus-map': CustomEvent<CartableEventMap['cartable-focus-map']>;
    'cartable-panel-change': CustomEvent<CartableEventMap['cartable-panel-change']>;
    'cartable-panel-toggle': CustomEvent<CartableEventMap['cartable-panel-toggle']>;
    'cartable-table-toggle': CustomEvent<CartableEventMap['cartable-table-toggle']>;
    'cartable-share-request': CustomEvent<CartableEventMap['cartable-share-request']>;
    'cartable-report-open': CustomEvent<CartableEventMap['cartable-report-open']>;
    'cartable-report-close': CustomEvent<CartableEventMap['cartable-report-close']>;
    'cartable-report-ready': CustomEvent<CartableEventMap['cartable-report-ready']>;
    'cartable-commune-pick': CustomEvent<CartableEventMap['cartable-commune-pick']>;
    'cartable-print-ready': CustomEvent<CartableEventMap['cartable-print-ready']>;
    'cartable-tool-displaced': CustomEvent<CartableEventMap['cartable-tool-displaced']>;
    'cartable-tool-change': CustomEvent<CartableEventMap['cartable-tool-change']>;
    'cartable-ready': CustomEvent<CartableEventMap['cartable-ready']>;
    'cartable-view-changed': CustomEvent<CartableEventMap['cartable-view-changed']>;
    'cartable-feature-selected': CustomEvent<CartableEventMap['cartable-feature-selected']>;
    'cartable-error': CustomEvent<CartableEventMap['cartable-error']>;
    'cartable-map-rendered': CustomEvent<CartableEventMap['cartable-map-rendered']>;
  }
}
