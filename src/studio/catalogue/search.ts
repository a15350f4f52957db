/**
 * Searching a catalogue by words, one bounded request (the requester's deadline; no retry): GeoNetwork 4
 * through its search API (an Elasticsearch query, POST <root>/srv/api/search/records/_search), a CSW
 * 2.0.2 through GetRecords (GET, a CQL AnyText filter). Only records with an OGC service link are asked for.
 */
import type { SiteConfig } from '../../context/types.js';
import { RequestError, type Requester } from '../../net/requester.js';
import { decodeXml } from '../../ogc/xml.js';
import { CatalogueExceptionError, NotCatalogueError, geonetworkRoot, readCswRecords, readGeonetworkHits, type CatalogueRecord } from './records.js';

export type CatalogueKind = 'geonetwork' | 'csw';

export interface CatalogueSetting {
  readonly url: string;
  readonly kind: CatalogueKind;
}

/** Records asked for at once. */
export const PAGE_SIZE = 20;

/** The site's catalogue (site configuration: studio.catalogue), if it names one. */
export const siteCatalogue = (site: SiteConfig | undefined): CatalogueSetting | undefined =>
  site?.studio?.catalogue ? { url: site.studio.catalogue.url, kind: site.studio.catalogue.kind ?? 'geonetwork' } : undefined;

const PROTOCOLS = ['OGC:WMS', 'OGC:WMTS', 'OGC:WFS'];

/** The search API's query: the words in titles, abstracts and keywords; records with an OGC link only. */
export function geonetworkQuery(words: string): Record<string, unknown> {
  return {
    query: {
      bool: {
        must: [
          {
            multi_match: {
              query: words,
              fields: ['resourceTitleObject.default^3', 'resourceAbstractObject.default', 'tag.default^2'],
              type: 'most_fields',
              operator: 'and',
            },
          },
        ],
        filter: [{ term: { isTemplate: 'n' } }, { bool: { should: PROTOCOLS.map((p) => ({ prefix: { linkProtocol: p } })), minimum_should_match: 1 } }],
      },
    },
    _source: { includes: ['uuid', 'resourceTitleObject', 'resourceAbstractObject', 'link'] },
    size: PAGE_SIZE,
  };
}

/** The GetRecords request of a CSW 2.0.2 for words (KVP: a plain GET, no CORS preflight). */
export function cswQueryUrl(endpoint: string, words: string): string {
  const url = new URL(endpoint);
  for (const key of [...url.searchParams.keys()]) if (/^(service|request|version)$/i.test(key)) url.searchParams.delete(key);
  const like = words.replace(/'/g, "''").split(/\s+/).filter(Boolean);
  const parameters = {
    service: 'CSW',
    version: '2.0.2',
    request: 'GetRecords',
    typeNames: 'csw:Record',
    resultType: 'results',
    elementSetName: 'full',
    outputSchema: 'http://www.opengis.net/cat/csw/2.0.2',
    maxRecords: String(PAGE_SIZE),
    constraintLanguage: 'CQL_TEXT',
    constraint_language_version: '1.1.0',
    constraint: like.map((w) => `AnyText LIKE '%${w}%'`).join(' AND '),
  };
  for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
  return url.href;
}

/** The address the search reaches (what the site's policy checks). */
export const searchAddress = (setting: CatalogueSetting, words = ''): string =>
  setting.kind === 'csw' ? cswQueryUrl(setting.url, words || '*') : `${geonetworkRoot(setting.url)}/srv/api/search/records/_search`;

/**
 * The records matching `words`. Throws RequestError (network, CORS, HTTP…), NotCatalogueError (the
 * answer is not a GeoNetwork's or a CSW's) or CatalogueExceptionError (the CSW's own error).
 */
export async function searchCatalogue(setting: CatalogueSetting, words: string, requester: Requester, signal?: AbortSignal): Promise<CatalogueRecord[]> {
  if (setting.kind === 'csw') {
    const response = await requester.fetch(cswQueryUrl(setting.url, words), { signal, headers: { Accept: 'application/xml, text/xml' } });
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
    return readCswRecords(decodeXml(await response.arrayBuffer(), charset), setting.url);
  }
  const root = geonetworkRoot(setting.url);
  let response: Response;
  try {
    response = await requester.fetch(`${root}/srv/api/search/records/_search`, {
      method: 'POST',
      signal,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(geonetworkQuery(words)),
    });
  } catch (error) {
    // No search API at this address (a page, another server): not a GeoNetwork 4.
    if (error instanceof RequestError && error.kind === 'http' && [404, 405, 406, 415].includes(error.status ?? 0)) throw new NotCatalogueError('geonetwork', `HTTP ${error.status}`);
    throw error;
  }
  const body = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    throw new NotCatalogueError('geonetwork', 'not JSON');
  }
  return readGeonetworkHits(answer, root);
}

export { CatalogueExceptionError, NotCatalogueError };
