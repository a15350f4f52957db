/**
 * The marks of a printed map, shared by the print tool's page and the printed report: the scale bar
 * (in paper millimetres) and the north arrow.
 */
import { html, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** A bar `lengthMm` long on paper, half black half white, « 0 » at its start and `label` at its end. */
export function scaleBarMark(lengthMm: number, label: string, accessibleName: string): TemplateResult {
  const half = lengthMm / 2;
  return html`<svg width="${lengthMm + 2}mm" height="7mm" viewBox="-1 0 ${lengthMm + 2} 7" role="img" aria-label=${accessibleName}>
    ${svg`<rect x="0" y="4" width=${half} height="1.6" fill="#000"></rect>
    <rect x=${half} y="4" width=${half} height="1.6" fill="#fff" stroke="#000" stroke-width="0.25"></rect>
    <rect x="0" y="4" width=${lengthMm} height="1.6" fill="none" stroke="#000" stroke-width="0.25"></rect>
    <text x="0" y="3" font-size="2.8" text-anchor="start">0</text>
    <text x=${lengthMm} y="3" font-size="2.8" text-anchor="end">${label}</text>`}
  </svg>`;
}

/** North on the paper: the view turns clockwise by its rotation (radians), north turns with it. */
export function northMark(rotation: number): TemplateResult {
  const degrees = (rotation * 180) / Math.PI;
  return html`<svg class="north" viewBox="0 0 22 30" role="img" aria-label=${msg('Nord', { id: 'tools.print.north' })}>
    ${svg`<g transform="rotate(${degrees} 11 17)">
      <path d="M11 6 L17 24 L11 20 L5 24 Z" fill="#000"></path>
      <path d="M11 6 L11 20 L5 24 Z" fill="#fff" stroke="#000" stroke-width="0.8"></path>
    </g>
    <text x="11" y="5.5" font-size="6" font-weight="700" text-anchor="middle">N</text>`}
  </svg>`;
}
