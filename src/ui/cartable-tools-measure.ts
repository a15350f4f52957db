import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { MapAdapter } from '../map/adapter.js';
import { formatArea, formatLength } from '../tools/format.js';
import { startMeasure, type MeasureMode, type MeasureReading, type MeasureSession } from '../tools/measure-session.js';
import { base } from './theme.js';
import { panelStyles } from './cartable-tools-panel.js';
import { emit } from './events.js';
import { SessionState } from './session-state.js';

/**
 * @summary Measures distances and areas on the map, geodesic in any projection. Pointer: clicks add
 * points, a double click ends. Keyboard (on the focused map): the arrows move the map under the
 * crosshair, Enter adds the point under it, Backspace takes the last back, Escape cancels.
 * It takes the map's pointer while it is shown.
 * @fires cartable-tool-displaced - another tool took the map's pointer: this one stopped (detail: { tool: 'measure' })
 */
@localized()
@element('cartable-tools-measure')
export class CartableToolsMeasure extends LitElement {
  static override styles = [
    base,
    panelStyles,
    css`
      .reading {
        display: block;
        margin: 0.4rem 0;
        font-size: 1.35rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .reading small {
        display: block;
        font-size: 0.85rem;
        font-weight: 400;
      }
    `,
  ];

  @property() language = 'fr';
  /** The map session: its adapter is the map measured on. */
  readonly #mapSession = new SessionState(this);
  /** The adapter the measure runs on (it starts again on another map). */
  #measuredOn?: MapAdapter;

  @state() private mode: MeasureMode = 'length';
  @state() private reading?: MeasureReading;
  /** Said to screen readers when a point is added or the measure ends (not at every pointer move). */
  @state() private announcement = '';
  #session?: MeasureSession;

  /** Cancels the measure in progress; false when there was none. */
  cancel(): boolean {
    const busy = (this.reading?.vertices ?? 0) > 0;
    this.#session?.clear();
    if (busy) this.announcement = msg('Mesure annulée', { id: 'tools.measure.cancelled' });
    return busy;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // One layer for the element's life: adding a layer while a click is on its way loses the click.
    if (this.#mapSession.session?.adapter !== this.#measuredOn) this.#start();
    else if ((changed as Map<PropertyKey, unknown>).has('mode')) this.#session?.setMode(this.mode);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#start();
  }

  #start(): void {
    this.#stop();
    const adapter = this.#mapSession.session?.adapter;
    this.#measuredOn = adapter;
    if (!adapter || !this.isConnected) return;
    this.reading = undefined;
    this.#session = startMeasure({
      map: adapter.map,
      pointer: adapter.pointer,
      mode: this.mode,
      format: (reading) => this.#text(reading),
      onChange: (reading) => {
        const added = reading.vertices !== this.reading?.vertices || reading.finished !== this.reading?.finished;
        this.reading = reading;
        if (added && reading.vertices > 0) this.announcement = this.#spoken(reading);
      },
      onEscape: () => this.cancel(),
      onTakenAway: () => {
        this.#stop();
        emit(this, 'cartable-tool-displaced', { tool: 'measure' });
      },
    });
  }

  #stop(): void {
    this.#session?.dispose();
    this.#session = undefined;
  }

  #text(reading: MeasureReading): string {
    if (reading.mode === 'length') return formatLength(reading.length, this.language);
    return reading.area > 0 ? formatArea(reading.area, this.language) : formatLength(reading.length, this.language);
  }

  #spoken(reading: MeasureReading): string {
    const value = this.#text(reading);
    if (reading.finished) return msg(str`Mesure terminée : ${value}`, { id: 'tools.measure.done' });
    return msg(str`${reading.vertices} point(s) : ${value}`, { id: 'tools.measure.points' });
  }

  override render(): TemplateResult {
    const reading = this.reading;
    const points = reading?.vertices ?? 0;
    const drawing = points > 0 && !reading?.finished;
    return html`
      <h2 id="measure-title">${msg('Mesurer', { id: 'tools.measure' })}</h2>
      <div class="row" role="group" aria-label=${msg('Que mesurer', { id: 'tools.measure.what' })}>
        <button class="button" aria-pressed=${this.mode === 'length' ? 'true' : 'false'} @click=${() => (this.mode = 'length')}>
          ${msg('Distance', { id: 'tools.measure.length' })}
        </button>
        <button class="button" aria-pressed=${this.mode === 'area' ? 'true' : 'false'} @click=${() => (this.mode = 'area')}>
          ${msg('Surface', { id: 'tools.measure.area' })}
        </button>
      </div>
      <output class="reading" aria-live="off">
        ${reading && (reading.length > 0 || reading.area > 0) ? this.#text(reading) : '—'}
        ${reading && reading.mode === 'area' && reading.area > 0
          ? html`<small>${msg(str`Périmètre : ${formatLength(reading.length, this.language)}`, { id: 'tools.measure.perimeter' })}</small>`
          : nothing}
        ${points > 0 ? html`<small>${msg(str`${points} point(s)`, { id: 'tools.measure.count' })}${reading?.finished ? ` · ${msg('terminée', { id: 'tools.measure.finished' })}` : ''}</small>` : nothing}
      </output>
      <p class="hint">
        ${msg('Cliquez sur la carte pour placer les points ; double-cliquez pour terminer.', { id: 'tools.measure.pointerHelp' })}
      </p>
      <p class="hint">
        ${msg('Au clavier : sélectionnez la carte, visez avec les flèches (la croix marque le centre), Entrée ajoute le point, Retour arrière retire le dernier, Échap annule.', { id: 'tools.measure.keyboardHelp' })}
      </p>
      <div class="row">
        <button class="button add-centre" @click=${() => this.#session?.addAtCentre()}>
          ${msg('Ajouter le point au centre', { id: 'tools.measure.addCentre' })}
        </button>
        <button class="button" ?disabled=${points === 0} @click=${() => this.#session?.undo()}>
          ${msg('Retirer le dernier point', { id: 'tools.measure.undo' })}
        </button>
        <button class="button finish" ?disabled=${!drawing} @click=${() => this.#session?.finish()}>
          ${msg('Terminer', { id: 'tools.measure.finish' })}
        </button>
        <button class="button" ?disabled=${points === 0} @click=${() => this.cancel()}>
          ${msg('Effacer', { id: 'tools.measure.clear' })}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-tools-measure': CartableToolsMeasure;
  }
}
