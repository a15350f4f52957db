import type { LayoutController } from '../layout/layout-controller.js';
import type { PanelChange } from '../layout/rules.js';
import type { MapViewHost } from './host.js';

/** What the layout opens and closes in the map view. */
export interface LayoutHost extends MapViewHost {
  readonly records: { readonly popup?: unknown; close(options: { returnFocus: boolean }): void };
  readonly tables: { readonly shown?: unknown; open(layerId: string, query?: import('../../table/query.js').TableQuery): Promise<void>; close(): void };
}

/**
 * Does what the layout decided (src/ui/layout/): a panel closed by Esc or by another one closes for
 * real; a minimised one is only hidden (see `minimisedClasses`) and comes back as it was.
 */
export function followLayout(view: LayoutHost, { panel, status }: PanelChange): void {
  const store = view.session?.store;
  switch (panel) {
    case 'layers':
      // The store holds the panel (so the URL does): a sheet minimised under a record stays "open" there.
      if (store && store.state.panel !== (status !== 'closed')) store.dispatch({ type: 'set-panel', open: status !== 'closed' });
      break;
    case 'record':
      if (status === 'closed' && view.records.popup) view.records.close({ returnFocus: false });
      break;
    case 'table':
      if (status === 'closed' && (view.tables.shown || store?.state.table)) view.tables.close();
      // A phone hides the table when a row opens its record (the query stays in the store): it comes back.
      else if (status === 'open' && !view.tables.shown && store?.state.table) void view.tables.open(store.state.table.layerId, store.state.table.query);
      break;
    case 'report': {
      // A report closed by another panel closes for real (its place leaves the map); a minimised one is hidden.
      const report = view.renderRoot.querySelector('cartable-report');
      if (report && status === 'closed' && !report.hidden) report.close({ returnFocus: false });
      else if (report) report.hidden = status !== 'open';
      break;
    }
    case 'tool':
      // A tool's work (a measure, a mark) is done on the map: a tool covered by another sheet stops.
      if (status !== 'open') view.renderRoot.querySelector('cartable-tools')?.closeTool();
      break;
  }
}

/** Classes of the map area that hide the minimised panels (a phone sheet put aside under another). */
export function minimisedClasses(layout: LayoutController): string {
  return (['table', 'record'] as const)
    .filter((panel) => layout.status(panel) === 'minimised')
    .map((panel) => `minimised-${panel}`)
    .join(' ');
}
