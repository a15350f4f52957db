/**
 * The style of an imported vector layer from its SLD (inline, or a file linked by address that the
 * caller read: linked-files.ts), with every report line: what was converted, what was dropped, and
 * why a default style is used when the SLD could not be read.
 */
import type { VectorStyle } from '../../context/types.js';
import { DEFAULT_VECTOR_STYLE } from '../common.js';
import type { LinkedFiles } from '../linked-files.js';
import type { Report } from '../report.js';
import { localNameOf, type XmlParser } from '../xml.js';
import { readSld } from './read.js';
import { sldRulesToStyle } from './style.js';

/** Linked files, and the XML parser SLD text is read with (without one, no SLD is read). */
export interface StyleFiles extends LinkedFiles {
  readonly parseXml?: XmlParser;
}

/** The caller's linked files with the parser importers read SLD with. */
export const withXmlParser = (linked: LinkedFiles, parseXml: XmlParser | undefined): StyleFiles =>
  parseXml ? { read: (url, kind) => linked.read(url, kind), parseXml } : linked;

export type SldSource = { readonly inline: string } | { readonly href: string };

/** Whether a text holds an SLD document (inline styles of OWS Context offerings). */
export const isSldText = (text: unknown): text is string => typeof text === 'string' && /<([\w.-]+:)?(StyledLayerDescriptor|FeatureTypeStyle)[\s>]/.test(text);

/**
 * The converted style, or undefined (the report says why) when the SLD could not be read or gave
 * nothing to draw: the caller then uses a default style.
 */
export function sldStyle(source: SldSource, files: StyleFiles, report: Report, path: string): VectorStyle | undefined {
  const where = 'href' in source ? source.href : 'given inline';
  const text = 'href' in source ? files.read(source.href, 'style') : source.inline;
  if (text === undefined) {
    report.warning(path, `the SLD style ${where} was not read: a default style is used (give the SLD files to "cartable import" with --styles <folder or base URL>)`);
    return undefined;
  }
  if (!files.parseXml) {
    report.warning(path, `the SLD style ${where} was not read (no XML reader given): a default style is used`);
    return undefined;
  }
  let document: Document;
  try {
    document = files.parseXml(text);
  } catch (error) {
    report.warning(path, `the SLD style ${where} is not well-formed XML (${(error as Error).message}): a default style is used`);
    return undefined;
  }
  const root = document.documentElement ? localNameOf(document.documentElement) : '';
  if (root !== 'StyledLayerDescriptor' && root !== 'FeatureTypeStyle') {
    report.warning(path, `the SLD style ${where} is not an SLD (its root is <${root}>): a default style is used`);
    return undefined;
  }
  const { rules, dropped } = readSld(document);
  const style = sldRulesToStyle(rules, dropped);
  for (const line of dropped) report.warning(path, `SLD style ${where}, not converted: ${line}`);
  const draws = style.symbol || style.categories || style.label || style.rules?.length;
  if (!draws) {
    report.warning(path, `the SLD style ${where} gave nothing Cartable can draw: a default style is used`);
    return undefined;
  }
  report.info(path, `style converted from the SLD ${where} (${rules.length} rule(s))`);
  return style;
}

/** An mviewer GeoJSON layer's style: its SLD ("sld") converted, else a default style (featurestyles.js functions are code). */
export function mviewerVectorStyle(report: Report, path: string, attributes: { sld?: string; style?: string }, files: StyleFiles): VectorStyle {
  const href = attributes.sld?.split(',')[0]?.trim();
  const converted = href ? sldStyle({ href }, files, report, path) : undefined;
  if (converted) return converted;
  if (attributes.style) report.warning(path, `style "${attributes.style}" is a function of mviewer's featurestyles.js: a default style is used`);
  else if (!href) report.info(path, 'no style: a default style is used');
  return DEFAULT_VECTOR_STYLE;
}
