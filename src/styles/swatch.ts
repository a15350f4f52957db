import { svg, type SVGTemplateResult } from 'lit';
import type { GeometryKind, Symbolizer } from '../context/types.js';

const SIZE = 20;

/**
 * A small SVG picture of a symbol, for legends. Colours come from validated documents; Lit sets them
 * as attribute values, never as markup.
 */
export function swatch(symbol: Symbolizer, geometry: GeometryKind): SVGTemplateResult {
  const stroke = symbol.stroke;
  const dash = stroke?.dash?.join(' ');
  if (geometry === 'point') {
    const marker = symbol.marker;
    if (marker?.shape === 'icon') {
      return svg`<image href=${marker.src} x="2" y="2" width=${SIZE - 4} height=${SIZE - 4}></image>`;
    }
    const radius = Math.min(Math.max(marker?.radius ?? 5, 2), SIZE / 2 - 1);
    const fill = (marker ? marker.fill : symbol.fill)?.color ?? 'none';
    const line = marker ? marker.stroke : stroke;
    return svg`<circle cx=${SIZE / 2} cy=${SIZE / 2} r=${radius} fill=${fill}
      stroke=${line?.color ?? 'none'} stroke-width=${Math.min(line?.width ?? 0, 3)}></circle>`;
  }
  if (geometry === 'line') {
    return svg`<path d="M2 14 Q7 4 10 10 T18 6" fill="none" stroke=${stroke?.color ?? '#333'}
      stroke-width=${Math.min(Math.max(stroke?.width ?? 1, 1), 5)} stroke-dasharray=${dash ?? 'none'}></path>`;
  }
  return svg`<rect x="2" y="3" width=${SIZE - 4} height=${SIZE - 6} rx="2" fill=${symbol.fill?.color ?? 'none'}
    stroke=${stroke?.color ?? 'none'} stroke-width=${Math.min(stroke?.width ?? 0, 3)} stroke-dasharray=${dash ?? 'none'}></rect>`;
}

export const SWATCH_SIZE = SIZE;
