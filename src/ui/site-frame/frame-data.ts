/**
 * What the site's header and footer show, from the site configuration: used by the elements
 * (cartable-site-header, cartable-site-footer) and by the build's static pages (the accessibility
 * statement), so both say the same. Paths are relative to the site's root.
 */
import type { Conformity, SiteConfig } from '../../context/types.js';
import { textFor, type Language } from '../../i18n/text.js';

/** The accessibility statement the build writes, by language (plugin/accessibility-statement.ts). */
export const STATEMENT_PAGES: Readonly<Record<Language, string>> = { fr: 'accessibilite.html', en: 'en/accessibility.html' };

export const statementPage = (language: string): string => (language === 'en' ? STATEMENT_PAGES.en : STATEMENT_PAGES.fr);

/** The bloc-marque's lines under Marianne: the State service's own, else « République / Française ». */
export function logoLines(site: Pick<SiteConfig, 'stateService'>, language: string): readonly string[] {
  const own = site.stateService?.logoText;
  return own?.[language] ?? own?.fr ?? (own ? Object.values(own)[0] : undefined) ?? ['République', 'Française'];
}

export interface AccessibilityLink {
  /** The statement published elsewhere (legal.accessibility), else the generated page. */
  readonly href: string;
  /** Known when the site's configuration holds the statement. */
  readonly conformity?: Conformity;
}

/** The footer's « Accessibilité » link, or none when the site gives no statement. */
export function accessibilityLink(site: Pick<SiteConfig, 'legal'>, language: string): AccessibilityLink | undefined {
  const statement = site.legal.accessibilityStatement;
  const href = site.legal.accessibility ?? (statement ? statementPage(language) : undefined);
  return href ? { href, conformity: statement?.conformity } : undefined;
}

/** The State's sites every State service's footer links to (DSFR footer). */
export const STATE_SITES: readonly string[] = ['https://www.info.gouv.fr', 'https://www.service-public.fr', 'https://www.legifrance.gouv.fr', 'https://www.data.gouv.fr'];

export const siteName = (site: Pick<SiteConfig, 'name'> | undefined, language: string): string => (site ? textFor(site.name, language) : 'Cartable');
