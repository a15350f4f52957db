import type { JsonObject } from './json.js';

/** How a document's text is laid out: its indentation and whether it ends with a line break. */
export interface DocumentFormat {
  readonly indent: string;
  readonly finalNewline: boolean;
}

/** New documents: two spaces, a final line break (as `JSON.stringify(…, null, 2)` and most editors). */
export const DEFAULT_FORMAT: DocumentFormat = { indent: '  ', finalNewline: true };

/** The layout of an opened document's text (the indentation of its first indented line). */
export function readFormat(text: string): DocumentFormat {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? DEFAULT_FORMAT.indent;
  return { indent, finalNewline: text.endsWith('\n') };
}

/**
 * The document's text: keys in the order the document holds them (the studio keeps each key's
 * place and puts new ones in the schema's order), the opened file's layout. Opening a document and
 * saving it unchanged gives back the same bytes when it was written this way, as the shipped maps are.
 */
export function serializeDocument(document: JsonObject, format: DocumentFormat = DEFAULT_FORMAT): string {
  const text = JSON.stringify(document, null, format.indent);
  return format.finalNewline ? `${text}\n` : text;
}
