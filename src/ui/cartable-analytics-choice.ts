import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { privacySignal, readOptOut, safeStorage, writeOptOut } from '../analytics/consent.js';
import { emit } from './events.js';
import { base } from './theme.js';

/**
 * @summary The person's say on the site's usage figures: what is measured, and a button that switches
 * them off on this device (remembered in localStorage when the browser allows it) or back on. When
 * the browser sends Global Privacy Control or Do Not Track, it says the figures are off, with no button.
 * Shown only by sites that configure usage figures.
 * @fires cartable-analytics-choice - detail: { enabled }
 * @csspart button - the switch
 */
@localized()
@element('cartable-analytics-choice')
export class CartableAnalyticsChoice extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        flex: 1 1 100%;
        font-size: 0.85rem;
        color: var(--cartable-muted);
      }
      p {
        margin: 0 0 0.3rem;
      }
      button {
        padding: 0;
        border: 0;
        background: none;
        color: var(--cartable-link);
        text-decoration: underline;
        text-align: start;
      }
      summary {
        cursor: pointer;
        width: fit-content;
      }
      details p {
        margin: 0.3rem 0 0;
      }
    `,
  ];

  @state() private signal = privacySignal(navigator as Navigator & { globalPrivacyControl?: boolean });
  @state() private optedOut = readOptOut(safeStorage());
  /** False when the choice could not be kept (storage refused): it holds for this page only. */
  @state() private remembered = true;

  #toggle(): void {
    this.optedOut = !this.optedOut;
    this.remembered = writeOptOut(safeStorage(), this.optedOut);
    emit(this, 'cartable-analytics-choice', { enabled: !this.optedOut });
  }

  override render(): TemplateResult {
    const status = this.signal
      ? msg('Statistiques de visite désactivées : votre navigateur demande de ne pas être suivi.', { id: 'analytics.signal' })
      : this.optedOut
        ? this.remembered
          ? msg('Statistiques de visite désactivées sur cet appareil.', { id: 'analytics.off' })
          : msg('Statistiques de visite désactivées pour cette page (votre navigateur ne permet pas de garder ce choix).', { id: 'analytics.offPage' })
        : msg('Ce site mesure sa fréquentation, sans cookie ni identifiant.', { id: 'analytics.on' });
    return html`<p>
        <span role="status">${status}</span>
        ${this.signal
          ? nothing
          : html`<button part="button" @click=${() => this.#toggle()}>
              ${this.optedOut
                ? msg('Statistiques de visite : réactiver', { id: 'analytics.enable' })
                : msg('Statistiques de visite : désactiver', { id: 'analytics.disable' })}
            </button>`}
      </p>
      <details>
        <summary>${msg('Ce qui est mesuré', { id: 'analytics.what' })}</summary>
        <p>
          ${msg(
            "Sont comptés : les cartes ouvertes (et, pour une carte intégrée à un autre site, l'adresse de ce site), les couches affichées, les fiches et les tableaux consultés (la couche seulement), les exports, les liens de métadonnées et de téléchargement suivis, l'usage de la recherche (nombre de caractères et de résultats, jamais le texte) et les erreurs affichées. Ne sont jamais envoyés : les valeurs des données, les positions, le texte recherché, un identifiant ou un cookie.",
            { id: 'analytics.explained' },
          )}
        </p>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-analytics-choice': CartableAnalyticsChoice;
  }
}
