import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { isVectorLayer } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { IdentifyGroup } from '../../identify/types.js';
import { loadChunk } from '../../offline/load-chunk.js';
import { styleProps } from '../style-props.js';
import type { MapViewHost } from './host.js';

/** The tooltip of the feature under the pointer, for layers whose document gives one. */
export class HoverController implements ReactiveController {
  #tooltip?: { text: string; x: number; y: number };
  #tooltipText?: typeof import('./tooltip-text.js').tooltipText;
  #loading?: Promise<void>;
  /** The latest hover: the one to show once the tooltip code has loaded. */
  #latest?: { pixel: number[]; group: IdentifyGroup };

  constructor(private readonly host: MapViewHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#tooltip = undefined;
  }

  hover(hover: { pixel: number[]; group: IdentifyGroup } | undefined): void {
    const layer = hover ? this.host.session?.layers.get(hover.group.layerId) : undefined;
    const item = hover?.group.items[0];
    if (!hover || !layer || !isVectorLayer(layer) || !layer.tooltip || !item) {
      this.#latest = undefined;
      if (this.#tooltip) this.#set(undefined);
      return;
    }
    this.#latest = hover;
    if (!this.#tooltipText) {
      this.#loading ??= loadChunk(import('./tooltip-text.js')).then((module) => {
        this.#tooltipText = module.tooltipText;
      });
      void this.#loading.then(() => {
        if (this.#latest === hover) this.hover(hover);
      });
      return;
    }
    const language = this.host.language;
    const text = this.#tooltipText(textFor(layer.tooltip, language), item.properties, language);
    this.#set(text ? { text, x: hover.pixel[0]!, y: hover.pixel[1]! } : undefined);
  }

  #set(tooltip: HoverController['tooltip']): void {
    this.#tooltip = tooltip;
    this.host.requestUpdate();
  }

  get tooltip(): { text: string; x: number; y: number } | undefined {
    return this.#tooltip;
  }

  render(): TemplateResult | typeof nothing {
    const tooltip = this.#tooltip;
    if (!tooltip) return nothing;
    return html`<div class="tooltip" aria-hidden="true" style=${styleProps({ transform: `translate(${tooltip.x + 14}px, ${tooltip.y + 14}px)` })}>
      ${tooltip.text}
    </div>`;
  }
}
