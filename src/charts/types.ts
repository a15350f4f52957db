/**
 * Charts of a layer's records: the document's settings and the figures a chart draws. Shared by
 * the figures (src/charts/figures.ts), the SVG element (src/charts/cartable-chart.ts) and the map
 * view's chart panel, so each can be written and tested on its own.
 */
import type { LocalizedText } from '../context/schema/common.js';

/**
 * One chart of a layer, declared in the layer's `charts`:
 * - `bar`: counts of a category field's values (the style's categories give order and colours);
 * - `histogram`: counts of a number field in `bins` equal intervals;
 * - `territory`: counts per territory through a join field (an INSEE code…), labelled by `labelField`;
 * - `pie`: as `bar`, allowed only for few categories (the schema and the checks say how many).
 */
export interface ChartSettings {
  readonly id: string;
  readonly type: 'bar' | 'histogram' | 'territory' | 'pie';
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly field: string;
  /** histogram: the number of intervals. */
  readonly bins?: number;
  /** territory: the field whose value names the territory in the chart (default: `field`). */
  readonly labelField?: string;
  /** bar/territory: the most bars drawn; the rest are summed in « Autres ». */
  readonly limit?: number;
  /**
   * bar/pie: the field's expected values, in the order drawn, with their label and colour (a field
   * the style does not categorise: a rarity, a level…). The style's categories come first otherwise.
   */
  readonly values?: readonly ChartValue[];
}

/** One expected value of a chart's field: the value as text, its label, its colour (a CSS colour). */
export interface ChartValue {
  readonly value: string;
  readonly label?: LocalizedText;
  readonly color?: string;
}

/** One bar (or slice): the value it stands for, its label, how many records, its colour. */
export interface ChartBar {
  /** The table filter value a click keeps (the field's value as text); absent for « Autres » and histogram bins. */
  readonly value?: string;
  /** histogram: the interval, inclusive bounds, for a range filter. */
  readonly range?: { readonly min: number; readonly max: number };
  readonly label: string;
  readonly count: number;
  readonly color: string;
}

/** What a chart draws: computed from the rows the table keeps (its filters and « dans la vue »). */
export interface ChartFigures {
  readonly chart: ChartSettings;
  readonly bars: readonly ChartBar[];
  /** Records counted (the rows kept), and those without a value for the field. */
  readonly total: number;
  readonly missing: number;
}

/** Sent up by the chart element when a bar is clicked or Enter/Space is pressed on it. */
export interface ChartSelectDetail {
  readonly chartId: string;
  readonly field: string;
  readonly bar: ChartBar;
}
