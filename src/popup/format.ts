import type { FieldDef, FieldType } from '../context/types.js';
import { textFor } from '../i18n/text.js';

/** A value ready to show: the UI turns each kind into text, a link, an image or sanitised HTML. */
export type DisplayValue =
  | { readonly kind: 'text'; readonly text: string; readonly long: boolean }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'image'; readonly src: string; readonly alt: string }
  | { readonly kind: 'html'; readonly html: string };

/** Texts longer than this are shown collapsed, with "read more". */
export const LONG_TEXT = 280;
/** Nothing longer is ever shown (a 1 MB attribute must not freeze the page). */
export const MAX_TEXT = 20_000;

const cut = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/** Any value as plain text: arrays joined, objects as "key: value", nothing executable. */
export function plainText(value: unknown, language: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'number') return Number.isFinite(value) ? numberFormat(language, 3).format(value) : '';
  if (typeof value === 'boolean') return yesNo(value, language);
  if (Array.isArray(value)) return cut(value.map((v) => plainText(v, language)).filter(Boolean).join(', '));
  if (typeof value === 'object') {
    return cut(
      Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k} : ${plainText(v, language)}`)
        .join(', '),
    );
  }
  return cut(String(value));
}

const locale = (language: string): string => (language === 'en' ? 'en-GB' : 'fr-FR');

// Intl formatters are costly to build and cheap to reuse: tables format thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(language: string, maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  const key = `${language}:${maximumFractionDigits}:${minimumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale(language), { maximumFractionDigits, minimumFractionDigits })));
  return format;
}

function dateFormat(language: string): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' })));
  return format;
}

const yesNo = (value: boolean, language: string): string => (value ? (language === 'en' ? 'Yes' : 'Oui') : language === 'en' ? 'No' : 'Non');

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['oui', 'yes', 'true', 'vrai', '1', 'o', 'y'].includes(v)) return true;
    if (['non', 'no', 'false', 'faux', '0', 'n'].includes(v)) return false;
  }
  return undefined;
}

/** An http(s) URL from a value ("www.example.org" counts), or undefined. */
export function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const candidate = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An image source: http(s), or a relative path resolved against the document. */
function imageUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

/** French phone numbers in pairs ("04 92 21 08 49"); others as given. */
function phone(value: unknown): { text: string; href: string } | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const raw = String(value).trim();
  const digits = raw.replace(/[^\d+]/g, '');
  if (!/^\+?\d{6,15}$/.test(digits)) return undefined;
  const text = /^0\d{9}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : raw;
  return { text, href: `tel:${digits}` };
}

function date(value: unknown, language: string): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const parsed = iso ? new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]))) : typeof value === 'number' ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) return undefined;
  return dateFormat(language).format(parsed);
}

/**
 * Formats one attribute value for a person, following its field's declared type. A value that does
 * not fit its type (a "number" that is words, an "url" that is javascript:) falls back to plain text:
 * it is shown, never executed.
 */
export function formatValue(
  value: unknown,
  field: FieldDef | undefined,
  options: { language: string; baseUrl: string; featureTitle?: string },
): DisplayValue {
  const { language } = options;
  const type: FieldType = field?.type ?? 'text';
  const unit = field?.unit ? ` ${textFor(field.unit, language)}` : '';
  const text = (t: string): DisplayValue => ({ kind: 'text', text: t, long: t.length > LONG_TEXT });
  switch (type) {
    case 'number':
    case 'integer': {
      const n = asNumber(value);
      if (n === undefined) break;
      const digits = type === 'integer' ? 0 : (field?.decimals ?? 2);
      const formatted = numberFormat(language, digits, field?.decimals ?? 0).format(n);
      return text(`${formatted}${unit}`);
    }
    case 'boolean': {
      const b = asBoolean(value);
      if (b === undefined) break;
      return text(yesNo(b, language));
    }
    case 'date': {
      const d = date(value, language);
      if (d === undefined) break;
      return text(d);
    }
    case 'url': {
      const href = webUrl(value);
      if (!href) break;
      const url = new URL(href);
      return { kind: 'link', href, text: `${url.hostname}${url.pathname === '/' ? '' : url.pathname}`.slice(0, 80) };
    }
    case 'email': {
      const address = typeof value === 'string' ? value.trim() : '';
      if (!EMAIL.test(address)) break;
      return { kind: 'link', href: `mailto:${address}`, text: address };
    }
    case 'phone': {
      const p = phone(value);
      if (!p) break;
      return { kind: 'link', href: p.href, text: p.text };
    }
    case 'image': {
      const src = imageUrl(value, options.baseUrl);
      if (!src) break;
      const label = field?.label ? textFor(field.label, language) : '';
      return { kind: 'image', src, alt: [label, options.featureTitle].filter(Boolean).join(' – ') || 'image' };
    }
    case 'html':
      if (typeof value === 'string') return { kind: 'html', html: cut(value) };
      break;
    default:
      break;
  }
  return text(`${plainText(value, language)}${unit && asNumber(value) !== undefined ? unit : ''}`);
}

/** A readable name for an attribute without a label: "id_site" → "Id site". */
export function readableName(name: string): string {
  const spaced = name.replace(/[_-]+/g, ' ').replace(/([a-zà-ÿ])([A-Z])/g, '$1 $2').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
