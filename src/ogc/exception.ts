/**
 * OGC exception reports in plain words: WMS ServiceExceptionReport (1.1.1, 1.3.0) and OWS
 * ExceptionReport (WFS 2.0, WMTS). Written against the standard DOM API (src/ogc/xml.ts).
 */
import { parseXml } from './xml.js';

/** Longest message kept: a layer list has room for a sentence, not a stack trace. */
const MAX_LENGTH = 200;

/** An OGC service answered with an exception report instead of data. */
export class ServiceExceptionError extends Error {
  /** The exception code ("LayerNotDefined", "InvalidParameterValue"…), when the report gives one. */
  readonly code?: string;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'ServiceExceptionError';
    this.code = code;
  }
}

/** True for the content types OGC services use for exception reports (text/xml, application/vnd.ogc.se_xml…). */
export const isXmlContentType = (contentType: string | null | undefined): boolean =>
  !!contentType && /(^|[/+.])xml\b|se_xml/i.test(contentType);

const squash = (text: string): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_LENGTH ? `${one.slice(0, MAX_LENGTH - 1)}…` : one;
};

/**
 * The exception of an OGC exception report held by `xml`, as a short message and its code; undefined
 * when the text is not an exception report (or not well-formed XML).
 */
export function readServiceException(xml: string): { message: string; code?: string } | undefined {
  // Most answers are not reports: only those that name one are parsed.
  if (!xml.includes('ExceptionReport')) return undefined;
  const doc = parseXml(xml);
  return doc ? serviceExceptionOf(doc) : undefined;
}

/** The exception of a parsed document that is an OGC exception report; undefined for any other document. */
export function serviceExceptionOf(doc: Document): { message: string; code?: string } | undefined {
  const root = doc.documentElement;
  if (!root) return undefined;
  if (root.localName === 'ServiceExceptionReport') {
    const exceptions = [...root.getElementsByTagNameNS('*', 'ServiceException')];
    const first = exceptions[0];
    const code = first?.getAttribute('code') ?? undefined;
    const texts = exceptions.map((e) => squash(e.textContent ?? '')).filter(Boolean);
    return { message: squash(texts.join(' ; ')) || code || 'ServiceException', code };
  }
  if (root.localName === 'ExceptionReport') {
    const exceptions = [...root.getElementsByTagNameNS('*', 'Exception')];
    const first = exceptions[0];
    const code = first?.getAttribute('exceptionCode') ?? undefined;
    const texts = exceptions
      .flatMap((e) => [...e.getElementsByTagNameNS('*', 'ExceptionText')])
      .map((t) => squash(t.textContent ?? ''))
      .filter(Boolean);
    return { message: squash(texts.join(' ; ')) || code || 'ExceptionReport', code };
  }
  return undefined;
}

/** Throws a ServiceExceptionError when `xml` is an OGC exception report. */
export function throwIfServiceException(xml: string): void {
  const exception = readServiceException(xml);
  if (exception) throw new ServiceExceptionError(exception.message, exception.code);
}
