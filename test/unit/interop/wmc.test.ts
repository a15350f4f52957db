import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/interop/convert.js';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import { exportOwsContext } from '../../../src/interop/owc/export.js';
import { importOwsContext } from '../../../src/interop/owc/import.js';
import { importWmc } from '../../../src/interop/wmc/import.js';
import { InputError } from '../../../src/interop/xml.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';
import { fixture, messages, readXml, validated } from './support.js';

describe('WMC import, rule by rule (hand-made context)', () => {
  const result = importWmc(readXml(fixture('wmc-rules.wmc')));
  const map = validated(result.document);

  it('reads title, abstract, id, and a lon/lat box as a Web-Mercator view fitting it', () => {
    expect(map).toMatchObject({ id: 'contexte-essai', title: "Contexte d'essai à Grenoble", description: 'Fait main.' });
    expect(map.view).toMatchObject({ projection: 'EPSG:3857', crs: 'EPSG:4326', extent: [4.5, 44.9, 6.4, 45.9] });
  });

  it('reverses the layer order (WMC lists from the bottom up) and converts WMS layers with their current format and style', () => {
    expect(map.layers.map((l) => l.id)).toEqual(['ppr', 'fond']);
    expect(map.layers[0]).toMatchObject({
      type: 'wms', url: 'https://geo.example.org/wms', layers: 'ppr', version: '1.1.1', visible: false, queryable: true,
      format: 'image/gif', styles: 'b', legend: { image: 'https://geo.example.org/b.png' },
      minScale: 1000, maxScale: 100000, opacity: 0.6, tiled: false, params: { TIME: '2020' },
    });
    expect(map.layers[1]).toMatchObject({ layers: 'fond', version: '1.3.0', format: 'image/jpeg', queryable: false, visible: true });
  });

  it('lists what it cannot convert', () => {
    expect(messages(result.report, 'warning')).toEqual([
      '/ViewContext/LayerList/Layer[2]/Extension/weird: extension <ol:weird> is not converted: unknown to Cartable',
      '/ViewContext/LayerList/Layer[3]: layer "Une couche WFS" is served by OGC:WFS: only WMS layers are converted',
    ]);
  });

  it.each(['wmc-utf16le-bom.wmc', 'wmc-utf16be.wmc'])('reads the same context in UTF-16 (%s)', (name) => {
    const imported = importDocument({ bytes: readFileSync(fixture(name)), parseXml: nodeXmlParser });
    expect(imported.format).toBe('wmc');
    expect(validated(imported.document).title).toBe("Contexte d'essai à Grenoble — été");
  });

  it('refuses an XML document that is not a context', () => {
    const other = importWmc(readXml(fixture('mviewer-rules.xml')));
    expect(other.document).toBeUndefined();
    expect(messages(other.report, 'error')).toEqual(['/: not a Web Map Context: the root element is <config>, expected <ViewContext>']);
  });
});

describe.skipIf(!hasSharedData('configs/wmc'))('WMC: the real contexts of ../shared/data/configs/wmc', () => {
  const bytes = (name: string): Uint8Array => readFileSync(sharedFile(`configs/wmc/${name}`));

  it("converts GéoBretagne's default context: Lambert-93 view, 5 WMS layers top first, current styles, opacity", () => {
    const result = importDocument({ bytes: bytes('geobretagne_default_epsg2154.wmc'), parseXml: nodeXmlParser });
    const map = validated(result.document);
    expect(map.view).toEqual({ projection: 'EPSG:2154', crs: 'EPSG:2154', extent: [115012.921859280003, 6731977.49912559986, 361598.641906799981, 6877207.77441699989] });
    expect(map.layers.map((l) => l.type === 'wms' && l.layers)).toEqual(['bzh:commune_bdcarto', 'bzh:FDepartement', 'carte', 'osm:google', 'satellite']);
    expect(map.layers[0]).toMatchObject({ id: 'bzh-commune_bdcarto', styles: 'administratif_violet', opacity: 0.5, visible: false, version: '1.1.1', tileSize: 512 });
    expect(map.layers[1]).toMatchObject({ styles: 'administratif_gris', info: { description: 'limites des departements' } });
    expect(map.layers[3]).toMatchObject({ title: 'OpenStreetMap', visible: true, format: 'image/png' });
    expect(map.tags).toEqual(['GEOBRETAGNE', 'BRETAGNE', 'OPENSTREETMAP']);
  });

  it('reads the Latin-1 context without declaration with correct accents, and says how it was read', () => {
    const result = importDocument({ bytes: bytes('test_latin1.wmc'), parseXml: nodeXmlParser });
    expect(result.encodingNote).toMatch(/read as Latin-1/);
    const map = validated(result.document);
    expect(map.layers.map((l) => l.title)).toEqual(['éèçàùêûô', 'Scan 1000', 'communes_geofla']);
    expect(map.layers[1]).toMatchObject({ minScale: 200000, maxScale: 1000000, opacity: 0.5 });
    expect(messages(result.report, 'warning')).toEqual(['/ViewContext/General/Title: no title: the map is titled "utf8.wmc"']);
  });

  it('refuses the truncated context with the line where it ends', () => {
    let error: unknown;
    try {
      importDocument({ bytes: bytes('test_default-invalid-doc.wmc'), parseXml: nodeXmlParser });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('not well-formed XML: the document ends before <ViewContext>, <General> are closed (truncated?)');
    expect((error as InputError).line).toBe(4);
  });

  it('round-trips the imported GéoBretagne context through OWS Context', () => {
    const map = validated(importDocument({ bytes: bytes('geobretagne_default_epsg2154.wmc'), parseXml: nodeXmlParser }).document);
    const back = importOwsContext(JSON.parse(JSON.stringify(exportOwsContext(map, { updated: '2026-01-01T00:00:00Z' }).document)));
    expect(validated(back.document)).toEqual(map);
  });
});

if (!hasSharedData('configs/wmc')) console.warn(SKIP_NO_SHARED_DATA);
