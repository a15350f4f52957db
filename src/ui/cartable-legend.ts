import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import { walkLayers } from '../context/checks.js';
import type { LayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { legendOfLayer } from '../styles/layer-legend.js';
import { SWATCH_SIZE, swatch } from '../styles/swatch.js';
import { isInScaleRange } from '../styles/scale.js';
import { safeImageUrl, safeUrl, WEB_SCHEMES } from './safe-url.js';
import { SessionState } from './session-state.js';
import { base } from './theme.js';
import { choiceLines } from './layer-choices/choice-text.js';

/**
 * @summary The legend of every visible layer, built from its style at the current scale.
 * @csspart layer - one layer's legend (its title, notes and lines)
 * @csspart entry - one legend line
 */
@localized()
@element('cartable-legend')
export class CartableLegend extends LitElement {
  static override styles = [
    base,
    css`
      section + section {
        margin-top: 0.75rem;
      }
      h3 {
        font-size: 0.95em;
        margin: 0 0 0.3rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 1.6rem;
        font-size: 0.92em;
      }
      svg {
        flex: none;
      }
      img {
        max-width: 100%;
      }
      .note.filter {
        color: var(--cartable-warning);
        font-weight: 600;
      }
      .empty,
      .note {
        color: var(--cartable-muted);
        font-size: 0.9em;
      }
    `,
  ];

  @property() language = 'fr';
  /** The map session (its layers) and its state: which layers show, at what scale. */
  readonly #session = new SessionState(this);
  /** Per layer: how many features a table filter keeps. */
  @property({ attribute: false }) filtered: Readonly<Record<string, { kept: number; total: number }>> = {};
  /**
   * The layers to show, as given, instead of the session's visible ones (a printed page: the print
   * chunk uses this element by its tag, so the legend stays in the first map's code, and in one place).
   */
  @property({ attribute: false }) layers?: readonly LayerDef[];
  /** The scale the legend is read at, instead of the view's (a printed page). */
  @property({ attribute: false }) scale?: number;
  /** Legend images that failed to load: hidden, their layer says so. */
  @state() private brokenImages: ReadonlySet<string> = new Set();

  override render(): TemplateResult | typeof nothing {
    const sections = (this.layers ?? this.#visibleLayers()).map((layer) => this.#section(layer)).filter((s) => s !== nothing);
    if (sections.length) return html`${sections}`;
    return this.layers ? nothing : html`<p class="empty">${msg('Aucune couche visible.', { id: 'legend.empty' })}</p>`;
  }

  #visibleLayers(): LayerDef[] {
    const visible: LayerDef[] = [];
    walkLayers(this.#session.tree, (node) => {
      if (node.type !== 'group' && (this.#session.state?.layers[node.id]?.visible ?? node.visible)) visible.push(node);
    });
    return visible;
  }

  #section(layer: LayerDef): TemplateResult | typeof nothing {
    const scale = this.scale ?? this.#session.state?.view?.scale;
    const choices = this.#session.state?.layers[layer.id]?.choices;
    const legend = legendOfLayer(layer, scale, choices);
    if (legend.kind === 'none') return nothing;
    const title = textFor(layer.title, this.language);
    const outOfRange = scale !== undefined && !isInScaleRange(scale, layer);
    // Images only from http(s) or relative addresses: a document's javascript:, data: or "//host" is never shown.
    // One that fails to load leaves a short note, never a broken image with its alt text.
    const images =
      legend.kind === 'image' ? [safeImageUrl(legend.url, document.baseURI)]
      : legend.kind === 'images' ? legend.urls.map((url) => safeUrl(url, document.baseURI, WEB_SCHEMES))
      : [];
    const image = (url: string | undefined) =>
      url && !this.brokenImages.has(url)
        ? html`<img src=${url} alt=${msg(str`Légende de ${title}`, { id: 'legend.image.alt' })} loading=${this.layers ? 'eager' : 'lazy'} @error=${() => this.#imageFailed(url)} />`
        : nothing;
    const body =
      legend.kind !== 'entries'
        ? images.map(image)
        : html`<ul role="list">
            ${legend.entries.map(
              (entry) => html`<li part="entry">
                <svg width=${SWATCH_SIZE} height=${SWATCH_SIZE} viewBox="0 0 ${SWATCH_SIZE} ${SWATCH_SIZE}" aria-hidden="true">
                  ${svg`${swatch(entry.symbol, entry.geometry)}`}
                </svg>
                <span>${textFor(entry.label, this.language)}</span>
              </li>`,
            )}
          </ul>`;
    return html`<section part="layer" aria-label=${title} data-layer=${layer.id}>
      <h3>${title}</h3>
      ${choiceLines(layer, choices, this.language).map((line) => html`<p class="note choice">${line}</p>`)}
      ${outOfRange ? html`<p class="note">${msg('Non visible à cette échelle', { id: 'layer.outOfScale' })}</p>` : nothing}
      ${this.filtered[layer.id]
        ? html`<p class="note filter">${msg(str`Filtre actif : ${this.filtered[layer.id]!.kept} sur ${this.filtered[layer.id]!.total}`, { id: 'legend.filtered' })}</p>`
        : nothing}
      ${images.some((url) => url && this.brokenImages.has(url)) ? html`<p class="note">${msg('Légende indisponible', { id: 'legend.image.failed' })}</p>` : nothing}
      ${body}
    </section>`;
  }

  #imageFailed(url: string): void {
    this.brokenImages = new Set([...this.brokenImages, url]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-legend': CartableLegend;
  }
}
