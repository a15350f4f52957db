import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { LANGUAGES } from '../i18n/text.js';
import { emit } from './events.js';
import { base } from './theme.js';

const NAMES: Record<string, string> = { fr: 'Français', en: 'English' };

/**
 * @summary Switches the interface language (FR / EN).
 * @fires cartable-language
 */
@localized()
@element('cartable-language-switch')
export class CartableLanguageSwitch extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-flex;
        color: inherit;
      }
      div {
        display: inline-flex;
        border: 1px solid currentColor;
        border-radius: var(--cartable-radius);
        overflow: hidden;
      }
      button {
        border: 0;
        background: transparent;
        padding: 0.2rem 0.55rem;
        min-height: 2rem;
        font-weight: 600;
        font-size: 0.85em;
      }
      button[aria-pressed='true'] {
        background: currentColor;
      }
      button[aria-pressed='true'] span {
        color: var(--cartable-header-bg);
      }
    `,
  ];

  @property() language = 'fr';

  override render(): TemplateResult {
    return html`<div role="group" aria-label=${msg('Langue', { id: 'language.label' })}>
      ${LANGUAGES.map(
        (language) => html`<button
          lang=${language}
          aria-pressed=${language === this.language ? 'true' : 'false'}
          title=${NAMES[language]!}
          aria-label=${NAMES[language]!}
          @click=${() => emit(this, 'cartable-language', { language })}
        >
          <span>${language.toUpperCase()}</span>
        </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-language-switch': CartableLanguageSwitch;
  }
}
