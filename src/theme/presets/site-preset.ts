/**
 * What a site's `theme.preset` asks for. Light on purpose (no token tables): the viewer's entry and
 * the site frame read it on every page.
 */
import type { SiteConfig } from '../../context/types.js';

/** The dsfr preset's name in the site configuration (`"theme": { "preset": "dsfr" }`). */
export const DSFR_PRESET = 'dsfr';

/** The preset the site names in `theme.preset`, if any. */
export function sitePreset(site: Pick<SiteConfig, 'theme'> | undefined): string | undefined {
  return site?.theme.preset;
}

export const usesDsfr = (site: Pick<SiteConfig, 'theme'> | undefined): boolean => sitePreset(site) === DSFR_PRESET;

/**
 * The State's identity (Marianne font, République Française bloc-marque): in the dsfr preset, and
 * only for a site that declares itself a State service (their licence restricts them to those).
 */
export const showsStateIdentity = (site: Pick<SiteConfig, 'theme' | 'stateService'> | undefined): boolean => usesDsfr(site) && !!site?.stateService;
