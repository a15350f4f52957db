import type { ChartSettings } from '../charts/types.js';
import { PIE_MAX_SLICES } from './schema/chart.js';
import { problemAt, type Problem } from './problems.js';
import type { StyleCore, VectorCommon } from './types.js';

/*
 * What the schema cannot say of a layer's charts: a table whose rows they count, ids used once in
 * the layer, fields the layer declares (a number field for a histogram), options that fit the
 * chart's type, and a pie only for a field of few known values (more slices do not read; bars do).
 */

const NUMBER_TYPES = new Set(['number', 'integer']);

/** Options that mean something for one type of chart only. */
const OPTION_TYPES: ReadonlyArray<[keyof ChartSettings, ReadonlyArray<ChartSettings['type']>]> = [
  ['bins', ['histogram']],
  ['labelField', ['territory']],
  ['values', ['bar', 'pie']],
  ['limit', ['bar', 'pie', 'territory']],
];

/** How many values of `field` the document names: the chart's own list, else the style's categories (base or a scale rule). */
function knownValueCount(chart: ChartSettings, layer: VectorCommon): number | undefined {
  if (chart.values?.length) return chart.values.length;
  const cores: StyleCore[] = [layer.style, ...(layer.style.rules ?? [])];
  return cores.find((core) => core.categories?.field === chart.field)?.categories?.values.length;
}

export function checkCharts(layer: VectorCommon, path: string, problems: Problem[]): void {
  // A chart counts the rows of the layer's table (its filters apply): without one, it would never show.
  if (layer.charts?.length && !layer.table) problems.push(problemAt(`${path}/charts`, { kind: 'charts-need-table' }));
  const fields = new Map(layer.fields.map((f) => [f.name, f]));
  const ids = new Map<string, string>();
  layer.charts?.forEach((chart, i) => {
    const at = `${path}/charts/${i}`;
    const first = ids.get(chart.id);
    if (first) problems.push(problemAt(`${at}/id`, { kind: 'duplicate-id', id: chart.id, first }));
    else ids.set(chart.id, at);

    for (const [option, types] of OPTION_TYPES) {
      if (chart[option] !== undefined && !types.includes(chart.type)) {
        problems.push(problemAt(`${at}/${option}`, { kind: 'chart-option', option, types, type: chart.type }));
      }
    }
    // Fields are optional; references can only be checked against a list (as for tables and popups).
    if (fields.size > 0) {
      for (const [name, where] of [[chart.field, 'field'], [chart.labelField, 'labelField']] as const) {
        if (name !== undefined && !fields.has(name)) problems.push(problemAt(`${at}/${where}`, { kind: 'undeclared-field', field: name }));
      }
      const type = fields.get(chart.field)?.type;
      if (chart.type === 'histogram' && type !== undefined && !NUMBER_TYPES.has(type)) {
        problems.push(problemAt(`${at}/field`, { kind: 'histogram-needs-number', field: chart.field, type }));
      }
    }
    if (chart.type === 'pie') {
      const count = knownValueCount(chart, layer);
      if (count === undefined || count > PIE_MAX_SLICES) {
        problems.push(problemAt(`${at}/type`, { kind: 'pie-needs-few-values', field: chart.field, count, limit: PIE_MAX_SLICES }));
      }
    }
  });
}
