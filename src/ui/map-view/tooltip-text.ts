import { plainText } from '../../popup/format.js';
import { renderTemplate } from '../../popup/template.js';

/**
 * A layer's tooltip for one feature, as plain text (at most 160 characters). Loaded with the first
 * hover over a layer that has a tooltip: the first map does not carry the template code.
 */
export function tooltipText(template: string, properties: Readonly<Record<string, unknown>>, language: string): string {
  return renderTemplate(template, properties, (_field, value) => plainText(value, language)).slice(0, 160);
}
