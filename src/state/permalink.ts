/**
 * Writing permalinks (the parameters are described in permalink-read.ts, which reads them; this
 * module re-exports it, so permalink.ts is the whole of it). Pure: no DOM, no OpenLayers.
 */
import type { MapContext } from '../context/types.js';
import type { MapState } from './store.js';
import { ADDED_PARAM, refOf, writeRef, type AddedRef } from '../add-layer/refs.js';
import { CHOICES_PARAM, choicesOf, writeChoices } from './permalink-choices.js';
import { GEOGRAPHIC, PERMALINK_PARAMS, defaultsOf, round, usesZoom, type Permalink, type PermalinkLayer, type PermalinkView } from './permalink-read.js';

export * from './permalink-read.js';

/** A number as written in a URL: no exponent, no trailing zeros. */
const formatNumber = (n: number, digits: number): string => String(round(n, digits));

/** The permalink of a state: the view (already in the document's CRS), visible layers in order, basemap, panel. */
export function permalinkOf({ context, state, view, panel }: { context: MapContext; state: MapState; view?: PermalinkView; panel?: boolean }): Permalink {
  const { opacity } = defaultsOf(context, state.added);
  const order = state.order?.length ? state.order : [...opacity.keys()];
  const layers = order
    .filter((id) => opacity.has(id) && state.layers[id]?.visible)
    .map((id): PermalinkLayer => {
      const now = state.layers[id]!.opacity;
      return Math.abs(now - opacity.get(id)!) > 0.005 ? { id, opacity: round(now, 2) } : { id };
    });
  const added = (state.added ?? []).map(refOf).filter((ref): ref is AddedRef => ref !== undefined);
  const choices = choicesOf(context, state);
  return { view, layers, basemap: state.basemap, panel, ...(added.length ? { added } : {}), ...(choices.length ? { choices } : {}) };
}

/** The same URL with a permalink's parameters (those it lacks are removed). */
export function writePermalink(url: URL, link: Permalink, context: MapContext): URL {
  const next = new URL(url);
  for (const key of PERMALINK_PARAMS) next.searchParams.delete(key);
  const params = next.searchParams;
  if (link.view) {
    const digits = GEOGRAPHIC.has(context.view.crs) ? 5 : 1;
    params.set('c', link.view.center.map((n) => formatNumber(n, digits)).join(','));
    if (link.view.zoom !== undefined && usesZoom(context)) params.set('z', formatNumber(link.view.zoom, 2));
    else if (link.view.resolution !== undefined) params.set('r', String(Number(link.view.resolution.toPrecision(6))));
  }
  if (link.layers) {
    params.set('l', link.layers.map((l) => (l.opacity === undefined ? l.id : `${l.id}:${formatNumber(l.opacity, 2)}`)).join(','));
  }
  if (link.basemap !== undefined) params.set('bm', link.basemap);
  if (link.panel !== undefined) params.set('panel', link.panel ? '1' : '0');
  for (const ref of link.added ?? []) params.append(ADDED_PARAM, writeRef(ref));
  for (const value of writeChoices(link.choices ?? [])) params.append(CHOICES_PARAM, value);
  return next;
}

