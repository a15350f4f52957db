/**
 * What a report line says about a feature: its title (the layer's popup title template, else its first
 * text field) and a few key fields (those its popup shows first), as plain text. No DOM.
 */
import type { FieldDef, PopupField, VectorLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { plainText, readableName } from '../popup/format.js';
import { hasValue, renderTemplate } from '../popup/template.js';
import type { KeyField } from './types.js';

/** Key fields of a layer, shown on each line (the CSV gives each its column). */
export const KEY_FIELDS = 3;

const HIDDEN = new Set(['geometry', 'the_geom', 'geom', 'bbox']);

export interface Description {
  readonly label: string;
  readonly fields: readonly KeyField[];
}

export type Describe = (properties: Readonly<Record<string, unknown>>) => Description;

const fieldName = (f: PopupField): string => (typeof f === 'string' ? f : f.field);

/** The fields a layer's record shows first, then its declared ones (without its id and the title's). */
function keyFieldNames(layer: VectorLayerDef, titleFields: ReadonlySet<string>): string[] {
  const popup = layer.popup;
  const named = [
    ...(popup?.fields ?? []).map(fieldName),
    ...(popup?.sections ?? []).flatMap((s) => (s.fields ?? []).map(fieldName)),
    ...layer.fields.map((f) => f.name),
  ];
  return [...new Set(named)].filter((n) => !titleFields.has(n) && n !== layer.idField && !HIDDEN.has(n));
}

/** How a vector layer's features read in the report. */
export function describerOf(layer: VectorLayerDef, language: string): Describe {
  const fields = new Map<string, FieldDef>(layer.fields.map((f) => [f.name, f]));
  const titleTemplate = layer.popup?.title !== undefined ? textFor(layer.popup.title, language) : '';
  const titleFields = new Set([...titleTemplate.matchAll(/\{\{\s*[#^/]?\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!));
  // Labels and units once per layer, not once per feature.
  // The same few fields for every feature of a layer (a CSV column each), those without a value left out.
  const keyFields = keyFieldNames(layer, titleFields).slice(0, KEY_FIELDS).map((name) => {
    const field = fields.get(name);
    return { name, label: textFor(field?.label, language) || readableName(name), unit: field?.unit ? ` ${textFor(field.unit, language)}` : '' };
  });
  const labelCandidates = [
    ...layer.fields.filter((f) => f.type === 'text' && f.name !== layer.idField).map((f) => f.name),
    'nom', 'name', 'titre', 'title', 'libelle', 'label', layer.idField,
  ].filter((n): n is string => !!n);
  const show = (_field: string, value: unknown): string => plainText(value, language);
  return (properties) => {
    let label = titleTemplate ? renderTemplate(titleTemplate, properties, show).trim() : '';
    let labelField: string | undefined;
    if (!label) {
      labelField = labelCandidates.find((n) => hasValue(properties[n]) && typeof properties[n] !== 'object');
      label = labelField ? plainText(properties[labelField], language) : textFor(layer.title, language);
    }
    const keys: KeyField[] = [];
    for (const { name, label, unit } of keyFields) {
      if (name === labelField) continue; // Already the line's title.
      const value = properties[name];
      if (!hasValue(value)) continue;
      keys.push({ label, value: plainText(value, language).slice(0, 300) + unit });
    }
    return { label: label.slice(0, 200), fields: keys };
  };
}

/** Features of a service that has no declared fields (a WMS answer): the first values. */
export function describeAny(properties: Readonly<Record<string, unknown>>, language: string, fallback: string): Description {
  const entries = Object.entries(properties).filter(([k, v]) => !HIDDEN.has(k) && hasValue(v) && typeof v !== 'object');
  const named = entries.find(([k]) => /^(nom|name|titre|title|libelle|label)/i.test(k)) ?? entries.find(([, v]) => typeof v === 'string');
  const label = named ? plainText(named[1], language).slice(0, 200) : fallback;
  const fields = entries
    .filter((e) => e !== named)
    .slice(0, KEY_FIELDS)
    .map(([k, v]) => ({ label: readableName(k), value: plainText(v, language).slice(0, 300) }));
  return { label, fields };
}
