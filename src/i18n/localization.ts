import { configureLocalization } from '@lit/localize';
import type { Language } from './text.js';
import { loadChunk } from '../offline/load-chunk.js';

let controls: ReturnType<typeof configureLocalization> | undefined;

/**
 * Sets up @lit/localize once (French is the source language, English is loaded on demand; it
 * throws when configured twice, e.g. by the site's page and a <cartable-map> on it) and switches
 * to `language`. Elements that use msg() re-render through @localized().
 */
export async function setLanguage(language: Language): Promise<void> {
  controls ??= configureLocalization({
    sourceLocale: 'fr',
    targetLocales: ['en'],
    loadLocale: () => loadChunk(import('./locales/en.js')),
  });
  if (controls.getLocale() !== language) await controls.setLocale(language);
}

/** setLanguage, and the page's language with it. */
export async function useLanguage(language: Language): Promise<void> {
  await setLanguage(language);
  document.documentElement.lang = language;
}
