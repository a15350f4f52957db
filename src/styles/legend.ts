import type { GeometryKind, LegendItem, LocalizedText, StyleCore, Symbolizer, VectorStyle } from '../context/types.js';
import { isInScaleRange } from './scale.js';

export interface LegendEntry {
  readonly label: LocalizedText;
  readonly symbol: Symbolizer;
  readonly geometry: GeometryKind;
}

/** The geometry a symbol is meant for, when the layer does not say. */
export function guessGeometry(symbol: Symbolizer): GeometryKind {
  if (symbol.marker) return 'point';
  if (symbol.fill) return 'polygon';
  return 'line';
}

function numberLabel(min: number | undefined, max: number | undefined): string {
  const format = (n: number): string => n.toLocaleString('fr-FR');
  if (min !== undefined && max !== undefined) return `${format(min)} – ${format(max)}`;
  if (min !== undefined) return `≥ ${format(min)}`;
  if (max !== undefined) return `< ${format(max)}`;
  return '';
}

function coreEntries(core: StyleCore, fallbackLabel: LocalizedText, geometry?: GeometryKind): LegendEntry[] {
  const entries: Array<{ label: LocalizedText; symbol: Symbolizer }> = [];
  if (core.categories) {
    for (const c of core.categories.values) entries.push({ label: c.label ?? String(c.value), symbol: c.symbol });
  } else if (core.classes) {
    for (const r of core.classes.ranges) entries.push({ label: r.label ?? numberLabel(r.min, r.max), symbol: r.symbol });
  }
  if (core.symbol) {
    const varied = core.categories || core.classes;
    entries.push({ label: core.symbolLabel ?? (varied ? { fr: 'Autres', en: 'Other' } : fallbackLabel), symbol: core.symbol });
  }
  return entries.map((e) => ({ ...e, geometry: geometry ?? guessGeometry(e.symbol) }));
}

/**
 * The legend of a vector style at a scale: the entries of the scale rule in force, or of the base
 * style. `layerTitle` labels a single-symbol legend.
 */
export function legendForStyle(
  style: VectorStyle,
  options: { layerTitle: LocalizedText; geometry?: GeometryKind; scale?: number },
): LegendEntry[] {
  const { scale, layerTitle, geometry } = options;
  const rule = scale === undefined ? undefined : style.rules?.find((r) => isInScaleRange(scale, r));
  return coreEntries(rule ?? style, layerTitle, geometry);
}

/** Entries the document gives by hand. */
export function legendFromItems(items: readonly LegendItem[]): LegendEntry[] {
  return items.map((item) => ({ ...item, geometry: item.geometry ?? guessGeometry(item.symbol) }));
}
