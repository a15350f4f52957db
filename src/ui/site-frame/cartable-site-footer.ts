import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Conformity, SiteConfig } from '../../context/types.js';
import { showsStateIdentity, usesDsfr } from '../../theme/presets/site-preset.js';
import { element } from '../define.js';
import { safeUrl } from '../safe-url.js';
import { base } from '../theme.js';
import { accessibilityLink, logoLines, siteName, STATE_SITES } from './frame-data.js';
import { siteFooterStyles } from './frame.styles.js';
import { adoptLogoStyles, blocMarque } from './logo.js';

/** « Accessibilité : … conforme » (RGAA), or « Accessibilité » when the statement lives elsewhere. */
export function accessibilityLabel(conformity: Conformity | undefined): string {
  switch (conformity) {
    case 'non':
      return msg('Accessibilité : non conforme', { id: 'footer.accessibility.non' });
    case 'partielle':
      return msg('Accessibilité : partiellement conforme', { id: 'footer.accessibility.partielle' });
    case 'totale':
      return msg('Accessibilité : totalement conforme', { id: 'footer.accessibility.totale' });
    default:
      return msg('Accessibilité', { id: 'footer.accessibility' });
  }
}

/**
 * @summary The site's footer: the mandatory links (accessibility and its conformity, legal notice,
 * personal data) and the contact, from the site configuration's `legal` and `contact`; no « Gestion
 * des cookies »: the site sets none (its usage figures are cookieless, their opt-out is in the slot).
 * In the dsfr preset, the State design system's footer (a State service's adds the bloc-marque and
 * the State's sites).
 * @slot - more (the usage figures' opt-out)
 */
@localized()
@element('cartable-site-footer')
export class CartableSiteFooter extends LitElement {
  static override styles = [base, siteFooterStyles];

  @property({ attribute: false }) site?: SiteConfig;
  @property() language = 'fr';
  /** The site's root URL: the links' paths are relative to it. */
  @property() root = location.href;

  get links(): Array<readonly [href: string, label: string]> {
    const site = this.site;
    if (!site) return [];
    const accessibility = accessibilityLink(site, this.language);
    const links: Array<readonly [string | undefined, string]> = [
      [accessibility?.href, accessibilityLabel(accessibility?.conformity)],
      [site.legal.notice, msg('Mentions légales', { id: 'footer.legal' })],
      [site.legal.personalData, msg('Données personnelles', { id: 'footer.personalData' })],
      [site.contact, msg('Contact', { id: 'footer.contact' })],
    ];
    return links.flatMap(([href, label]) => {
      const safe = safeUrl(href, this.root);
      return safe ? [[safe, label] as const] : [];
    });
  }

  protected override updated(): void {
    if (showsStateIdentity(this.site)) adoptLogoStyles(this, this.root);
  }

  override render(): TemplateResult {
    const site = this.site;
    const state = showsStateIdentity(site);
    const links = this.links;
    return html`<footer class=${usesDsfr(site) ? 'dsfr' : 'default'}>
      ${usesDsfr(site)
        ? html`<div class="body">
            <div class="brand">
              ${state && site ? blocMarque(logoLines(site, this.language)) : nothing}
              <a href=${new URL('./', this.root).href}>${siteName(site, this.language)}</a>
            </div>
            ${state
              ? html`<ul class="state-sites" aria-label=${msg("Sites de l'État", { id: 'footer.stateSites' })}>
                  ${STATE_SITES.map((href) => html`<li><a href=${href}>${new URL(href).hostname.replace(/^www\./, '')}</a></li>`)}
                </ul>`
              : nothing}
          </div>`
        : nothing}
      <div class="bottom">
        ${links.length ? html`<ul>${links.map(([href, label]) => html`<li><a href=${href}>${label}</a></li>`)}</ul>` : nothing}
        <slot></slot>
      </div>
    </footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-site-footer': CartableSiteFooter;
  }
}
