import { LitElement, css, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SiteConfig } from '../../context/types.js';
import { showsStateIdentity } from '../../theme/presets/site-preset.js';
import { element } from '../define.js';
import { logoLines } from './frame-data.js';
import { adoptLogoStyles, blocMarque } from './logo.js';

/**
 * @summary The small République Française bloc-marque of a State service's map header (dsfr preset);
 * nothing on other sites. The map header shows it on wide screens only, so the map keeps a phone's screen.
 */
@element('cartable-site-mark')
export class CartableSiteMark extends LitElement {
  static override styles = css`
    :host {
      display: block;
      flex: none;
      color: var(--cartable-header-text);
    }
    p {
      margin: 0;
    }
  `;

  @property({ attribute: false }) site?: SiteConfig;
  @property() language = 'fr';
  /** The site's root URL. */
  @property() root = location.href;

  protected override updated(): void {
    if (showsStateIdentity(this.site)) adoptLogoStyles(this, this.root);
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    return showsStateIdentity(site) && site ? blocMarque(logoLines(site, this.language), 'fr-logo--sm') : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-site-mark': CartableSiteMark;
  }
}
