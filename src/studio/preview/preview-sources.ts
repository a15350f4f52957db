/**
 * The preview's own copy of a document whose layers read a `source` (data the build packages from a
 * URL or a local copy, plugin/sources.ts): under the development server, each such layer reads the
 * endpoint's copy (sources/<name>), as the build would package it; elsewhere the document is shown
 * as it is. Only the preview sees this copy: the saved document keeps its `source`.
 */
import type { LayerNode, MapContext } from '../../context/types.js';
import { STUDIO_ROUTE } from '../save/dev-server.js';

/** The address of a `source`'s data on the development server (by its name, else its URL). */
export const sourceUrl = (root: string, source: { readonly url: string; readonly name?: string }): string =>
  new URL(`${STUDIO_ROUTE}sources/${encodeURIComponent(source.name ?? source.url)}`, root).href;

function withSourceUrls(nodes: readonly LayerNode[], root: string): LayerNode[] {
  return nodes.map((node) => {
    if (node.type === 'group') return { ...node, layers: withSourceUrls(node.layers, root) };
    const source = (node as { source?: { url: string; name?: string } }).source;
    if (!source || (node as { url?: string }).url || (node as { file?: string }).file) return node;
    // A points layer reads `file` (its build prepares it), a GeoJSON layer `url`.
    return { ...node, [node.type === 'points' ? 'file' : 'url']: sourceUrl(root, source) } as LayerNode;
  });
}

/** The document with its `source` layers reading the development server's copy (the same document when none does). */
export function previewSources(context: MapContext, root: string): MapContext {
  const layers = withSourceUrls(context.layers, root);
  return layers.some((layer, i) => layer !== context.layers[i]) ? { ...context, layers } : context;
}
