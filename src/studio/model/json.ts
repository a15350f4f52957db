/**
 * The studio's document is plain JSON, changed only by copying along a path (structural sharing):
 * the undo history keeps whole documents at no cost, and a key keeps its place in its object, so a
 * document opened and saved unchanged comes back byte for byte (serialize.ts).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** Where a value is: object keys and array indexes from the document's root. */
export type JsonPath = readonly (string | number)[];

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path` (undefined when a step is missing). */
export function getAt(root: JsonValue | undefined, path: JsonPath): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isObject(node) && typeof step === 'string') node = node[step];
    else return undefined;
  }
  return node;
}

/** Where a new key goes among an object's keys (keyOrder.ts gives the schema's order). */
export type KeyPlacer = (path: JsonPath, keys: readonly string[], key: string) => number;

const appendKey: KeyPlacer = (_path, keys) => keys.length;

/** An object with `key` set: an existing key keeps its place, a new one goes where `place` says. */
function withKey(object: JsonObject, key: string, value: JsonValue, at: number): JsonObject {
  if (key in object) return { ...object, [key]: value };
  const entries = Object.entries(object);
  entries.splice(at, 0, [key, value]);
  return Object.fromEntries(entries);
}

/**
 * A copy of `root` with `value` at `path`; missing objects on the way are made (a number step makes
 * an array). `value` undefined removes the key or the array item.
 */
export function setAt(root: JsonValue, path: JsonPath, value: JsonValue | undefined, place: KeyPlacer = appendKey, at: JsonPath = []): JsonValue {
  if (path.length === 0) return value ?? null;
  const [step, ...rest] = path;
  const here = [...at, step!];
  if (typeof step === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    if (rest.length === 0 && value === undefined) list.splice(step, 1);
    else list[step] = setAt(list[step] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value, place, here);
    return list;
  }
  const object = isObject(root) ? root : {};
  if (rest.length === 0 && value === undefined) {
    if (!(step! in object)) return object;
    const { [step!]: _removed, ...others } = object;
    return others;
  }
  const child = setAt(object[step!] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value, place, here);
  return withKey(object, step!, child, place(at, Object.keys(object), step!));
}

/** A copy of `root` with `value` inserted in the array at `path` before `index` (the end when beyond). */
export function insertAt(root: JsonValue, path: JsonPath, index: number, value: JsonValue, place?: KeyPlacer): JsonValue {
  const list = getAt(root, path);
  const next = Array.isArray(list) ? [...list] : [];
  next.splice(Math.min(Math.max(index, 0), next.length), 0, value);
  return setAt(root, path, next, place);
}

/** A copy of `root` with the item of the array at `from` moved to `to` (paths of arrays, indexes of items). */
export function moveItem(root: JsonValue, from: { path: JsonPath; index: number }, to: { path: JsonPath; index: number }, place?: KeyPlacer): JsonValue {
  const item = getAt(root, [...from.path, from.index]);
  if (item === undefined) return root;
  const removed = setAt(root, [...from.path, from.index], undefined, place);
  return insertAt(removed, to.path, to.index, item, place);
}

/** The JSON pointer of a path ("/layers/0/style"), as validation problems name places. */
export const pointerOf = (path: JsonPath): string => path.map((step) => `/${String(step).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** A path from a JSON pointer (numbers for array indexes). */
export function pathOf(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^(0|[1-9]\d*)$/.test(step) ? Number(step) : step));
}
