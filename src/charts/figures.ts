/**
 * What a chart draws, from the rows the table keeps: counts per value (bar, pie), per interval
 * (histogram) or per territory. One pass over the rows with a Map of counts: the bench layer has
 * 171k rows and a filter change recomputes every open chart.
 */
import type { StyleCore, Symbolizer, VectorStyle } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import type { ChartBar, ChartFigures, ChartSettings } from './types.js';

/** A row as the table keeps it: the feature's properties by field name. */
export interface ChartRow {
  readonly values: Readonly<Record<string, unknown>>;
}

export interface ChartFigureOptions {
  /** The layer's style: its categories on the chart's field give the order, labels and colours of the bars. */
  readonly style?: VectorStyle;
  readonly language: string;
  /** The label of the bar that sums the values beyond the limit (default « Autres » / "Other"). */
  readonly otherLabel?: string;
}

/** Colours are token names the element resolves: the figures know no theme. */
export const ACCENT_COLOR = 'var(--cartable-accent)';
export const OTHER_COLOR = 'var(--cartable-muted)';

/** Bars drawn when the chart gives no `limit`: more would not read on a phone. */
export const DEFAULT_LIMIT = 12;
export const PIE_LIMIT = 6;
export const DEFAULT_BINS = 10;

const isEmpty = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The value as the table's value filter compares it (src/table/query.ts). */
const valueText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

/** The colour a legend swatch shows for a symbol: the marker's or polygon's fill, else the line. */
export function symbolColor(symbol: Symbolizer | undefined): string | undefined {
  const marker = symbol?.marker;
  if (marker?.shape === 'circle') return marker.fill?.color ?? marker.stroke?.color;
  return symbol?.fill?.color ?? symbol?.stroke?.color;
}

/** The style (base, else a scale rule) that categorises `field`, as the legend draws it. */
function categorising(style: VectorStyle | undefined, field: string): StyleCore | undefined {
  if (!style) return undefined;
  if (style.categories?.field === field) return style;
  return style.rules?.find((rule) => rule.categories?.field === field);
}

interface Known {
  readonly label: string;
  readonly color: string;
}

/** The values the document names for the chart's field, in order: the chart's own list, else the style's categories. */
function knownValues(chart: ChartSettings, options: ChartFigureOptions): { known: Map<string, Known>; unlisted: string } {
  const known = new Map<string, Known>();
  const core = categorising(options.style, chart.field);
  if (chart.values?.length) {
    for (const v of chart.values) known.set(v.value, { label: textFor(v.label, options.language) || v.value, color: v.color ?? ACCENT_COLOR });
  } else if (core?.categories) {
    for (const c of core.categories.values) {
      const value = String(c.value);
      known.set(value, { label: textFor(c.label, options.language) || value, color: symbolColor(c.symbol) ?? ACCENT_COLOR });
    }
  }
  // A value the style does not list is drawn with the style's base symbol, like the legend's « Autres ».
  return { known, unlisted: symbolColor(core?.symbol) ?? ACCENT_COLOR };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Keeps `limit` bars at most: the last one sums what does not fit (« Autres », no value: not a filter). */
function capped(bars: ChartBar[], limit: number, otherLabel: string): ChartBar[] {
  if (bars.length <= limit) return bars;
  const kept = bars.slice(0, Math.max(1, limit - 1));
  const rest = bars.slice(kept.length).reduce((sum, bar) => sum + bar.count, 0);
  return [...kept, { label: otherLabel, count: rest, color: OTHER_COLOR }];
}

function otherLabelFor(options: ChartFigureOptions): string {
  return options.otherLabel ?? (options.language === 'fr' ? 'Autres' : 'Other');
}

/** bar, pie, territory: one count per value of `field`. */
function countFigures(chart: ChartSettings, rows: readonly ChartRow[], options: ChartFigureOptions): ChartFigures {
  const counts = new Map<string, number>();
  const labelField = chart.type === 'territory' ? chart.labelField : undefined;
  const labels = labelField ? new Map<string, string>() : undefined;
  const field = chart.field;
  let missing = 0;
  for (const row of rows) {
    const raw = row.values[field];
    if (isEmpty(raw)) {
      missing++;
      continue;
    }
    const value = valueText(raw);
    const count = counts.get(value);
    if (count === undefined) {
      counts.set(value, 1);
      if (labels) {
        const label = row.values[labelField!];
        if (!isEmpty(label)) labels.set(value, valueText(label));
      }
    } else counts.set(value, count + 1);
  }

  const { known, unlisted } = chart.type === 'territory' ? { known: new Map<string, Known>(), unlisted: ACCENT_COLOR } : knownValues(chart, options);
  const bars: ChartBar[] = [];
  // The document's values first, in its order (as the legend lists them), then the others by count.
  for (const [value, { label, color }] of known) {
    const count = counts.get(value);
    if (count) bars.push({ value, label, count, color });
  }
  const rest: ChartBar[] = [];
  for (const [value, count] of counts) {
    if (!known.has(value)) rest.push({ value, label: labels?.get(value) ?? value, count, color: unlisted });
  }
  rest.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  bars.push(...rest);
  const limit = chart.type === 'pie' ? Math.min(chart.limit ?? PIE_LIMIT, PIE_LIMIT) : (chart.limit ?? DEFAULT_LIMIT);
  return { chart, bars: capped(bars, limit, otherLabelFor(options)), total: rows.length, missing };
}

const toNumber = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim().replace(',', '.'));
  return Number.NaN;
};

