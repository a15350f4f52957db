import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import { decodeText, InputError } from '../../../src/interop/xml.js';
import { fixture } from './support.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  [...text].forEach((c, i) => {
    const code = c.charCodeAt(0);
    out[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  });
  return out;
};

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode('<a>Été</a>');
    expect(decodeText(bytes)).toEqual({ text: '<a>Été</a>', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])).text).toBe('<a>Été</a>');
  });

  it('follows the XML declaration (ISO-8859-1, Windows-1252)', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><a>Été à Noël</a>';
    expect(decodeText(latin1(text))).toMatchObject({ text, encoding: 'iso-8859-1' });
    expect(decodeText(latin1(text.replace('ISO-8859-1', 'windows-1252'))).text).toContain('Été à Noël');
  });

  it('reads UTF-16 by its byte-order mark, and without one by the shape of "<?"', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a>Été — ok</a>';
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...utf16(text, 'le')])).text).toBe(text);
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...utf16(text, 'be')])).text).toBe(text);
    expect(decodeText(utf16(text, 'le'))).toMatchObject({ text, encoding: 'utf-16le', note: expect.stringContaining('without byte-order mark') });
    expect(decodeText(utf16(text, 'be'))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('reads undeclared bytes that are not UTF-8 as Latin-1, and says so', () => {
    const decoded = decodeText(latin1('<a>éèçàùêûô</a>'));
    expect(decoded.text).toBe('<a>éèçàùêûô</a>');
    expect(decoded.note).toMatch(/not valid UTF-8: read as Latin-1/);
  });

  it('refuses bytes that contradict the declared encoding, and unknown encodings, with the reason', () => {
    expect(() => decodeText(latin1('<?xml version="1.0" encoding="UTF-8"?><a>é</a>'))).toThrow(/not valid utf-8/);
    expect(() => decodeText(latin1('<?xml version="1.0" encoding="X-KLINGON"?><a/>'))).toThrow(/declares the encoding "x-klingon"/);
    expect(() => decodeText(latin1('<?xml version="1.0" encoding="UTF-16"?><a/>'))).toThrow(/not UTF-16/);
  });

  it('decodes the hand-made contexts in Latin-1 and UTF-16 to the same accents', () => {
    expect(decodeText(readFileSync(fixture('wmc-rules.wmc'))).text).toContain("Contexte d'essai à Grenoble");
    expect(decodeText(readFileSync(fixture('wmc-utf16le-bom.wmc'))).text).toContain("à Grenoble — été");
    expect(decodeText(readFileSync(fixture('wmc-utf16be.wmc'))).text).toContain("à Grenoble — été");
  });
});

describe('nodeXmlParser', () => {
  it('parses well-formed XML', () => {
    expect(nodeXmlParser('<a><b x="1"/></a>').documentElement.nodeName).toBe('a');
  });

  it('turns a mismatched tag into an error with its line and column, never a partial tree', () => {
    let error: unknown;
    try {
      nodeXmlParser('<a>\n  <b></a>');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/not well-formed XML/);
    expect((error as InputError).line).toBe(2);
    expect((error as InputError).column).toBeGreaterThan(0);
  });

  it('says a truncated document ends before its elements are closed', () => {
    expect(() => nodeXmlParser('<ViewContext><General><Window/>')).toThrow(/ends before <ViewContext>, <General> are closed \(truncated\?\)/);
  });

  it('refuses text that is not XML at all', () => {
    expect(() => nodeXmlParser('hello')).toThrow(InputError);
  });
});
