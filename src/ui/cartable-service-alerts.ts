import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { emit } from './events.js';
import { describeLayerProblem } from './layer-problem.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';
import { problemLines, titleList } from './problem-lines.js';
import { serviceAlerts, type ServiceAlert } from './service-alerts.js';
import { SessionState } from './session-state.js';
import { base } from './theme.js';

/** What an alert says: its layers and their causes. One the person hid shows again when this changes. */
const signatureOf = (alert: ServiceAlert): string =>
  alert.layers.map((l) => `${l.id}:${describeLayerProblem(l.problem)}`).join('|');

/** Alerts shown at once before the others fold into « N autres services » (a phone keeps its map in view). */
export const SHOWN_ALERTS = { wide: 2, narrow: 1 } as const;

/**
 * @summary On the map, one alert per failing service (its layers grouped by host), with « Réessayer »:
 * the map says why it is blank, even with the panel closed. At most two alerts show (one on a phone);
 * the others fold into « N autres services indisponibles », and with two services or more one
 * « Tout réessayer » reloads every failing layer. Sits at the bottom left of the map, above the
 * scale line, clear of the zoom buttons and attributions.
 * @fires cartable-layer-retry - once per layer of the alert (or of every alert) whose button was pressed
 * @fires cartable-focus-map - the alert that held focus is gone (its layers came back)
 */