/**
 * histogram: `bins` equal intervals over min..max. Whole numbers get whole intervals that do not
 * overlap (1–5, 6–10…), so a bar's inclusive range, used as the table's range filter, keeps exactly
 * the records the bar counts. Decimals: a value on an inner edge is counted in the upper interval.
 */
function histogramFigures(chart: ChartSettings, rows: readonly ChartRow[], options: ChartFigureOptions): ChartFigures {
  const numbers = new Float64Array(rows.length);
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (const row of rows) {
    const raw = row.values[chart.field];
    const x = isEmpty(raw) ? Number.NaN : toNumber(raw);
    if (!Number.isFinite(x)) continue;
    numbers[n++] = x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (whole && !Number.isInteger(x)) whole = false;
  }
  const missing = rows.length - n;
  if (n === 0) return { chart, bars: [], total: rows.length, missing };

  const wanted = chart.bins ?? DEFAULT_BINS;
  const step = whole ? Math.max(1, Math.ceil((max - min + 1) / wanted)) : (max - min) / wanted;
  const bins = whole ? Math.ceil((max - min + 1) / step) : max === min ? 1 : wanted;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const at = step === 0 ? 0 : Math.floor((numbers[i]! - min) / step);
    counts[Math.min(bins - 1, at)]!++;
  }
  const format = new Intl.NumberFormat(options.language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: whole ? 0 : 2 });
  const bars = counts.map((count, i): ChartBar => {
    const low = min + i * step;
    const high = whole ? Math.min(max, low + step - 1) : i === bins - 1 ? max : min + (i + 1) * step;
    const label = low === high ? format.format(low) : `${format.format(low)} – ${format.format(high)}`;
    return { range: { min: low, max: high }, label, count, color: ACCENT_COLOR };
  });
  return { chart, bars, total: rows.length, missing };
}

/** The figures of one chart over the rows kept (the table's filters and « dans la vue » applied). */
export function chartFigures(chart: ChartSettings, rows: readonly ChartRow[], options: ChartFigureOptions): ChartFigures {
  return chart.type === 'histogram' ? histogramFigures(chart, rows, options) : countFigures(chart, rows, options);
}

/** A bar's share of the records that have a value, 0..1. */
export function shareOf(bar: ChartBar, figures: ChartFigures): number {
  const counted = figures.total - figures.missing;
  return counted > 0 ? bar.count / counted : 0;
}
