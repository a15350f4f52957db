/**
 * The record as the viewer shows it: the viewer's own <cartable-popup> (src/popup/record.ts renders
 * the templates), given the layer as the document reads now and one record of the live map.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import '../../ui/cartable-popup.js';
import { isVectorLayer, type LayerDef, type LayerNode, type MapContext } from '../../context/types.js';
import type { StudioRecord } from '../data.js';

/** The layer of a document with this id (groups searched). */
export function layerById(nodes: readonly LayerNode[], id: string): LayerDef | undefined {
  for (const node of nodes) {
    if (node.type === 'group') {
      const inner = layerById(node.layers, id);
      if (inner) return inner;
    } else if (node.id === id) return node;
  }
  return undefined;
}

export interface RecordPreview {
  /** The document as the viewer reads it: the valid one, else the last valid one (`stale`). */
  readonly context?: MapContext;
  readonly stale: boolean;
  readonly layerId: string;
  readonly record?: StudioRecord;
  /** Where the record comes from: clicked on the map, or its place among the layer's records. */
  readonly position: { readonly picked: true } | { readonly index: number; readonly total: number };
  readonly language: string;
  /** The document's URL (relative links and images of the data resolve against it). */
  readonly baseUrl: string;
  readonly next: () => void;
}

export function recordPreview(preview: RecordPreview): TemplateResult {
  const layer = preview.context ? layerById(preview.context.layers, preview.layerId) : undefined;
  const { record, position } = preview;
  const where =
    'picked' in position
      ? msg('Fiche ouverte sur la carte', { id: 'studio.records.preview.picked' })
      : msg(str`Fiche ${position.index + 1} sur ${position.total}`, { id: 'studio.records.preview.position' });
  let body: TemplateResult;
  if (!layer || !isVectorLayer(layer)) body = html`<p class="hint">${msg('L’aperçu de la fiche s’affiche dès que le document est valide.', { id: 'studio.records.preview.invalid' })}</p>`;
  else if (!record) body = html`<p class="hint">${msg('Aucune fiche lue pour l’instant : l’aperçu attend les données de la carte.', { id: 'studio.records.preview.noRecord' })}</p>`;
  else {
    const groups = [{ layerId: layer.id, items: [{ properties: record }] }];
    body = html`<cartable-popup
      class="record"
      placement="panel"
      .groups=${groups}
      .layers=${new Map([[layer.id, layer]])}
      .language=${preview.language}
      .baseUrl=${preview.baseUrl}
      @cartable-popup-close=${(e: Event) => e.stopPropagation()}
    ></cartable-popup>`;
  }
  return html`<section class="preview" aria-labelledby="record-preview-title">
    <div class="preview-head">
      <h3 id="record-preview-title">${msg('Aperçu de la fiche', { id: 'studio.records.preview' })}</h3>
      <span class="muted">${record ? where : nothing}</span>
      <button type="button" ?disabled=${'picked' in position ? false : position.total < 2} @click=${preview.next}>${msg('Fiche suivante', { id: 'studio.records.preview.next' })}</button>
    </div>
    <p class="hint">${msg('Cliquez un objet sur la carte : sa fiche s’affiche ici.', { id: 'studio.records.preview.hint' })}</p>
    ${preview.stale ? html`<p class="hint">${msg('Le document a un problème : l’aperçu suit sa dernière version valide.', { id: 'studio.records.preview.stale' })}</p>` : nothing}
    ${body}
  </section>`;
}
