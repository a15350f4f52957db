/**
 * The printed report's map furniture: the legend of the layers the extract shows, the scale bar and
 * the north arrow.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { walkLayers } from '../../context/checks.js';
import type { LayerDef, LayerNode } from '../../context/types.js';
import type { MapState } from '../../state/store.js';
import { isInScaleRange } from '../../styles/scale.js';
import { formatNumber } from '../../tools/format.js';
import { scaleBar, scaleDenominator } from '../../tools/print-layout.js';
import { formatRadius } from '../../report/place-facts.js';

/** The layers the extract shows (switched on and within their scales at `scale`), in the layer list's order. */
export function printedLayers(layers: readonly LayerNode[], state: MapState, scale?: number): LayerDef[] {
  const shown: LayerDef[] = [];
  walkLayers(layers, (node) => {
    if (node.type !== 'group' && (state.layers[node.id]?.visible ?? node.visible) && (scale === undefined || isInScaleRange(scale, node))) shown.push(node);
  });
  return shown;
}

/**
 * Their legend, read at the printed scale by the map's own <cartable-legend> (defined by the map view
 * the report runs in; used by its tag so that it is not split out of the first map's code).
 */
export function legendTemplate(layers: readonly LayerDef[], scale: number | undefined, language: string): TemplateResult | typeof nothing {
  if (!layers.length) return nothing;
  return html`<section class="legend" aria-labelledby="legend-title">
    <h2 id="legend-title">${msg('Légende', { id: 'panel.legend' })}</h2>
    <cartable-legend .layers=${layers} .scale=${scale} .language=${language}></cartable-legend>
  </section>`;
}

/** The scale bar and the paper scale, for ground metres per millimetre of paper. */
export function scaleTemplate(metresPerMm: number, language: string): TemplateResult {
  const bar = scaleBar(metresPerMm);
  const label = formatRadius(bar.metres, language);
  const half = bar.mm / 2;
  const denominator = formatNumber(scaleDenominator(metresPerMm), language);
  return html`<div class="scale">
    <svg width="${bar.mm + 2}mm" height="7mm" viewBox="-1 0 ${bar.mm + 2} 7" role="img" aria-label=${msg(str`Barre d’échelle : ${label}`, { id: 'report.print.scaleBar' })}>
      ${svg`<rect x="0" y="4" width=${half} height="1.6" fill="#000"></rect>
      <rect x=${half} y="4" width=${half} height="1.6" fill="#fff" stroke="#000" stroke-width="0.25"></rect>
      <rect x="0" y="4" width=${bar.mm} height="1.6" fill="none" stroke="#000" stroke-width="0.25"></rect>
      <text x="0" y="3" font-size="2.8" text-anchor="start">0</text>
      <text x=${bar.mm} y="3" font-size="2.8" text-anchor="end">${label}</text>`}
    </svg>
    <span>${msg(str`Échelle 1 : ${denominator} (imprimé sans ajustement)`, { id: 'report.print.scale' })}</span>
  </div>`;
}

/** North on the paper: the view turns clockwise by its rotation (radians), north turns with it. */
export function northTemplate(rotation: number): TemplateResult {
  const degrees = (rotation * 180) / Math.PI;
  return html`<svg class="north" viewBox="0 0 22 30" role="img" aria-label=${msg('Nord', { id: 'tools.print.north' })}>
    ${svg`<g transform="rotate(${degrees} 11 17)">
      <path d="M11 6 L17 24 L11 20 L5 24 Z" fill="#000"></path>
      <path d="M11 6 L11 20 L5 24 Z" fill="#fff" stroke="#000" stroke-width="0.8"></path>
    </g>
    <text x="11" y="5.5" font-size="6" font-weight="700" text-anchor="middle">N</text>`}
  </svg>`;
}
