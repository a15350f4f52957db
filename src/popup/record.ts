import type { FieldDef, LocalizedText, PopupSettings, VectorLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { formatValue, plainText, readableName, webUrl, type DisplayValue } from './format.js';
import { hasValue, renderTemplate } from './template.js';

export interface RecordRow {
  readonly field: string;
  readonly label: string;
  readonly value: DisplayValue;
}

export interface RecordSection {
  readonly title?: string;
  readonly text?: string;
  readonly rows: readonly RecordRow[];
}

/** One feature's record as a person reads it: plain data that the popup element renders. */
export interface RecordView {
  readonly title: string;
  readonly subtitle?: string;
  readonly sections: readonly RecordSection[];
  readonly links: ReadonlyArray<{ readonly label: string; readonly href: string }>;
}

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Properties that are never attributes a person reads. */
const HIDDEN = new Set(['geometry', 'the_geom', 'geom', 'bbox']);

interface RecordOptions {
  readonly language: string;
  /** The document's URL: relative image and link URLs are resolved against it. */
  readonly baseUrl: string;
}

/** What a record is built from: a vector layer, or a WMS layer's template for the data it answers. */
export type RecordLayer = Pick<VectorLayerDef, 'title' | 'fields' | 'popup' | 'idField'>;

/** Builds the record of a feature from its layer's popup settings (or a clean default). */
export function buildRecord(layer: RecordLayer, properties: Readonly<Record<string, unknown>>, options: RecordOptions): RecordView {
  const { language } = options;
  const fields = new Map(layer.fields.map((f) => [f.name, f]));
  const popup: PopupSettings = layer.popup ?? {};
  const show = (field: string, value: unknown): string => {
    const display = formatValue(value, fields.get(field), { language, baseUrl: options.baseUrl });
    return display.kind === 'text' || display.kind === 'link' ? display.text : plainText(value, language);
  };
  const fill = (template: LocalizedText | undefined): string => (template === undefined ? '' : renderTemplate(textFor(template, language), properties, show));

  const title = fill(popup.title) || defaultTitle(layer, properties, language);
  const row = (name: string, label?: LocalizedText): RecordRow | undefined => {
    const value = properties[name];
    if (!hasValue(value)) return undefined;
    const field = fields.get(name);
    return {
      field: name,
      label: textFor(label ?? field?.label, language) || readableName(name),
      value: formatValue(value, field, { language, baseUrl: options.baseUrl, featureTitle: title }),
    };
  };
  const rows = (items: PopupSettings['fields']): RecordRow[] =>
    (items ?? [])
      .map((item) => (typeof item === 'string' ? row(item) : row(item.field, item.label)))
      .filter((r): r is RecordRow => r !== undefined);

  let sections: RecordSection[];
  if (popup.sections) {
    sections = popup.sections
      .map((section) => ({ title: section.title ? textFor(section.title, language) : undefined, text: fill(section.text) || undefined, rows: rows(section.fields) }))
      .filter((section) => section.rows.length > 0 || section.text);
  } else if (popup.fields) {
    sections = [{ rows: rows(popup.fields) }];
  } else {
    sections = [{ rows: defaultRows(properties, layer.fields, row) }];
  }

  const links = (popup.links ?? [])
    .map((link) => ({ label: textFor(link.label, language), href: linkUrl(link.url, properties, options.baseUrl) }))
    .filter((link): link is { label: string; href: string } => !!link.href && !!link.label);

  return { title, subtitle: fill(popup.subtitle) || undefined, sections, links };
}

/** Without settings: the declared fields first, then every other non-empty attribute. */
function defaultRows(
  properties: Readonly<Record<string, unknown>>,
  fields: readonly FieldDef[],
  row: (name: string) => RecordRow | undefined,
): RecordRow[] {
  const names = [...fields.map((f) => f.name), ...Object.keys(properties).filter((k) => !fields.some((f) => f.name === k))];
  return names.filter((n) => !HIDDEN.has(n)).map((n) => row(n)).filter((r): r is RecordRow => r !== undefined);
}

function defaultTitle(layer: RecordLayer, properties: Readonly<Record<string, unknown>>, language: string): string {
  const candidates = [
    ...layer.fields.filter((f) => f.type === 'text').map((f) => f.name),
    'nom', 'name', 'titre', 'title', 'libelle', 'label',
    layer.idField,
  ].filter((n): n is string => !!n);
  for (const name of candidates) {
    const value = properties[name];
    if (hasValue(value) && (typeof value === 'string' || typeof value === 'number')) return plainText(value, language).slice(0, 200);
  }
  return textFor(layer.title, language);
}

const LEADING_FIELD = /^\s*\{\{\s*([^#^/{}\s][^{}]*?)\s*\}\}/;

/**
 * A link template filled with URL-encoded values; only http(s), mailto and tel survive. A template
 * that starts with a field ("{{site_web}}") takes that value as the start of the URL, which must then
 * be absolute ("www." counts as https).
 */
export function linkUrl(template: string, properties: Readonly<Record<string, unknown>>, baseUrl: string): string | undefined {
  const leading = LEADING_FIELD.exec(template);
  let start = '';
  let rest = template;
  if (leading) {
    const value = plainText(properties[leading[1]!], 'fr').trim();
    start = webUrl(value) ?? (/^(mailto|tel):/i.test(value) ? value : '');
    if (!start) return undefined;
    rest = template.slice(leading[0].length);
  }
  const filled = start + renderTemplate(rest, properties, (_field, value) => encodeURIComponent(plainText(value, 'fr')));
  if (!filled) return undefined;
  try {
    const url = new URL(filled, baseUrl);
    return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
