/**
 * What a site's `theme.preset` asks for. `siteThemeTokens` stands in for src/theme/tokens.ts's
 * resolver (defaults ← preset ← site tokens) until that lands: the preset's tokens under the site's own.
 */
import type { SiteConfig } from '../../context/types.js';
import { DSFR_PRESET, dsfrTokens } from './dsfr.js';

/** The preset the site names in `theme.preset`, if any. */
export function sitePreset(site: Pick<SiteConfig, 'theme'> | undefined): string | undefined {
  const preset = (site?.theme as Readonly<Record<string, unknown>> | undefined)?.['preset'];
  return typeof preset === 'string' ? preset : undefined;
}

export const usesDsfr = (site: Pick<SiteConfig, 'theme'> | undefined): boolean => sitePreset(site) === DSFR_PRESET;

/**
 * The State's identity (Marianne font, République Française bloc-marque): in the dsfr preset, and
 * only for a site that declares itself a State service (their licence restricts them to those).
 */
export const showsStateIdentity = (site: Pick<SiteConfig, 'theme' | 'stateService'> | undefined): boolean => usesDsfr(site) && !!site?.stateService;

/** The site's --cartable-* tokens: its preset's, then its own. */
export function siteThemeTokens(site: Pick<SiteConfig, 'theme'>): Record<string, string> {
  const own = Object.entries(site.theme).filter(([name, value]) => name.startsWith('--cartable-') && typeof value === 'string');
  return { ...(usesDsfr(site) ? dsfrTokens : {}), ...Object.fromEntries(own) };
}
