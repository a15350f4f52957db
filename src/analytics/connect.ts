/**
 * Turns what the viewer already says (its `cartable-*` events, which bubble out of every shadow root)
 * into usage events for a tracker. The elements know nothing of the figures: they send their events
 * up, and this one listener on the document reads them.
 *
 * | viewer event                                   | usage event                        |
 * | ---------------------------------------------- | ---------------------------------- |
 * | cartable-page (catalog / map / error pages)    | catalog-opened, map-opened, error-shown |
 * | cartable-layer-visibility (visible: true)      | layer-shown                        |
 * | cartable-record-open                           | record-opened                      |
 * | cartable-table-shown, cartable-table-export    | table-shown, table-exported        |
 * | cartable-link-followed                         | metadata-followed, download-followed |
 * | cartable-search-used, <cartable-search> events | search-used                        |
 * | cartable-map-rendered (then the map's store)   | error-shown (layer problem codes)  |
 * | cartable-analytics-choice                      | the person's opt-out               |
 */
import { walkLayers } from '../context/checks.js';
import type { MapContext } from '../context/types.js';
import type { MapState } from '../state/store.js';
import type { AnalyticsEvent } from './events.js';
import { originOf } from './privacy.js';
import { trackSearch } from './search.js';
import type { Tracker } from './tracker.js';

/** Where the viewer runs: in a frame of another page or not, and who opened it. */
export interface Embedding {
  readonly embedded: boolean;
  /** document.referrer: only its origin is ever used, and only when embedded. */
  readonly referrer: string;
}

export interface ConnectOptions {
  /** Where the viewer's events bubble to (the document). */
  readonly target: EventTarget;
  readonly tracker: Tracker;
  readonly embedding: Embedding;
}

/** The open map: its id and what of it is restricted. */
interface OpenMap {
  readonly id: string;
  readonly restricted: boolean;
  readonly restrictedLayers: ReadonlySet<string>;
}

/** What the connection reads of a map view (public members). */
interface MapViewLike {
  readonly store?: { readonly state: MapState; subscribe(listener: (next: MapState) => void): () => void };
}

/** What the connection reads of a search box (public members). */
interface SearchBoxLike extends Element {
  readonly groups?: ReadonlyArray<{ readonly results: readonly unknown[] }>;
}

/** True when the viewer is shown in a frame of another page (cross-origin safe). */
export function isEmbedded(win: Window = window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}

function openMap(context: MapContext): OpenMap {
  const restrictedLayers = new Set<string>();
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group' && node.access?.level === 'restricted') restrictedLayers.add(node.id);
  });
  return { id: context.id, restricted: context.access.level === 'restricted', restrictedLayers };
}

const resultsOf = (box: SearchBoxLike): number => (box.groups ?? []).reduce((n, g) => n + (g.results?.length ?? 0), 0);

