import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { isVectorLayer } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { IdentifyGroup } from '../../identify/types.js';
import { plainText } from '../../popup/format.js';
import { renderTemplate } from '../../popup/template.js';
import { styleProps } from '../style-props.js';
import type { MapViewHost } from './host.js';

/** The tooltip of the feature under the pointer, for layers whose document gives one. */
export class HoverController implements ReactiveController {
  #tooltip?: { text: string; x: number; y: number };

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
      if (this.#tooltip) this.#set(undefined);
      return;
    }
    const language = this.host.language;
    const text = renderTemplate(textFor(layer.tooltip, language), item.properties, (_f, v) => plainText(v, language)).slice(0, 160);
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
