import { walkLayers } from '../context/checks.js';
import type { LayerNode, MapContext } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import type { MapState } from '../state/store.js';

/** Every layer of the map (the document's, those added since, the basemaps) by id, with its title. */
export function layerTitles(context: MapContext, state: MapState | undefined, language: string): Map<string, string> {
  const titles = new Map<string, string>();
  const nodes: LayerNode[] = [...(state?.added ?? []), ...context.layers];
  walkLayers(nodes, (node) => titles.set(node.id, textFor(node.title, language)));
  for (const basemap of context.basemaps) titles.set(basemap.id, textFor(basemap.title, language));
  return titles;
}

/** The sources to credit for what is shown now: the map's, each visible layer's, the basemap's. */
export function shownAttributions(context: MapContext, state: MapState | undefined, language: string): string {
  const texts = new Set<string>(context.attributions.map((a) => textFor(a, language)));
  walkLayers([...(state?.added ?? []), ...context.layers], (node) => {
    if (node.type !== 'group' && state?.layers[node.id]?.visible) node.attributions.forEach((a) => texts.add(textFor(a, language)));
  });
  const basemap = context.basemaps.find((b) => b.id === state?.basemap);
  if (basemap && basemap.type !== 'empty') basemap.attributions.forEach((a) => texts.add(textFor(a, language)));
  return [...texts].join(' · ');
}

/** Shown layers that failed to load (drawn blank): the exported image lacks them. */
export function failedLayers(state: MapState | undefined): string[] {
  return Object.entries(state?.layers ?? {})
    .filter(([, layer]) => layer.visible && layer.status === 'error')
    .map(([id]) => id);
}
