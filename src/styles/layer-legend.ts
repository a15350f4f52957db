import { isVectorLayer, type LayerDef } from '../context/types.js';
import type { LayerChoices } from '../context/layers/wms-choices.js';
import { legendGraphicUrls } from '../layers/wms/params.js';
import { legendForStyle, legendFromItems, type LegendEntry } from './legend.js';

/** A layer's legend: the document's own items or image first, then what its style says. */
export type LayerLegend =
  | { readonly kind: 'entries'; readonly entries: LegendEntry[] }
  | { readonly kind: 'image'; readonly url: string }
  /** One image per WMS layer of a layer (GetLegendGraphic). */
  | { readonly kind: 'images'; readonly urls: readonly string[] }
  | { readonly kind: 'none' };

/** `choices`: a WMS layer's chosen time, which some servers' legends follow. */
export function legendOfLayer(layer: LayerDef, scale?: number, choices?: LayerChoices): LayerLegend {
  if (layer.legend.hidden) return { kind: 'none' };
  if (layer.legend.items) return { kind: 'entries', entries: legendFromItems(layer.legend.items) };
  if (layer.legend.image) return { kind: 'image', url: layer.legend.image };
  if (layer.type === 'wms') return { kind: 'images', urls: legendGraphicUrls(layer, undefined, choices) };
  if (isVectorLayer(layer)) {
    return {
      kind: 'entries',
      entries: legendForStyle(layer.style, { layerTitle: layer.title, geometry: layer.geometry, scale }),
    };
  }
  return { kind: 'none' };
}
