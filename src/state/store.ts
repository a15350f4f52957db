import type { LayerDef, MapContext } from '../context/types.js';
import { walkLayers } from '../context/checks.js';
import { defaultChoices, type LayerChoices } from '../context/layers/wms-choices.js';
import type { TableQuery } from '../table/query.js';

export type { LayerProblem, LayerStatus } from '../layers/status.js';
import type { LayerProblem, LayerStatus } from '../layers/status.js';

export interface LayerState {
  readonly visible: boolean;
  readonly opacity: number;
  readonly status: LayerStatus;
  readonly problem?: LayerProblem;
  readonly featureCount?: number;
  /** Features that could not be read and were left out. */
  readonly skipped?: number;
  /** Features the service holds for the last request (WFS numberMatched), when it says so. */
  readonly total?: number;
  /** True when the service sent fewer features than it holds (a maxFeatures cap was reached). */
  readonly capped?: boolean;
  /** Layers that refresh: when their data was last read (ms since 1970), and why the last refresh failed (the data shown is older). */
  readonly updated?: number;
  readonly stale?: LayerProblem;
  /** What the person chose on the layer (a WMS layer's time and filters); the document's defaults at start. */
  readonly choices?: LayerChoices;
}

/** One choice on a layer: its time, or a filter's value ("" for « Tous »). */
export type LayerChoice = { readonly time: string } | { readonly filter: string; readonly value: string };

export interface ViewState {
  readonly center: readonly [number, number];
  readonly resolution: number;
  /** OGC scale denominator of the current resolution. */
  readonly scale: number;
  /** What the map shows, [minx, miny, maxx, maxy] in the view's projection. */
  readonly extent?: readonly [number, number, number, number];
}

export interface MapState {
  readonly layers: Readonly<Record<string, LayerState>>;
  readonly groupsExpanded: Readonly<Record<string, boolean>>;
  readonly basemap?: string;
  /** Drawing order of the layers (not groups), the top one first; the document's order at start. */
  readonly order?: readonly string[];
  readonly view?: ViewState;
  /** The feature whose record is open (layer id and the value of its id field). */
  readonly selection?: { readonly layerId: string; readonly featureId: string | number };
  /** Layers added while the map is open (from a service, a catalogue), the newest first. */
  readonly added?: readonly LayerDef[];
  /** The open table: its layer, what the person asked of it and the chart shown beside it (none: no table is open). */
  readonly table?: { readonly layerId: string; readonly query: TableQuery; readonly chart?: string };
  /** Whether the layer panel is open (undefined until the map view decides, from the screen and the link). */
  readonly panel?: boolean;
}

/** The group the layer list shows added layers in. */
export const ADDED_GROUP = 'cartable-added';

export type Action =
  | { type: 'set-visible'; id: string; visible: boolean }
  | { type: 'set-opacity'; id: string; opacity: number }
  | { type: 'set-group-expanded'; id: string; expanded: boolean }
  | { type: 'set-basemap'; id: string }
  /** A new drawing order, top first: unknown ids are dropped, layers not named keep their places after the named ones. */
  | { type: 'set-order'; order: readonly string[] }
  | { type: 'set-layer-status'; id: string; status: LayerStatus; problem?: LayerProblem; featureCount?: number; skipped?: number; total?: number; capped?: boolean; updated?: number; stale?: LayerProblem }
  /** Layers join the map (on top, shown); ids already in use are skipped. */
  | { type: 'add-layers'; layers: readonly LayerDef[] }
  /** An added layer leaves the map. */
  | { type: 'remove-layer'; id: string }
  | { type: 'set-view'; view: ViewState }
  | { type: 'set-selection'; selection: MapState['selection'] }
  | { type: 'set-table'; table: MapState['table'] }
  | { type: 'set-panel'; open: boolean }
  /** A time or a filter value chosen on a layer (one the layer offers: the UI and the permalink check it). */
  | { type: 'set-layer-choice'; id: string; choice: LayerChoice };

/** A layer's state at start: what its document says. */
const layerStateOf = (def: LayerDef): LayerState => {
  const choices = defaultChoices(def);
  return { visible: def.visible, opacity: def.opacity, status: 'idle', ...(choices ? { choices } : {}) };
};