/** Listens for the viewer's events and counts them; returns the teardown. */
export function connectAnalytics({ target, tracker, embedding }: ConnectOptions): () => void {
  let current: OpenMap | undefined;
  let tableLayer: string | undefined;
  let stopProblems: (() => void) | undefined;
  /** Characters typed in each search box since its last counted search. */
  const typed = new WeakMap<Element, number>();
  /** Boxes whose focus is watched: focus moving inside a shadow tree is not seen from the document. */
  const watched = new Set<Element>();
  const onBoxLeft = (event: Event): void => {
    const box = event.currentTarget as SearchBoxLike;
    const chars = typed.get(box);
    if (chars === undefined) return;
    typed.delete(box);
    trackSearch(chars, resultsOf(box), box);
  };

  const track = (event: AnalyticsEvent, layer?: string): void =>
    tracker.track(event, { restricted: !!current && (current.restricted || (layer !== undefined && current.restrictedLayers.has(layer))) });

  const listeners: Record<string, (event: Event) => void> = {
    'cartable-page': (event) => {
      const { page, context } = (event as HTMLElementEventMap['cartable-page']).detail;
      current = page === 'map' && context ? openMap(context) : undefined;
      tableLayer = undefined;
      if (page === 'catalog') track({ type: 'catalog-opened' });
      else if (page === 'map' && current) {
        const host = embedding.embedded ? originOf(embedding.referrer) : undefined;
        track({ type: 'map-opened', map: current.id, embedded: embedding.embedded, ...(host ? { host } : {}) });
      } else if (page !== 'map') track({ type: 'error-shown', kind: page });
    },
    'cartable-layer-visibility': (event) => {
      const { id, visible } = (event as HTMLElementEventMap['cartable-layer-visibility']).detail;
      if (visible && current) track({ type: 'layer-shown', map: current.id, layer: id }, id);
    },
    'cartable-record-open': (event) => {
      const { layerId } = (event as HTMLElementEventMap['cartable-record-open']).detail;
      if (current) track({ type: 'record-opened', map: current.id, layer: layerId }, layerId);
    },
    'cartable-table-shown': (event) => {
      tableLayer = (event as HTMLElementEventMap['cartable-table-shown']).detail.layerId;
      if (current) track({ type: 'table-shown', map: current.id, layer: tableLayer }, tableLayer);
    },
    'cartable-table-export': (event) => {
      // The table exported is the one shown last.
      const format = String((event as CustomEvent<{ format?: string }>).detail?.format ?? '');
      if (current && tableLayer) {
        track({ type: 'table-exported', map: current.id, layer: tableLayer, format: format.startsWith('csv') ? 'csv' : format }, tableLayer);
      }
    },
    'cartable-link-followed': (event) => {
      const { kind, url, layerId } = (event as HTMLElementEventMap['cartable-link-followed']).detail;
      if (!current) return;
      const type = kind === 'download' ? 'download-followed' : 'metadata-followed';
      track({ type, map: current.id, layer: layerId, url }, layerId);
    },
    'cartable-search-used': (event) => {
      const { chars, results } = (event as HTMLElementEventMap['cartable-search-used']).detail;
      track({ type: 'search-used', ...(current ? { map: current.id } : {}), chars, results });
    },
    // <cartable-search> as it is: the length of what is typed (never the text), counted when a result
    // is chosen or the box is left.
    'cartable-search-input': (event) => {
      const box = event.composedPath()[0] as Element | undefined;
      if (!box || box.hasAttribute?.('data-tracks-search')) return;
      const length = String((event as CustomEvent<{ query?: string }>).detail?.query ?? '').length;
      if (length > 0) typed.set(box, length);
      else typed.delete(box);
      if (!watched.has(box)) {
        watched.add(box);
        // At the box itself, focusout means focus left it (moves within it are not dispatched there).
        box.addEventListener('focusout', onBoxLeft);
      }
    },
    'cartable-search-select': (event) => {
      const box = event.composedPath()[0] as SearchBoxLike | undefined;
      const chars = box ? typed.get(box) : undefined;
      if (!box || chars === undefined) return;
      typed.delete(box);
      trackSearch(chars, resultsOf(box), box);
    },
    'cartable-map-rendered': (event) => {
      const view = event.composedPath()[0] as MapViewLike | undefined;
      const store = view?.store;
      stopProblems?.();
      stopProblems = undefined;
      if (!store) return;
      const told = new Set<string>();
      const report = (state: MapState): void => {
        for (const [id, layer] of Object.entries(state.layers)) {
          const code = layer.status === 'error' ? layer.problem?.code : undefined;
          if (!code || told.has(`${id}\n${code}`)) continue;
          told.add(`${id}\n${code}`);
          track({ type: 'error-shown', kind: code }, id);
        }
      };
      report(store.state);
      stopProblems = store.subscribe(report);
    },
    'cartable-analytics-choice': (event) => {
      tracker.setOptedOut(!(event as HTMLElementEventMap['cartable-analytics-choice']).detail.enabled);
    },
  };

  for (const [name, listener] of Object.entries(listeners)) target.addEventListener(name, listener);
  return () => {
    for (const [name, listener] of Object.entries(listeners)) target.removeEventListener(name, listener);
    for (const box of watched) box.removeEventListener('focusout', onBoxLeft);
    watched.clear();
    stopProblems?.();
  };
}
