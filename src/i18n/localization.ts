import { configureLocalization } from '@lit/localize';
import type { Language } from './text.js';
import { loadChunk } from '../offline/load-chunk.js';

let controls: ReturnType<typeof configureLocalization> | undefined;

/**
 * Sets up @lit/localize once (French is the source language, English is loaded on demand) and
 * switches to `language`. Elements that use msg() re-render through @localized().
 */
export async function useLanguage(language: Language): Promise<void> {
  controls ??= configureLocalization({
    sourceLocale: 'fr',
    targetLocales: ['en'],
    loadLocale: () => loadChunk(import('./locales/en.js')),
  });
  if (controls.getLocale() !== language) await controls.setLocale(language);
  document.documentElement.lang = language;
}
