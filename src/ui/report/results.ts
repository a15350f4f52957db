/** The report's results as templates: the count, the actions, each layer's lines, the empty and unchecked layers. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { LayerReport, Report, ReportItem } from '../../report/types.js';
import { distanceText, madeText, placeText, reasonText } from './texts.js';
import './cartable-report-charts.js';

/** Lines shown per layer before « show all » (a large layer must not freeze the panel). */
export const SHOWN = 100;

export interface ResultsView {
  readonly report: Report;
  readonly language: string;
  /** Layers whose every line is shown. */
  readonly expanded: ReadonlySet<string>;
  /** The line the map shows now (`layerId/index`). */
  readonly current?: string;
  readonly onZoom: (layer: LayerReport, item: ReportItem, key: string) => void;
  readonly onShowAll: (layerId: string) => void;
  readonly onCsv: () => void;
  readonly onPrint: () => void;
}

/** How many layers have answered so far. */
export function progressTemplate(progress: { done: number; total: number }): TemplateResult {
  return html`<div class="results">
    <label>
      ${msg(str`Vérification des couches : ${progress.done} sur ${progress.total}`, { id: 'report.progress' })}
      <progress max=${progress.total} value=${progress.done}></progress>
    </label>
  </div>`;
}

export function resultsTemplate(view: ResultsView): TemplateResult {
  const { report, language } = view;
  const found = report.layers.filter((l) => l.items.length > 0);
  const empty = report.layers.filter((l) => !l.items.length && !l.unchecked);
  const unchecked = report.layers.filter((l) => l.unchecked);
  const total = found.reduce((n, l) => n + l.items.length, 0);
  return html`<section class="results" aria-labelledby="results-title">
    <h3 id="results-title">${msg(str`${total} objet(s) trouvé(s)`, { id: 'report.total' })}</h3>
    <p class="note">${placeText(report.place, language, report.projection)} · ${madeText(report.made, language)}</p>
    <div class="actions">
      <button class="button" @click=${view.onCsv}>${msg('Exporter en CSV', { id: 'report.csv' })}</button>
      <button class="button" @click=${view.onPrint}>${msg('Imprimer', { id: 'report.print' })}</button>
    </div>
    ${found.map((layer) => layerTemplate(view, layer))}
    ${empty.length
      ? html`<h4>${msg('Rien à cet endroit dans', { id: 'report.empty' })}</h4>
          <ul class="empty">
            ${empty.map((l) => html`<li>${l.title}${l.hidden ? html` <span class="note">${msg('(couche masquée)', { id: 'report.hidden' })}</span>` : nothing}</li>`)}
          </ul>`
      : nothing}
    ${unchecked.length
      ? html`<h4>${msg('Couches non vérifiées', { id: 'report.unchecked' })}</h4>
          <ul class="unchecked">
            ${unchecked.map((l) => html`<li><strong>${l.title}</strong> : ${reasonText(l.unchecked!.reason, l.unchecked!.detail)}</li>`)}
          </ul>`
      : nothing}
  </section>`;
}

/** A layer's finds: its list first (what the place's question asks for), then its charts, which sum it up. */
function layerTemplate(view: ResultsView, layer: LayerReport): TemplateResult {
  const all = view.expanded.has(layer.layerId);
  const items = all ? layer.items : layer.items.slice(0, SHOWN);
  const headingId = `layer-${layer.layerId}`;
  return html`<section aria-labelledby=${headingId}>
    <h4 id=${headingId}>
      <span>${layer.title}</span>
      <span class="count">${layer.capped ? '≥ ' : ''}${layer.items.length}</span>
      ${layer.hidden ? html`<span class="note">${msg('(couche masquée)', { id: 'report.hidden' })}</span>` : nothing}
      ${layer.method === 'feature-info' ? html`<span class="note">${msg('(au point choisi)', { id: 'report.atPoint' })}</span>` : nothing}
    </h4>
    ${layer.capped ? html`<p class="note">${msg('Le service a limité sa réponse : la liste peut être incomplète.', { id: 'report.capped' })}</p>` : nothing}
    <ul>
      ${items.map((item, i) => {
        const key = `${layer.layerId}/${i}`;
        return html`<li>
          <button class="item" aria-current=${view.current === key ? 'true' : 'false'} ?disabled=${!item.geometry} @click=${() => view.onZoom(layer, item, key)}>
            <span class="label">${item.label}</span>
            ${item.distance !== undefined
              ? html`<span class="distance">${distanceText(item.distance, view.language)}</span>`
              : item.onBoundary
                ? html`<span class="note boundary">${msg('en limite', { id: 'report.onBoundary' })}</span>`
                : html`<span></span>`}
            ${item.fields.length ? html`<span class="fields">${item.fields.map((f) => `${f.label} : ${f.value}`).join(' · ')}</span>` : nothing}
          </button>
        </li>`;
      })}
    </ul>
    ${layer.items.length > SHOWN && !all
      ? html`<button class="button" @click=${() => view.onShowAll(layer.layerId)}>${msg(str`Afficher les ${layer.items.length} objets`, { id: 'report.showAll' })}</button>`
      : nothing}
    <cartable-report-charts .layerId=${layer.layerId} .ids=${new Set(layer.items.flatMap((item) => (item.id === undefined ? [] : [item.id])))} .language=${view.language}></cartable-report-charts>
  </section>`;
}
