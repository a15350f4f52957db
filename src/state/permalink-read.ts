/**
 * The map's state in its URL (a permalink), so a shared link reopens everything:
 *
 * | parameter | meaning |
 * |---|---|
 * | `c=<x>,<y>` | the centre, in the document's `view.crs` (lon/lat by default) |
 * | `z=<zoom>` | the zoom (Web-Mercator maps) |
 * | `r=<resolution>` | the resolution in map units per pixel (other projections) |
 * | `l=<id>[:<opacity>],…` | the visible layers, top one first, with their opacity when it is not the document's; `l=` (empty): none |
 * | `bm=<id>` | the basemap |
 * | `panel=1` / `panel=0` | the layer panel open or closed |
 * | `add=<id>~<type>~<name>~<url>` | a layer added from a service (one parameter each, newest first; see add-layer/refs.ts) |
 * | `lc=<id>~t:<time>~f.<filter>:<value>` | a WMS layer's time and filter values, when not the document's (one per layer; see permalink-choices.ts) |
 *
 * The selected feature (`feature=`), the table and its filter (`table=`, `tq=`…) and the language
 * (`lang=`) have their own modules (feature-link.ts, table/url.ts, app/route.ts). Pure: no DOM, no
 * OpenLayers. This module reads (the first map needs it); permalink.ts writes. Values that do not fit the document (unknown layer, NaN zoom…) are left out and named
 * in `ignored`, so the viewer can say so quietly.
 */
import { walkLayers } from '../context/checks.js';
import type { LayerDef, MapContext, ViewSettings } from '../context/types.js';
import { ADDED_PARAM, readRef, type AddedRef } from '../add-layer/refs.js';
import type { Action, MapState } from './store.js';
import { CHOICES_PARAM, readChoices, type PermalinkChoice } from './permalink-choices.js';

/** The view of a permalink: a centre in the document's `view.crs`, with a zoom or a resolution. */
export interface PermalinkView {
  readonly center: readonly [number, number];
  readonly zoom?: number;
  readonly resolution?: number;
}

export interface PermalinkLayer {
  readonly id: string;
  /** Only when it differs from the document's. */
  readonly opacity?: number;
}

/** What a permalink holds, each item optional (absent: the document's own). */
export interface Permalink {
  readonly view?: PermalinkView;
  /** The visible layers, top one first. */
  readonly layers?: readonly PermalinkLayer[];
  readonly basemap?: string;
  readonly panel?: boolean;
  /** Layers added from services, newest first. */
  readonly added?: readonly AddedRef[];
  /** Times and filter values chosen on layers (only those that differ from the document's). */
  readonly choices?: readonly PermalinkChoice[];
}

export { PERMALINK_PARAMS, hasPermalink } from './permalink-params.js';

export const GEOGRAPHIC = new Set(['EPSG:4326', 'CRS:84', 'OGC:CRS84']);

/** True for maps whose view is given by a zoom (Web Mercator); others use a resolution. */
export const usesZoom = (context: MapContext): boolean => context.view.projection === 'EPSG:3857';

export const round = (n: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};


/** Reads a decimal number; anything else (NaN, Infinity, "1e999", "") is undefined. */
const parseNumber = (text: string | undefined): number | undefined => {
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text.trim())) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

interface LayerDefaults {
  /** Leaf layers, in document order, with their document opacity. */
  readonly opacity: ReadonlyMap<string, number>;
  readonly basemaps: ReadonlySet<string>;
}

export function defaultsOf(context: MapContext, added: readonly Pick<LayerDef, 'id' | 'opacity'>[] = []): LayerDefaults {
  const opacity = new Map<string, number>(added.map((l) => [l.id, l.opacity]));
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group') opacity.set(node.id, node.opacity);
  });
  return { opacity, basemaps: new Set(context.basemaps.map((b) => b.id)) };
}

/**
 * Reads a permalink from a URL, keeping only what fits the document. `ignored` names each parameter
 * (or layer) that was left out, for a quiet notice.
 */
