import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { filterOptions, timeValues, type LayerChoices } from '../../context/layers/wms-choices.js';
import type { WmsFilter, WmsLayerDef } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import { element } from '../define.js';
import { emit } from '../events.js';
import { base } from '../theme.js';
import { timeLabel } from './choice-text.js';

/** Most tick labels under a slider: beyond, the first and the last only. */
const MAX_TICKS = 8;

/**
 * @summary A WMS layer's time (a slider, or a list) and filter lists, in its entry of the layer list.
 * @fires cartable-layer-choice - a time or a filter value chosen
 */
@localized()
@element('cartable-layer-choices')
export class CartableLayerChoices extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        padding-inline-start: 1.6rem;
        font-size: 0.85em;
      }
      .field {
        display: grid;
        gap: 0.15rem;
        margin-top: 0.3rem;
      }
      .head {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        color: var(--cartable-muted);
      }
      output {
        font-weight: 650;
        color: var(--cartable-text);
      }
      input[type='range'] {
        width: 100%;
        min-height: 1.75rem;
        margin: 0;
        accent-color: var(--cartable-accent);
      }
      .ticks {
        display: flex;
        justify-content: space-between;
        color: var(--cartable-muted);
        font-size: 0.9em;
      }
      select {
        min-height: 2rem;
        max-width: 100%;
        font: inherit;
      }
    `,
  ];

  @property({ attribute: false }) layer?: WmsLayerDef;
  @property({ attribute: false }) choices?: LayerChoices;
  @property() language = 'fr';
  /** The time under the slider's thumb while it is dragged (chosen when it is let go). */
  @state() private sliding?: string;

  override render(): TemplateResult | typeof nothing {
    const layer = this.layer;
    if (!layer) return nothing;
    return html`<div role="group" aria-label=${msg(str`Choix pour ${textFor(layer.title, this.language)}`, { id: 'layer.choices.label' })}>
      ${layer.time ? this.#time(layer) : nothing} ${(layer.filters ?? []).map((f) => this.#filter(layer, f))}
    </div>`;
  }

  #time(layer: WmsLayerDef): TemplateResult {
    const values = timeValues(layer.time);
    const label = timeLabel(layer, this.language);
    const chosen = this.choices?.time ?? values.at(-1) ?? '';
    const id = `time-${layer.id}`;
    const choose = (time: string): void => emit(this, 'cartable-layer-choice', { id: layer.id, choice: { time } });
    if (layer.time?.control === 'list' || values.length < 2) {
      return html`<div class="field">
        <label for=${id} class="head">${label}</label>
        <select id=${id} .value=${chosen} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
          ${values.map((v) => html`<option value=${v} ?selected=${v === chosen}>${v}</option>`)}
        </select>
      </div>`;
    }
    const shown = this.sliding ?? chosen;
    const index = Math.max(0, values.indexOf(shown));
    const at = (e: Event): string => values[Number((e.target as HTMLInputElement).value)] ?? chosen;
    const ticks = values.length <= MAX_TICKS ? values : [values[0]!, values.at(-1)!];
    return html`<div class="field">
      <div class="head"><label for=${id}>${label}</label><output for=${id}>${shown}</output></div>
      <input
        id=${id}
        type="range"
        min="0"
        max=${values.length - 1}
        step="1"
        .value=${String(index)}
        aria-valuetext=${shown}
        @input=${(e: Event) => (this.sliding = at(e))}
        @change=${(e: Event) => {
          this.sliding = undefined;
          choose(at(e));
        }}
      />
      <div class="ticks" aria-hidden="true">${ticks.map((v) => html`<span>${v}</span>`)}</div>
    </div>`;
  }

  #filter(layer: WmsLayerDef, filter: WmsFilter): TemplateResult {
    const id = `filter-${layer.id}-${filter.id}`;
    const chosen = this.choices?.filters?.[filter.id] ?? filter.default ?? '';
    return html`<div class="field">
      <label for=${id} class="head">${textFor(filter.label, this.language)}</label>
      <select
        id=${id}
        data-filter=${filter.id}
        .value=${chosen}
        @change=${(e: Event) => emit(this, 'cartable-layer-choice', { id: layer.id, choice: { filter: filter.id, value: (e.target as HTMLSelectElement).value } })}
      >
        <option value="" ?selected=${chosen === ''}>${msg('Tous', { id: 'layer.filter.all' })}</option>
        ${filterOptions(filter).map((o) => html`<option value=${o.value} ?selected=${o.value === chosen}>${textFor(o.label, this.language)}</option>`)}
      </select>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-layer-choices': CartableLayerChoices;
  }
}
