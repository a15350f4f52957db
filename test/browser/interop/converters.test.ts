import { expect } from 'chai';
import { validateContext } from '../../../src/context/validate.js';
import type { MapContext } from '../../../src/context/types.js';
import { importDocument } from '../../../src/interop/convert.js';
import { exportOwsContext } from '../../../src/interop/owc/export.js';
import { importOwsContext } from '../../../src/interop/owc/import.js';
import { InputError, browserXmlParser } from '../../../src/interop/xml.js';

/** The converters in Chromium, with the browser's own DOMParser and TextDecoder (as the viewer would use them). */

const bytes = async (url: string): Promise<Uint8Array> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

const valid = (document: unknown): MapContext => {
  const result = validateContext(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};

describe('converters in the browser', () => {
  it('read the hand-made WMC in UTF-16 (big-endian, no byte-order mark) with its accents', async () => {
    const result = importDocument({ bytes: await bytes('/test/fixtures/interop/wmc-utf16be.wmc'), parseXml: browserXmlParser });
    const map = valid(result.document);
    expect(map.title).to.equal("Contexte d'essai à Grenoble — été");
    expect(map.layers.map((l) => l.id)).to.deep.equal(['ppr', 'fond']);
  });

  it('read the hand-made mviewer configuration into the same document as in Node (template, search, groups)', async () => {
    const result = importDocument({ bytes: await bytes('/test/fixtures/interop/mviewer-rules.xml'), parseXml: browserXmlParser });
    const map = valid(result.document);
    const nature = map.layers[0]!;
    expect(nature.type).to.equal('group');
    const sites = nature.type === 'group' ? nature.layers[0]! : nature;
    expect(sites).to.deep.include({ type: 'geojson', tooltip: '{{nom}}' });
    expect(result.report.some((item) => item.message.includes('"PNR" is a JavaScript custom layer'))).to.equal(true);
  });

  it('refuse malformed XML with the line and column the browser gives, never a partial tree', () => {
    let error: unknown;
    try {
      browserXmlParser('<ViewContext>\n  <General>\n    <Window/>\n');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).message).to.match(/^not well-formed XML: \S/);
    expect((error as InputError).line).to.be.a('number');
  });

  it('export a map to OWS Context and import it back to the same document', async () => {
    const map = valid(await (await fetch('/maps/nature-paysage.json')).json());
    const back = importOwsContext(JSON.parse(JSON.stringify(exportOwsContext(map, { updated: '2026-01-01T00:00:00Z' }).document)));
    expect(valid(back.document)).to.deep.equal(map);
  });
});
