/**
 * The document's layer tree as rows, and the `move` edits that reorder it. A move removes the item
 * first, then inserts it at `to` in the document without it (json.ts moveItem): paths to the
 * destination are given as they are after the removal.
 */
import { getAt, isObject, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';
import type { StudioEdit } from '../model/edits.js';

export interface TreeRow {
  /** Where the node is: ["layers", 0] or ["layers", 1, "layers", 0]. */
  readonly path: JsonPath;
  readonly node: JsonObject;
  readonly depth: number;
  readonly group: boolean;
  /** The array holding it, and its index there. */
  readonly list: JsonPath;
  readonly index: number;
  /** Its list's length (« 2 sur 5 »). */
  readonly siblings: number;
}

export const isGroup = (node: JsonValue | undefined): node is JsonObject => isObject(node) && node.type === 'group';

/** Every node of the tree, depth first, in the document's order (the first one drawn on top). */
export function treeRows(document: JsonObject, list: JsonPath = ['layers'], depth = 0): TreeRow[] {
  const nodes = getAt(document, list);
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node, index) => {
    if (!isObject(node)) return [];
    const path = [...list, index];
    const row: TreeRow = { path, node, depth, group: isGroup(node), list, index, siblings: nodes.length };
    return isGroup(node) ? [row, ...treeRows(document, [...path, 'layers'], depth + 1)] : [row];
  });
}

export const samePath = (a: JsonPath | undefined, b: JsonPath | undefined): boolean => !!a && !!b && a.length === b.length && a.every((step, i) => step === b[i]);

/** True when `inner` is `outer` or lies under it. */
export const within = (inner: JsonPath, outer: JsonPath): boolean => inner.length >= outer.length && outer.every((step, i) => inner[i] === step);

/** `path` as it is once the item at `removed` is taken out (a later sibling on the way moves up by one). */
export function afterRemoval(path: JsonPath, removed: JsonPath): JsonPath {
  const list = removed.slice(0, -1);
  const index = removed.at(-1) as number;
  if (path.length <= list.length || !within(path, list)) return path;
  const step = path[list.length];
  if (typeof step !== 'number' || step <= index) return path;
  return [...path.slice(0, list.length), step - 1, ...path.slice(list.length + 1)];
}

/** A move of the node at `from` to `index` of the list at `list` (both as they are now), and where it lands. */
export function moveTo(from: JsonPath, list: JsonPath, index: number): { edit: StudioEdit; landed: JsonPath } | undefined {
  if (within(list, from)) return undefined; // A group never goes inside itself.
  const fromList = from.slice(0, -1);
  const fromIndex = from.at(-1) as number;
  const target = afterRemoval(list, from);
  // In its own list, the places after it shift by one once it is out.
  const at = samePath(fromList, list) && index > fromIndex ? index - 1 : index;
  if (samePath(fromList, list) && at === fromIndex) return undefined;
  return { edit: { type: 'move', from: { path: fromList, index: fromIndex }, to: { path: target, index: at } }, landed: [...target, at] };
}

/** One place up: before its previous sibling, or out of its group, before it. */
export function moveUp(path: JsonPath): ReturnType<typeof moveTo> {
  const list = path.slice(0, -1);
  const index = path.at(-1) as number;
  if (index > 0) return moveTo(path, list, index - 1);
  return list.length > 1 ? moveTo(path, list.slice(0, -2), list.at(-2) as number) : undefined;
}

/** One place down: after its next sibling, or out of its group, after it. */
export function moveDown(document: JsonObject, path: JsonPath): ReturnType<typeof moveTo> {
  const list = path.slice(0, -1);
  const index = path.at(-1) as number;
  const length = (getAt(document, list) as JsonValue[] | undefined)?.length ?? 0;
  if (index < length - 1) return moveTo(path, list, index + 2);
  return list.length > 1 ? moveTo(path, list.slice(0, -2), (list.at(-2) as number) + 1) : undefined;
}

/** Into a group, last of its layers. */
export function moveIntoGroup(document: JsonObject, path: JsonPath, group: JsonPath): ReturnType<typeof moveTo> {
  const layers = getAt(document, [...group, 'layers']);
  return moveTo(path, [...group, 'layers'], Array.isArray(layers) ? layers.length : 0);
}

/** Out of its group, just after it. */
export function moveOutOfGroup(path: JsonPath): ReturnType<typeof moveTo> {
  const list = path.slice(0, -1);
  if (list.length < 3) return undefined;
  return moveTo(path, list.slice(0, -2), (list.at(-2) as number) + 1);
}

/** Every id the document uses (layers, groups, basemaps): a new one must differ. */
export function takenIds(document: JsonObject): Set<string> {
  const ids = new Set<string>();
  for (const row of treeRows(document)) if (typeof row.node.id === 'string') ids.add(row.node.id);
  for (const basemap of (document.basemaps as JsonValue[] | undefined) ?? []) if (isObject(basemap) && typeof basemap.id === 'string') ids.add(basemap.id);
  return ids;
}

/** `base` made an id (ASCII letters, digits, « - »), with -2, -3… when taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const slug =
    base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'couche';
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n += 1;
  return `${slug}-${n}`;
}

/** A copy of a node with ids no other node has (a group's layers too). */
export function withFreshIds(node: JsonObject, taken: Set<string>): JsonObject {
  const id = uniqueId(typeof node.id === 'string' ? node.id : 'couche', taken);
  taken.add(id);
  const copy: JsonObject = { ...node, id };
  if (isGroup(node) && Array.isArray(node.layers)) copy.layers = node.layers.map((child) => (isObject(child) ? withFreshIds(child, taken) : child));
  return copy;
}