/** The state a map opens in: what its document says. */
export function initialState(context: MapContext): MapState {
  const layers: Record<string, LayerState> = {};
  const groupsExpanded: Record<string, boolean> = {};
  const order: string[] = [];
  walkLayers(context.layers, (node) => {
    if (node.type === 'group') groupsExpanded[node.id] = node.expanded;
    else {
      layers[node.id] = layerStateOf(node);
      order.push(node.id);
    }
  });
  const basemap = context.basemaps.find((b) => b.active) ?? context.basemaps[0];
  // Basemaps have a state too (their status shows in the basemap switcher); only the active one is visible.
  for (const b of context.basemaps) layers[b.id] = { visible: b.id === basemap?.id, opacity: 1, status: 'idle' };
  return { layers, groupsExpanded, basemap: basemap?.id, order };
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

export function reduce(state: MapState, action: Action): MapState {
  const patchLayer = (id: string, patch: Partial<LayerState>): MapState => {
    const layer = state.layers[id];
    return layer ? { ...state, layers: { ...state.layers, [id]: { ...layer, ...patch } } } : state;
  };
  switch (action.type) {
    case 'set-visible':
      return patchLayer(action.id, { visible: action.visible });
    case 'set-opacity':
      return Number.isFinite(action.opacity) ? patchLayer(action.id, { opacity: clamp01(action.opacity) }) : state;
    case 'set-group-expanded':
      return action.id in state.groupsExpanded
        ? { ...state, groupsExpanded: { ...state.groupsExpanded, [action.id]: action.expanded } }
        : state;
    case 'set-basemap': {
      if (!(action.id in state.layers)) return state;
      const layers = { ...state.layers };
      for (const id of [state.basemap, action.id]) {
        if (id && layers[id]) layers[id] = { ...layers[id], visible: id === action.id };
      }
      return { ...state, basemap: action.id, layers };
    }
    case 'set-layer-status': {
      const { status, problem, featureCount, skipped, total, capped, updated, stale } = action;
      return patchLayer(action.id, { status, problem, featureCount, skipped, total, capped, updated, stale });
    }
    case 'add-layers': {
      const fresh = action.layers.filter((def, i, all) => !(def.id in state.layers) && all.findIndex((d) => d.id === def.id) === i);
      if (!fresh.length) return state;
      const layers = { ...state.layers };
      for (const def of fresh) layers[def.id] = layerStateOf(def);
      return {
        ...state,
        layers,
        added: [...fresh, ...(state.added ?? [])],
        order: [...fresh.map((d) => d.id), ...(state.order ?? [])],
        groupsExpanded: { [ADDED_GROUP]: true, ...state.groupsExpanded },
      };
    }
    case 'remove-layer': {
      if (!state.added?.some((d) => d.id === action.id)) return state;
      const { [action.id]: _removed, ...layers } = state.layers;
      return {
        ...state,
        layers,
        added: state.added.filter((d) => d.id !== action.id),
        order: state.order?.filter((id) => id !== action.id),
        selection: state.selection?.layerId === action.id ? undefined : state.selection,
        table: state.table?.layerId === action.id ? undefined : state.table,
      };
    }
    case 'set-order': {
      const current = state.order ?? [];
      const known = new Set(current);
      const named = [...new Set(action.order)].filter((id) => known.has(id));
      const order = [...named, ...current.filter((id) => !named.includes(id))];
      return order.every((id, i) => id === current[i]) ? state : { ...state, order };
    }
    case 'set-view':
      return { ...state, view: action.view };
    case 'set-selection': {
      const { selection } = action;
      const same = selection?.layerId === state.selection?.layerId && selection?.featureId === state.selection?.featureId;
      return same ? state : { ...state, selection };
    }
    case 'set-table':
      return action.table === state.table ? state : { ...state, table: action.table };
    case 'set-panel':
      return action.open === state.panel ? state : { ...state, panel: action.open };
    case 'set-layer-choice': {
      const choices = state.layers[action.id]?.choices;
      const { choice } = action;
      if ('time' in choice) {
        return choices?.time === undefined || choices.time === choice.time ? state : patchLayer(action.id, { choices: { ...choices, time: choice.time } });
      }
      const filters = choices?.filters;
      if (!filters || !(choice.filter in filters) || filters[choice.filter] === choice.value) return state;
      return patchLayer(action.id, { choices: { ...choices, filters: { ...filters, [choice.filter]: choice.value } } });
    }
  }
}

export type Listener = (next: MapState, previous: MapState) => void;

/** Holds one map's state; UI events, the URL and (later) the embed API all change it through actions. */
export class MapStore {
  #state: MapState;
  readonly #listeners = new Set<Listener>();

  constructor(state: MapState) {
    this.#state = state;
  }

  get state(): MapState {
    return this.#state;
  }

  dispatch(action: Action): void {
    const previous = this.#state;
    const next = reduce(previous, action);
    if (next === previous) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
