import { isKnownProjection } from '../proj/definitions.js';
import { parseTemplate, templateFields } from './template.js';
import { checkCharts } from './check-charts.js';
import { walkLayers } from './checks.js';
import { problemAt, type Problem } from './problems.js';
import type { LocalizedText, MapContext, PopupField, StyleCore, VectorCommon, WmsLayerDef } from './types.js';
import { MAX_TIME_VALUES, expandRange, filterOptions, timeValues } from './layers/wms-choices.js';

/*
 * What the schema cannot say, checked after it (validate.ts). Apart from walkLayers (checks.ts), which
 * every map page uses: these checks and their texts load only with the validator.
 */

function checkStyleFields(style: StyleCore, fields: Set<string>, path: string, problems: Problem[]): void {
  const refs: Array<[string | undefined, string]> = [
    [style.categories?.field, `${path}/categories/field`],
    [style.classes?.field, `${path}/classes/field`],
    [style.label?.field, `${path}/label/field`],
  ];
  for (const [name, at] of refs) {
    if (name !== undefined && !fields.has(name)) {
      problems.push(problemAt(at, { kind: 'undeclared-field', field: name }));
    }
  }
  style.classes?.ranges.forEach((range, i) => {
    if (range.min !== undefined && range.max !== undefined && range.min >= range.max) {
      problems.push(problemAt(`${path}/classes/ranges/${i}`, { kind: 'order', low: 'min', lowValue: range.min, high: 'max', highValue: range.max }));
    }
  });
}

/** Every template of a layer's popup and tooltip, with its JSON pointer. */
function templatesOf(layer: VectorCommon, path: string): Array<[string, string]> {
  const all = (text: LocalizedText | undefined, at: string): Array<[string, string]> =>
    text === undefined ? [] : typeof text === 'string' ? [[text, at]] : Object.entries(text).map(([lang, t]) => [t, `${at}/${lang}`]);
  const popup = layer.popup;
  return [
    ...all(layer.tooltip, `${path}/tooltip`),
    ...all(layer.search?.label, `${path}/search/label`),
    ...all(popup?.title, `${path}/popup/title`),
    ...all(popup?.subtitle, `${path}/popup/subtitle`),
    ...(popup?.sections ?? []).flatMap((s, i) => all(s.text, `${path}/popup/sections/${i}/text`)),
    ...(popup?.links ?? []).map((l, i): [string, string] => [l.url, `${path}/popup/links/${i}/url`]),
  ];
}

function tableFieldNames(layer: VectorCommon, path: string): Array<[string, string]> {
  const table = layer.table;
  if (!table) return [];
  return [
    ...table.columns.map((c, i): [string, string] => [typeof c === 'string' ? c : c.field, `${path}/table/columns/${i}`]),
    ...(table.sort ? [[table.sort.field, `${path}/table/sort/field`] as [string, string]] : []),
  ];
}

function searchFieldNames(layer: VectorCommon, path: string): Array<[string, string]> {
  const fields = (layer.search?.fields ?? []).map((name, i): [string, string] => [name, `${path}/search/fields/${i}`]);
  return layer.search?.rank ? [...fields, [layer.search.rank, `${path}/search/rank`]] : fields;
}

function popupFieldNames(layer: VectorCommon, path: string): Array<[string, string]> {
  const named = (items: readonly PopupField[] | undefined, at: string): Array<[string, string]> =>
    (items ?? []).map((item, i) => [typeof item === 'string' ? item : item.field, `${at}/${i}`]);
  return [
    ...named(layer.popup?.fields, `${path}/popup/fields`),
    ...(layer.popup?.sections ?? []).flatMap((s, i) => named(s.fields, `${path}/popup/sections/${i}/fields`)),
  ];
}

function checkVector(layer: VectorCommon, path: string, problems: Problem[]): void {
  if (layer.table && !layer.idField) {
    problems.push(problemAt(`${path}/table`, { kind: 'table-needs-id-field' }));
  }
  const templateFieldRefs: Array<[string, string]> = [];
  for (const [template, at] of templatesOf(layer, path)) {
    try {
      parseTemplate(template);
      templateFieldRefs.push(...templateFields(template).map((f): [string, string] => [f, at]));
    } catch (error) {
      problems.push(problemAt(at, { kind: 'template', reason: (error as Error).message }));
    }
  }
  checkCharts(layer, path, problems);
  if (layer.fields.length === 0) return; // Fields are optional; references can only be checked against a list.
  const names = new Set(layer.fields.map((f) => f.name));
  for (const [name, at] of [...templateFieldRefs, ...popupFieldNames(layer, path), ...tableFieldNames(layer, path), ...searchFieldNames(layer, path)]) {
    if (!names.has(name)) problems.push(problemAt(at, { kind: 'undeclared-field', field: name }));
  }
  if (layer.idField !== undefined && !names.has(layer.idField)) {
    problems.push(problemAt(`${path}/idField`, { kind: 'id-field-not-declared', field: layer.idField }));
  }
  checkStyleFields(layer.style, names, `${path}/style`, problems);
  layer.style.rules?.forEach((rule, i) => checkStyleFields(rule, names, `${path}/style/rules/${i}`, problems));
}

