import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { AccessProblem } from '../auth/restricted.js';
import type { AuthSession } from '../auth/session.js';
import { describeUser, fullMapHref } from './access-texts.js';
import { base, messagePage } from './theme.js';

/**
 * @summary The page in place of a restricted map that cannot be shown yet: sign in (401, or a session
 * that expired), no access for this account (403, with who is signed in), or the restricted server
 * out of reach (retry). Inside a frame, signing in opens a window; when the browser blocks it, a link
 * opens the map in a new tab to sign in there.
 */
@localized()
@element('cartable-access-message')
export class CartableAccessMessage extends LitElement {
  static override styles = [
    base,
    messagePage,
    css`
      main {
        max-width: 40rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        margin: 1.2rem 0;
      }
      .error {
        color: var(--cartable-danger);
      }
    `,
  ];

  @property() problem: AccessProblem = 'sign-in';
  @property({ attribute: false }) session?: AuthSession;
  /** What the server or the network said (shown for "network"). */
  @property() reason = '';
  @property() catalogHref = './';
  /** Asked for by "Réessayer". */
  @property({ attribute: false }) onRetry?: () => void;

  @state() private blocked = false;
  @state() private busy = false;
  @state() private failure?: string;

  async #signIn(switchAccount = false): Promise<void> {
    if (!this.session) return;
    this.busy = true;
    this.failure = undefined;
    const outcome = await this.session.signIn(location.href, { switchAccount });
    this.busy = false;
    if (outcome.kind === 'popup-blocked') this.blocked = true;
    if (outcome.kind === 'failed') this.failure = outcome.reason;
  }

  override render(): TemplateResult {
    const failure = this.failure ?? this.session?.lastError;
    return html`<main>
      ${this.#body()}
      ${failure
        ? html`<p class="error" role="alert">${msg(str`La connexion a échoué : ${failure}`, { id: 'access.failed' })}</p>`
        : nothing}
      <p><a href=${this.catalogHref}>${msg('Retour au catalogue des cartes', { id: 'nav.backToCatalog' })}</a></p>
    </main>`;
  }

  #body(): TemplateResult {
    const session = this.session;
    switch (this.problem) {
      case 'forbidden':
        return html`<h1>${msg('Vous n’avez pas accès à cette carte', { id: 'access.forbidden.title' })}</h1>
          <p>${session?.user ? describeUser(session.user) : nothing}</p>
          <p>${msg('Ce compte ne fait pas partie des groupes autorisés à ouvrir cette carte. Demandez l’accès à la personne qui la publie, ou connectez-vous avec un autre compte.', { id: 'access.forbidden.text' })}</p>
          <div class="actions">
            <button class="button primary" ?disabled=${this.busy} @click=${() => void this.#signIn(true)}>
              ${msg('Changer de compte', { id: 'access.switch' })}
            </button>
            <button class="button" @click=${() => void session?.signOut()}>${msg('Se déconnecter', { id: 'access.signOut' })}</button>
          </div>`;
      case 'network':
        return html`<h1>${msg('Carte indisponible pour le moment', { id: 'access.network.title' })}</h1>
          <p>${msg(str`Le serveur des cartes à accès restreint n'a pas répondu (${this.reason}). Vérifiez votre connexion puis réessayez.`, { id: 'access.network.text' })}</p>
          <div class="actions">
            <button class="button primary" @click=${() => this.onRetry?.()}>${msg('Réessayer', { id: 'access.retry' })}</button>
          </div>`;
      case 'sign-in':
        return html`<h1>
            ${session?.expired
              ? msg('Votre session a expiré', { id: 'access.expired.title' })
              : msg('Connexion requise', { id: 'access.signIn.title' })}
          </h1>
          <p>${msg('Cette carte est réservée aux personnes autorisées. Connectez-vous pour l’ouvrir.', { id: 'access.signIn.text' })}</p>
          <div class="actions">
            <button class="button primary" ?disabled=${this.busy} @click=${() => void this.#signIn()}>
              ${msg('Se connecter', { id: 'access.signIn' })}
            </button>
          </div>
          ${this.blocked
            ? html`<p role="alert">
                ${msg('Votre navigateur a bloqué la fenêtre de connexion.', { id: 'access.popupBlocked' })}
                <a href=${fullMapHref(location.href)} target="_blank" rel="noopener">
                  ${msg('Ouvrir dans un nouvel onglet pour se connecter', { id: 'access.newTab' })}
                </a>
              </p>`
            : nothing}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-access-message': CartableAccessMessage;
  }
}
