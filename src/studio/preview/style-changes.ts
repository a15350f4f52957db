import type { LayerDef, LayerNode, MapContext } from '../../context/types.js';

/** Equal as JSON data (the same object short-cuts: documents share their unchanged parts). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const withoutStyles = (nodes: readonly LayerNode[]): unknown[] =>
  nodes.map((node) => (node.type === 'group' ? { ...node, layers: withoutStyles(node.layers) } : { ...node, style: undefined }));

function leavesOf(nodes: readonly LayerNode[], into: LayerDef[] = []): LayerDef[] {
  for (const node of nodes) {
    if (node.type === 'group') leavesOf(node.layers, into);
    else into.push(node);
  }
  return into;
}

/**
 * The layers whose style changed from one document to the next, when nothing else did (the studio's
 * style editor: the map then redraws those layers in place); undefined when anything else changed.
 */
export function styleChanges({ previous, next }: { previous: MapContext; next: MapContext }): LayerDef[] | undefined {
  if (previous === next) return [];
  if (!sameData({ ...previous, layers: withoutStyles(previous.layers) }, { ...next, layers: withoutStyles(next.layers) })) return undefined;
  const before = leavesOf(previous.layers);
  return leavesOf(next.layers).filter((layer, i) => !sameData('style' in layer ? layer.style : undefined, 'style' in before[i]! ? before[i]!.style : undefined));
}
