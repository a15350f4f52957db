/**
 * Reading what an OGC service offers: WMS 1.1.1 / 1.3.0, WMTS 1.0.0, WFS 1.1.0 / 2.0.0 (a few
 * elements of each are all we need). Bytes are decoded by the XML
 * declaration's encoding (ISO-8859-15 services exist), and an exception report becomes its message.
 */
import { readServiceException } from '../layers/ogc/exception.js';
import { parseXml } from '../markup/parse.js';

export type ServiceType = 'wms' | 'wmts' | 'wfs';

/** A box in lon/lat: [west, south, east, north]. */
export type LonLatBox = readonly [number, number, number, number];

/** One layer (WMS, WMTS) or feature type (WFS) a service offers. */
export interface OfferedLayer {
  /** WMS Name, WMTS Identifier, WFS type name: what requests ask for. */
  readonly name: string;
  readonly title: string;
  readonly abstract?: string;
  readonly extent?: LonLatBox;
  /** WMS: the service answers GetFeatureInfo for it. */
  readonly queryable?: boolean;
  /** WMTS: the legend image of its default style. */
  readonly legendUrl?: string;
  /** WMTS: its tile formats, matrix sets and default style. */
  readonly formats?: readonly string[];
  readonly matrixSets?: readonly string[];
  readonly style?: string;
}

export interface ServiceCapabilities {
  readonly type: ServiceType;
  readonly version: string;
  /** The service's own title. */
  readonly title: string;
  readonly layers: readonly OfferedLayer[];
  /** WMS: GetMap image formats; WFS: GetFeature output formats. */
  readonly formats: readonly string[];
}

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

/**
 * The text of XML bytes, decoded by their byte-order mark, else the encoding their declaration names,
 * else the charset of the answer's Content-Type, else UTF-8.
 */
export function decodeXml(bytes: ArrayBuffer | Uint8Array, charset?: string): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  const head = new TextDecoder('latin1').decode(view.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? charset ?? 'utf-8').decode(view);
  } catch {
    return new TextDecoder('utf-8').decode(view); // An encoding the browser does not know.
  }
}

