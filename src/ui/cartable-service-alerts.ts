import { LitElement, css, html, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { BasemapDef, LayerNode } from '../context/types.js';
import type { MapState } from '../state/store.js';
import { emit } from './events.js';
import { describeLayerProblem } from './layer-problem.js';
import { NARROW } from './narrow-screen.js';
import { problemLines, problemList, problemListStyles } from './problem-lines.js';
import { serviceAlerts, type ServiceAlert } from './service-alerts.js';
import { base } from './theme.js';

/** What an alert says: its layers and their causes. One the person hid shows again when this changes. */
const signatureOf = (alert: ServiceAlert): string =>
  alert.layers.map((l) => `${l.id}:${describeLayerProblem(l.problem)}`).join('|');

/**
 * @summary On the map, one alert per failing service (its layers grouped by host), with « Réessayer »
 * (« Tout réessayer » for several layers): the map says why it is blank, even with the panel closed.
 * Sits at the bottom left of the map, above the scale line, clear of the zoom buttons and attributions.
 * @fires cartable-layer-retry - once per layer of the alert whose button was pressed
 * @fires cartable-focus-map - the alert that held focus is gone (its layers came back)
 */
@localized()
@customElement('cartable-service-alerts')
export class CartableServiceAlerts extends LitElement {
  static override styles = [
    base,
    problemListStyles,
    css`
      :host {
        position: absolute;
        z-index: 2;
        left: 0.6rem;
        /* Above the scale line (bottom: 2.1rem) and the attributions. */
        bottom: 3.9rem;
        width: min(27rem, calc(100% - 4.6rem));
        /* Never up to the zoom buttons and the tools at the top right. */
        max-height: calc(100% - 10.5rem);
        overflow-y: auto;
        pointer-events: none;
      }
      .alerts {
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      .alert {
        pointer-events: auto;
        padding: 0.45rem 0.4rem 0.5rem 0.75rem;
        border-radius: var(--cartable-radius-large, 10px);
        border-inline-start: 4px solid var(--cartable-danger, #b3261e);
        background: var(--cartable-surface, #fff);
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
        font-size: 0.9rem;
      }
      .head {
        display: flex;
        align-items: flex-start;
        gap: 0.3rem;
      }
      .title {
        flex: 1;
        min-width: 0;
        margin: 0.3rem 0 0;
        font-weight: 650;
        overflow-wrap: anywhere;
      }
      .cause,
      .problem-lines {
        margin: 0.15rem 0 0;
        color: var(--cartable-muted, #50565e);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .button {
        margin-top: 0.4rem;
        min-height: 2.25rem;
        padding: 0.2rem 0.7rem;
        font-size: 0.85rem;
      }
      @media ${unsafeCSS(NARROW)} {
        :host {
          right: 0.6rem;
          width: auto;
        }
        /* A phone keeps the map in view: the layers' names in two lines (the panel lists them all). */
        .problem-lines li {
          display: -webkit-box;
          -webkit-line-clamp: 2;
          -webkit-box-orient: vertical;
          overflow: hidden;
        }
      }
    `,
  ];

  /** The map's layers (the document's and the added ones). */
  @property({ attribute: false }) layers: readonly LayerNode[] = [];
  @property({ attribute: false }) basemaps: readonly BasemapDef[] = [];
  /** The map's state: which layers are shown, and each one's status. */
  @property({ attribute: false }) state?: MapState;
  @property() language = 'fr';
  /** The document's URL: relative addresses of layers are read against it. */
  @property() documentUrl = location.href;

  /** Alerts the person hid, by key, with what they said then. */
  @state() private dismissed: ReadonlyMap<string, string> = new Map();
  #hadFocus = false;

  get #alerts(): ServiceAlert[] {
    const all = serviceAlerts({ layers: this.layers, basemaps: this.basemaps, state: this.state, language: this.language, baseUrl: this.documentUrl });
    return all.filter((alert) => this.dismissed.get(alert.key) !== signatureOf(alert));
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#hadFocus = !!this.shadowRoot?.activeElement;
  }

  protected override updated(_changed: PropertyValues<this>): void {
    // The alert that held focus went away (hidden, or its layers came back): keep focus near.
    if (!this.#hadFocus || this.shadowRoot?.activeElement) return;
    const next = this.renderRoot.querySelector<HTMLButtonElement>('.alert .retry');
    if (next) next.focus();
    else emit(this, 'cartable-focus-map', {});
  }

  override render(): TemplateResult {
    // Polite: a new alert is read out once the person's current speech ends; the region stays, so it is heard.
    return html`<div class="alerts" role="status" aria-live="polite">
      ${repeat(this.#alerts, (alert) => alert.key, (alert, i) => this.#alert(alert, `alert-${i}`))}
    </div>`;
  }

  #alert(alert: ServiceAlert, id: string): TemplateResult {
    const single = alert.layers.length === 1 ? alert.layers[0]! : undefined;
    const title = single
      ? alert.basemapTitle !== undefined
        ? msg(str`Fond de carte « ${alert.basemapTitle} » indisponible`, { id: 'alerts.basemap' })
        : msg(str`Couche « ${single.title} » indisponible`, { id: 'alerts.layer' })
      : msg(str`${alert.layers.length} couches indisponibles sur ${alert.host ?? ''}`, { id: 'alerts.service' });
    const cause = single ? describeLayerProblem(single.problem) : undefined;
    return html`<section class="alert" aria-labelledby=${id}>
      <div class="head">
        <p class="title" id=${id}>${title}</p>
        <button class="icon-button hide" aria-label=${msg('Masquer ce message', { id: 'alerts.hide' })} aria-describedby=${id} @click=${() => this.#hide(alert)}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      ${cause
        ? html`<p class="cause">${alert.host ? msg(str`${cause} (${alert.host})`, { id: 'alerts.causeAt' }) : cause}</p>`
        : problemList(problemLines(alert.layers), this.language)}
      <button class="button retry" aria-describedby=${id} @click=${() => this.#retry(alert)}>
        ${single ? msg('Réessayer', { id: 'layer.retry' }) : msg('Tout réessayer', { id: 'alerts.retryAll' })}
      </button>
    </section>`;
  }

  #retry(alert: ServiceAlert): void {
    for (const layer of alert.layers) emit(this, 'cartable-layer-retry', { id: layer.id });
  }

  #hide(alert: ServiceAlert): void {
    this.dismissed = new Map([...this.dismissed, [alert.key, signatureOf(alert)]]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-service-alerts': CartableServiceAlerts;
  }
}
