import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { textFor } from '../i18n/text.js';
import { emit } from './events.js';
import { problemText } from './problem-text.js';
import { SessionState } from './session-state.js';
import { base } from './theme.js';

/**
 * @summary Chooses the basemap: a radio group, one entry per basemap of the document.
 * @fires cartable-basemap
 * @fires cartable-layer-retry
 */
@localized()
@element('cartable-basemaps')
export class CartableBasemaps extends LitElement {
  static override styles = [
    base,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 650;
        padding: 0 0 0.3rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.45rem;
        min-height: 2rem;
        cursor: pointer;
      }
      .error {
        margin: 0 0 0.3rem 1.5rem;
        font-size: 0.85em;
        color: var(--cartable-danger);
      }
      .error button {
        border: 1px solid currentColor;
        border-radius: var(--cartable-radius);
        background: none;
        color: inherit;
        padding: 0 0.5rem;
      }
      input {
        accent-color: var(--cartable-accent);
        width: 1.05rem;
        height: 1.05rem;
        margin: 0;
      }
    `,
  ];

  @property() language = 'fr';
  /** The map session (its basemaps) and its state: which basemap is active, and each one's status. */
  readonly #session = new SessionState(this);

  override render(): TemplateResult {
    return html`<fieldset>
      <legend>${msg('Fond de carte', { id: 'basemaps.title' })}</legend>
      ${(this.#session.session?.context.basemaps ?? []).map((basemap) => {
        const status = this.#session.state?.layers[basemap.id];
        const active = basemap.id === this.#session.state?.basemap;
        return html`<label>
            <input
              type="radio"
              name="basemap"
              .checked=${active}
              @change=${() => emit(this, 'cartable-basemap', { id: basemap.id })}
            />
            ${textFor(basemap.title, this.language)}
          </label>
          ${active && status?.status === 'error' && status.problem
            ? html`<p class="error" role="status">
                ⚠ ${problemText(status.problem, this)}
                <button @click=${() => emit(this, 'cartable-layer-retry', { id: basemap.id })}>
                  ${msg('Réessayer', { id: 'layer.retry' })}
                </button>
              </p>`
            : nothing}`;
      })}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-basemaps': CartableBasemaps;
  }
}
