/**
 * The studio's catalogue: recorded answers (test/fixtures/studio: a GeoNetwork 4 search answer and a
 * CSW 2.0.2 GetRecords answer, written by hand in their real shape) read as records and links; the
 * requests it sends; and the layers made from them with the viewer's add-layer code, on the real
 * capabilities of ../shared/data (skipped when absent), valid in a document (validateContext).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContext } from '../../../src/context/validate.js';
import { createRequester } from '../../../src/net/requester.js';
import { readCapabilities } from '../../../src/ogc/capabilities.js';
import { decodeXml } from '../../../src/ogc/xml.js';
import { capabilitiesUrl, type FoundService } from '../../../src/add-layer/service.js';
import { emptyDocument } from '../../../src/studio/model/store.js';
import { applyEdit } from '../../../src/studio/model/store.js';
import type { JsonObject } from '../../../src/studio/model/json.js';
import {
  CatalogueExceptionError,
  NotCatalogueError,
  cswRecordPage,
  geonetworkRoot,
  protocolType,
  readCswRecords,
  readGeonetworkHits,
} from '../../../src/studio/catalogue/records.js';
import { cswQueryUrl, geonetworkQuery, searchCatalogue } from '../../../src/studio/catalogue/search.js';
import { MissingLayerError, addLayerEdit, documentIds, freeLayerId, layerDefOf, linkedLayer } from '../../../src/studio/catalogue/layer-defs.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/studio');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');
const GN = 'https://catalogue.datara.example/geonetwork';
const CSW = 'https://catalogue.example.org/csw';

beforeAll(() => {
  // Node has no DOMParser: @xmldom/xmldom stands in (quiet: broken answers are expected to fail).
  (globalThis as { DOMParser?: unknown }).DOMParser ??= class extends XmlDomParser {
    constructor() {
      super({ onError: () => undefined });
    }
  };
});

describe('GeoNetwork 4 search answers', () => {
  const records = readGeonetworkHits(JSON.parse(fixture('geonetwork-search.json')), GN);

  it('reads titles, abstracts, uuids and the record pages', () => {
    expect(records.map((r) => r.title)).toEqual([
      'Carte géologique image de la France au 1/250 000 (BD Scan-Géol-250)',
      'Établissements publics de coopération intercommunale (EPCI) en 2020',
      "Ortho-photographies de l'IGN",
    ]);
    expect(records[0]!.abstract).toMatch(/^BD Scan-Géol-250 est la base/);
    expect(records[0]!.page).toBe(`${GN}/srv/fre/catalog.search#/metadata/f7a1d3c2-5b0e-4e8a-9c61-2d7e3b9a4f10`);
  });

  it('keeps the OGC links only (WMS, WMTS, WFS, versioned protocols too), each once', () => {
    expect(records[0]!.links).toEqual([{ type: 'wms', url: 'https://geoservices.brgm.fr/geologie', name: 'SCAN_F_GEOL250', description: 'Carte géologique au 1/250 000' }]);
    // The WFS link indexed twice (two transfer options) is listed once; OGC:WMS-1.3.0-http-get-map is a WMS.
    expect(records[1]!.links.map((l) => [l.type, l.name])).toEqual([
      ['wfs', 'cr_hdf:epci_2020'],
      ['wms', 'epci_2020'],
    ]);
    expect(records[2]!.links.map((l) => [l.type, l.url, l.name])).toEqual([['wmts', 'https://data.geopf.fr/wmts', 'ORTHOIMAGERY.ORTHOPHOTOS']]);
  });

  it('takes the layer a link names in its address when the record gives no name', () => {
    const hit = (link: Record<string, unknown>) => ({ hits: { hits: [{ _id: 'x', _source: { uuid: 'x', resourceTitleObject: { default: 'X' }, link: [link] } }] } });
    const [record] = readGeonetworkHits(hit({ protocol: 'OGC:WMS-1.3.0-http-get-map', urlObject: { default: 'https://x.example/wms?SERVICE=WMS&LAYERS=zh&REQUEST=GetMap' } }), GN);
    expect(record!.links).toEqual([{ type: 'wms', url: 'https://x.example/wms?SERVICE=WMS&LAYERS=zh&REQUEST=GetMap', name: 'zh' }]);
    const [other] = readGeonetworkHits(hit({ protocol: 'OGC:WMS', urlObject: { default: 'https://x.example/wms?LAYERS=a,b' } }), GN);
    expect(other!.links[0]).not.toHaveProperty('name');
  });

  it('reads an empty answer as no records, and refuses what is not a search answer', () => {
    expect(readGeonetworkHits(JSON.parse(fixture('geonetwork-search-empty.json')), GN)).toEqual([]);
    expect(() => readGeonetworkHits({ error: 'not found' }, GN)).toThrow(NotCatalogueError);
    expect(() => readGeonetworkHits([], GN)).toThrow(NotCatalogueError);
  });

  it('finds the root of a GeoNetwork from its home, a record page or its API', () => {
    expect(geonetworkRoot(`${GN}/srv/fre/catalog.search#/home`)).toBe(GN);
    expect(geonetworkRoot(`${GN}/srv/api/search/records/_search`)).toBe(GN);
    expect(geonetworkRoot(`${GN}/`)).toBe(GN);
    expect(protocolType('OGC:WMS-1.1.1-http-get-capabilities')).toBe('wms');
    expect(protocolType('OGC:WMTS')).toBe('wmts');
    expect(protocolType('OGC:WCS')).toBeUndefined();
    expect(protocolType('', 'https://x.example/ows?SERVICE=WFS&request=GetCapabilities')).toBe('wfs');
  });

  it('asks for 20 records matching the words in titles, abstracts and keywords, with an OGC link', () => {
    const query = geonetworkQuery('géologie isère') as { size: number; query: { bool: { must: [{ multi_match: { query: string; fields: string[] } }]; filter: unknown[] } } };
    expect(query.size).toBe(20);
    const match = query.query.bool.must[0].multi_match;
    expect(match.query).toBe('géologie isère');
    expect(match.fields.join(' ')).toMatch(/resourceTitleObject.*resourceAbstractObject.*tag/);
    expect(JSON.stringify(query.query.bool.filter)).toContain('"linkProtocol":"OGC:WMS"');
  });

  it('posts the query to the search API and tells an address without one from a failing catalogue', async () => {
    const sent: { url: string; init?: RequestInit }[] = [];
    let answer = (): Response => new Response(fixture('geonetwork-search.json'), { headers: { 'content-type': 'application/json' } });
    const requester = createRequester({
      fetch: async (url, init) => {
        sent.push({ url: String(url), init });
        return answer();
      },
    });
    const found = await searchCatalogue({ url: `${GN}/srv/fre/catalog.search#/home`, kind: 'geonetwork' }, 'géologie', requester);
    expect(found).toHaveLength(3);
    expect(sent[0]!.url).toBe(`${GN}/srv/api/search/records/_search`);
    expect(sent[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(sent[0]!.init?.body)).query.bool.must[0].multi_match.query).toBe('géologie');
    answer = () => new Response('<html><body>Not found</body></html>', { status: 404 });
    await expect(searchCatalogue({ url: GN, kind: 'geonetwork' }, 'x', requester)).rejects.toBeInstanceOf(NotCatalogueError);
    answer = () => new Response('<!doctype html><html><body>Portail</body></html>', { headers: { 'content-type': 'text/html' } });
    await expect(searchCatalogue({ url: GN, kind: 'geonetwork' }, 'x', requester)).rejects.toBeInstanceOf(NotCatalogueError);
    answer = () => new Response('{}', { status: 503 });
    await expect(searchCatalogue({ url: GN, kind: 'geonetwork' }, 'x', requester)).rejects.toMatchObject({ kind: 'http', status: 503 });
  });
});

describe('CSW 2.0.2 GetRecords answers', () => {
  it('reads Dublin Core records and their dc:URI links', () => {
    const records = readCswRecords(fixture('csw-getrecords.xml'), CSW);
    expect(records.map((r) => r.id)).toEqual(['f7a1d3c2-5b0e-4e8a-9c61-2d7e3b9a4f10', '0c9e4b7a-3f21-4d55-8b0a-6e1f2a9d7c34']);
    expect(records[0]!.title).toBe('Carte géologique image de la France au 1/250 000 (BD Scan-Géol-250)');
    expect(records[1]!.abstract).toBe('Périmètres des EPCI à fiscalité propre au 1er janvier 2020.');
    expect(records[0]!.links).toEqual([{ type: 'wms', url: 'https://geoservices.brgm.fr/geologie', name: 'SCAN_F_GEOL250', description: 'Carte géologique au 1/250 000' }]);
    expect(records[1]!.links.map((l) => [l.type, l.name])).toEqual([['wfs', 'cr_hdf:epci_2020']]);
    // A plain CSW: the record itself; a GeoNetwork's CSW: its page.
    expect(records[0]!.page).toBe(`${CSW}?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full&id=f7a1d3c2-5b0e-4e8a-9c61-2d7e3b9a4f10`);
    expect(cswRecordPage(`${GN}/srv/fre/csw`, 'abc')).toBe(`${GN}/srv/fre/catalog.search#/metadata/abc`);
  });

  it('refuses what is not a GetRecords answer and gives an exception report its words', () => {
    expect(() => readCswRecords('<html><body>Portail</body></html>', CSW)).toThrow(NotCatalogueError);
    expect(() => readCswRecords('{"hits": []}', CSW)).toThrow(NotCatalogueError);
    const report = `<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="constraint"><ows:ExceptionText>Unable to parse CQL</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
    expect(() => readCswRecords(report, CSW)).toThrow(CatalogueExceptionError);
  });

  it('asks with a CQL AnyText filter per word (quotes doubled) for 20 full records', () => {
    const url = new URL(cswQueryUrl(`${CSW}?SERVICE=CSW&request=GetCapabilities`, "zones d'eau"));
    expect(url.searchParams.get('request')).toBe('GetRecords');
    expect(url.searchParams.get('maxRecords')).toBe('20');
    expect(url.searchParams.get('constraint')).toBe("AnyText LIKE '%zones%' AND AnyText LIKE '%d''eau%'");
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase() === 'service')).toEqual(['service']);
  });
});

describe('layers made from a record', () => {
  const document = (): JsonObject => ({ ...emptyDocument('essai'), layers: [{ type: 'group', id: 'scan_f_geol250', title: 'Groupe', layers: [] }] });
  const found = (file: string, endpoint: string): FoundService => {
    const capabilities = readCapabilities(decodeXml(readFileSync(sharedFile(`configs/capabilities/${file}`))));
    return { endpoint, capabilitiesUrl: capabilitiesUrl(endpoint, capabilities.type), capabilities };
  };

  it('gives ids that no part of the document uses', () => {
    const doc = document();
    expect([...documentIds(doc)].sort()).toEqual(['essai', 'scan_f_geol250']);
    expect(freeLayerId('SCAN_F_GEOL250', documentIds(doc))).toBe('scan_f_geol250-2');
    expect(freeLayerId('cr_hdf:epci_2020', new Set())).toBe('epci_2020');
    expect(freeLayerId('Périmètres (2020)', new Set())).toBe('perimetres-2020');
    expect(freeLayerId('!!!', new Set())).toBe('couche');
  });

  it('makes a WMS layer with the record page as info.metadata, valid in the document, at its end', async (context) => {
    if (!hasSharedData('configs/capabilities')) context.skip(SKIP_NO_SHARED_DATA);
    const service = found('wms_capabilities-brgm-1-3-0.xml', 'https://geoservices.brgm.fr/geologie');
    const layer = linkedLayer(service, 'scan_f_geol250');
    const doc = document();
    const page = `${GN}/srv/fre/catalog.search#/metadata/f7a1d3c2-5b0e-4e8a-9c61-2d7e3b9a4f10`;
    const def = await layerDefOf({ found: service, layer, document: doc, title: 'Carte géologique au 1/250 000', metadata: page });
    expect(def).toMatchObject({ type: 'wms', id: 'scan_f_geol250-2', title: 'Carte géologique au 1/250 000', url: 'https://geoservices.brgm.fr/geologie', layers: 'SCAN_F_GEOL250', version: '1.3.0' });
    expect(def['info']).toMatchObject({ metadata: page, source: { url: 'https://geoservices.brgm.fr/geologie' } });
    // Plain: the schema's defaults (visible, opacity…) are not written into the document.
    expect(def).not.toHaveProperty('visible');
    const edit = addLayerEdit(doc, def);
    expect(edit).toMatchObject({ type: 'insert', path: ['layers'], index: 1 });
    const next = applyEdit({ document: doc, files: new Map() }, edit).document;
    const checked = validateContext(next);
    expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).toBe(true);
    expect((next['layers'] as JsonObject[])[1]!['id']).toBe('scan_f_geol250-2');
  });

  it('makes WFS and WMTS layers from their services, valid in a document', async (context) => {
    if (!hasSharedData('configs/capabilities')) context.skip(SKIP_NO_SHARED_DATA);
    const wfs = found('wfs_capabilities-geo2france-2-0-0.xml', 'https://www.geo2france.fr/geoserver/cr_hdf/wfs');
    const wmts = found('wmts_ign.xml', 'https://data.geopf.fr/wmts');
    const doc = emptyDocument();
    const a = await layerDefOf({ found: wfs, layer: linkedLayer(wfs, 'epci_2020'), document: doc });
    expect(a).toMatchObject({ type: 'wfs', id: 'epci_2020', typeName: 'cr_hdf:epci_2020', title: 'EPCI des Hauts-de-France en 2020' });
    const b = await layerDefOf({ found: wmts, layer: linkedLayer(wmts, 'ORTHOIMAGERY.ORTHOPHOTOS'), document: doc });
    expect(b).toMatchObject({ type: 'wmts', id: 'orthoimagery.orthophotos', layer: 'ORTHOIMAGERY.ORTHOPHOTOS' });
    const checked = validateContext({ ...doc, layers: [a, b] });
    expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).toBe(true);
    expect(() => linkedLayer(wfs, 'absente')).toThrow(MissingLayerError);
    expect(() => linkedLayer(wfs, undefined)).toThrow(MissingLayerError);
  });
});

describe("the site's catalogue", () => {
  it('is optional, checked, and its origin joins connect-src (the studio searches it)', async () => {
    const { validateSiteConfig } = await import('../../../src/context/validate-site.js');
    const { contentSecurityPolicy } = await import('../../../plugin/deploy.js');
    const base = { version: 1, name: 'Test', allowedOrigins: [] };
    const site = validateSiteConfig({ ...base, studio: { catalogue: { url: `${GN}/` } } });
    if (!site.ok) throw new Error(JSON.stringify(site.problems));
    expect(site.value.studio?.catalogue).toEqual({ url: `${GN}/`, kind: 'geonetwork' });
    const connect = contentSecurityPolicy(site.value).split('; ').find((d) => d.startsWith('connect-src '))!;
    expect(connect.split(' ')).toContain('https://catalogue.datara.example');
    expect(validateSiteConfig({ ...base, studio: { catalogue: { url: 'ftp://x', kind: 'geonetwork' } } }).ok).toBe(false);
    expect(validateSiteConfig({ ...base, studio: { catalogue: { url: GN, kind: 'opensearch' } } }).ok).toBe(false);
    expect(validateSiteConfig({ ...base, studio: { other: true } }).ok).toBe(false);
  });
});
