/**
 * The site's header and footer in the build's static pages (the accessibility statement): the same
 * data (src/ui/site-frame/frame-data.ts) and styles as the elements, written as HTML; every value of
 * the configuration escaped.
 */
import type { Conformity, SiteConfig } from '../src/context/types.js';
import { textFor, type Language } from '../src/i18n/text.js';
import { showsStateIdentity, usesDsfr } from '../src/theme/presets/site-preset.js';
import { resolveTheme } from '../src/theme/tokens.js';
import { LOGO_CSS, MARIANNE_CSS } from '../src/theme/state-identity.js';
import { accessibilityLink, logoLines, siteName, STATE_SITES } from '../src/ui/site-frame/frame-data.js';
import { siteFooterStyles, siteHeaderStyles } from '../src/ui/site-frame/frame.styles.js';
import { base as baseStyles } from '../src/ui/theme.js';
import { escapeHtml } from './pages.js';

/** The footer's texts, as the elements' (src/i18n/locales/en-site-frame.ts). */
const FOOTER: Record<Language, { conformity: Record<Conformity | 'unknown', string>; notice: string; personalData: string; contact: string; stateSites: string }> = {
  fr: {
    conformity: { non: 'Accessibilité : non conforme', partielle: 'Accessibilité : partiellement conforme', totale: 'Accessibilité : totalement conforme', unknown: 'Accessibilité' },
    notice: 'Mentions légales',
    personalData: 'Données personnelles',
    contact: 'Contact',
    stateSites: "Sites de l'État",
  },
  en: {
    conformity: { non: 'Accessibility: not compliant', partielle: 'Accessibility: partially compliant', totale: 'Accessibility: fully compliant', unknown: 'Accessibility' },
    notice: 'Legal notice',
    personalData: 'Personal data',
    contact: 'Contact',
    stateSites: 'State websites',
  },
};

/** A link of the configuration (relative to the site's root) from a page `prefix` below it ("" or "../"). */
const fromPage = (href: string, prefix: string): string => (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') ? href : `${prefix}${href}`);

const blocMarque = (site: SiteConfig, language: Language): string =>
  `<p class="fr-logo">${logoLines(site, language).map(escapeHtml).join('<br />')}</p>`;

/** The catalog's address from the page, in the page's language. */
export const homeHref = (language: Language, prefix: string): string => `${prefix || './'}${language === 'fr' ? '' : '?lang=en'}`;

export function staticHeader(site: SiteConfig, language: Language, prefix: string): string {
  const state = showsStateIdentity(site);
  const tagline = textFor(site.stateService?.tagline, language);
  return `<header class="site-header"><div class="${usesDsfr(site) ? 'dsfr' : 'default'}">
      <div class="body">
        <div class="brand">
          ${state ? blocMarque(site, language) : ''}
          <div class="service">
            <a class="service-title" href="${escapeHtml(homeHref(language, prefix))}">${escapeHtml(siteName(site, language))}</a>
            ${tagline ? `<p class="tagline">${escapeHtml(tagline)}</p>` : ''}
          </div>
        </div>
      </div>
    </div></header>`;
}

export function staticFooter(site: SiteConfig, language: Language, prefix: string): string {
  const t = FOOTER[language];
  const accessibility = accessibilityLink(site, language);
  const links = [
    [accessibility?.href, t.conformity[accessibility?.conformity ?? 'unknown']],
    [site.legal.notice, t.notice],
    [site.legal.personalData, t.personalData],
    [site.contact, t.contact],
  ].filter((link): link is [string, string] => !!link[0]);
  const dsfr = usesDsfr(site);
  const state = showsStateIdentity(site);
  const brand = dsfr
    ? `<div class="body">
        <div class="brand">${state ? blocMarque(site, language) : ''}<a href="${escapeHtml(homeHref(language, prefix))}">${escapeHtml(siteName(site, language))}</a></div>
        ${state ? `<ul class="state-sites" aria-label="${escapeHtml(t.stateSites)}">${STATE_SITES.map((href) => `<li><a href="${href}">${new URL(href).hostname.replace(/^www\./, '')}</a></li>`).join('')}</ul>` : ''}
      </div>`
    : '';
  const list = links.map(([href, label]) => `<li><a href="${escapeHtml(fromPage(href, prefix))}">${escapeHtml(label)}</a></li>`).join('');
  return `<footer class="site-footer"><div class="${dsfr ? 'dsfr' : 'default'}">
      ${brand}
      <div class="bottom">${list ? `<ul>${list}</ul>` : ''}</div>
    </div></footer>`;
}

/** The stylesheets a static page links from `prefix`: the State's identity for a State service's site. */
export function identityLinks(site: SiteConfig, prefix: string): string[] {
  return showsStateIdentity(site) ? [MARIANNE_CSS, LOGO_CSS].map((path) => `<link rel="stylesheet" href="${prefix}${path}" />`) : [];
}

/** The site's tokens, the viewer's base styles and the frame's, for a page without shadow roots. */
export function frameStylesheet(site: SiteConfig): string {
  const tokens = Object.entries(resolveTheme(site.theme)).map(([token, value]) => `  ${token}: ${value};`);
  return [
    tokens.length ? `:root {\n${tokens.join('\n')}\n}\n` : '',
    baseStyles.cssText.replaceAll(':host', 'body'),
    siteHeaderStyles.cssText.replaceAll(':host', '.site-header'),
    siteFooterStyles.cssText.replaceAll(':host', '.site-footer'),
  ].join('\n');
}
