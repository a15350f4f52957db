import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { GroupDef, LayerDef, LayerNode, WmsLayerDef } from '../context/types.js';
import type { LayerChoices } from '../context/layers/wms-choices.js';
import { textFor } from '../i18n/text.js';
import type { LayerProblem } from '../state/store.js';
import { isInScaleRange } from '../styles/scale.js';
import { emit } from './events.js';
import { problemText } from './problem-text.js';
import { SessionState } from './session-state.js';
import { base } from './theme.js';
import { hasChoices } from './layer-choices/choice-text.js';
import { loadChunk } from '../offline/load-chunk.js';

/** The time and filter controls' code, loaded with the first layer that has some. */
let choicesCode: Promise<unknown> | undefined;

/**
 * @summary The layer list: groups that fold, a visibility switch, an opacity slider, status and an
 * information button per layer.
 * @fires cartable-layer-visibility
 * @fires cartable-layer-opacity
 * @fires cartable-layer-choice - from a WMS layer's time and filter controls
 * @fires cartable-group-expanded
 * @fires cartable-layer-info
 * @fires cartable-layer-retry
 * @fires cartable-layer-remove - an added layer's « retirer » button
 * @csspart layer - one layer row
 */
@localized()
@element('cartable-layer-tree')
export class CartableLayerTree extends LitElement {
  static override styles = [
    base,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul ul {
        padding-inline-start: 0.9rem;
        border-inline-start: 2px solid var(--cartable-border);
        margin-inline-start: 0.6rem;
      }
      .group-toggle {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        width: 100%;
        padding: 0.35rem 0.2rem;
        border: 0;
        background: none;
        font-weight: 650;
        text-align: start;
      }
      .chevron {
        transition: transform 0.15s;
        display: inline-block;
      }
      [aria-expanded='false'] .chevron {
        transform: rotate(-90deg);
      }
      .layer {
        padding: 0.3rem 0.2rem;
        border-radius: var(--cartable-radius);
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      .row label {
        flex: 1;
        display: flex;
        align-items: center;
        gap: 0.45rem;
        min-height: 2rem;
        cursor: pointer;
      }
      input[type='checkbox'] {
        flex: none;
        width: 1.1rem;
        height: 1.1rem;
        accent-color: var(--cartable-accent);
        margin: 0;
      }
      .opacity {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        padding-inline-start: 1.6rem;
        font-size: 0.85em;
        color: var(--cartable-muted);
      }
      .opacity input {
        flex: 1;
        accent-color: var(--cartable-accent);
      }
      .note {
        padding-inline-start: 1.6rem;
        font-size: 0.85em;
        color: var(--cartable-muted);
      }
      .error {
        color: var(--cartable-danger);
        display: flex;
        align-items: center;
        gap: 0.4rem;
        flex-wrap: wrap;
      }
      .error button {
        border: 1px solid currentColor;
        border-radius: var(--cartable-radius);
        background: none;
        padding: 0 0.5rem;
        color: inherit;
      }
      .spinner {
        width: 0.8rem;
        height: 0.8rem;
        border: 2px solid var(--cartable-border);
        border-top-color: var(--cartable-accent);
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
    `,
  ];

  @property() language = 'fr';
  /** The map session (its tree of groups and layers) and its state: visibility, opacity, status, view scale. */
  readonly #session = new SessionState(this);

  override render(): TemplateResult {
    return html`<ul role="list">${this.#session.tree.map((node) => this.#node(node))}</ul>`;
  }

  #node(node: LayerNode): TemplateResult {
    return node.type === 'group' ? this.#group(node) : this.#layer(node);
  }

  #group(group: GroupDef): TemplateResult {
    const expanded = this.#session.state?.groupsExpanded[group.id] ?? group.expanded;
    const title = textFor(group.title, this.language);
    return html`<li>
      <button
        class="group-toggle"
        aria-expanded=${expanded ? 'true' : 'false'}
        @click=${() => emit(this, 'cartable-group-expanded', { id: group.id, expanded: !expanded })}
      >
        <span class="chevron" aria-hidden="true">▾</span>${title}
      </button>
      ${expanded ? html`<ul role="list">${group.layers.map((n) => this.#node(n))}</ul>` : nothing}
    </li>`;
  }

  /** A WFS answer capped at maxFeatures: "N sur M affichés" (or "N premiers objets affichés" when M is unknown). */
  #capped(shown: number, total: number | undefined): TemplateResult {
    const format = (n: number): string => n.toLocaleString(this.language);
    return html`<div class="note capped" role="status">
      ${total !== undefined
        ? msg(str`${format(shown)} sur ${format(total)} affichés`, { id: 'layer.capped' })
        : msg(str`${format(shown)} premiers objets affichés`, { id: 'layer.cappedUnknown' })}
    </div>`;
  }

  /** A refreshing layer: when its data was read, and why the last refresh failed (the older data stays). */
  #updated(updated: number, stale: LayerProblem | undefined): TemplateResult {
    const time = new Date(updated).toLocaleTimeString(this.language, { hour: '2-digit', minute: '2-digit' });
    return stale
      ? html`<div class="note error" role="status">⚠ ${msg(str`Actualisation impossible (${problemText(stale, this)}) : données de ${time}`, { id: 'live.stale' })}</div>`
      : html`<div class="note updated">${msg(str`mis à jour à ${time}`, { id: 'live.updated' })}</div>`;
  }

  /** A WMS layer's time and filter controls (their code loads with the first of them). */
  #choices(layer: WmsLayerDef, choices: LayerChoices | undefined): TemplateResult {
    choicesCode ??= loadChunk(import('./layer-choices/cartable-layer-choices.js'));
    return html`<cartable-layer-choices .layer=${layer} .choices=${choices} .language=${this.language}></cartable-layer-choices>`;
  }

  #layer(layer: LayerDef): TemplateResult {
    const state = this.#session.state?.layers[layer.id];
    const visible = state?.visible ?? layer.visible;
    const opacity = state?.opacity ?? layer.opacity;
    const title = textFor(layer.title, this.language);
    const scale = this.#session.state?.view?.scale;
    const outOfRange = visible && scale !== undefined && !isInScaleRange(scale, layer);
    const percent = Math.round(opacity * 100);
    return html`<li class="layer" part="layer" data-layer=${layer.id}>
      <div class="row">
        <label>
          <input
            type="checkbox"
            .checked=${visible}
            @change=${(e: Event) =>
              emit(this, 'cartable-layer-visibility', { id: layer.id, visible: (e.target as HTMLInputElement).checked })}
          />
          <span>${title}</span>
        </label>
        ${state?.status === 'loading'
          ? html`<span class="spinner" role="img" aria-label=${msg('Chargement…', { id: 'layer.loading' })}></span>`
          : nothing}
        <button
          class="icon-button"
          aria-label=${msg(str`Informations sur la couche ${title}`, { id: 'layer.info.button' })}
          title=${msg('Informations', { id: 'layer.info.tip' })}
          @click=${() => emit(this, 'cartable-layer-info', { id: layer.id })}
        >
          <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
            <rect x="9.1" y="8.5" width="1.8" height="6" fill="currentColor"></rect>
            <circle cx="10" cy="6" r="1.1" fill="currentColor"></circle>
          </svg>
        </button>
        ${this.#session.state?.added?.includes(layer)
          ? html`<button
              class="icon-button"
              aria-label=${msg(str`Retirer la couche ${title}`, { id: 'addLayer.remove' })}
              title=${msg('Retirer', { id: 'addLayer.remove.tip' })}
              @click=${() => emit(this, 'cartable-layer-remove', { id: layer.id })}
            >
              <span aria-hidden="true">✕</span>
            </button>`
          : nothing}
      </div>
      ${visible
        ? html`<div class="opacity">
            <span aria-hidden="true">${msg('Opacité', { id: 'layer.opacity' })}</span>
            <input
              type="range"
              min="0"
              max="100"
              step="5"
              .value=${String(percent)}
              aria-label=${msg(str`Opacité de ${title}`, { id: 'layer.opacity.label' })}
              aria-valuetext=${`${percent} %`}
              @input=${(e: Event) =>
                emit(this, 'cartable-layer-opacity', {
                  id: layer.id,
                  opacity: Number((e.target as HTMLInputElement).value) / 100,
                })}
            />
            <span aria-hidden="true">${percent} %</span>
          </div>`
        : nothing}
      ${visible && layer.type === 'wms' && hasChoices(layer) ? this.#choices(layer, state?.choices) : nothing}
      ${outOfRange ? html`<div class="note">${msg('Non visible à cette échelle', { id: 'layer.outOfScale' })}</div>` : nothing}
      ${state?.updated !== undefined ? this.#updated(state.updated, state.stale) : nothing}
      ${state?.capped && state.featureCount !== undefined && state.status !== 'error' ? this.#capped(state.featureCount, state.total) : nothing}
      ${state?.status === 'error' && state.problem
        ? html`<div class="note error" role="status">
            <span>⚠ ${problemText(state.problem, this)}</span>
            <button @click=${() => emit(this, 'cartable-layer-retry', { id: layer.id })}>
              ${msg('Réessayer', { id: 'layer.retry' })}
            </button>
          </div>`
        : state?.problem?.code === 'skipped'
          ? html`<div class="note">${problemText(state.problem, this)}</div>`
          : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-layer-tree': CartableLayerTree;
  }
}
