import type { FlatStyle, FlatStyleLike, Rule } from 'ol/style/flat.js';
import type { LabelStyle, ScaleRule, StyleCore, Symbolizer, VectorStyle } from '../context/types.js';
import { scaleToResolution } from './scale.js';

type Expression = unknown[];

const all = (conditions: Expression[]): Expression | undefined =>
  conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : ['all', ...conditions];
const any = (conditions: Expression[]): Expression | undefined =>
  conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : ['any', ...conditions];
const not = (condition: Expression | undefined): Expression | undefined => (condition ? ['!', condition] : undefined);

/** A default marker for points when a symbol gives only fill and stroke, so points never vanish. */
const DEFAULT_RADIUS = 5;

/**
 * How markers take part in a decluttered layer (one with labels): always drawn, and kept clear by the
 * labels. OpenLayers' default ('declutter') drops a marker that overlaps another, even where the
 * labels are hidden by their scale range: markers vanished and could not be clicked.
 */
const MARKER_DECLUTTER = 'obstacle';

/** One symbolizer as an OpenLayers flat style. */
export function symbolizerToFlat(symbol: Symbolizer): FlatStyle {
  const style: Record<string, unknown> = {};
  if (symbol.fill) style['fill-color'] = symbol.fill.color;
  if (symbol.stroke) {
    style['stroke-color'] = symbol.stroke.color;
    style['stroke-width'] = symbol.stroke.width;
    if (symbol.stroke.dash) style['stroke-line-dash'] = [...symbol.stroke.dash];
  }
  const marker = symbol.marker;
  if (marker?.shape === 'icon') {
    style['icon-src'] = marker.src;
    style['icon-scale'] = marker.scale;
    if (marker.anchor) style['icon-anchor'] = [...marker.anchor];
    style['icon-declutter-mode'] = MARKER_DECLUTTER;
  } else {
    const fill = marker ? marker.fill : symbol.fill;
    const stroke = marker ? marker.stroke : symbol.stroke;
    style['circle-radius'] = marker?.radius ?? DEFAULT_RADIUS;
    style['circle-declutter-mode'] = MARKER_DECLUTTER;
    if (fill) style['circle-fill-color'] = fill.color;
    if (stroke) {
      style['circle-stroke-color'] = stroke.color;
      style['circle-stroke-width'] = stroke.width;
    }
  }
  return style as FlatStyle;
}

export interface ScaleContext {
  /** Metres per unit of the view's projection, to turn scale denominators into resolutions. */
  readonly metersPerUnit: number;
}

function scaleCondition(range: { minScale?: number; maxScale?: number }, { metersPerUnit }: ScaleContext): Expression | undefined {
  const conditions: Expression[] = [];
  if (range.minScale !== undefined) conditions.push(['>=', ['resolution'], scaleToResolution(range.minScale, metersPerUnit)]);
  if (range.maxScale !== undefined) conditions.push(['<', ['resolution'], scaleToResolution(range.maxScale, metersPerUnit)]);
  return all(conditions);
}

/** A feature property set on features that a table filter hides (see MapAdapter.setFilter). */
export const FILTERED_OUT = 'cartable:out';
const SHOWN: Expression = ['!=', ['get', FILTERED_OUT], true];

/** A rule that also skips the features a filter hides. */
function rule(style: FlatStyle, condition: Expression | undefined): Rule {
  return { filter: condition ? ['all', SHOWN, condition] : SHOWN, style } as Rule;
}

function labelRule(label: LabelStyle, when: Expression | undefined, scale: ScaleContext): Rule {
  const style = {
    'text-value': ['to-string', ['coalesce', ['get', label.field], '']],
    'text-font': `600 ${label.size}px system-ui, sans-serif`,
    'text-fill-color': label.color,
    'text-stroke-color': label.haloColor,
    'text-stroke-width': 3,
    'text-offset-y': -Math.round(label.size * 1.1),
    'text-overflow': false,
  } as unknown as FlatStyle;
  return rule(style, all([when, scaleCondition(label, scale)].filter((c): c is Expression => !!c)));
}

/** The rules of a style without scale alternatives, each under an extra condition (its scale range). */
function coreRules(core: StyleCore, when: Expression | undefined, scale: ScaleContext): Rule[] {
  const rules: Rule[] = [];
  const under = (condition: Expression | undefined): Expression | undefined =>
    all([when, condition].filter((c): c is Expression => !!c));

  let matched: Expression[] = [];
  if (core.categories) {
    const { field, values } = core.categories;
    matched = values.map((category) => ['==', ['get', field], category.value]);
    values.forEach((category, i) => rules.push(rule(symbolizerToFlat(category.symbol), under(matched[i]))));
  } else if (core.classes) {
    const { field, ranges } = core.classes;
    matched = ranges.map((range) => {
      const bounds: Expression[] = [];
      if (range.min !== undefined) bounds.push(['>=', ['get', field], range.min]);
      if (range.max !== undefined) bounds.push(['<', ['get', field], range.max]);
      // A class with neither bound takes every number.
      return all(bounds) ?? ['>=', ['get', field], -Infinity];
    });
    ranges.forEach((range, i) => rules.push(rule(symbolizerToFlat(range.symbol), under(matched[i]))));
  }
  if (core.symbol) rules.push(rule(symbolizerToFlat(core.symbol), under(not(any(matched)))));
  if (core.label) rules.push(labelRule(core.label, when, scale));
  return rules;
}

/**
 * A document style as OpenLayers flat style rules. Scale rules become resolution filters; the base
 * style applies where no scale rule does. The same style builds the legend (legend.ts).
 */
export function styleToFlatRules(style: VectorStyle, scale: ScaleContext): FlatStyleLike {
  const alternatives = (style.rules ?? []).map((r: ScaleRule) => scaleCondition(r, scale));
  const rules: Rule[] = [];
  (style.rules ?? []).forEach((alternative, i) => {
    // The first rule whose range holds the scale wins: exclude the ranges of the rules before it.
    const earlier = alternatives.slice(0, i).filter((c): c is Expression => !!c);
    const own = alternatives[i];
    const condition = all([own, not(any(earlier))].filter((c): c is Expression => !!c));
    rules.push(...coreRules(alternative, condition, scale));
  });
  const none = not(any(alternatives.filter((c): c is Expression => !!c)));
  rules.push(...coreRules(style, none, scale));
  return rules;
}
