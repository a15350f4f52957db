import { studio } from '../i18n/locales/en-studio.js';
import { loadChunk } from '../offline/load-chunk.js';

/**
 * The studio's English texts join the interface's (en.ts) only when the studio opens: map pages in
 * English never load them. @lit/localize reads the loaded locale's `templates` object at each msg().
 */
export async function addStudioTexts(language: string): Promise<void> {
  if (language !== 'en') return;
  const { templates } = await loadChunk(import('../i18n/locales/en.js'));
  Object.assign(templates, studio);
}
