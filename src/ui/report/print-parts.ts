/**
 * The printed report's map furniture: the legend of the layers the extract shows and the scale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { walkLayers } from '../../context/checks.js';
import type { LayerDef, LayerNode } from '../../context/types.js';
import type { MapState } from '../../state/store.js';
import { isInScaleRange } from '../../styles/scale.js';
import { formatNumber } from '../../tools/format.js';
import { scaleBar, scaleDenominator } from '../../tools/print-layout.js';
import { formatRadius } from '../../report/place-facts.js';
import { scaleBarMark } from '../print-marks.js';

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
  const denominator = formatNumber(scaleDenominator(metresPerMm), language);
  return html`<div class="scale">
    ${scaleBarMark(bar.mm, label, msg(str`Barre d’échelle : ${label}`, { id: 'report.print.scaleBar' }))}
    <span>${msg(str`Échelle 1 : ${denominator} (imprimé sans ajustement)`, { id: 'report.print.scale' })}</span>
  </div>`;
}
