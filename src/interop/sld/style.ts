/**
 * SLD rules (read.ts) → a Cartable vector style. Rules without scale limits make the base style,
 * rules with the same scale limits one scale rule each; within one, the rule without a filter gives
 * the symbol, PropertyIsEqualTo rules on one field the categories, the ElseFilter rule the symbol
 * of the other values. A rule that draws only a label with scale limits gives the label's limits.
 */
import type { Category, LabelStyle, ScaleRule, StyleCore, Symbolizer, VectorStyle } from '../../context/types.js';
import type { SldRule } from './read.js';

const isEmpty = (symbol: Symbolizer): boolean => Object.keys(symbol).length === 0;

function core(rules: readonly SldRule[], drop: (what: string) => void): StyleCore {
  let symbol: Symbolizer | undefined;
  let symbolLabel: string | undefined;
  let label: LabelStyle | undefined;
  let field: string | undefined;
  const values: Category[] = [];
  const withLabel = (rule: SldRule, scaled?: Pick<ScaleRule, 'minScale' | 'maxScale'>): void => {
    if (!rule.label) return;
    if (label) drop(`rule "${rule.name}": a second label (Cartable draws one label field per style)`);
    else label = { ...rule.label, ...(scaled?.minScale !== undefined ? { minScale: scaled.minScale } : {}), ...(scaled?.maxScale !== undefined ? { maxScale: scaled.maxScale } : {}) };
  };
  for (const rule of rules) {
    withLabel(rule);
    if (isEmpty(rule.symbol)) continue;
    const filter = rule.filter;
    if (filter === undefined || filter === 'else') {
      // The rule without a filter draws every feature: it is the symbol of those no category takes, as the ElseFilter one is.
      if (symbol) drop(`rule "${rule.name}": a second symbol for every feature (${filter === 'else' ? 'ElseFilter' : 'no filter'}): the first rule's is kept`);
      else {
        symbol = rule.symbol;
        if (filter === 'else' && rule.title) symbolLabel = rule.title;
      }
    } else if (field !== undefined && filter.field !== field) {
      drop(`rule "${rule.name}": a filter on "${filter.field}" while the categories are on "${field}" (one field per style): the rule is left out`);
    } else if (values.some((v) => v.value === filter.value)) {
      drop(`rule "${rule.name}": a second rule for ${field} = ${String(filter.value)}: the first one is kept`);
    } else {
      field = filter.field;
      values.push({ value: filter.value, ...(rule.title ? { label: rule.title } : {}), symbol: rule.symbol });
    }
  }
  return {
    ...(symbol ? { symbol } : {}),
    ...(symbolLabel && values.length ? { symbolLabel } : {}),
    ...(field !== undefined ? { categories: { field, values } } : {}),
    ...(label ? { label } : {}),
  };
}

/** The style of the rules, and what it could not keep (one line per thing, naming the rule). */
export function sldRulesToStyle(rules: readonly SldRule[], dropped: string[]): VectorStyle {
  const drop = (what: string): void => void dropped.push(what);
  const scaled = rules.filter((r) => r.minScale !== undefined || r.maxScale !== undefined);
  // A label alone within scale limits: the label's own limits (drawn over the base style).
  const labelsOnly = scaled.filter((r) => r.label && isEmpty(r.symbol));
  const ranges = new Map<string, SldRule[]>();
  for (const rule of scaled) {
    if (labelsOnly.includes(rule)) continue;
    const key = `${rule.minScale ?? ''}-${rule.maxScale ?? ''}`;
    ranges.set(key, [...(ranges.get(key) ?? []), rule]);
  }
  const base = core(rules.filter((r) => !scaled.includes(r)), drop);
  let label = base.label;
  for (const rule of labelsOnly) {
    if (label) drop(`rule "${rule.name}": a second label (Cartable draws one label field per style)`);
    else label = { ...rule.label!, ...(rule.minScale !== undefined ? { minScale: rule.minScale } : {}), ...(rule.maxScale !== undefined ? { maxScale: rule.maxScale } : {}) };
  }
  // SLD draws every rule whose scales hold; a Cartable scale rule replaces the base style: what the
  // base draws and the scale rule does not (symbols, the label) is copied into it.
  const scaleRules: ScaleRule[] = [...ranges.values()].map((group) => {
    const { minScale, maxScale } = group[0]!;
    const own = core(group, drop);
    const drawsOwn = own.symbol || own.categories;
    if (drawsOwn && (base.symbol || base.categories)) {
      drop(`rule "${group[0]!.name}": within its scales, its symbols replace those of the rules without scale limits (SLD draws both)`);
    }
    const inherited: StyleCore = drawsOwn ? {} : { ...base, label: undefined };
    const withLabel = own.label ?? label;
    // Through JSON: the keys left undefined go.
    return JSON.parse(JSON.stringify({ minScale, maxScale, ...inherited, ...own, label: withLabel })) as ScaleRule;
  });
  return { ...base, ...(label ? { label } : {}), ...(scaleRules.length ? { rules: scaleRules } : {}) };
}
