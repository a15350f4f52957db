/**
 * The records editor's pure part: a layer's fields as the document and the data have them, edits
 * of texts given per language, and field insertion into templates. No DOM, no map.
 */
import type { FieldType } from '../../context/types.js';
import type { StudioRecord } from '../data.js';
import type { StudioEdit } from '../model/edits.js';
import { getAt, isObject, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';

export const FIELD_TYPES: readonly FieldType[] = ['text', 'longtext', 'integer', 'number', 'date', 'boolean', 'url', 'email', 'phone', 'image', 'html'];

/** Layer kinds whose data the build packages: the only ones a `confidential` rule may be given (schema). */
export const CONFIDENTIAL_KINDS = new Set(['geojson', 'points']);

/** The vector layer at `path` (one with a style), or undefined for a group, a raster layer or nothing. */
export function vectorLayerAt(document: JsonObject, path: JsonPath | undefined): JsonObject | undefined {
  const layer = path ? getAt(document, path) : undefined;
  return isObject(layer) && layer.type !== 'group' && isObject(layer.style) ? layer : undefined;
}

/** Every vector layer of the tree, depth first, with its path. */
export function vectorLayers(document: JsonObject): Array<{ path: JsonPath; layer: JsonObject }> {
  const found: Array<{ path: JsonPath; layer: JsonObject }> = [];
  const walk = (nodes: JsonValue | undefined, at: JsonPath): void => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((node, i) => {
      if (!isObject(node)) return;
      if (node.type === 'group') walk(node.layers, [...at, i, 'layers']);
      else if (isObject(node.style)) found.push({ path: [...at, i], layer: node });
    });
  };
  walk(document.layers, ['layers']);
  return found;
}

/** The names of the fields the layer declares, in order. */
export function declaredFields(layer: JsonObject): string[] {
  const fields = Array.isArray(layer.fields) ? layer.fields : [];
  return fields.flatMap((f) => (isObject(f) && typeof f.name === 'string' ? [f.name] : []));
}

/** Attributes that are never fields a person reads. */
const NOT_FIELDS = new Set(['geometry', 'the_geom', 'geom', 'bbox']);

/** The attributes of the records, in their first order of appearance. */
export function dataFields(records: readonly StudioRecord[]): string[] {
  const names = new Set<string>();
  for (const record of records) for (const name of Object.keys(record)) if (!NOT_FIELDS.has(name)) names.add(name);
  return [...names];
}

/** The names templates, tables and search may use: the declared fields (the build checks them), or the data's when none is declared. */
export function usableFields(layer: JsonObject, records: readonly StudioRecord[]): string[] {
  const declared = declaredFields(layer);
  return declared.length ? declared : dataFields(records);
}

/** A type for a field from its values: what a person would most likely choose. */
export function guessType(values: readonly unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return 'text';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  const texts = present.map((v) => String(v).trim());
  if (texts.every((t) => /^https?:\/\/\S+$/i.test(t))) return 'url';
  if (texts.every((t) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t))) return 'email';
  if (texts.every((t) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/.test(t))) return 'date';
  return texts.some((t) => t.length > 120) ? 'longtext' : 'text';
}

/** The new field for an attribute of the data: its name as label, its type guessed from the values. */
export function newField(name: string, records: readonly StudioRecord[]): JsonObject {
  return { name, label: { fr: name, en: name }, type: guessType(records.map((r) => r[name])) };
}

/** The distinct values of a field (text, numbers, booleans), with how many records hold each, most frequent first. */
export function distinctValues(records: readonly StudioRecord[], field: string): Array<{ value: string | number | boolean; count: number }> {
  const counts = new Map<string | number | boolean, number>();
  for (const record of records) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value), 'fr'));
}

/** The text of a per-language value for one language: a plain string is every language's. */
export function textIn(value: JsonValue | undefined, language: string): string {
  if (typeof value === 'string') return language === 'fr' ? value : '';
  return isObject(value) && typeof value[language] === 'string' ? (value[language] as string) : '';
}

/**
 * The edit that gives a per-language value (title, label, template) `text` in `language`. A plain
 * string stays one while only French is written (it then serves every language); an emptied
 * language goes away, and the value with it when nothing is left.
 */
export function localizedEdit(path: JsonPath, current: JsonValue | undefined, language: string, text: string): StudioEdit {
  if (typeof current === 'string' || current === undefined || current === null) {
    const french = typeof current === 'string' ? current : '';
    if (language === 'fr') return { type: 'set', path, value: text || undefined };
    const value: JsonObject = {};
    if (french) value.fr = french;
    if (text) value.en = text;
    return { type: 'set', path, value: Object.keys(value).length ? value : undefined };
  }
  if (!isObject(current)) return { type: 'set', path, value: text ? { [language]: text } : undefined };
  if (text) return { type: 'set', path: [...path, language], value: text };
  const others = Object.keys(current).filter((key) => key !== language);
  return { type: 'set', path: others.length ? [...path, language] : path, value: undefined };
}

/** A template with {{name}} put where the caret was (replacing the selection), and where the caret goes after it. */
export function insertField(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const tag = `{{${name}}}`;
  return { text: text.slice(0, from) + tag + text.slice(to), caret: from + tag.length };
}

/** The field an item of a list names: a string, or an object's `field`. */
export const itemField = (item: JsonValue): string => (typeof item === 'string' ? item : isObject(item) && typeof item.field === 'string' ? item.field : '');

/** A field's label for pickers: « Nom du site (nom_site) ». */
export function fieldLabel(layer: JsonObject, name: string, language: string): string {
  const fields = Array.isArray(layer.fields) ? layer.fields : [];
  const field = fields.find((f) => isObject(f) && f.name === name);
  const label = isObject(field) ? textIn(field.label, language) || textIn(field.label, 'fr') : '';
  return label && label !== name ? `${label} (${name})` : name;
}
