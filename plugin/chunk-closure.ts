/** Which built chunks a page asks for: a chunk and everything it imports statically. */
import type { OutputBundle, OutputChunk } from 'rolldown';

/** The chunks named and every chunk they import statically. */
export function staticClosure(bundle: OutputBundle, fileNames: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string): void => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
  };
  fileNames.forEach(visit);
  return [...seen];
}

/**
 * The chunks of the module whose id ends with `/suffix` — the chunk that holds it and, for a module
 * imported dynamically from a group (plugin/chunks.ts), the small facade chunk its import() loads —
 * and every chunk they import statically.
 */
export function chunkClosure(bundle: OutputBundle, suffix: string): string[] {
  const matches = (id: string | null): boolean => !!id && id.replace(/\\/g, '/').endsWith(`/${suffix}`);
  const starts = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk' && (matches(c.facadeModuleId) || c.moduleIds.some(matches)));
  return staticClosure(bundle, starts.map((c) => c.fileName));
}
