/** A layer's <template> (inline, or a linked .mst file the caller read) → its Cartable record settings. */

import { templateFields } from '../../context/template.js';
import type { LinkedFiles } from '../linked-files.js';
import type { Report } from '../report.js';
import { attributeOf, childElement, textOf } from '../xml.js';
import type { Node } from './attributes.js';
import { convertMustache } from './template.js';

export interface RecordTemplate {
  /** title, sections and links of the layer's `popup`. */
  readonly popup: Node;
  /** Fields shown as images. */
  readonly images: readonly string[];
  /** Fields shown as (sanitised) HTML. */
  readonly html: readonly string[];
  /** Every field the record reads. */
  readonly referenced: readonly string[];
}

/**
 * Converts the record template of a layer element, reporting why not when it cannot (the layer then
 * keeps the generic record). Undefined: no template, or not converted.
 */
export function recordTemplate(report: Report, path: string, element: Element, linked: LinkedFiles): RecordTemplate | undefined {
  const template = childElement(element, 'template');
  if (!template) return undefined;
  const url = attributeOf(template, 'url')?.trim();
  const source = url ? linked.read(url, 'template') : textOf(template);
  if (url && source === undefined) {
    report.warning(path, `record template not read (${url}): records show the fields as they come; give the templates with --templates <folder or address> (cartable import --help)`);
    return undefined;
  }
  if (!source?.trim()) return undefined;
  const converted = convertMustache(source);
  const where = url ? ` (${url})` : '';
  if (converted.failure) {
    report.warning(path, `record template not converted${where}: ${converted.failure}; records show the fields as they come`);
    return undefined;
  }
  const popup: Node = {};
  if (converted.title) popup.title = converted.title;
  const sections: Node[] = converted.sections.map((s) => ('text' in s ? { text: s.text } : { fields: s.fields.map((f) => (f.label ? { ...f } : f.field)) }));
  if (sections.length) popup.sections = sections;
  if (converted.links.length) popup.links = converted.links.map((l) => ({ ...l }));
  report.info(path, `record template converted${where}${converted.notes.length ? `: ${converted.notes.join('; ')}` : ''}`);
  const referenced = new Set<string>(converted.images);
  for (const text of [converted.title, converted.text, ...converted.links.map((l) => l.url)]) if (text) templateFields(text).forEach((f) => referenced.add(f));
  return { popup, images: converted.images, html: converted.html, referenced: [...referenced] };
}

/**
 * A WMS layer's converted template: its popup and image fields, and an answer the template can read.
 * mviewer asks GML or HTML and fills the template in the browser; Cartable needs the features'
 * properties, so HTML and text become JSON (GeoServer's application/json) or GML (other servers).
 */
export function wmsRecord(report: Report, path: string, record: RecordTemplate, infoFormat: unknown, url: string): Node {
  const result: Node = { popup: record.popup };
  const typed = [...record.images.map((name) => ({ name, type: 'image' })), ...record.html.map((name) => ({ name, type: 'html' }))];
  if (typed.length) result.fields = typed;
  if (infoFormat === undefined || infoFormat === 'html' || infoFormat === 'text') {
    const asked = /\/geoserver\//i.test(url) ? 'json' : 'gml';
    result.infoFormat = asked;
    report.info(path, `records are asked as ${asked === 'json' ? 'JSON (application/json)' : 'GML'}, not ${infoFormat ?? 'HTML'}, so that the template has fields to read`);
  }
  return result;
}
