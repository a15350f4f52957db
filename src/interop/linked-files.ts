/**
 * Files a document points to (mviewer's Mustache record templates, SLD styles). Importers are pure
 * and synchronous: they never read or fetch; the caller gives what it could read, and learns from
 * `wanted` what the document pointed to (the CLI reads those and imports again).
 */

export type LinkedFileKind = 'template' | 'style';

export interface LinkedFiles {
  /** The file's text when the caller has it; undefined otherwise (the importer says so in its report). */
  read(url: string, kind: LinkedFileKind): string | undefined;
}

/** No file given: what imports see by default. */
export const NO_LINKED_FILES: LinkedFiles = { read: () => undefined };

/** Linked files read from a map (absolute URL → text) that also records every address asked for. */
export function linkedFilesOf(files: ReadonlyMap<string, string> = new Map()): LinkedFiles & { readonly wanted: Map<string, LinkedFileKind> } {
  const wanted = new Map<string, LinkedFileKind>();
  return {
    wanted,
    read(url, kind) {
      wanted.set(url, kind);
      return files.get(url);
    },
  };
}
