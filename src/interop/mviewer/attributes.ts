/** The attributes of mviewer elements: which ones convert, which ones do not and why, and small readers. */

import { htmlToText } from '../common.js';
import type { Report } from '../report.js';
import { pathOf } from '../xml.js';

/** A part of the document being written: plain JSON, validated later. */
export type Node = Record<string, unknown>;

/** Attributes with no Cartable equivalent, and why; said once per layer. */
export const NOT_CONVERTED: Record<string, string> = {
  'metadata-csw': 'Cartable links the metadata record ("metadata") and does not query CSW',
  featurecount: 'Cartable asks each WMS for the features at the clicked point',
  infopanel: 'where records open is a map setting ("popup.mode")',
  infohighlight: 'Cartable highlights what it identifies',
  nohighlight: 'Cartable highlights what it identifies',
  vectorlegend: 'vector legends are built from the layer style',
  dynamiclegend: 'legends follow the scale by themselves',
  exclusive: 'Cartable has no exclusive layers',
  toplayer: 'the order of the list decides what is on top',
  index: 'the order of the list decides what is on top',
  expanded: 'layer panels have no unfolded state',
  showintoc: 'every layer shows in the layer list',
  useproxy: 'the site configuration\'s "proxy" applies to listed origins',
  secure: 'access is set with "access" on the map or layer',
  authentification: 'access is set with "access" on the map or layer',
  authorization: 'access is set with "access" on the map or layer',
  tooltipenabled: 'every layer with a "tooltip" shows it',
  styletitle: 'a layer has one style in Cartable',
  stylesalias: 'a layer has one style in Cartable',
  searchengine: 'Cartable searches layers with its own index',
  searchid: 'Elasticsearch links are not used',
  iconsearch: 'Elasticsearch results are not used',
  jsonfields: 'Cartable templates do not loop over JSON values',
  owsoptions: 'WMS options other than those converted are not read',
};

/** Attributes this converter reads (for the list of the unknown ones). */
export const HANDLED = new Set([
  'id', 'name', 'type', 'url', 'visible', 'opacity', 'tiled', 'queryable', 'infoformat', 'style', 'sld', 'styleurl', 'legendurl',
  'attribution', 'metadata', 'scalemin', 'scalemax', 'filter', 'fields', 'aliases', 'searchable', 'fusesearchkeys',
  'fusesearchresult', 'tooltip', 'tooltipcontent', 'timefilter', 'timeinterval', 'timecontrol', 'timevalues', 'timemin',
  'timemax', 'timeshowavailable', 'attributefilter', 'attributefield', 'attributevalues', 'attributelabel', 'attributestylesync',
  'attributefilterenabled', 'attributeoperator', 'wildcardpattern', 'filterstyle', 'minzoom', 'maxzoom', 'matrixset', 'format',
]);

export const list = (value: string | undefined): string[] => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

/** Text of an attribution written as HTML; a link's host when it holds only an image. */
export function attributionText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const text = htmlToText(html);
  if (text) return text;
  const href = /href\s*=\s*["']([^"']+)["']/i.exec(html)?.[1];
  try {
    return href ? new URL(href).host : undefined;
  } catch {
    return undefined;
  }
}

/** Lists the attributes of `element` outside `handled`, with the reason when one is known. */
export function unconverted(report: Report, element: Element, handled: ReadonlySet<string>): void {
  const path = pathOf(element);
  const reasons: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < element.attributes.length; i += 1) {
    const name = element.attributes[i]!.name;
    if (handled.has(name)) continue;
    if (name in NOT_CONVERTED) reasons.push(`${name} (${NOT_CONVERTED[name]})`);
    else unknown.push(name);
  }
  if (reasons.length) report.info(path, `not converted: ${reasons.join('; ')}`);
  if (unknown.length) report.warning(path, `unknown attribute(s), not converted: ${unknown.join(', ')}`);
}
