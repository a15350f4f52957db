/**
 * The printed report's map furniture: the legend of the layers the extract shows, the scale bar and
 * the north arrow. The legend is read from the layers' styles at the printed scale (as the map's own
 * legend reads them), so the print needs no map view around it.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { walkLayers } from '../../context/checks.js';
import type { LayerDef, LayerNode } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { MapState } from '../../state/store.js';
import { legendOfLayer } from '../../styles/layer-legend.js';
import type { LegendEntry } from '../../styles/legend.js';
import { isInScaleRange } from '../../styles/scale.js';
import { SWATCH_SIZE, swatch } from '../../styles/swatch.js';
import { formatNumber } from '../../tools/format.js';
import { scaleBar, scaleDenominator } from '../../tools/print-layout.js';
import { formatRadius } from '../../report/place-facts.js';
import { safeImageUrl, safeUrl, WEB_SCHEMES } from '../safe-url.js';

/** One layer of the printed legend: its title, and its entries or its legend images. */
export interface PrintedLegend {
  readonly layerId: string;
  readonly title: string;
  readonly entries: readonly LegendEntry[];
  readonly images: readonly string[];
}

/** The legend of the layers shown on the map (switched on and within their scales at `scale`), in the layer list's order. */
export function printedLegend(layers: readonly LayerNode[], state: MapState, language: string, scale?: number): PrintedLegend[] {
  const shown: LayerDef[] = [];
  walkLayers(layers, (node) => {
    if (node.type !== 'group' && (state.layers[node.id]?.visible ?? node.visible) && (scale === undefined || isInScaleRange(scale, node))) shown.push(node);
  });
  return shown.flatMap((layer) => {
    const legend = legendOfLayer(layer, scale);
    const images =
      legend.kind === 'image' ? [safeImageUrl(legend.url, document.baseURI)]
      : legend.kind === 'images' ? legend.urls.map((url) => safeUrl(url, document.baseURI, WEB_SCHEMES))
      : [];
    const entries = legend.kind === 'entries' ? legend.entries : [];
    const urls = images.filter((url): url is string => !!url);
    return entries.length || urls.length ? [{ layerId: layer.id, title: textFor(layer.title, language), entries, images: urls }] : [];
  });
}

export function legendTemplate(legend: readonly PrintedLegend[], language: string): TemplateResult | typeof nothing {
  if (!legend.length) return nothing;
  return html`<section class="legend" aria-labelledby="legend-title">
    <h2 id="legend-title">${msg('Légende', { id: 'panel.legend' })}</h2>
    <div class="legend-layers">
      ${legend.map(
        (layer) => html`<section class="legend-layer" aria-label=${layer.title}>
          <h3>${layer.title}</h3>
          ${layer.entries.length
            ? html`<ul>
                ${layer.entries.map(
                  (entry) => html`<li>
                    <svg width=${SWATCH_SIZE} height=${SWATCH_SIZE} viewBox="0 0 ${SWATCH_SIZE} ${SWATCH_SIZE}" aria-hidden="true">${svg`${swatch(entry.symbol, entry.geometry)}`}</svg>
                    <span>${textFor(entry.label, language)}</span>
                  </li>`,
                )}
              </ul>`
            : nothing}
          ${layer.images.map((url) => html`<img src=${url} alt=${msg(str`Légende de ${layer.title}`, { id: 'legend.image.alt' })} />`)}
        </section>`,
      )}
    </div>
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
