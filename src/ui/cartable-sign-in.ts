import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { AuthSession } from '../auth/session.js';
import { describeUser } from './access-texts.js';
import { base } from './theme.js';
import './cartable-restricted-maps.js';

/**
 * @summary The catalog header's sign-in control: « Se connecter », or who is signed in and
 * « Se déconnecter ». Loaded only on sites that configure `signIn`.
 */
@localized()
@element('cartable-sign-in')
export class CartableSignIn extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 0.3rem 0.7rem;
        color: inherit;
        font-size: 0.93em;
      }
      .who {
        overflow-wrap: anywhere;
      }
      /* On a phone the control takes its own row of the header. */
      @media (max-width: 40rem) {
        :host {
          flex-basis: 100%;
          order: 3;
          justify-content: space-between;
        }
      }
      button {
        min-height: 2.25rem;
        padding: 0.25rem 0.8rem;
        border: 1px solid currentColor;
        border-radius: var(--cartable-radius);
        background: transparent;
        font-weight: 600;
      }
      button:hover {
        background: color-mix(in srgb, var(--cartable-header-text) 12%, transparent);
      }
      .notice {
        flex-basis: 100%;
        text-align: end;
        margin: 0;
      }
    `,
  ];

  /** Loads the sign-in code and the session. */
  @property({ attribute: false }) auth?: () => Promise<AuthSession>;

  @state() private session?: AuthSession;
  @state() private busy = false;
  @state() private failure?: string;

  readonly #onChange = (): void => this.requestUpdate();

  // Properties set before this element's code loaded arrive with the first update, not before.
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('auth') || !this.auth) return;
    void this.auth().then((session) => {
      this.session?.removeEventListener('change', this.#onChange);
      this.session = session;
      session.addEventListener('change', this.#onChange);
    }, (error: unknown) => (this.failure = String((error as Error)?.message ?? error)));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.session?.addEventListener('change', this.#onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.removeEventListener('change', this.#onChange);
  }

  async #signIn(): Promise<void> {
    if (!this.session) return;
    this.busy = true;
    this.failure = undefined;
    const outcome = await this.session.signIn(location.href);
    this.busy = false;
    if (outcome.kind === 'failed') this.failure = outcome.reason;
    // In a frame with popups blocked, the map pages say how to sign in; the catalog opens in a tab.
    if (outcome.kind === 'popup-blocked') open(location.href, '_blank', 'noopener');
  }

  override render(): TemplateResult {
    const session = this.session;
    const failure = this.failure ?? session?.lastError;
    const user = session?.user;
    return html`
      ${user
        ? html`<span class="who">${describeUser(user)}</span>
            <button @click=${() => void session!.signOut()}>${msg('Se déconnecter', { id: 'access.signOut' })}</button>`
        : html`<button ?disabled=${!session || this.busy} @click=${() => void this.#signIn()}>
            ${msg('Se connecter', { id: 'access.signIn' })}
          </button>`}
      ${!user && session?.expired
        ? html`<p class="notice" role="status">${msg('Votre session a expiré : reconnectez-vous.', { id: 'access.expired' })}</p>`
        : nothing}
      ${failure ? html`<p class="notice" role="alert">${msg(str`La connexion a échoué : ${failure}`, { id: 'access.failed' })}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-sign-in': CartableSignIn;
  }
}
