/**
 * XML input for the converters, in the browser and in Node alike: bytes are decoded by their
 * byte-order mark or XML declaration (TextDecoder), and the text is parsed by the DOMParser the
 * caller gives (the browser's own, or @xmldom/xmldom in Node). Malformed XML is an error with its
 * line and column, never a silently partial tree.
 */

/** A problem with the input itself: it cannot be read at all. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read in (a WHATWG label). */
  readonly encoding: string;
  /** How the encoding was chosen, when it was a guess. */
  readonly note?: string;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

function decode(bytes: Uint8Array, label: string, offset = 0): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw new InputError(`the document declares the encoding "${label}", which is not one this tool can read`);
  }
  try {
    return decoder.decode(bytes.subarray(offset));
  } catch {
    throw new InputError(`the bytes are not valid ${label} (the encoding the document declares or starts with)`);
  }
}

/** The encoding named in an `<?xml … encoding="…"?>` declaration read as ASCII, if any. */
function declaredEncoding(bytes: Uint8Array, step: 1 | 2, start: number): string | undefined {
  let head = '';
  for (let i = start; i < Math.min(bytes.length, start + 200 * step); i += step) head += String.fromCharCode(bytes[i]!);
  const declaration = /^\s*<\?xml[^>]*?\?>/.exec(head)?.[0];
  return declaration ? /encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration)?.[1] : undefined;
}

/**
 * Decodes an XML (or JSON) file's bytes: a byte-order mark wins, then the XML declaration; with
 * neither, UTF-8, or Windows-1252 (Latin-1) when the bytes are not valid UTF-8 — said in `note`.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: decode(bytes, 'utf-8', 3), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: decode(bytes, 'utf-16le', 2), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: decode(bytes, 'utf-16be', 2), encoding: 'utf-16be' };
  // UTF-16 without a mark: "<?" is 3C 00 3F 00 (little-endian) or 00 3C 00 3F (big-endian).
  if (startsWith(bytes, 0x3c, 0x00, 0x3f, 0x00)) return { text: decode(bytes, 'utf-16le'), encoding: 'utf-16le', note: 'UTF-16 (little-endian) without byte-order mark' };
  if (startsWith(bytes, 0x00, 0x3c, 0x00, 0x3f)) return { text: decode(bytes, 'utf-16be'), encoding: 'utf-16be', note: 'UTF-16 (big-endian) without byte-order mark' };

  const declared = declaredEncoding(bytes, 1, 0);
  if (declared) {
    const label = declared.toLowerCase();
    // A declaration of UTF-16 on single-byte text is a lie the bytes above would have shown.
    if (label.startsWith('utf-16')) throw new InputError(`the document declares "${declared}" but its bytes are not UTF-16`);
    return { text: decode(bytes, label), encoding: label };
  }
  try {
    return { text: decode(bytes, 'utf-8'), encoding: 'utf-8' };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      note: 'no encoding declared and the bytes are not valid UTF-8: read as Latin-1 (ISO-8859-1 / Windows-1252)',
    };
  }
}

/** Parses XML text into a Document, throwing InputError (with line and column when known) when it is not well-formed. */
export type XmlParser = (text: string) => Document;

/** The browser's DOMParser, which reports errors as a <parsererror> element instead of throwing. */
export const browserXmlParser: XmlParser = (text) => {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) {
    // Chromium: "This page contains the following errors:error on line 4 at column 1: <what>\nBelow is…"
    const message = (error.textContent ?? '').trim();
    const where = /line (\d+) at column (\d+):\s*([^\n]*)/i.exec(message);
    const what = (where?.[3] ?? message.split('\n')[0] ?? '').trim();
    throw new InputError(`not well-formed XML: ${what}`, where ? Number(where[1]) : undefined, where ? Number(where[2]) : undefined);
  }
  if (!document.documentElement) throw new InputError('not XML: the file has no root element');
  return document;
};

// ---------------------------------------------------------------- reading elements by local name

/** The element children of `parent` whose local name is one of `names` (namespace prefixes ignored). */
export function childElements(parent: Element | Document, ...names: string[]): Element[] {
  const out: Element[] = [];
  const nodes = parent.childNodes;
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i] as Element;
    if (node.nodeType === 1 && (names.length === 0 || names.includes(localNameOf(node)))) out.push(node);
  }
  return out;
}

export const childElement = (parent: Element | Document, ...names: string[]): Element | undefined => childElements(parent, ...names)[0];

export const localNameOf = (element: Element): string => element.localName ?? element.nodeName.replace(/^.*:/, '');

/** The trimmed text of an element; undefined when missing or blank. */
export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

/** An attribute's trimmed value; undefined when missing or blank. */
export function attributeOf(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

/** An xlink:href (any prefix). */
export function hrefOf(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const value = element.getAttributeNS?.('http://www.w3.org/1999/xlink', 'href') ?? element.getAttribute('xlink:href');
  return value?.trim() || undefined;
}

export const booleanOf = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : /^(true|1|yes|on)$/i.test(value) ? true : /^(false|0|no|off)$/i.test(value) ? false : undefined;

export function numberOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}

/** "/config/themes/theme[2]" — where an element is, for the report. */
export function pathOf(element: Element): string {
  const parts: string[] = [];
  let node: Element | null = element;
  while (node && node.nodeType === 1) {
    const name = localNameOf(node);
    const parent = node.parentNode as Element | null;
    const siblings = parent && parent.nodeType === 1 ? childElements(parent, name) : [node];
    parts.unshift(siblings.length > 1 ? `${name}[${siblings.indexOf(node) + 1}]` : name);
    node = parent;
  }
  return `/${parts.join('/')}`;
}
