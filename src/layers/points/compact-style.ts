/**
 * A document style compiled for compact points (pure): for the base style and each scale rule, the
 * circle markers it draws and, per point, which one (or none). The same rules as styles/flat-style.ts,
 * so the legend (styles/legend.ts, built from the same style) matches the drawing.
 */
import type { LabelStyle, StyleCore, Symbolizer, VectorStyle } from '../../context/types.js';
import { isInScaleRange } from '../../styles/scale.js';

/** A circle marker, as flat-style.ts draws it (radius 5 when the symbol gives none). */
export interface MarkerSymbol {
  readonly radius: number;
  readonly fill?: string;
  readonly stroke?: { readonly color: string; readonly width: number };
}

/** Index of "no symbol: not drawn, not identified". */
export const NO_SYMBOL = 0xffff;

export interface CompiledCore {
  readonly minScale?: number;
  readonly maxScale?: number;
  readonly symbols: readonly MarkerSymbol[];
  /** One entry a point: its symbol in `symbols`, or NO_SYMBOL. */
  readonly symbolOf: Uint16Array;
  /** The largest radius plus half the widest stroke, in pixels. */
  readonly maxExtent: number;
  readonly label?: LabelStyle;
}

const DEFAULT_RADIUS = 5;

export function markerOf(symbol: Symbolizer): MarkerSymbol {
  const marker = symbol.marker?.shape === 'circle' ? symbol.marker : undefined;
  const fill = symbol.marker ? marker?.fill : symbol.fill;
  const stroke = symbol.marker ? marker?.stroke : symbol.stroke;
  return {
    radius: marker?.radius ?? DEFAULT_RADIUS,
    fill: fill?.color,
    stroke: stroke ? { color: stroke.color, width: stroke.width } : undefined,
  };
}

function compileCore(core: StyleCore, columns: Readonly<Record<string, readonly unknown[]>>, count: number, range: { minScale?: number; maxScale?: number }): CompiledCore {
  const symbols: MarkerSymbol[] = [];
  const symbolOf = new Uint16Array(count).fill(NO_SYMBOL);
  const base = core.symbol ? symbols.push(markerOf(core.symbol)) - 1 : NO_SYMBOL;
  if (core.categories) {
    const { field, values } = core.categories;
    const first = symbols.length;
    values.forEach((category) => symbols.push(markerOf(category.symbol)));
    // The first category that matches wins, as the first flat rule drawn with `==`.
    const lookup = new Map<unknown, number>();
    values.forEach((category, k) => {
      if (!lookup.has(category.value)) lookup.set(category.value, first + k);
    });
    const column = columns[field] ?? [];
    for (let i = 0; i < count; i++) symbolOf[i] = lookup.get(column[i]) ?? base;
  } else if (core.classes) {
    const { field, ranges } = core.classes;
    const first = symbols.length;
    ranges.forEach((range) => symbols.push(markerOf(range.symbol)));
    const column = columns[field] ?? [];
    for (let i = 0; i < count; i++) {
      const raw = column[i];
      const value = raw === null || raw === undefined || raw === '' ? NaN : Number(raw);
      const k = Number.isNaN(value)
        ? -1
        : ranges.findIndex((r) => (r.min === undefined || value >= r.min) && (r.max === undefined || value < r.max));
      symbolOf[i] = k >= 0 ? first + k : base;
    }
  } else {
    symbolOf.fill(base);
  }
  const maxExtent = Math.max(0, ...symbols.map((s) => s.radius + (s.stroke ? s.stroke.width / 2 : 0)));
  return { ...range, symbols, symbolOf, maxExtent, label: core.label };
}

/** The scale rules (first) and the base style (last) of a style, compiled for `count` points. */
export function compileStyle(style: VectorStyle, columns: Readonly<Record<string, readonly unknown[]>>, count: number): CompiledCore[] {
  return [
    ...(style.rules ?? []).map((rule) => compileCore(rule, columns, count, { minScale: rule.minScale, maxScale: rule.maxScale })),
    compileCore(style, columns, count, {}),
  ];
}

/** The style in force at a scale: the first rule whose range holds it, else the base style (last). */
export function coreForScale(cores: readonly CompiledCore[], scale: number): CompiledCore {
  return cores.slice(0, -1).find((core) => isInScaleRange(scale, core)) ?? cores[cores.length - 1]!;
}
