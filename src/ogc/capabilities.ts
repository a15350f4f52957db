/**
 * Reading what an OGC service offers: WMS 1.1.1 / 1.3.0, WMTS 1.0.0, WFS 1.1.0 / 2.0.0 (a few
 * elements of each are all we need; one module per protocol). Bytes are decoded by the XML
 * declaration's encoding (src/ogc/xml.ts: ISO-8859-15 services exist), and an exception report
 * becomes its message.
 */
import { readServiceException } from './exception.js';
import { parseXml } from './xml.js';
import type { ServiceCapabilities, ServiceType } from './types.js';
import { readWfs } from './wfs.js';
import { readWms } from './wms.js';
import { readWmts } from './wmts.js';

export type { LonLatBox, OfferedLayer, ServiceCapabilities, ServiceType } from './types.js';

/** What went wrong, as a code the dialog puts in words, and the service's own words when it gave some. */
export class CapabilitiesError extends Error {
  constructor(
    readonly code: 'exception' | 'not-xml' | 'not-capabilities' | 'no-layers',
    detail = '',
  ) {
    super(detail || code);
    this.name = 'CapabilitiesError';
  }
}

/** The type of service a capabilities document describes, from its root element. */
function serviceOf(root: Element): ServiceType | undefined {
  const name = root.localName;
  if (name === 'WMS_Capabilities' || name === 'WMT_MS_Capabilities') return 'wms';
  if (name === 'WFS_Capabilities') return 'wfs';
  if (name === 'Capabilities' && /wmts/i.test(root.namespaceURI ?? '')) return 'wmts';
  return undefined;
}

/**
 * Declares on the root element the namespace prefixes a document uses without declaring them. Real
 * services do this (BRGM's WMS 1.1.1 declares its INSPIRE prefixes in its DTD only), and XML parsers
 * refuse it; only the local names matter here.
 */
export function declarePrefixes(xml: string): string {
  const used = new Set<string>();
  for (const match of xml.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=/g)) used.add((match[1] ?? match[2])!);
  const declared = new Set([...xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=/g)].map((m) => m[1]!));
  const missing = [...used].filter((p) => p !== 'xml' && p !== 'xmlns' && !declared.has(p));
  if (!missing.length) return xml;
  const declarations = missing.map((p) => ` xmlns:${p}="urn:cartable:undeclared:${p}"`).join('');
  // The root element: the first start tag that is not a declaration, a comment or a DOCTYPE.
  return xml.replace(/<([A-Za-z_][\w.:-]*)(?=[\s>/])/, (tag) => tag + declarations);
}

/**
 * Reads a capabilities document (the text of a GetCapabilities answer). Throws a CapabilitiesError
 * for an exception report (with the service's message), text that is not XML, XML that is not a
 * WMS/WMTS/WFS capabilities document, or a service with no layer to show.
 */
export function readCapabilities(xml: string): ServiceCapabilities {
  const exception = readServiceException(xml);
  if (exception) throw new CapabilitiesError('exception', exception.message);
  const doc = parseXml(xml) ?? parseXml(declarePrefixes(xml));
  const root = doc?.documentElement;
  if (!doc || !root) throw new CapabilitiesError('not-xml');
  const type = serviceOf(root);
  if (!type) throw new CapabilitiesError('not-capabilities', root.localName);
  const capabilities = type === 'wms' ? readWms(doc) : type === 'wmts' ? readWmts(doc) : readWfs(doc);
  if (!capabilities.layers.length) throw new CapabilitiesError('no-layers');
  return capabilities;
}
