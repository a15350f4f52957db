/**
 * The style editor's changes, as whole styles: a single symbol, categories of a field's values,
 * classes of a number field. Plain document JSON in, plain document JSON out (no map, no DOM).
 */
import type { Category, CategoryValue, GeometryKind, LocalizedText, Symbolizer } from '../../context/types.js';
import { guessGeometry } from '../../styles/legend.js';
import { isObject, type JsonObject, type JsonValue } from '../model/json.js';
import type { ValueCount } from './classify.js';
import { formatBound } from './classify.js';
import { colourParts, withAlpha } from './colour.js';
import { DEFAULT_COLOURS, MAX_CATEGORIES, qualitative } from './palettes.js';

export type StyleMode = 'single' | 'categories' | 'classes';

/** Opacity of a new polygon fill (the basemap stays readable under it). */
export const POLYGON_FILL_OPACITY = 0.35;

export const OTHERS_LABEL: LocalizedText = { fr: 'Autres', en: 'Other' };

export const modeOf = (style: JsonObject | undefined): StyleMode => (style?.['categories'] ? 'categories' : style?.['classes'] ? 'classes' : 'single');

/** The layer's geometry: as it says, else as its symbol suggests, else points. */
export function geometryOf(layer: JsonObject | undefined): GeometryKind {
  const said = layer?.['geometry'];
  if (said === 'point' || said === 'line' || said === 'polygon') return said;
  const symbol = (layer?.['style'] as JsonObject | undefined)?.['symbol'];
  return isObject(symbol) ? guessGeometry(symbol as unknown as Symbolizer) : 'point';
}

/** A new symbol of one colour for a geometry. */
export function symbolOf(geometry: GeometryKind, colour: string): Symbolizer {
  switch (geometry) {
    case 'point':
      return { marker: { shape: 'circle', radius: 6, fill: { color: colour }, stroke: { color: DEFAULT_COLOURS.outline, width: 1 } } };
    case 'line':
      return { stroke: { color: colour, width: 2 } };
    case 'polygon':
      return { fill: { color: withAlpha(colour, POLYGON_FILL_OPACITY) }, stroke: { color: colour, width: 1 } };
  }
}

/** The colour a symbol is known by (its marker's fill, its line, its fill), #rrggbb. */
export function mainColour(symbol: Symbolizer | undefined, geometry: GeometryKind): string | undefined {
  const marker = symbol?.marker;
  const colour =
    geometry === 'point'
      ? marker?.shape === 'circle'
        ? (marker.fill?.color ?? marker.stroke?.color)
        : (symbol?.fill?.color ?? symbol?.stroke?.color)
      : geometry === 'line'
        ? symbol?.stroke?.color
        : (symbol?.fill?.color ?? symbol?.stroke?.color);
  return colourParts(colour)?.hex;
}

/** A symbol with its main colour changed (a polygon's fill keeps its opacity, its outline takes the colour). */
export function recolour(symbol: Symbolizer | undefined, geometry: GeometryKind, colour: string): Symbolizer {
  if (!symbol) return symbolOf(geometry, colour);
  if (geometry === 'point') {
    const marker = symbol.marker;
    if (marker?.shape === 'icon') return symbol;
    return { ...symbol, marker: { ...(marker ?? { shape: 'circle', radius: 6 }), fill: { color: colour } } };
  }
  if (geometry === 'line') return { ...symbol, stroke: { width: 2, ...symbol.stroke, color: colour } };
  const alpha = colourParts(symbol.fill?.color)?.alpha ?? POLYGON_FILL_OPACITY;
  return { ...symbol, fill: { color: withAlpha(colour, alpha) }, stroke: { width: 1, ...symbol.stroke, color: colour } };
}

const text = (value: CategoryValue): LocalizedText => ({ fr: String(value), en: String(value) });

/**
 * Categories on a field: the `top` most frequent values get the qualitative palette's colours; the
 * rest (and records without a value) fall to the base symbol, « Autres ». Values the style already
 * has keep their label and symbol; new ones take the palette's colours not in use. Keeps the label.
 */
