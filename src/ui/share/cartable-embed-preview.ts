import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from '../define.js';
import { styleProps } from '../style-props.js';

/** The preview sizes the embed builder offers: a phone, and a computer's page. */
export type PreviewDevice = 'phone' | 'desktop';

/** A phone's width in CSS pixels (a common one: 390 × 844). */
export const PHONE_WIDTH = 390;
/** A responsive embed's width on a computer: a page's content column. */
export const DESKTOP_WIDTH = 1024;

/**
 * @summary The embed as a host page would show it: an iframe laid out at the real size (so the map
 * takes its phone or computer layout), scaled down to fit the dialog when it is wider.
 * @csspart frame - the iframe
 */
@element('cartable-embed-preview')
export class CartableEmbedPreview extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .stage {
      overflow: hidden;
    }
    iframe {
      display: block;
      margin-inline: auto;
      border: 1px solid var(--cartable-border);
      border-radius: var(--cartable-radius);
      background: var(--cartable-map-bg);
      box-sizing: border-box;
      transform-origin: top left;
    }
  `;

  @property() src = '';
  @property() frameTitle = '';
  /** The iframe's layout size in CSS pixels. */
  @property({ type: Number }) width = PHONE_WIDTH;
  @property({ type: Number }) height = 450;

  /** The width available in the dialog. */
  @state() private available = 0;
  readonly #resize = new ResizeObserver(([entry]) => (this.available = entry?.contentRect.width ?? 0));

  /** How much the frame is scaled down to fit (1: shown at its real size). */
  get scale(): number {
    return this.available > 0 ? Math.min(1, this.available / this.width) : 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  override render(): TemplateResult {
    const scale = this.scale;
    // Centred when narrower than the stage; a scaled frame starts at the left edge (its transform origin).
    return html`<div class="stage" style=${styleProps({ height: `${Math.ceil(this.height * scale)}px` })}>
      <iframe
        part="frame"
        src=${this.src}
        title=${this.frameTitle}
        loading="lazy"
        style=${styleProps({ width: `${this.width}px`, height: `${this.height}px`, transform: scale < 1 ? `scale(${scale})` : 'none', 'margin-inline': scale < 1 ? '0' : 'auto' })}
      ></iframe>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-embed-preview': CartableEmbedPreview;
  }
}
