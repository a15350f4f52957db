import { noChange } from 'lit';
import { Directive, PartType, directive, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * Sets style properties through the CSSOM, always. Lit's own styleMap writes a `style` attribute on its
 * first render, which a strict Content-Security-Policy (style-src 'self') refuses; CSSOM changes are
 * allowed. Use on a `style` attribute: style=${styleProps({ transform: '…', '--columns': '…' })}.
 * Property names are written as in CSS (kebab-case, custom properties with --).
 */
class StyleProps extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || (info as { name?: string }).name !== 'style') {
      throw new Error('styleProps belongs on a style attribute');
    }
  }

  render(_styles: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(styles));
    return noChange;
  }
}

export const styleProps = directive(StyleProps);
