import { DOMParser } from '@xmldom/xmldom';
import { InputError, type XmlParser } from '../interop/xml.js';

interface Locator {
  lineNumber?: number;
  columnNumber?: number;
}

/** XML parsing in Node with @xmldom/xmldom: any error is fatal (no partial tree), with its line and column. */
export const nodeXmlParser: XmlParser = (text) => {
  let failure: { message: string; locator?: Locator } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: { locator?: Locator } | undefined) => {
      if (level === 'warning') return;
      failure ??= { message, locator: context?.locator ? { ...context.locator } : undefined };
      throw new Error(message);
    },
  });
  try {
    const document = parser.parseFromString(text, 'text/xml') as unknown as Document;
    if (!document.documentElement) throw new InputError('not XML: the file has no root element');
    return document;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
    const lines = text.split('\n');
    const unclosed = /unclosed xml tag/i.exec(message);
    const line = failure?.locator?.lineNumber ?? (error as { locator?: Locator }).locator?.lineNumber ?? (unclosed ? lines.length : undefined);
    const column = failure?.locator?.columnNumber ?? (error as { locator?: Locator }).locator?.columnNumber ?? (unclosed ? lines.at(-1)!.length + 1 : undefined);
    const words = unclosed
      ? `the document ends before ${message.replace(/^.*unclosed xml tag\(s\):\s*/i, '').split(/,\s*/).map((t) => `<${t}>`).join(', ')} ${message.includes(',') ? 'are' : 'is'} closed (truncated?)`
      : message.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0];
    throw new InputError(`not well-formed XML: ${words}`, line, column);
  }
};
