import { LitElement, css, html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { NEW_VERSION_EVENT } from '../offline/load-chunk.js';
import { base } from './theme.js';
import { NARROW } from './narrow-screen.js';

/**
 * @summary The page's quiet status line: "offline" while the network is gone, and "a new version is
 * available — reload" when a new deployment is ready (told by the service worker) or when code of
 * the page's version is gone from the site (NEW_VERSION_EVENT).
 */
@localized()
@element('cartable-status')
export class CartableStatus extends LitElement {
  static override styles = [
    base,
    css`
      /* Centred above the attributions: clear of the scale bar (bottom left) and of the legend (side panel). */
      :host {
        position: fixed;
        left: 50%;
        transform: translateX(-50%);
        max-width: calc(100% - 1.5rem);
        bottom: 4rem;
        z-index: 1000;
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
        pointer-events: none;
      }
      .pill {
        pointer-events: auto;
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.35rem 0.8rem;
        border-radius: 10px;
        background: color-mix(in srgb, var(--cartable-header-bg) 94%, transparent);
        color: var(--cartable-header-text);
        font-size: 0.9rem;
        box-shadow: var(--cartable-shadow-small);
      }
      button {
        border: 1px solid var(--cartable-header-text);
        border-radius: var(--cartable-radius);
        background: transparent;
        color: var(--cartable-header-text);
        padding: 0.1rem 0.6rem;
        min-height: 1.9rem;
      }
      /* A phone's legend is in a sheet from the bottom: the notice goes under the header instead. */
      @media ${unsafeCSS(NARROW)} {
        :host {
          bottom: auto;
          top: 5rem;
        }
      }
    `,
  ];

  /** Set when a new version waits: what "reload" does. */
  @property({ attribute: false }) onReload?: () => void;
  @state() private offline = !navigator.onLine;

  readonly #update = (): void => {
    this.offline = !navigator.onLine;
  };

  /** Without a waiting service worker (whose action is better: it swaps versions cleanly), a plain reload. */
  readonly #newVersion = (): void => {
    this.onReload ??= () => location.reload();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#update);
    addEventListener('offline', this.#update);
    addEventListener(NEW_VERSION_EVENT, this.#newVersion);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#update);
    removeEventListener('offline', this.#update);
    removeEventListener(NEW_VERSION_EVENT, this.#newVersion);
  }

  override render(): TemplateResult {
    return html`<div role="status" aria-live="polite">
      ${this.offline
        ? html`<p class="pill">${msg('Hors ligne : la carte montre ce qui a été gardé sur cet appareil.', { id: 'status.offline' })}</p>`
        : nothing}
      ${this.onReload
        ? html`<p class="pill">
            ${msg('Une nouvelle version est disponible.', { id: 'status.update' })}
            <button @click=${() => this.onReload?.()}>${msg('Recharger', { id: 'status.reload' })}</button>
          </p>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-status': CartableStatus;
  }
}
