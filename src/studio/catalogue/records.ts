/**
 * A catalogue's answers read as records with their OGC links: GeoNetwork 4's search API (its
 * Elasticsearch index: resourceTitleObject, resourceAbstractObject, link[]) and CSW 2.0.2 GetRecords
 * (csw:Record in Dublin Core: dc:title, dct:abstract, dc:URI with a protocol). Pure: no requests.
 */
import type { ServiceType } from '../../ogc/capabilities.js';
import { children, text } from '../../ogc/dom.js';
import { readServiceException } from '../../ogc/exception.js';
import { parseXml } from '../../ogc/xml.js';

/** A service link of a record that a layer can be made from. */
export interface OgcLink {
  readonly type: ServiceType;
  /** The service's address as the record gives it (possibly a GetCapabilities URL). */
  readonly url: string;
  /** The layer (WMS, WMTS) or feature type (WFS) the link names, when it names one. */
  readonly name?: string;
  readonly description?: string;
}

export interface CatalogueRecord {
  readonly id: string;
  readonly title: string;
  readonly abstract?: string;
  /** The record's page in the catalogue (the layer's info.metadata). */
  readonly page: string;
  readonly links: readonly OgcLink[];
}

/** The answer is not a catalogue's: the message names what was found instead. */
export class NotCatalogueError extends Error {
  constructor(readonly kind: 'geonetwork' | 'csw', detail = '') {
    super(detail || kind);
    this.name = 'NotCatalogueError';
  }
}

/** The CSW answered with an exception report (its words). */
export class CatalogueExceptionError extends Error {}

/** The service type of a link's protocol ("OGC:WMS", "OGC:WMS-1.3.0-http-get-map", "OGC:WFS"…). */
export function protocolType(protocol: string | undefined, url = ''): ServiceType | undefined {
  const p = (protocol ?? '').toUpperCase();
  if (p.startsWith('OGC:WMTS')) return 'wmts';
  if (p.startsWith('OGC:WMS')) return 'wms';
  if (p.startsWith('OGC:WFS')) return 'wfs';
  // Links without a protocol sometimes carry the service in their address.
  if (!p) return (/[?&]service=(wms|wmts|wfs)\b/i.exec(url)?.[1]?.toLowerCase() as ServiceType | undefined) ?? undefined;
  return undefined;
}

/** The root of a GeoNetwork from what a person may paste: its home, a record page, its API or CSW. */
export function geonetworkRoot(address: string): string {
  const url = new URL(address);
  url.hash = '';
  url.search = '';
  const at = url.pathname.indexOf('/srv/');
  if (at >= 0) url.pathname = url.pathname.slice(0, at);
  return url.href.replace(/\/+$/, '');
}

/** A record's page on a GeoNetwork's own interface. */
export const geonetworkPage = (root: string, uuid: string): string => `${root}/srv/fre/catalog.search#/metadata/${encodeURIComponent(uuid)}`;

