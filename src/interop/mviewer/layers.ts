/** mviewer layers → Cartable layer kinds, one function per kind (the common properties are read before). */

import { templateFields } from '../../context/template.js';
import { mviewerVectorStyle } from '../sld/layer-style.js';
import type { LinkedFiles } from '../linked-files.js';
import type { Report } from '../report.js';
import { attributeOf, booleanOf, pathOf } from '../xml.js';
import { list, type Node } from './attributes.js';
import { recordTemplate, wmsRecord } from './record-template.js';
import { convertMustache } from './template.js';
import { wmsChoices } from './wms-choices.js';

const INFO_FORMATS: Record<string, string> = {
  'text/html': 'html',
  'application/vnd.ogc.gml': 'gml',
  'application/vnd.ogc.gml/3.1.1': 'gml',
  'application/json': 'json',
  'text/plain': 'text',
};

/** A WMS layer: styles, info format, SLD, filters; what mviewer adds around it is reported. */
export function wmsLayer(report: Report, element: Element, layer: Node, url: string, linked: LinkedFiles): Node {
  const path = pathOf(element);
  const attr = (name: string): string | undefined => attributeOf(element, name);
  const wms: Node = { type: 'wms', ...layer, url, layers: attr('id') ?? String(layer.id) };
  const styles = list(attr('style'));
  if (styles.length) wms.styles = styles[0];
  if (styles.length > 1) report.warning(path, `${styles.length} styles offered to choose from: Cartable shows one, "${styles[0]}" (others: ${styles.slice(1).join(', ')})`);
  const tiled = booleanOf(attr('tiled'));
  wms.tiled = tiled ?? false;
  const queryable = booleanOf(attr('queryable'));
  if (queryable !== undefined) wms.queryable = queryable;
  const infoFormat = attr('infoformat');
  if (infoFormat) {
    const short = INFO_FORMATS[infoFormat.toLowerCase()];
    if (short) wms.infoFormat = short;
    else if (/^[a-z]+\/[A-Za-z0-9.+_-]+/.test(infoFormat)) wms.infoFormat = infoFormat;
  }
  const params: Record<string, string> = {};
  const sld = list(attr('sld'));
  if (sld.length) {
    params.SLD = sld[0]!;
    if (sld.length > 1) report.warning(path, `several SLD given: the first one is used (${sld[0]})`);
  }
  const filters: string[] = [];
  if (attr('filter')) filters.push(attr('filter')!);
  if (filters.length) params.CQL_FILTER = filters.map((f) => (filters.length > 1 ? `(${f})` : f)).join(' AND ');
  // Time control and attribute filter list (wms-choices.ts).
  wmsChoices(report, path, attr, wms);
  if (Object.keys(params).length) wms.params = params;
  const record = wms.queryable !== false ? recordTemplate(report, path, element, linked) : undefined;
  if (record) Object.assign(wms, wmsRecord(report, path, record, wms.infoFormat, url));
  if (attr('fields') || attr('aliases')) report.info(path, 'fields and aliases not converted: they shape WMS records in mviewer only');
  if (booleanOf(attr('searchable'))) report.warning(path, 'search not converted: Cartable searches vector layers (GeoJSON, WFS), not WMS layers');
  return wms;
}

/** A WMTS layer: its matrix set, format and style. */
export function wmtsLayer(element: Element, layer: Node, url: string): Node {
  const wmts: Node = { type: 'wmts', ...layer, url, layer: attributeOf(element, 'id') ?? String(layer.id) };
  const matrixSet = attributeOf(element, 'matrixset');
  if (matrixSet) wmts.matrixSet = matrixSet;
  const format = attributeOf(element, 'format');
  if (format && /^image\//.test(format)) wmts.format = format;
  const style = attributeOf(element, 'style');
  if (style) wmts.style = style;
  return wmts;
}

/** Vector tiles drawn by a style document ("styleurl"); none without one. */
export function vectorTilesLayer(report: Report, element: Element, layer: Node): Node | undefined {
  const path = pathOf(element);
  const styleUrl = attributeOf(element, 'styleurl');
  if (!styleUrl) {
    report.error(path, `vector tile layer "${String(layer.title)}" has no styleurl: not converted`);
    return undefined;
  }
  const tiles: Node = { type: 'vectortiles', ...layer, styleUrl };
  const source = attributeOf(element, 'style');
  if (source) tiles.source = source;
  if (attributeOf(element, 'filterstyle')) report.warning(path, `filterstyle (${attributeOf(element, 'filterstyle')}) is not converted: edit the style document to leave those layers out`);
  return tiles;
}

/** A GeoJSON layer: a default style, fields, the record and tooltip templates, search. */
export function geojsonLayer(report: Report, element: Element, layer: Node, url: string, linked: LinkedFiles): Node {
  const path = pathOf(element);
  const attr = (name: string): string | undefined => attributeOf(element, name);
  const geojson: Node = { type: 'geojson', ...layer, url, style: mviewerVectorStyle(report, path, { sld: attr('sld'), style: attr('style') }, linked) };
  const names = list(attr('fields'));
  const aliases = list(attr('aliases'));
  const fields = new Map<string, Node>(names.map((name, i) => [name, { name, ...(aliases[i] && aliases[i] !== name ? { label: aliases[i] } : {}) }]));
  // Fields the templates and search name must be declared when the layer declares any.
  const referenced = new Set<string>();
  const declare = (name: string): void => void referenced.add(name);
  const popup: Node = {};
  if (booleanOf(attr('queryable')) === false) popup.enabled = false;
  else if (names.length) popup.fields = names;
  const record = recordTemplate(report, path, element, linked);
  if (record && popup.enabled !== false) {
    Object.assign(popup, record.popup);
    delete popup.fields;
    for (const image of record.images) fields.set(image, { ...(fields.get(image) ?? { name: image }), type: 'image' });
    for (const html of record.html) fields.set(html, { ...(fields.get(html) ?? { name: html }), type: 'html' });
    record.referenced.forEach(declare);
  }
  if (Object.keys(popup).length) geojson.popup = popup;
  const tooltip = attr('tooltipcontent');
  if (booleanOf(attr('tooltip')) && tooltip) {
    const converted = convertMustache(tooltip);
    if (converted.failure || !converted.text) report.warning(path, `tooltip not converted: ${converted.failure ?? 'it holds no text'}`);
    else {
      geojson.tooltip = converted.text;
      templateFields(converted.text).forEach(declare);
    }
  }
  if (booleanOf(attr('searchable'))) {
    const keys = list(attr('fusesearchkeys'));
    if (keys.length) {
      const search: Node = { fields: keys };
      keys.forEach(declare);
      const label = attr('fusesearchresult');
      if (label) {
        const converted = convertMustache(label);
        if (converted.text && !converted.failure) {
          search.label = converted.text;
          templateFields(converted.text).forEach(declare);
        }
      }
      geojson.search = search;
    } else {
      report.warning(path, 'searchable without "fusesearchkeys": Cartable needs the fields to search; search not converted');
    }
  }
  if (fields.size) {
    for (const name of referenced) if (!fields.has(name)) fields.set(name, { name });
    geojson.fields = [...fields.values()];
  }
  return geojson;
}
