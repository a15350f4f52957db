import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { loadChunk } from '../../offline/load-chunk.js';
import type { MapSession } from '../../session/map-session.js';
import type { AddedLayersHost } from '../../add-layer/open.js';
import type { MapViewHost } from './host.js';
import type { FilteredCounts } from './table-controller.js';

export interface SidePanelOptions {
  readonly host: MapViewHost & AddedLayersHost;
  readonly session: MapSession;
  readonly open: boolean;
  readonly filtered: FilteredCounts;
  /** The site counts usage: the panel says what is measured and lets the person opt out. */
  readonly analytics: boolean;
  /** Whether « Ajouter une couche » is offered. */
  readonly addLayers: boolean;
  readonly onInfo: (id: string) => void;
}

/** The side panel (a sheet on a phone): layers, basemaps, legend; its events become store actions. */
export function sidePanel({ host, session, open, filtered, analytics, addLayers, onInfo }: SidePanelOptions): TemplateResult {
  const { context, store } = session;
  const { language } = host;
  const { controls } = host.embedSettings;
  return html`<aside
    id="panel"
    ?hidden=${!open}
    aria-label=${msg('Couches et légende', { id: 'panel.label' })}
    @cartable-layer-visibility=${(e: HTMLElementEventMap['cartable-layer-visibility']) => store.dispatch({ type: 'set-visible', ...e.detail })}
    @cartable-layer-opacity=${(e: HTMLElementEventMap['cartable-layer-opacity']) => store.dispatch({ type: 'set-opacity', ...e.detail })}
    @cartable-layer-choice=${(e: HTMLElementEventMap['cartable-layer-choice']) => store.dispatch({ type: 'set-layer-choice', ...e.detail })}
    @cartable-group-expanded=${(e: HTMLElementEventMap['cartable-group-expanded']) => store.dispatch({ type: 'set-group-expanded', ...e.detail })}
    @cartable-layer-info=${(e: HTMLElementEventMap['cartable-layer-info']) => onInfo(e.detail.id)}
    @cartable-basemap=${(e: HTMLElementEventMap['cartable-basemap']) => store.dispatch({ type: 'set-basemap', id: e.detail.id })}
  >
    ${controls.layers
      ? html`<section aria-labelledby="layers-title">
          <h2 id="layers-title">${msg('Couches', { id: 'panel.layers' })}</h2>
          <cartable-layer-tree .language=${language}></cartable-layer-tree>
          ${addLayers
            ? html`<button class="button add-layer" aria-haspopup="dialog" @click=${() => void loadChunk(import('../../add-layer/index.js')).then((m) => m.openAddLayer(host))}>
                ${msg('Ajouter une couche', { id: 'addLayer.open' })}
              </button>`
            : nothing}
        </section>`
      : nothing}
    ${controls.layers && context.basemaps.length > 1
      ? html`<section>
          <cartable-basemaps .language=${language}></cartable-basemaps>
        </section>`
      : nothing}
    ${controls.legend
      ? html`<section aria-labelledby="legend-title">
          <h2 id="legend-title">${msg('Légende', { id: 'panel.legend' })}</h2>
          <cartable-legend .language=${language} .filtered=${filtered}></cartable-legend>
        </section>`
      : nothing}
    ${analytics ? html`<section><cartable-analytics-choice></cartable-analytics-choice></section>` : nothing}
  </aside>`;
}
