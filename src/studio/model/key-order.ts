import { mapContextSchema } from '../../context/schema/map-context.js';
import type { JsonSchema } from '../../context/schema/json-schema.js';
import { getAt, isObject, type JsonPath, type JsonValue, type KeyPlacer } from './json.js';

/**
 * Where a new key goes: after the keys that come before it in the schema's order of properties,
 * before those that come after. Keys the schema does not order (or objects it does not describe)
 * go last. So a document made in the studio reads in the order of the published schema, and keys a
 * person wrote in another order keep their place.
 */
export function schemaKeyPlacer(document: () => JsonValue, schema: JsonSchema = mapContextSchema): KeyPlacer {
  return (path, keys, key) => {
    const order = keyOrderAt(schema, document(), path);
    const rank = order.indexOf(key);
    if (rank < 0) return keys.length;
    // After the last existing key that the schema puts before this one.
    let at = 0;
    keys.forEach((existing, index) => {
      const other = order.indexOf(existing);
      if (other >= 0 && other < rank) at = index + 1;
    });
    return at;
  };
}

type Schema = Record<string, unknown>;
const defsOf = (schema: JsonSchema): Record<string, Schema> => (schema.$defs as Record<string, Schema> | undefined) ?? {};
const propertiesOf = (node: Schema): Record<string, Schema> => (node.properties as Record<string, Schema> | undefined) ?? {};

/**
 * The parts that describe a value: the node itself, what it refers to and its allOf parts (own
 * properties first), and of its oneOf/anyOf branches the one whose `type` constant is the value's
 * (every branch when none says).
 */
function partsOf(node: Schema | undefined, defs: Record<string, Schema>, value: JsonValue | undefined, depth = 0): Schema[] {
  if (!node || depth > 30) return [];
  const parts: Schema[] = [node];
  if (typeof node.$ref === 'string') parts.push(...partsOf(defs[node.$ref.replace('#/$defs/', '')], defs, value, depth + 1));
  if (Array.isArray(node.allOf)) for (const part of node.allOf as Schema[]) parts.push(...partsOf(part, defs, value, depth + 1));
  const choices = [...((node.oneOf as Schema[] | undefined) ?? []), ...((node.anyOf as Schema[] | undefined) ?? [])].map((b) => partsOf(b, defs, value, depth + 1));
  const tag = isObject(value) ? value.type : undefined;
  const tagged = choices.filter((branch) => branch.some((part) => propertiesOf(part).type?.const === tag));
  for (const branch of tag !== undefined && tagged.length ? tagged : choices) parts.push(...branch);
  return parts;
}

/** What describes the child at `step` of a value described by `parts`. */
function childOf(parts: Schema[], step: string | number): Schema[] {
  return parts.flatMap((node) => {
    if (typeof step === 'number') {
      const item = (node.items as Schema | undefined) ?? (Array.isArray(node.prefixItems) ? (node.prefixItems as Schema[])[step] : undefined);
      return item ? [item] : [];
    }
    const child = propertiesOf(node)[step] ?? (isObject(node.additionalProperties) ? (node.additionalProperties as Schema) : undefined);
    return child ? [child] : [];
  });
}

/** Keys every document shows first, whatever part of the schema defines them. */
const LEADING = ['$schema', 'version', 'type', 'id', 'title'];

/** The schema's order of the properties of the object at `path` (empty when unknown). */
export function keyOrderAt(schema: JsonSchema, document: JsonValue, path: JsonPath): string[] {
  const defs = defsOf(schema);
  let parts = partsOf(schema, defs, document);
  path.forEach((step, i) => {
    const value = getAt(document, path.slice(0, i + 1));
    parts = childOf(parts, step).flatMap((child) => partsOf(child, defs, value));
  });
  const order: string[] = [];
  for (const part of parts) for (const key of Object.keys(propertiesOf(part))) if (!order.includes(key)) order.push(key);
  return [...LEADING.filter((key) => order.includes(key)), ...order.filter((key) => !LEADING.includes(key))];
}

/**
 * A new value with its objects' keys in the schema's order (keys the schema does not know keep
 * theirs, last): what the studio adds reads like the published schema, whatever order the editor
 * that made it wrote its keys in. `document` is the document the value goes into, at `path`.
 */
export function inSchemaOrder(value: JsonValue, document: JsonValue, path: JsonPath, schema: JsonSchema = mapContextSchema): JsonValue {
  if (Array.isArray(value)) return value.map((item, i) => inSchemaOrder(item, document, [...path, i], schema));
  if (!isObject(value)) return value;
  // The value is not in the document yet: the schema is walked with it in place.
  const placed = placeValue(document, path, value);
  const order = keyOrderAt(schema, placed, path);
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, inSchemaOrder(value[key]!, placed, [...path, key], schema)]));
}

function placeValue(document: JsonValue, path: JsonPath, value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (typeof step === 'number') {
    const list = Array.isArray(document) ? [...document] : [];
    list[step] = placeValue(list[step] ?? null, rest, value);
    return list;
  }
  const object = isObject(document) ? document : {};
  return { ...object, [step!]: placeValue(object[step!] ?? null, rest, value) };
}
