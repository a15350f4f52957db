import { parseJson } from '../context/validate.js';
import { importMviewer } from './mviewer/import.js';
import { importOwsContext } from './owc/import.js';
import type { LinkedFiles } from './linked-files.js';
import type { Conversion } from './report.js';
import { decodeText, InputError, localNameOf, type XmlParser } from './xml.js';
import { importWmc } from './wmc/import.js';

/** The formats a map can be imported from. */
export const IMPORT_FORMATS = ['owc', 'mviewer', 'wmc'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  owc: 'OWS Context (GeoJSON)',
  mviewer: 'mviewer configuration (XML)',
  wmc: 'Web Map Context (XML)',
};

/** An Atom feed (<feed>): the other encoding of OWS Context, which Cartable does not read. */
export const ATOM_REFUSED =
  'this is an Atom feed: the Atom encoding of OWS Context (OGC 12-084r2) is not supported; the GeoJSON encoding (OGC 14-055r2) is, so export the context as GeoJSON';

export interface ImportInput {
  /** The file's bytes: the encoding is found from its byte-order mark or declaration. */
  readonly bytes: Uint8Array;
  /** Omitted: found from the content (JSON → OWS Context; <ViewContext> → WMC; <config> → mviewer). */
  readonly format?: ImportFormat;
  readonly id?: string;
  readonly parseXml: XmlParser;
  /** Files the document points to (templates, SLD), as far as the caller could read them. */
  readonly linkedFiles?: LinkedFiles;
}

export interface ImportResult extends Conversion {
  readonly format: ImportFormat;
  /** How the bytes were decoded, when it was a guess worth saying. */
  readonly encodingNote?: string;
}

/**
 * Reads a document of any supported format into a Cartable map document. Throws InputError when
 * the input cannot be read at all (bad encoding, malformed XML or JSON, unknown format).
 */
export function importDocument(input: ImportInput): ImportResult {
  const { text, note } = decodeText(input.bytes);
  const json = /^\s*[{[]/.test(text);
  const xml = /^\s*</.test(text);
  if (json || (input.format === 'owc' && !xml)) {
    if (input.format && input.format !== 'owc') throw new InputError(`the file holds JSON, not a ${FORMAT_NAMES[input.format]}`);
    const parsed = parseJson(text);
    if (!parsed.ok) throw new InputError(parsed.problems[0]!.message);
    return { format: 'owc', ...importOwsContext(parsed.value, { ...(input.id ? { id: input.id } : {}), ...(input.linkedFiles ? { linkedFiles: input.linkedFiles } : {}), parseXml: input.parseXml }), ...(note ? { encodingNote: note } : {}) };
  }
  if (!xml) throw new InputError('the file is neither JSON nor XML');
  const document = input.parseXml(text);
  const root = document.documentElement ? localNameOf(document.documentElement) : '';
  if (root === 'feed') throw new InputError(ATOM_REFUSED);
  if (input.format === 'owc') throw new InputError(`the file holds XML (<${root}>), not an ${FORMAT_NAMES.owc}`);
  const detected: ImportFormat | undefined = root === 'ViewContext' ? 'wmc' : root === 'config' ? 'mviewer' : undefined;
  const format = input.format ?? detected;
  if (!format) throw new InputError(`the XML root element <${root}> is neither a Web Map Context (<ViewContext>) nor an mviewer configuration (<config>)`);
  const options = { ...(input.id ? { id: input.id } : {}), ...(input.linkedFiles ? { linkedFiles: input.linkedFiles } : {}) };
  const conversion = format === 'wmc' ? importWmc(document, options) : importMviewer(document, { ...options, parseXml: input.parseXml });
  return { format, ...conversion, ...(note ? { encodingNote: note } : {}) };
}