@localized()
@element('cartable-service-alerts')
export class CartableServiceAlerts extends LitElement {
  static override styles = [
    base,
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
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
        pointer-events: none;
      }
      .alerts {
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
        min-height: 0;
        overflow-y: auto;
      }
      .alert,
      .more {
        pointer-events: auto;
        border-radius: var(--cartable-radius-large);
        background: var(--cartable-surface);
        box-shadow: var(--cartable-shadow-small);
        font-size: 0.9rem;
      }
      .alert {
        flex: none;
        padding: 0.45rem 0.4rem 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--cartable-danger);
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
      .lines {
        list-style: none;
        margin: 0.15rem 0 0;
        padding: 0;
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .lines li + li {
        margin-top: 0.3rem;
      }
      /* The layers' names first, whole; their cause under them. */
      .names {
        display: block;
        font-weight: 600;
      }
      .cause {
        display: block;
        color: var(--cartable-muted);
      }
      .button {
        margin-top: 0.4rem;
        min-height: 2.25rem;
        padding: 0.2rem 0.7rem;
        font-size: 0.85rem;
      }
      .more {
        flex: none;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.35rem 0.5rem 0.35rem 0.75rem;
        font-size: 0.85rem;
      }
      .more .button {
        flex: none;
        margin: 0;
      }
      /* The count or the fold takes the room left and wraps inside it: the retry stays on the same row. */
      .count,
      .more .toggle {
        flex: 1 1 0;
        min-width: 0;
      }
      .count {
        margin: 0;
        font-weight: 600;
      }
      .more .toggle {
        justify-content: flex-start;
        padding-inline: 0.3rem;
        margin-inline-start: -0.3rem;
        border-color: transparent;
        text-align: start;
      }
      .toggle::before {
        content: '▴' / '';
        display: inline-block;
        transition: transform 0.15s;
      }
      .toggle[aria-expanded='true']::before {
        transform: rotate(180deg);
      }
      @media ${unsafeCSS(NARROW)} {
        :host {
          right: 0.6rem;
          width: auto;
        }
        /* A phone keeps the map in view: each cause in two lines (the names stay whole; the panel tells all). */
        .cause {
          display: -webkit-box;
          -webkit-line-clamp: 2;
          -webkit-box-orient: vertical;
          overflow: hidden;
        }
      }
    `,
  ];

  @property() language = 'fr';
  /** The map session (its layers, basemaps and document URL) and its state: which layers show, each one's status. */
  readonly #session = new SessionState(this);

  /** Alerts the person hid, by key, with what they said then. */
  @state() private dismissed: ReadonlyMap<string, string> = new Map();
  /** The folded alerts are shown. */
  @state() private expanded = false;
  @state() private narrow = false;
  #hadFocus = false;

  constructor() {
    super();
    new NarrowScreen(this, (narrow) => (this.narrow = narrow));
  }

  get #alerts(): ServiceAlert[] {
    const { session, state } = this.#session;
    if (!session) return [];
    const all = serviceAlerts({ layers: this.#session.tree, basemaps: session.context.basemaps, state, language: this.language, baseUrl: session.documentUrl });
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
    const alerts = this.#alerts;
    const limit = this.narrow ? SHOWN_ALERTS.narrow : SHOWN_ALERTS.wide;
    const folded = this.expanded ? 0 : Math.max(0, alerts.length - limit);
    const shown = alerts.slice(0, alerts.length - folded);
    // Polite: a new alert is read out once the person's current speech ends; the region stays, so it is heard.
    return html`<div class="alerts" id="alerts" role="status" aria-live="polite">
        ${repeat(shown, (alert) => alert.key, (alert, i) => this.#alert(alert, `alert-${i}`, alerts.length))}
      </div>
      ${alerts.length > 1 ? this.#more(alerts, limit, folded) : nothing}`;
  }

  #alert(alert: ServiceAlert, id: string, count: number): TemplateResult {
    const single = alert.layers.length === 1 ? alert.layers[0]! : undefined;
    const host = alert.host;
    const title = single
      ? alert.basemapTitle !== undefined
        ? host
          ? msg(str`Fond de carte « ${alert.basemapTitle} » indisponible sur ${host}`, { id: 'alerts.basemapAt' })
          : msg(str`Fond de carte « ${alert.basemapTitle} » indisponible`, { id: 'alerts.basemap' })
        : host
          ? msg(str`Couche « ${single.title} » indisponible sur ${host}`, { id: 'alerts.layerAt' })
          : msg(str`Couche « ${single.title} » indisponible`, { id: 'alerts.layer' })
      : msg(str`${alert.layers.length} couches indisponibles sur ${host ?? ''}`, { id: 'alerts.service' });
    // « Tout réessayer » reloads every failing layer of the map: this alert's button says so only when it is the one alert.
    const retry = single || count > 1 ? msg('Réessayer', { id: 'layer.retry' }) : msg('Tout réessayer', { id: 'alerts.retryAll' });
    return html`<section class="alert" aria-labelledby=${id}>
      <div class="head">
        <p class="title" id=${id}>${title}</p>
        <button class="icon-button hide" aria-label=${msg('Masquer ce message', { id: 'alerts.hide' })} aria-describedby=${id} @click=${() => this.#hide(alert)}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      ${single ? html`<p class="lines"><span class="cause">${describeLayerProblem(single.problem)}</span></p>` : this.#lines(alert)}
      <button class="button retry" aria-describedby=${id} @click=${() => this.#retry([alert])}>${retry}</button>
    </section>`;
  }

  /** One line per cause: the layers it struck by name (never cut), then the cause. */
  #lines(alert: ServiceAlert): TemplateResult {
    return html`<ul class="lines" role="list">
      ${problemLines(alert.layers).map(
        (line) => html`<li>
          <span class="names">${titleList(line.layers.map((l) => l.title), this.language)}</span><span class="visually-hidden">${msg(' : ', { id: 'alerts.namesCause' })}</span><span class="cause">${line.cause}</span>
        </li>`,
      )}
    </ul>`;
  }

  /** The fold (« N autres services indisponibles », shown or hidden) and « Tout réessayer » for every alert. */
  #more(alerts: readonly ServiceAlert[], limit: number, folded: number): TemplateResult {
    const others = this.expanded ? alerts.length - limit : folded;
    const label =
      others === 1
        ? msg('1 autre service indisponible', { id: 'alerts.otherOne' })
        : msg(str`${others} autres services indisponibles`, { id: 'alerts.others' });
    const count = msg(str`${alerts.length} services indisponibles`, { id: 'alerts.services' });
    return html`<div class="more" role="group" aria-label=${count}>
      ${others > 0
        ? html`<button class="button toggle" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="alerts" @click=${() => (this.expanded = !this.expanded)}>
            ${label}
          </button>`
        : html`<p class="count" aria-hidden="true">${count}</p>`}
      <button class="button retry-all" @click=${() => this.#retry(alerts)}>${msg('Tout réessayer', { id: 'alerts.retryAll' })}</button>
    </div>`;
  }

  #retry(alerts: readonly ServiceAlert[]): void {
    for (const alert of alerts) for (const layer of alert.layers) emit(this, 'cartable-layer-retry', { id: layer.id });
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
