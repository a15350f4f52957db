import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { SiteConfig } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import { showsStateIdentity, usesDsfr } from '../../theme/presets/site-preset.js';
import { element } from '../define.js';
import { safeUrl } from '../safe-url.js';
import { base } from '../theme.js';
import { logoLines, siteName } from './frame-data.js';
import { siteHeaderStyles } from './frame.styles.js';
import { adoptLogoStyles, blocMarque } from './logo.js';

/**
 * @summary The site's header on its pages other than maps (the catalog): the service's name (a link
 * home), its tagline, and its tools (sign-in, language) in the slot. In the dsfr preset, the State
 * design system's header; a State service's shows the République Française bloc-marque, other sites
 * their own `logo` if any.
 * @slot - the tools (sign-in, language switch)
 */
@localized()
@element('cartable-site-header')
export class CartableSiteHeader extends LitElement {
  static override styles = [base, siteHeaderStyles];

  @property({ attribute: false }) site?: SiteConfig;
  @property() language = 'fr';
  /** The site's root URL. */
  @property() root = location.href;

  protected override updated(): void {
    if (showsStateIdentity(this.site)) adoptLogoStyles(this, this.root);
  }

  override render(): TemplateResult {
    const site = this.site;
    const state = showsStateIdentity(site);
    const logo = state ? undefined : safeUrl(site?.logo, this.root);
    const home = new URL('./', this.root);
    if (this.language !== 'fr') home.searchParams.set('lang', this.language);
    const tagline = textFor(site?.stateService?.tagline, this.language);
    return html`<header class=${usesDsfr(site) ? 'dsfr' : 'default'}>
      <div class="body">
        <div class="brand">
          ${state && site ? blocMarque(logoLines(site, this.language)) : nothing}
          ${logo ? html`<img src=${logo} alt="" />` : nothing}
          <div class="service">
            <a class="service-title" href=${home.href}>${siteName(site, this.language)}</a>
            ${tagline ? html`<p class="tagline">${tagline}</p>` : nothing}
          </div>
        </div>
        <div class="tools"><slot></slot></div>
      </div>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-site-header': CartableSiteHeader;
  }
}
