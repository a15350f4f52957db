import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { EmbedSettings } from '../../embed/params.js';
import type { VectorLayerDef } from '../../context/types.js';

export interface HeaderOptions {
  readonly title: string;
  readonly catalogHref: string;
  readonly embed: EmbedSettings;
  /** The search box (or nothing). */
  readonly search: TemplateResult | typeof nothing;
  /** The layers that have a table, and whether one is shown. */
  readonly tableLayers: readonly VectorLayerDef[];
  readonly tableShown: boolean;
  readonly panelOpen: boolean;
  readonly language: string;
  /** In an embed: the « open the full map » link. */
  readonly fullMapLink: () => TemplateResult | typeof nothing;
  readonly onTable: () => void;
  readonly onPanel: () => void;
  readonly onShare: () => void;
}

/** The map's header: back to the catalogue, title, search, table and panel buttons, share and language (or, in an embed, the full map link). */
export function mapHeader(o: HeaderOptions): TemplateResult {
  const { embed: embedded, controls } = o.embed;
  return html`<header>
    ${embedded
      ? nothing
      : html`<a class="back" href=${o.catalogHref}>
          <span aria-hidden="true">←</span><span class="back-label">${msg('Catalogue', { id: 'nav.catalog' })}</span>
        </a>`}
    <h1>${o.title}</h1>
    ${controls.search ? o.search : nothing}
    ${controls.table && o.tableLayers.length
      ? html`<button class="panel-toggle table-toggle" aria-pressed=${o.tableShown ? 'true' : 'false'} @click=${o.onTable}>
          ${msg('Tableau', { id: 'table.toggle' })}
        </button>`
      : nothing}
    ${controls.layers || controls.legend
      ? html`<button class="panel-toggle" aria-expanded=${o.panelOpen ? 'true' : 'false'} aria-controls="panel" @click=${o.onPanel}>
          ${msg('Couches', { id: 'panel.toggle' })}
        </button>`
      : nothing}
    ${embedded
      ? o.fullMapLink()
      : html`<button class="share-toggle" aria-haspopup="dialog" @click=${o.onShare}>${msg('Partager', { id: 'share.toggle' })}</button>
          <cartable-language-switch .language=${o.language}></cartable-language-switch>`}
  </header>`;
}
