import { isKnownProjection } from '../proj/definitions.js';
import type { Problem } from './problems.js';
import { parseTemplate, templateFields } from '../popup/template.js';
import type { LayerNode, LocalizedText, MapContext, PopupField, StyleCore, VectorCommon } from './types.js';

/** Visits every group and layer of a tree with its JSON pointer. */
export function walkLayers(
  nodes: readonly LayerNode[],
  visit: (node: LayerNode, path: string) => void,
  base = '/layers',
): void {
  nodes.forEach((node, i) => {
    const path = `${base}/${i}`;
    visit(node, path);
    if (node.type === 'group') walkLayers(node.layers, visit, `${path}/layers`);
  });
}

function checkStyleFields(style: StyleCore, fields: Set<string>, path: string, problems: Problem[]): void {
  const refs: Array<[string | undefined, string]> = [
    [style.categories?.field, `${path}/categories/field`],
    [style.classes?.field, `${path}/classes/field`],
    [style.label?.field, `${path}/label/field`],
  ];
  for (const [name, at] of refs) {
    if (name !== undefined && !fields.has(name)) {
      problems.push({ path: at, message: `names the field "${name}", which the layer's "fields" list does not declare` });
    }
  }
  style.classes?.ranges.forEach((range, i) => {
    if (range.min !== undefined && range.max !== undefined && range.min >= range.max) {
      problems.push({ path: `${path}/classes/ranges/${i}`, message: `"min" (${range.min}) must be below "max" (${range.max})` });
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
  return (layer.search?.fields ?? []).map((name, i): [string, string] => [name, `${path}/search/fields/${i}`]);
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
    problems.push({ path: `${path}/table`, message: 'a table needs the layer\'s "idField" (rows lead to their feature by it)' });
  }
  const templateFieldRefs: Array<[string, string]> = [];
  for (const [template, at] of templatesOf(layer, path)) {
    try {
      parseTemplate(template);
      templateFieldRefs.push(...templateFields(template).map((f): [string, string] => [f, at]));
    } catch (error) {
      problems.push({ path: at, message: `template: ${(error as Error).message}` });
    }
  }
  if (layer.fields.length === 0) return; // Fields are optional; references can only be checked against a list.
  const names = new Set(layer.fields.map((f) => f.name));
  for (const [name, at] of [...templateFieldRefs, ...popupFieldNames(layer, path), ...tableFieldNames(layer, path), ...searchFieldNames(layer, path)]) {
    if (!names.has(name)) problems.push({ path: at, message: `names the field "${name}", which the layer's "fields" list does not declare` });
  }
  if (layer.idField !== undefined && !names.has(layer.idField)) {
    problems.push({ path: `${path}/idField`, message: `"${layer.idField}" is not one of the layer's "fields"` });
  }
  checkStyleFields(layer.style, names, `${path}/style`, problems);
  layer.style.rules?.forEach((rule, i) => checkStyleFields(rule, names, `${path}/style/rules/${i}`, problems));
}

function checkScaleRange(item: { minScale?: number; maxScale?: number }, path: string, problems: Problem[]): void {
  if (item.minScale !== undefined && item.maxScale !== undefined && item.minScale >= item.maxScale) {
    problems.push({ path, message: `"minScale" (${item.minScale}) must be below "maxScale" (${item.maxScale})` });
  }
}

function checkProjection(code: string | undefined, path: string, problems: Problem[]): void {
  if (code !== undefined && !isKnownProjection(code)) {
    problems.push({ path, message: `"${code}" is not a projection Cartable knows (see the README for the list)` });
  }
}

/** What the schema cannot say: unique ids, references between parts, one active basemap, a usable view. */
export function checkContext(context: MapContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = seen.get(id);
    if (first) problems.push({ path: `${path}/id`, message: `id "${id}" is already used at ${first}` });
    else seen.set(id, path);
  };

  const { view } = context;
  checkProjection(view.projection, '/view/projection', problems);
  checkProjection(view.crs, '/view/crs', problems);
  if (view.center) {
    const given = ['zoom', 'resolution', 'scale'].filter((k) => view[k as keyof typeof view] !== undefined);
    if (given.length === 0) problems.push({ path: '/view', message: 'a "center" needs a "zoom", a "resolution" or a "scale"' });
    if (given.length > 1) problems.push({ path: '/view', message: `give only one of ${given.map((g) => `"${g}"`).join(', ')}` });
    if (view.zoom !== undefined && view.projection !== 'EPSG:3857') {
      problems.push({ path: '/view/zoom', message: `zoom levels are for Web-Mercator maps; give a "resolution" or a "scale" for ${view.projection}` });
    }
  }
  if (view.extent && (view.extent[0] >= view.extent[2] || view.extent[1] >= view.extent[3])) {
    problems.push({ path: '/view/extent', message: 'must be [minx, miny, maxx, maxy] with min below max' });
  }
  if (view.minZoom !== undefined && view.maxZoom !== undefined && view.minZoom > view.maxZoom) {
    problems.push({ path: '/view/minZoom', message: `must not be above "maxZoom" (${view.maxZoom})` });
  }

  const active = context.basemaps.filter((b) => b.active);
  if (active.length > 1) problems.push({ path: '/basemaps', message: `only one basemap may be active, ${active.length} are` });
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
      problems.push({ path: `${path}/table`, message: 'a "points" layer draws no feature objects for a table: use a "geojson" layer for a table' });
    }
    if (node.type === 'wms') checkProjection(node.projection, `${path}/projection`, problems);
    if (node.type === 'wfs') {
      checkVector(node, path, problems);
      checkProjection(node.srsName, `${path}/srsName`, problems);
    }
  });
  return problems;
}
