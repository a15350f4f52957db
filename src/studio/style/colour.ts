/**
 * Colours as the style editor handles them: a document's colour (#rgb, #rrggbb, #rrggbbaa, rgb(),
 * rgba() or a name) read as a #rrggbb value for a colour input plus an opacity, and written back.
 */

export interface ColourParts {
  /** #rrggbb, lower case. */
  readonly hex: string;
  /** 0 to 1. */
  readonly alpha: number;
}

const HEX_FORM = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_FORM = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)$/i;

const byte = (n: number): string => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');

/** The parts of a colour, or undefined for a form the editor does not read (a colour name). */
export function colourParts(colour: string | undefined): ColourParts | undefined {
  if (!colour) return undefined;
  const text = colour.trim();
  const hex = HEX_FORM.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const alpha = full.length === 8 ? parseInt(full.slice(6), 16) / 255 : 1;
    return { hex: `#${full.slice(0, 6).toLowerCase()}`, alpha: Math.round(alpha * 100) / 100 };
  }
  const rgb = RGB_FORM.exec(text);
  if (rgb) {
    const [, r, g, b, a] = rgb;
    const alpha = a === undefined ? 1 : a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
    return { hex: `#${byte(Number(r))}${byte(Number(g))}${byte(Number(b))}`, alpha: Math.min(1, Math.max(0, alpha)) };
  }
  return undefined;
}

/** True for a colour typed as #rgb or #rrggbb (what the editor's text fields take). */
export const isHexColour = (text: string): boolean => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(text.trim());

/** #rrggbb from a typed #rgb or #rrggbb. */
export const normalHex = (text: string): string => colourParts(text.trim())?.hex ?? text.trim();

/** A colour with an opacity: #rrggbb when opaque, rgba() otherwise (documents keep the short form). */
export function withAlpha(hex: string, alpha: number): string {
  const parts = colourParts(hex);
  if (!parts) return hex;
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 100) / 100;
  if (a >= 1) return parts.hex;
  const n = parseInt(parts.hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}
