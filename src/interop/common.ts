import type { LocalizedText, VectorStyle } from '../context/types.js';

/**
 * The style given to vector layers whose source format has no style Cartable can read: a visible
 * blue outline, a light fill and round markers, so the data shows and the author can restyle it.
 */
export const DEFAULT_VECTOR_STYLE: VectorStyle = {
  symbol: {
    fill: { color: 'rgba(0, 85, 164, 0.2)' },
    stroke: { color: '#0055a4', width: 2 },
    marker: { shape: 'circle', radius: 6, fill: { color: '#0055a4' }, stroke: { color: '#ffffff', width: 1.5 } },
  },
};

/** One string for a format that has one text per item: French first, else the first language. */
export function plainText(text: LocalizedText | undefined): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text.fr ?? Object.values(text)[0];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A date-time or date reduced to the YYYY-MM-DD form documents use; undefined when it is not one. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value.trim());
  return match ? match[0] : undefined;
}

/** Text of an HTML fragment as a person reads it (tags removed, entities of the common kind decoded). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
