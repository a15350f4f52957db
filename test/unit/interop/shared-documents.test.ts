/**
 * Every real document of ../shared/data/configs/{mviewer,owscontext,wmc} imported through
 * importDocument (format found from the content): how many layers and basemaps each gives, the
 * styles of its vector layers, and the two broken files refused with where they break.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import { walkLayers } from '../../../src/context/checks.js';
import type { LayerDef, MapContext } from '../../../src/context/types.js';
import { importDocument } from '../../../src/interop/convert.js';
import { DEFAULT_VECTOR_STYLE } from '../../../src/interop/common.js';
import { InputError } from '../../../src/interop/xml.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';
import { validated } from './support.js';

/** Layers (groups' contents counted, groups not) and basemaps each document gives. */
const EXPECTED: Record<string, { layers: number; basemaps: number; format: string }> = {
  'mviewer/apps_default.xml': { layers: 8, basemaps: 1, format: 'mviewer' },
  'mviewer/demo_ign.xml': { layers: 3, basemaps: 4, format: 'mviewer' },
  // Three JavaScript custom layers: no layer (cartable import exits 1 unless --allow-empty).
  'mviewer/demo_vector.xml': { layers: 0, basemaps: 2, format: 'mviewer' },
  // A WPS only: no layer.
  'owscontext/owc1.geojson': { layers: 0, basemaps: 0, format: 'owc' },
  'owscontext/ows-json-context.json': { layers: 7, basemaps: 2, format: 'owc' },
  // Offering codes of the Atom encoding's URIs (…/owc-atom/1.0/req/wms): read by their kind.
  'owscontext/wms_meris.json': { layers: 2, basemaps: 0, format: 'owc' },
  'wmc/geobretagne_default_epsg2154.wmc': { layers: 5, basemaps: 0, format: 'wmc' },
  'wmc/test_latin1.wmc': { layers: 3, basemaps: 0, format: 'wmc' },
};

const BROKEN: Record<string, RegExp> = {
  'owscontext/csw_10entries.json': /^not valid JSON: at line 51, column \d+$/,
  'wmc/test_default-invalid-doc.wmc': /^not well-formed XML: the document ends before <ViewContext>, <General> are closed/,
};

const importFile = (name: string): ReturnType<typeof importDocument> =>
  importDocument({ bytes: readFileSync(sharedFile(`configs/${name}`)), parseXml: nodeXmlParser });

const leaves = (map: MapContext): LayerDef[] => {
  const out: LayerDef[] = [];
  walkLayers(map.layers, (node) => void (node.type !== 'group' && out.push(node)));
  return out;
};

describe.skipIf(!hasSharedData('configs'))('import of every shared document (../shared/data/configs)', () => {
  it('covers every file of the three folders', () => {
    const files = ['mviewer', 'owscontext', 'wmc'].flatMap((dir) => readdirSync(sharedFile(`configs/${dir}`)).map((f) => `${dir}/${f}`));
    expect(files.sort()).toEqual([...Object.keys(EXPECTED), ...Object.keys(BROKEN)].sort());
  });

  it.each(Object.entries(EXPECTED))('%s: its layer and basemap counts, a valid map', (name, expected) => {
    const result = importFile(name);
    expect(result.format).toBe(expected.format);
    const map = validated(result.document);
    expect({ layers: leaves(map).length, basemaps: map.basemaps.length, format: result.format }).toEqual(expected);
  });

  it.each(Object.entries(BROKEN))('%s: refused, saying where it breaks', (name, message) => {
    expect(() => importFile(name)).toThrow(InputError);
    expect(() => importFile(name)).toThrow(message);
  });

  it('styles: WMS layers keep their SLD as the server-side SLD parameter; vector layers without SLD get the default style, said so', () => {
    const mviewer = validated(importFile('mviewer/apps_default.xml').document);
    const withSld = leaves(mviewer).filter((l) => l.type === 'wms' && l.params?.SLD);
    expect(withSld.map((l) => l.type === 'wms' && l.params?.SLD)).toEqual([
      'https://kartenn.region-bretagne.fr/styles/reserve_naturelle.sld',
      'https://kartenn.region-bretagne.fr/styles/lycee_secteur.sld',
      'https://kartenn.region-bretagne.fr/kartoviz/apps/region/transport/ligne_ferroviaire.sld',
      'https://kartenn.region-bretagne.fr/styles/port.sld',
    ]);
    const ukis = importFile('owscontext/ows-json-context.json');
    const vectors = leaves(validated(ukis.document)).filter((l) => l.type === 'geojson' || l.type === 'wfs');
    expect(vectors.map((l) => l.type)).toEqual(['geojson', 'wfs']);
    for (const layer of vectors) expect('style' in layer && layer.style).toEqual(DEFAULT_VECTOR_STYLE);
  });
});

if (!hasSharedData('configs')) console.warn(SKIP_NO_SHARED_DATA);