function checkScaleRange(item: { minScale?: number; maxScale?: number }, path: string, problems: Problem[]): void {
  if (item.minScale !== undefined && item.maxScale !== undefined && item.minScale >= item.maxScale) {
    problems.push(problemAt(path, { kind: 'order', low: 'minScale', lowValue: item.minScale, high: 'maxScale', highValue: item.maxScale }));
  }
}

function checkProjection(code: string | undefined, path: string, problems: Problem[]): void {
  if (code !== undefined && !isKnownProjection(code)) {
    problems.push(problemAt(path, { kind: 'unknown-projection', code }));
  }
}

/** A WMS layer's time and filters: ranges that read, defaults among the values, filter ids used once. */
function checkWmsChoices(layer: WmsLayerDef, path: string, problems: Problem[]): void {
  const { time, filters = [] } = layer;
  time?.values.forEach((value, i) => {
    if (value.includes('/') && !expandRange(value)?.length) {
      problems.push(problemAt(`${path}/time/values/${i}`, { kind: 'other', keyword: 'range', message: `"${value}" is not an ISO 8601 range "start/end/period" (e.g. "2015/2023/P1Y")` }));
    }
  });
  const times = timeValues(time);
  if (times.length >= MAX_TIME_VALUES) problems.push(problemAt(`${path}/time/values`, { kind: 'max-items', limit: MAX_TIME_VALUES }));
  if (time?.default !== undefined && !times.includes(time.default)) {
    problems.push(problemAt(`${path}/time/default`, { kind: 'enum', allowed: times.slice(0, 12), got: time.default }));
  }
  const ids = new Map<string, string>();
  filters.forEach((filter, i) => {
    const at = `${path}/filters/${i}`;
    const first = ids.get(filter.id);
    if (first) problems.push(problemAt(`${at}/id`, { kind: 'duplicate-id', id: filter.id, first }));
    else ids.set(filter.id, at);
    const values = filterOptions(filter).map((o) => o.value);
    if (filter.default !== undefined && !values.includes(filter.default)) {
      problems.push(problemAt(`${at}/default`, { kind: 'enum', allowed: values, got: filter.default }));
    }
  });
}

/** What the schema cannot say: unique ids, references between parts, one active basemap, a usable view. */
export function checkContext(context: MapContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = seen.get(id);
    if (first) problems.push(problemAt(`${path}/id`, { kind: 'duplicate-id', id, first }));
    else seen.set(id, path);
  };

  const { view } = context;
  checkProjection(view.projection, '/view/projection', problems);
  checkProjection(view.crs, '/view/crs', problems);
  if (view.center) {
    const given = ['zoom', 'resolution', 'scale'].filter((k) => view[k as keyof typeof view] !== undefined);
    if (given.length === 0) problems.push(problemAt('/view', { kind: 'center-needs-scale' }));
    if (given.length > 1) problems.push(problemAt('/view', { kind: 'only-one-of', names: given }));
    if (view.zoom !== undefined && view.projection !== 'EPSG:3857') {
      problems.push(problemAt('/view/zoom', { kind: 'zoom-needs-web-mercator', projection: view.projection }));
    }
  }
  if (view.extent && (view.extent[0] >= view.extent[2] || view.extent[1] >= view.extent[3])) {
    problems.push(problemAt('/view/extent', { kind: 'extent-order' }));
  }
  if (view.minZoom !== undefined && view.maxZoom !== undefined && view.minZoom > view.maxZoom) {
    problems.push(problemAt('/view/minZoom', { kind: 'above', limit: 'maxZoom', value: view.maxZoom }));
  }

  const active = context.basemaps.filter((b) => b.active);
  if (active.length > 1) problems.push(problemAt('/basemaps', { kind: 'active-basemaps', count: active.length }));
  context.basemaps.forEach((basemap, i) => {
    claim(basemap.id, `/basemaps/${i}`);
    if (basemap.type === 'wmts') checkProjection(basemap.projection, `/basemaps/${i}/projection`, problems);
  });

  walkLayers(context.layers, (node, path) => {
    claim(node.id, path);
    if (node.type === 'group') return;
    checkScaleRange(node, path, problems);
    if (node.type === 'geojson') {
      checkVector(node, path, problems);
      checkProjection(node.projection, `${path}/projection`, problems);
    }
    if (node.type === 'wmts') checkProjection(node.projection, `${path}/projection`, problems);
    if (node.type === 'points') checkVector(node, path, problems);
    if (node.type === 'points' && node.table) {
      problems.push(problemAt(`${path}/table`, { kind: 'points-table' }));
    }
    if (node.type === 'wms') {
      checkProjection(node.projection, `${path}/projection`, problems);
      // Template syntax only: a service's answer has more fields than a WMS layer needs to declare.
      if (node.popup) checkVector({ fields: [], popup: node.popup, style: {} }, path, problems);
      checkWmsChoices(node, path, problems);
    }
    if (node.type === 'wfs') {
      checkVector(node, path, problems);
      checkProjection(node.srsName, `${path}/srsName`, problems);
    }
  });
  return problems;
}
