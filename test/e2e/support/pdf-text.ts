/**
 * The text a PDF printed by Chromium shows, page by page, read without a PDF library: the pages'
 * content streams (Flate-compressed) give the glyph codes each font draws, and each font's ToUnicode
 * map turns them back into characters. Enough for Chromium's own PDFs (Identity-H fonts, no object
 * streams); runs of text are joined with a space, so compare words, not layout.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = match.index! + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0 || !/\/Length\b/.test(body.slice(0, streamAt))) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    let data = pdf.subarray(dataStart, dataStart + length);
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
    objects.set(Number(match[1]), { dict, stream: data });
  }
  return objects;
}

const hexBytes = (hex: string): number[] => (hex.replace(/\s/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16));
const hexCode = (hex: string): number => parseInt(hex, 16);
const utf16 = (hex: string): string => {
  const bytes = hexBytes(hex);
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) units.push((bytes[i]! << 8) | bytes[i + 1]!);
  return String.fromCharCode(...units);
};

/** A font's glyph code → text, and the bytes per code, from its ToUnicode CMap. */
function cmapOf(source: string): { map: Map<number, string>; bytes: number } {
  const map = new Map<number, string>();
  let bytes = 1;
  const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/.exec(/begincodespacerange([\s\S]*?)endcodespacerange/.exec(source)?.[1] ?? '');
  if (range) bytes = range[1]!.length / 2;
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(hexCode(code!), utf16(text!));
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, from, to, target] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const first = hexCode(from!);
      const targets = target!.startsWith('[') ? [...target!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => utf16(m[1]!)) : undefined;
      for (let code = first; code <= hexCode(to!); code++) {
        if (targets) map.set(code, targets[code - first] ?? '');
        else {
          const base = utf16(target!.slice(1, -1));
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - first));
        }
      }
    }
  return { map, bytes };
}

/** A PDF string literal's bytes: (…) with its escapes. */
function literalBytes(literal: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const next = literal[++i]!;
    const octal = /^[0-7]{1,3}/.exec(literal.slice(i))?.[0];
    if (octal) {
      out.push(parseInt(octal, 8));
      i += octal.length - 1;
    } else out.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return out;
}

const refs = (text: string): number[] => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The text of each page of a PDF, in the order its content streams draw it. */
export function pdfPagesText(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  const resolve = (dict: string, key: string): string => {
    const at = dict.indexOf(`/${key}`);
    if (at < 0) return '';
    const rest = dict.slice(at + key.length + 1).trimStart();
    const ref = /^(\d+) 0 R/.exec(rest);
    if (ref) return objects.get(Number(ref[1]))?.dict ?? '';
    if (!rest.startsWith('<<')) return rest;
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      if (rest.startsWith('<<', i)) (depth++, i++);
      else if (rest.startsWith('>>', i) && (--depth, i++, depth === 0)) return rest.slice(0, i + 1);
    }
    return rest;
  };
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  // Pages in the order of the page tree (the /Kids of /Pages), else as found.
  const kids = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  const ordered = kids ? refs(/\/Kids\s*\[([^\]]*)\]/.exec(kids.dict)?.[1] ?? '').map((n) => objects.get(n)!).filter(Boolean) : pages;
  return ordered.map((page) => {
    const fonts = new Map<string, { map: Map<number, string>; bytes: number }>();
    const fontDict = resolve(resolve(page.dict, 'Resources'), 'Font');
    for (const [, name, ref] of fontDict.matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(ref))?.dict ?? '';
      const unicode = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
      const stream = unicode ? objects.get(Number(unicode))?.stream : undefined;
      if (stream) fonts.set(name!, cmapOf(stream.toString('latin1')));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const content = refs(contents).map((n) => objects.get(n)?.stream?.toString('latin1') ?? '').join('\n');
    let font: { map: Map<number, string>; bytes: number } | undefined;
    const runs: string[] = [];
    let run = '';
    const decode = (bytes: number[]): string => {
      if (!font) return '';
      let text = '';
      for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
        let code = 0;
        for (let b = 0; b < font.bytes; b++) code = (code << 8) | bytes[i + b]!;
        text += font.map.get(code) ?? '';
      }
      return text;
    };
    for (const token of content.matchAll(/\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)|\b(ET|TJ|Tj)\b/g)) {
      if (token[1]) font = fonts.get(token[1]);
      else if (token[2] !== undefined) run += decode(hexBytes(token[2]));
      else if (token[3] !== undefined) run += decode(literalBytes(token[3]));
      else if (token[4] === 'ET' && run) (runs.push(run), (run = ''));
    }
    if (run) runs.push(run);
    return runs.join(' ');
  });
}
