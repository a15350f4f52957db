import type { StudioSection } from '../events.js';
import { isObject, type JsonObject, type JsonPath } from '../model/json.js';

/** The section whose editor shows the field a problem is at (a JSON pointer). */
export function sectionOfProblem(pointer: string): StudioSection {
  if (!pointer.startsWith('/layers/')) return 'settings';
  if (/\/style(\/|$)/.test(pointer)) return 'style';
  if (/\/(popup|fields|table|search|confidential|idField|charts|tooltip)(\/|$)/.test(pointer)) return 'records';
  return 'layers';
}

/** The first layer (not group) of the tree, depth first. */
export function firstLayerPath(document: JsonObject, path: JsonPath = ['layers']): JsonPath | undefined {
  const list = document[path[0] as string];
  const walk = (nodes: unknown, at: JsonPath): JsonPath | undefined => {
    if (!Array.isArray(nodes)) return undefined;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!isObject(node)) continue;
      if (node.type === 'group') {
        const inner = walk(node.layers, [...at, i, 'layers']);
        if (inner) return inner;
      } else return [...at, i];
    }
    return undefined;
  };
  return walk(list, path);
}