const text = (value: string | null | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

const box = (value: ReadonlyArray<number | undefined>): LonLatBox | undefined => {
  if (value.length !== 4 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const [w, s, e, n] = value as number[];
  return w! <= e! && s! <= n! && w! >= -180 && e! <= 180 && s! >= -90 && n! <= 90 ? [w!, s!, e!, n!] : undefined;
};

/** The type of service a capabilities document describes, from its root element. */
function serviceOf(root: Element): ServiceType | undefined {
  const name = root.localName;
  if (name === 'WMS_Capabilities' || name === 'WMT_MS_Capabilities') return 'wms';
  if (name === 'WFS_Capabilities') return 'wfs';
  if (name === 'Capabilities' && /wmts/i.test(root.namespaceURI ?? '')) return 'wmts';
  return undefined;
}

// The DOM is read directly (the OpenLayers parsers would do, but loading them here would split the
// first map's shared chunks). Elements are matched on their local name, whatever their namespace.
const children = (parent: Element | undefined, name: string): Element[] =>
  parent ? [...parent.childNodes].filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name) : [];
const child = (parent: Element | undefined, name: string): Element | undefined => children(parent, name)[0];
const childText = (parent: Element | undefined, name: string): string | undefined => text(child(parent, name)?.textContent);
const path = (parent: Element | undefined, ...names: string[]): Element | undefined =>
  names.reduce<Element | undefined>((at, name) => child(at, name), parent);
const href = (element: Element | undefined): string | undefined =>
  text(element?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? element?.getAttribute('xlink:href'));
const numbers = (element: Element | undefined): number[] => (element?.textContent ?? '').trim().split(/\s+/).map(Number);
/** An OWS bounding box (LowerCorner, UpperCorner: lon lat). */
const owsBox = (element: Element | undefined): LonLatBox | undefined => {
  const [w, s] = numbers(child(element, 'LowerCorner'));
  const [e, n] = numbers(child(element, 'UpperCorner'));
  return element ? box([w, s, e, n]) : undefined;
};

function readWms(doc: Document): ServiceCapabilities {
  const root = doc.documentElement;
  const layers: OfferedLayer[] = [];
  const walk = (layer: Element, inherited: { extent?: LonLatBox; queryable: boolean }): void => {
    const name = childText(layer, 'Name');
    const geographic = child(layer, 'EX_GeographicBoundingBox');
    const latLon = child(layer, 'LatLonBoundingBox'); // WMS 1.1.1
    const extent =
      (geographic &&
        box(['westBoundLongitude', 'southBoundLatitude', 'eastBoundLongitude', 'northBoundLatitude'].map((n) => Number(childText(geographic, n))))) ??
      (latLon && box(['minx', 'miny', 'maxx', 'maxy'].map((a) => Number(latLon.getAttribute(a))))) ??
      inherited.extent;
    const flag = layer.getAttribute('queryable');
    const queryable = flag === null ? inherited.queryable : flag === '1' || flag === 'true';
    if (name) layers.push({ name, title: childText(layer, 'Title') ?? name, abstract: childText(layer, 'Abstract'), extent, queryable });
    for (const sub of children(layer, 'Layer')) walk(sub, { extent, queryable });
  };
  const capability = child(root, 'Capability');
  for (const top of children(capability, 'Layer')) walk(top, { queryable: false });
  return {
    type: 'wms',
    version: root.getAttribute('version') ?? '1.3.0',
    title: childText(child(root, 'Service'), 'Title') ?? '',
    layers,
    formats: children(path(capability, 'Request', 'GetMap'), 'Format').map((f) => text(f.textContent)).filter((f): f is string => !!f),
  };
}

function readWmts(doc: Document): ServiceCapabilities {
  const root = doc.documentElement;
  const layers = children(child(root, 'Contents'), 'Layer').flatMap((layer): OfferedLayer[] => {
    const name = childText(layer, 'Identifier');
    if (!name) return [];
    const styles = children(layer, 'Style');
    const style = styles.find((s) => s.getAttribute('isDefault') === 'true') ?? styles[0];
    return [
      {
        name,
        title: childText(layer, 'Title') ?? name,
        abstract: childText(layer, 'Abstract'),
        extent: owsBox(child(layer, 'WGS84BoundingBox')),
        legendUrl: href(child(style, 'LegendURL')),
        formats: children(layer, 'Format').map((f) => text(f.textContent)).filter((f): f is string => !!f),
        matrixSets: children(layer, 'TileMatrixSetLink').map((l) => childText(l, 'TileMatrixSet')).filter((m): m is string => !!m),
        style: childText(style, 'Identifier'),
      },
    ];
  });
  return { type: 'wmts', version: root.getAttribute('version') ?? '1.0.0', title: childText(child(root, 'ServiceIdentification'), 'Title') ?? '', layers, formats: [] };
}

function readWfs(doc: Document): ServiceCapabilities {
  const root = doc.documentElement;
  const layers = children(child(root, 'FeatureTypeList'), 'FeatureType').flatMap((type): OfferedLayer[] => {
    const name = childText(type, 'Name');
    if (!name) return [];
    return [{ name, title: childText(type, 'Title') ?? name, abstract: childText(type, 'Abstract'), extent: owsBox(child(type, 'WGS84BoundingBox')) }];
  });
  // GetFeature's output formats (OWS 1.1 operations metadata: 1.1.0 and 2.0.0 alike).
  const getFeature = children(child(root, 'OperationsMetadata'), 'Operation').find((op) => op.getAttribute('name') === 'GetFeature');
  const parameter = children(getFeature, 'Parameter').find((p) => /^outputFormat$/i.test(p.getAttribute('name') ?? ''));
  const values = [...children(parameter, 'Value'), ...children(child(parameter, 'AllowedValues'), 'Value')];
  return {
    type: 'wfs',
    version: root.getAttribute('version') ?? '2.0.0',
    title: childText(child(root, 'ServiceIdentification'), 'Title') ?? '',
    layers,
    formats: values.map((v) => text(v.textContent)).filter((f): f is string => !!f),
  };
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