export function categoriesStyle(options: {
  readonly style: JsonObject | undefined;
  readonly field: string;
  readonly counts: readonly ValueCount[];
  readonly geometry: GeometryKind;
  readonly top: number;
  /** Records in all (those without a value count among « Autres »). */
  readonly total: number;
}): JsonObject {
  const { style, field, counts, geometry, top, total } = options;
  const kept = counts.slice(0, Math.max(1, top));
  const before = style?.['categories'] as { field?: string; values?: Category[] } | undefined;
  const previous = new Map((before?.field === field ? (before.values ?? []) : []).map((v) => [String(v.value), v]));
  const reused = kept.map((c) => previous.get(String(c.value)));
  const free = unusedColours(reused.filter((v): v is Category => !!v).map((v) => v.symbol), geometry);
  const values = kept.map((c, i) => reused[i] ?? { value: c.value, label: text(c.value), symbol: symbolOf(geometry, free.shift() ?? qualitative(i + 1)[i]!) });
  const others = total - kept.reduce((sum, c) => sum + c.count, 0);
  const { categories: _c, classes: _k, symbol: _s, symbolLabel: _l, ...rest } = style ?? {};
  const base = others > 0 ? { symbol: othersSymbol(style, geometry), symbolLabel: OTHERS_LABEL } : {};
  return { ...rest, ...base, categories: { field, values } } as unknown as JsonObject;
}

/** The qualitative palette's colours that none of `symbols` uses, in the palette's order. */
export function unusedColours(symbols: readonly Symbolizer[], geometry: GeometryKind): string[] {
  const used = new Set(symbols.map((s) => mainColour(s, geometry)));
  return qualitative(MAX_CATEGORIES).filter((c) => !used.has(c));
}

/** A category for a value, in the next free colour. */
export const categoryOf = (value: CategoryValue, symbols: readonly Symbolizer[], geometry: GeometryKind): Category => ({
  value,
  label: text(value),
  symbol: symbolOf(geometry, unusedColours(symbols, geometry)[0] ?? DEFAULT_COLOURS.others),
});

/** « Autres »: the style's own symbol in grey-blue tones when it had none. */
export function othersSymbol(style: JsonObject | undefined, geometry: GeometryKind): Symbolizer {
  const own = style?.['symbol'];
  return isObject(own) ? (own as unknown as Symbolizer) : symbolOf(geometry, DEFAULT_COLOURS.others);
}

/** A class's label: « 10 – 20 » (the last class: up to the data's maximum). */
export function rangeLabel(min: number, max: number): LocalizedText {
  if (min === max) return { fr: formatBound(min, 'fr'), en: formatBound(min, 'en') };
  return { fr: `${formatBound(min, 'fr')} – ${formatBound(max, 'fr')}`, en: `${formatBound(min, 'en')} – ${formatBound(max, 'en')}` };
}

/**
 * Classes on a number field from breaks (classify.ts: starts then the maximum) and a palette of as
 * many colours. The last class has no upper bound (it holds the maximum); keeps the style's label.
 */
export function classesStyle(options: {
  readonly style: JsonObject | undefined;
  readonly field: string;
  readonly breaks: readonly number[];
  readonly palette: readonly string[];
  readonly geometry: GeometryKind;
}): JsonObject {
  const { style, field, breaks, palette, geometry } = options;
  const count = breaks.length - 1;
  const ranges = Array.from({ length: Math.max(1, count) }, (_, i) => {
    const min = breaks[i]!;
    const next = breaks[i + 1] ?? min;
    const last = i === count - 1 || count < 1;
    return { min, ...(last ? {} : { max: next }), label: rangeLabel(min, next), symbol: symbolOf(geometry, palette[i] ?? palette.at(-1)!) };
  });
  const { categories: _c, classes: _k, symbolLabel: _l, ...rest } = style ?? {};
  return { ...rest, classes: { field, ranges } } as unknown as JsonObject;
}

/** One symbol for every feature: the style's own, else the first category's or class's, else a new one. */
export function singleStyle(style: JsonObject | undefined, geometry: GeometryKind): JsonObject {
  const { categories, classes, symbol, symbolLabel: _l, ...rest } = style ?? {};
  const first = (categories as { values?: { symbol: JsonValue }[] } | undefined)?.values?.[0]?.symbol ?? (classes as { ranges?: { symbol: JsonValue }[] } | undefined)?.ranges?.[0]?.symbol;
  return { ...rest, symbol: symbol ?? first ?? (symbolOf(geometry, DEFAULT_COLOURS.fill) as unknown as JsonValue) } as JsonObject;
}