/** The layer a service address names itself (a GetMap or GetFeature URL given as the link): LAYERS, TYPENAME(S). */
function nameInUrl(url: string): string | undefined {
  const value = [...new URL(url).searchParams].find(([key]) => /^(layers?|typenames?)$/i.test(key))?.[1];
  return value && !value.includes(',') ? text(value) : undefined;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A multilingual index value ({ default, langfre, … }) as one text: the default, else French, else any. */
function indexText(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (!isObject(value)) return undefined;
  const texts = [value['default'], value['langfre'], ...Object.values(value)];
  return texts.map((t) => (typeof t === 'string' ? text(t) : undefined)).find(Boolean);
}

function gnLink(value: unknown): OgcLink | undefined {
  if (!isObject(value)) return undefined;
  const url = indexText(value['urlObject']) ?? indexText(value['url']);
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  const type = protocolType(typeof value['protocol'] === 'string' ? value['protocol'] : undefined, url);
  if (!type) return undefined;
  const name = indexText(value['nameObject']) ?? indexText(value['name']) ?? nameInUrl(url);
  const description = indexText(value['descriptionObject']) ?? indexText(value['description']);
  return { type, url, ...(name ? { name } : {}), ...(description ? { description } : {}) };
}

/** The same service and layer given twice (GeoNetwork indexes some links once per language): once. */
function unique(links: readonly OgcLink[]): OgcLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.type} ${link.url} ${link.name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The records of a GeoNetwork 4 search answer (`root`: the GeoNetwork's root URL, for the records' pages). */
export function readGeonetworkHits(answer: unknown, root: string): CatalogueRecord[] {
  const hits = isObject(answer) && isObject(answer['hits']) ? answer['hits']['hits'] : undefined;
  if (!Array.isArray(hits)) throw new NotCatalogueError('geonetwork');
  return hits.flatMap((hit): CatalogueRecord[] => {
    const source = isObject(hit) && isObject(hit['_source']) ? hit['_source'] : undefined;
    if (!source) return [];
    const id = indexText(source['uuid']) ?? indexText(source['metadataIdentifier']) ?? (isObject(hit) ? indexText(hit['_id']) : undefined);
    if (!id) return [];
    const links = Array.isArray(source['link']) ? source['link'] : source['link'] ? [source['link']] : [];
    const abstract = indexText(source['resourceAbstractObject']);
    return [
      {
        id,
        title: indexText(source['resourceTitleObject']) ?? id,
        ...(abstract ? { abstract } : {}),
        page: geonetworkPage(root, id),
        links: unique(links.map(gnLink).filter((l): l is OgcLink => !!l)),
      },
    ];
  });
}

/** A CSW record's page: GeoNetwork's own when the endpoint is a GeoNetwork's CSW, else the record itself (GetRecordById). */
export function cswRecordPage(endpoint: string, id: string): string {
  const url = new URL(endpoint);
  if (/\/srv\/[a-z]{2,3}\/csw/i.test(url.pathname)) return geonetworkPage(geonetworkRoot(endpoint), id);
  url.search = '';
  for (const [key, value] of Object.entries({ service: 'CSW', version: '2.0.2', request: 'GetRecordById', elementSetName: 'full', id })) url.searchParams.set(key, value);
  return url.href;
}

function cswLink(element: Element): OgcLink | undefined {
  const url = text(element.textContent);
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  // dc:URI carries protocol/name/description attributes (GeoNetwork); dct:references a scheme (pycsw).
  const type = protocolType(element.getAttribute('protocol') ?? element.getAttribute('scheme') ?? undefined, url);
  if (!type) return undefined;
  const name = text(element.getAttribute('name')) ?? nameInUrl(url);
  const description = text(element.getAttribute('description'));
  return { type, url, ...(name ? { name } : {}), ...(description ? { description } : {}) };
}

/** The records of a CSW 2.0.2 GetRecords answer (Dublin Core: full, summary or brief records). */
export function readCswRecords(xml: string, endpoint: string): CatalogueRecord[] {
  const exception = readServiceException(xml);
  if (exception) throw new CatalogueExceptionError(exception.message);
  const root = parseXml(xml)?.documentElement;
  if (!root || root.localName !== 'GetRecordsResponse') throw new NotCatalogueError('csw', root?.localName ?? '');
  const results = children(root, 'SearchResults')[0];
  const records = ['Record', 'SummaryRecord', 'BriefRecord'].flatMap((name) => children(results, name));
  return records.flatMap((record): CatalogueRecord[] => {
    const first = (name: string): string | undefined => children(record, name).map((e) => text(e.textContent)).find(Boolean);
    const id = first('identifier');
    if (!id) return [];
    const abstract = first('abstract') ?? first('description');
    const links = [...children(record, 'URI'), ...children(record, 'references')].map(cswLink).filter((l): l is OgcLink => !!l);
    return [{ id, title: first('title') ?? id, ...(abstract ? { abstract } : {}), page: cswRecordPage(endpoint, id), links: unique(links) }];
  });
}
