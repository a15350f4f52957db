import type { LocalizedText } from '../context/types.js';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * The text for a language: the exact language, then French (the documents' first language), then
 * English, then any. A missing text gives ''.
 */
export function textFor(text: LocalizedText | undefined, language: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text.fr ?? text.en ?? Object.values(text)[0] ?? '';
}
