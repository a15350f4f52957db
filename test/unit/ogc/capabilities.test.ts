/**
 * Capabilities on real documents (../shared/data/configs/capabilities, skipped when absent) and on
 * the hand-made fixtures of test/fixtures/capabilities. Node has no DOMParser: @xmldom/xmldom stands in.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { CapabilitiesError, readCapabilities } from '../../../src/ogc/capabilities.js';
import { decodeXml } from '../../../src/ogc/xml.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/capabilities');
const fixture = (name: string): string => decodeXml(readFileSync(resolve(FIXTURES, name)));
const shared = (name: string): string => decodeXml(readFileSync(sharedFile(`configs/capabilities/${name}`)));

beforeAll(() => {
  // Quiet: the documents that are not well-formed are expected to fail, not to be logged.
  (globalThis as { DOMParser?: unknown }).DOMParser ??= class extends XmlDomParser {
    constructor() {
      super({ onError: () => undefined });
    }
  };
});

const failure = (xml: string): CapabilitiesError => {
  try {
    readCapabilities(xml);
  } catch (error) {
    if (error instanceof CapabilitiesError) return error;
    throw error;
  }
  throw new Error('read without error');
};

describe('decodeXml', () => {
  it('decodes by the declared encoding (ISO-8859-1) and by default as UTF-8', () => {
    const latin1 = fixture('wms-1-1-1-latin1.xml');
    expect(latin1).toContain('Cartes anciennes éditées');
    expect(latin1).toContain('XVIIIè siècle');
    expect(decodeXml(new TextEncoder().encode('<a>é</a>'))).toBe('<a>é</a>');
    // No declared encoding: the answer's charset, then UTF-8.
    expect(decodeXml(Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), 'ISO-8859-1')).toBe('<a>é</a>');
    // The declaration wins over a charset the server got wrong.
    expect(decodeXml(readFileSync(resolve(FIXTURES, 'wms-1-1-1-latin1.xml')), 'utf-8')).toContain('éditées');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a>Génissiat</a>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(decodeXml(bytes)).toContain('Génissiat');
  });
});

describe('readCapabilities on hand-made documents', () => {
  it('reads a nested WMS 1.3.0: named layers only, inherited queryable, own extent, GetMap formats', () => {
    const caps = readCapabilities(fixture('wms-1-3-0-nested.xml'));
    expect(caps).toMatchObject({ type: 'wms', version: '1.3.0', title: 'Zones naturelles — test' });
    expect(caps.formats).toEqual(['image/jpeg', 'image/png; mode=8bit', 'image/png']);
    expect(caps.layers.map((l) => l.name)).toEqual(['znieff1', 'fond']);
    const [znieff, fond] = caps.layers;
    expect(znieff).toMatchObject({ title: 'ZNIEFF de type I', queryable: true, extent: [4.5, 44.1, 7.2, 46.4] });
    // Markup in an abstract stays text.
    expect(znieff!.abstract).toContain('<b>I</b>');
    expect(fond).toMatchObject({ queryable: false, extent: [-5, 41, 10, 51] });
  });

  it('reads a WMS 1.1.1 in ISO-8859-1 (LatLonBoundingBox)', () => {
    const caps = readCapabilities(fixture('wms-1-1-1-latin1.xml'));
    expect(caps).toMatchObject({ type: 'wms', version: '1.1.1', title: 'Cartes anciennes éditées' });
    expect(caps.layers).toEqual([
      { name: 'cassini', title: 'Carte de Cassini (XVIIIè siècle)', abstract: undefined, extent: [-5.1, 41.3, 9.6, 51.1], queryable: true },
    ]);
  });

  it('names what is wrong: not XML, not capabilities, no layers', () => {
    expect(failure('{"type":"FeatureCollection"}').code).toBe('not-xml');
    const html = failure(fixture('not-capabilities.xml'));
    expect(html.code).toBe('not-capabilities');
    expect(html.message).toBe('html');
    expect(failure(fixture('wfs-empty-2-0-0.xml')).code).toBe('no-layers');
  });
});

describe.skipIf(!hasSharedData('configs/capabilities'))('readCapabilities on the real documents of ../shared/data', () => {
  it('BRGM WMS 1.3.0', () => {
    const caps = readCapabilities(shared('wms_capabilities-brgm-1-3-0.xml'));
    expect(caps.type).toBe('wms');
    expect(caps.version).toBe('1.3.0');
    expect(caps.title.length).toBeGreaterThan(0);
    const names = caps.layers.map((l) => l.name);
    expect(names).toContain('GEOLOGIE');
    expect(names).toContain('SCAN_F_GEOL250');
    const scan = caps.layers.find((l) => l.name === 'SCAN_F_GEOL250')!;
    expect(scan.title.length).toBeGreaterThan(0);
    expect(scan.extent).toHaveLength(4);
    expect(caps.formats).toContain('image/png');
  });

  it('BRGM WMS 1.1.1 in ISO-8859-15: accented titles survive', () => {
    const xml = shared('wms_capabilities-brgm-1-1-1-iso-8859-15.xml');
    expect(xml).not.toContain('\uFFFD');
    const caps = readCapabilities(xml);
    expect(caps.version).toBe('1.1.1');
    const titles = caps.layers.map((l) => l.title).join(' ');
    expect(titles).toMatch(/[éèà]/);
    expect(caps.layers.find((l) => l.name === 'SCAN_F_GEOL250')?.extent).toHaveLength(4);
  });

  it('IGN WMTS: identifier, default style, legend, formats, matrix sets, WGS84 box', () => {
    const caps = readCapabilities(shared('wmts_ign.xml'));
    expect(caps.type).toBe('wmts');
    const ortho = caps.layers.find((l) => l.name === 'ORTHOIMAGERY.ORTHOPHOTOS')!;
    expect(ortho.style).toBe('normal');
    expect(ortho.legendUrl).toMatch(/^https?:\/\//);
    expect(ortho.formats).toContain('image/jpeg');
    expect(ortho.matrixSets).toContain('PM');
    expect(ortho.extent).toHaveLength(4);
  });

  it('Géo2France WFS 2.0.0 and PIGMA WFS 1.1.0: feature types, boxes, output formats', () => {
    const g2f = readCapabilities(shared('wfs_capabilities-geo2france-2-0-0.xml'));
    expect(g2f).toMatchObject({ type: 'wfs', version: '2.0.0' });
    expect(g2f.layers[0]).toMatchObject({ name: 'cr_hdf:domaine_public_hdf_com', title: 'Domaine public' });
    expect(g2f.layers[0]!.extent![0]).toBeCloseTo(1.347, 2);
    expect(g2f.formats.length).toBeGreaterThan(1);
    const pigma = readCapabilities(shared('wfs_capabilities-pigma-1-1-0.xml'));
    expect(pigma.version).toBe('1.1.0');
    expect(pigma.layers.length).toBeGreaterThan(0);
    expect(pigma.formats).toContain('text/xml; subtype=gml/3.1.1');
  });

  it('exception reports (WMS 1.3.0, WFS 2.0.0) give the service\'s words', () => {
    const wfs = failure(shared('wfs_exception-report-2-0-0.xml'));
    expect(wfs.code).toBe('exception');
    expect(wfs.message).toContain('Invalid WFS request: FooBar');
    const wms = failure(shared('wms_service-exception-report-1-3-0.xml'));
    expect(wms.code).toBe('exception');
    expect(wms.message.length).toBeGreaterThan(3);
  });
});
if (!hasSharedData('configs/capabilities')) console.warn(SKIP_NO_SHARED_DATA);
