/**
 * The site's --cartable-* tokens: its preset's, then its own. Build side (the site module the viewer
 * reads, the static pages), so the browser never loads a preset's table. Stands in for
 * src/theme/tokens.ts's resolver (defaults ← preset ← site tokens) until that lands.
 */
import type { SiteConfig } from '../../context/types.js';
import { dsfrTokens } from './dsfr.js';
import { usesDsfr } from './site-preset.js';

export function siteThemeTokens(site: Pick<SiteConfig, 'theme'>): Record<string, string> {
  const own = Object.entries(site.theme).filter(([name, value]) => name.startsWith('--cartable-') && typeof value === 'string');
  return { ...(usesDsfr(site) ? dsfrTokens : {}), ...Object.fromEntries(own) };
}
