import type { LayerNode } from './types.js';

/** Visits every group and layer of a tree with its JSON pointer. */
export function walkLayers(
  nodes: readonly LayerNode[],
  visit: (node: LayerNode, path: string) => void,
  base = '/layers',
): void {
  nodes.forEach((node, i) => {
    const path = `${base}/${i}`;
    visit(node, path);
    if (node.type === 'group') walkLayers(node.layers, visit, `${path}/layers`);
  });
}