export function readPermalink(url: URL, context: MapContext): { link: Permalink; ignored: string[] } {
  const params = url.searchParams;
  const ignored: string[] = [];
  // Added layers first: `l=` may name them.
  const added: AddedRef[] = [];
  for (const value of params.getAll(ADDED_PARAM)) {
    const ref = readRef(value);
    if (ref && !added.some((a) => a.id === ref.id)) added.push(ref);
    else ignored.push(ADDED_PARAM);
  }
  const { opacity, basemaps } = defaultsOf(context, added.map((a) => ({ id: a.id, opacity: 1 })));
  let view: PermalinkView | undefined;
  let layers: PermalinkLayer[] | undefined;
  let basemap: string | undefined;
  let panel: boolean | undefined;

  const c = params.get('c');
  if (c !== null) {
    const parts = c.split(',');
    const [x, y] = parts.map(parseNumber);
    const geographic = GEOGRAPHIC.has(context.view.crs);
    const inRange = x !== undefined && y !== undefined && (!geographic || (Math.abs(x) <= 180 && Math.abs(y) <= 90));
    const z = params.get('z');
    const r = params.get('r');
    const zoom = z === null ? undefined : parseNumber(z);
    const resolution = r === null ? undefined : parseNumber(r);
    const zoomOk = zoom !== undefined && zoom >= 0 && zoom <= 30;
    const resolutionOk = resolution !== undefined && resolution > 0;
    if (z !== null && !zoomOk) ignored.push('z');
    if (r !== null && !resolutionOk) ignored.push('r');
    if (parts.length !== 2 || !inRange) ignored.push('c');
    else if (zoomOk && usesZoom(context)) view = { center: [x, y], zoom };
    else if (resolutionOk) view = { center: [x, y], resolution };
    else if (zoomOk) view = { center: [x, y], zoom };
    else ignored.push('c'); // A centre without a usable zoom or resolution is dropped too.
  } else {
    for (const key of ['z', 'r'] as const) if (params.has(key)) ignored.push(key);
  }

  const l = params.get('l');
  if (l !== null) {
    const seen = new Set<string>();
    const found: PermalinkLayer[] = [];
    for (const item of l.split(',').filter(Boolean)) {
      const at = item.lastIndexOf(':');
      const id = at > 0 ? item.slice(0, at) : item;
      if (!opacity.has(id)) {
        ignored.push(`l:${id}`);
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      if (at > 0) {
        const value = parseNumber(item.slice(at + 1));
        if (value === undefined || value < 0 || value > 1) {
          ignored.push(`l:${id}`);
          found.push({ id });
        } else found.push({ id, opacity: value });
      } else found.push({ id });
    }
    // A list of layers none of which exists any more is stale: keep the document's layers.
    if (found.length || !l.split(',').some(Boolean)) layers = found;
  }

  const bm = params.get('bm');
  if (bm !== null) {
    if (basemaps.has(bm)) basemap = bm;
    else ignored.push('bm');
  }

  const p = params.get('panel');
  if (p !== null) {
    if (p === '1' || p === '0') panel = p === '1';
    else ignored.push('panel');
  }

  const choices = readChoices(params.getAll(CHOICES_PARAM), context, ignored);
  return { link: { view, layers, basemap, panel, ...(added.length ? { added } : {}), ...(choices.length ? { choices } : {}) }, ignored };
}

/** The store's state once a permalink is applied: visibility, opacity and order of layers, basemap. */
export function applyPermalink(state: MapState, link: Permalink, context: MapContext): MapState {
  let next = state;
  if (link.layers) {
    const { opacity } = defaultsOf(context, state.added);
    const visible = new Map(link.layers.map((l) => [l.id, l]));
    const layers = { ...next.layers };
    for (const id of opacity.keys()) {
      const current = layers[id];
      if (!current) continue;
      const wanted = visible.get(id);
      layers[id] = { ...current, visible: !!wanted, opacity: wanted?.opacity ?? opacity.get(id)! };
    }
    // The visible layers take the places of the visible layers in the order, in the link's order;
    // hidden layers keep theirs.
    const before = next.order?.length ? next.order : [...opacity.keys()];
    const queue = link.layers.map((l) => l.id);
    const order = before.map((id) => (visible.has(id) ? queue.shift()! : id));
    next = { ...next, layers, order };
  }
  if (link.basemap !== undefined && link.basemap in next.layers) {
    const layers = { ...next.layers };
    for (const id of context.basemaps.map((b) => b.id)) {
      if (layers[id]) layers[id] = { ...layers[id], visible: id === link.basemap };
    }
    next = { ...next, layers, basemap: link.basemap };
  }
  return next;
}

/** The document's view settings moved to a permalink's view (none: the document's own). */
export function viewSettingsOf(context: MapContext, view: PermalinkView | undefined): ViewSettings {
  if (!view) return context.view;
  return {
    ...context.view,
    center: view.center,
    zoom: view.zoom,
    resolution: view.zoom === undefined ? view.resolution : undefined,
    scale: undefined,
    extent: undefined,
  };
}

/**
 * The store actions that bring a state to a permalink's (what applyPermalink computes): the URL goes
 * through the same actions as the interface.
 */
export function permalinkActions(state: MapState, link: Permalink, context: MapContext): Action[] {
  const next = applyPermalink(state, link, context);
  const actions: Action[] = (link.choices ?? []).map(({ id, choice }) => ({ type: 'set-layer-choice', id, choice }));
  if (next === state) return actions;
  if (next.basemap !== state.basemap && next.basemap !== undefined) actions.push({ type: 'set-basemap', id: next.basemap });
  const basemaps = new Set(context.basemaps.map((b) => b.id));
  for (const [id, layer] of Object.entries(next.layers)) {
    const before = state.layers[id];
    if (!before || basemaps.has(id)) continue;
    if (layer.visible !== before.visible) actions.push({ type: 'set-visible', id, visible: layer.visible });
    if (layer.opacity !== before.opacity) actions.push({ type: 'set-opacity', id, opacity: layer.opacity });
  }
  const order = next.order ?? [];
  if (order.some((id, i) => id !== state.order?.[i])) actions.push({ type: 'set-order', order });
  return actions;
}
