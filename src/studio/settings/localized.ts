import { isObject, type JsonValue } from '../model/json.js';

/** The languages a studio field edits a LocalizedText in: French first (the documents' first language). */
export const TEXT_LANGUAGES = ['fr', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * What a language's input shows of a LocalizedText. A plain string is the text of every language:
 * French shows it, English shows nothing (its placeholder says it reads the French).
 */
export function textIn(value: JsonValue | undefined, language: TextLanguage): string {
  if (typeof value === 'string') return language === 'fr' ? value : '';
  if (isObject(value) && typeof value[language] === 'string') return value[language] as string;
  return '';
}

/**
 * The LocalizedText with `language`'s text set to `text` (empty: removed). A plain string stays plain
 * while only French is written; a text with French alone becomes a plain string again (the viewer
 * reads French for every language anyway). Undefined when no text is left.
 */
export function withTextIn(value: JsonValue | undefined, language: TextLanguage, text: string): JsonValue | undefined {
  const texts: Record<string, JsonValue> = typeof value === 'string' ? (value ? { fr: value } : {}) : isObject(value) ? { ...value } : {};
  if (text) texts[language] = text;
  else delete texts[language];
  const keys = Object.keys(texts);
  if (!keys.length) return undefined;
  if (keys.length === 1 && keys[0] === 'fr') return texts.fr;
  return texts;
}
