import type { MapContext } from '../context/types.js';

/** The validated document a map's static page carries (plugin/pages.ts): the map opens without asking for it. */
export interface PageDocument {
  /** Where the site serves the same document, from the site's root (relative URLs in it resolve against it). */
  readonly url: string;
  readonly context: MapContext;
}

/**
 * The document inline in `page` for the map `id` (a `<script type="application/json">` data block,
 * never run), or undefined: no such block, another map's, or a text that does not parse.
 */
export function readPageDocument(page: Document, id: string | null): PageDocument | undefined {
  const block = page.getElementById('cartable-document');
  if (!id || !(block instanceof HTMLScriptElement) || block.type !== 'application/json' || !block.dataset.document) return undefined;
  try {
    const context = JSON.parse(block.text) as MapContext;
    return context?.id === id ? { url: block.dataset.document, context } : undefined;
  } catch {
    return undefined;
  }
}
