import { html, nothing, type TemplateResult } from 'lit';
import type { VectorLayerDef } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { LayoutController } from '../layout/layout-controller.js';
import type { MapViewHost } from './host.js';

/** What the header reads of the map view, and what its buttons call. */
export interface HeaderHost extends MapViewHost {
  readonly catalogHref: string;
  readonly layout: LayoutController;
  readonly embedMode: { fullMapHref(permalink: string): string | undefined };
  openTable(layerId: string): Promise<void>;
  closeTable(): void;
  openShare(): Promise<void>;
  permalink(): string;
}

export interface HeaderOptions {
  readonly title: string;
  /** The search box (or nothing). */
  readonly search: TemplateResult | typeof nothing;
  /** The site's small bloc-marque (or nothing). */
  readonly brand?: TemplateResult | typeof nothing;
  /** The layers that have a table. */
  readonly tableLayers: readonly VectorLayerDef[];
  /** The layer panel is shown. */
  readonly panelOpen: boolean;
  /** The layer panel is asked to open or close (the store holds it, so the URL does). */
  readonly onPanel: (open: boolean) => void;
}

/** The map's header (src/ui/cartable-map-header.ts), its buttons wired to the map view. */
export function mapHeader(view: HeaderHost, o: HeaderOptions): TemplateResult {
  const { embed, controls } = view.embedSettings;
  const firstTable = o.tableLayers[0];
  // « Géosites de ma commune »: the report, on « Une commune » (where the report is allowed).
  const entry = controls.report ? view.session?.context.communes?.entry : undefined;
  return html`<cartable-map-header
    .mapTitle=${o.title}
    .language=${view.language}
    .catalogHref=${view.catalogHref}
    ?embedded=${embed}
    .fullMapHref=${embed ? view.embedMode.fullMapHref(view.permalink()) : undefined}
    ?tableButton=${controls.table && !!firstTable}
    ?tableOpen=${view.layout.isOpen('table')}
    ?panelButton=${controls.layers || controls.legend}
    ?panelOpen=${o.panelOpen}
    .communeEntry=${entry ? textFor(entry, view.language) : ''}
    @cartable-panel-toggle=${(e: HTMLElementEventMap['cartable-panel-toggle']) => o.onPanel(e.detail.open)}
    @cartable-table-toggle=${(e: HTMLElementEventMap['cartable-table-toggle']) => (e.detail.open && firstTable ? void view.openTable(firstTable.id) : view.closeTable())}
    @cartable-share-request=${() => void view.openShare()}
  >
    ${o.search}${o.brand ?? nothing}
  </cartable-map-header>`;
}
