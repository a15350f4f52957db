/**
 * XML of OGC services (capabilities, exception reports, GML, feature info) decoded from bytes and
 * parsed without tripping the site's Content-Security-Policy (style-src 'self').
 *
 * Chromium answers malformed XML given to DOMParser with a <parsererror> element carrying inline
 * styles, and an HTML page's style attributes are applied while it is parsed: the CSP refuses each of
 * them with a console error (hundreds for a WFS layer whose answers are broken). Fragment parsing
 * inside an XML document throws a SyntaxError instead and styles nothing, as long as no element of
 * the answer is an XHTML, SVG or MathML one: their namespaces are renamed first.
 */

/** Namespaces whose elements Chromium styles; renamed so that an answer's elements are plain XML. */
const STYLED_NAMESPACES = /(\bxmlns(?::[\w.-]+)?\s*=\s*["'])http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML)(["'])/g;

/** The XML declaration and document type, which fragment parsing refuses (the rest of the prolog it takes). */
const DECLARATION = /^\uFEFF?\s*<\?xml\b[^>]*\?>/;
const DOCTYPE = /<!DOCTYPE\s[^[>]*(\[[\s\S]*?\]\s*)?>/i;

/**
 * Whether an element uses a namespace prefix it never declared: a namespace error for a whole-document
 * parser, which fragment parsing lets through as a local name holding a colon.
 */
function hasUndeclaredPrefix(root: Element): boolean {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = root; node; node = walker.nextNode()) if ((node as Element).localName.includes(':')) return true;
  return false;
}

/** Parses with the browser, without any <parsererror> page: undefined when the text is not one well-formed XML document. */
function parseInBrowser(text: string): Document | undefined {
  let body = text.replace(DECLARATION, '');
  const doctype = DOCTYPE.exec(body);
  // An internal subset may declare entities the document uses: such (rare) documents are not read.
  if (doctype) body = body.slice(0, doctype.index) + body.slice(doctype.index + doctype[0].length);
  body = body.replace(STYLED_NAMESPACES, '$1urn:cartable:unstyled:$2$3');
  const doc = document.implementation.createDocument(null, 'cartable-xml', null);
  const holder = doc.documentElement;
  try {
    holder.innerHTML = body;
  } catch {
    return undefined;
  }
  // A document holds exactly one element, and nothing but comments, instructions and blanks beside it.
  const roots = [...holder.childNodes].filter((node) => node.nodeType === Node.ELEMENT_NODE);
  const stray = [...holder.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
  if (roots.length !== 1 || stray) return undefined;
  if (hasUndeclaredPrefix(roots[0] as Element)) return undefined;
  doc.replaceChild(roots[0]!, holder);
  return doc;
}

/** Outside a browser (tests, the command line), a DOMParser given to the global scope (@xmldom/xmldom) reports errors its own way. */
function parseWithDomParser(text: string): Document | undefined {
  if (typeof DOMParser === 'undefined') return undefined;
  try {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    return !root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror').length ? undefined : doc;
  } catch {
    return undefined;
  }
}

/** The document XML text holds; undefined when it is not well-formed (an HTML page, a truncated answer, JSON…). */
export function parseXml(text: string): Document | undefined {
  return typeof document !== 'undefined' && typeof document.implementation?.createDocument === 'function'
    ? parseInBrowser(text)
    : parseWithDomParser(text);
}

/**
 * The text of XML bytes, decoded by their byte-order mark, else the encoding their declaration names,
 * else the charset of the answer's Content-Type, else UTF-8.
 */
export function decodeXml(bytes: ArrayBuffer | Uint8Array, charset?: string): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  const head = new TextDecoder('latin1').decode(view.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? charset ?? 'utf-8').decode(view);
  } catch {
    return new TextDecoder('utf-8').decode(view); // An encoding the browser does not know.
  }
}
