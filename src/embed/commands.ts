import { transform, transformExtent } from 'ol/proj.js';
import { isVectorLayer } from '../context/types.js';
import { walkLayers } from '../context/checks.js';
import { viewOf } from '../map/permalink-sync.js';
import { EMPTY_QUERY } from '../table/query.js';
import type { CartableMapView } from '../ui/cartable-map-view.js';
import type { EmbedCommand, EmbedEvent } from './api.js';

/** A command that could not be carried out, with a code the host can test. */
export class CommandError extends Error {
  constructor(
    readonly code: 'not-ready' | 'unknown-layer' | 'feature-not-found' | 'no-table' | 'bad-view',
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * Carries out a host's command through the map view's own ways (store actions, showFeature,
 * openTable), as the interface does. A record opened by a command never takes the focus.
 */
export async function runCommand(view: CartableMapView, command: EmbedCommand): Promise<void> {
  const { context, store, adapter } = view;
  if (!context || !store || !adapter) throw new CommandError('not-ready', 'the map is not ready yet');
  const olView = adapter.map.getView();
  const projection = olView.getProjection();
  switch (command.command) {
    case 'set-view': {
      const center = transform([...command.center], context.view.crs, projection);
      if (!center.every(Number.isFinite)) throw new CommandError('bad-view', 'the centre is outside the map');
      olView.setCenter(center);
      if (command.zoom !== undefined) olView.setZoom(command.zoom);
      else if (command.resolution !== undefined) olView.setResolution(command.resolution);
      return;
    }
    case 'fit-extent': {
      const extent = transformExtent([...command.extent], context.view.crs, projection);
      if (!extent.every(Number.isFinite)) throw new CommandError('bad-view', 'the extent is outside the map');
      olView.fit(extent, { size: adapter.map.getSize() });
      return;
    }
    case 'set-layers': {
      const unknown = [...command.show, ...command.hide].filter((id) => !(id in store.state.layers) || context.basemaps.some((b) => b.id === id));
      for (const id of command.show) if (!unknown.includes(id)) store.dispatch({ type: 'set-visible', id, visible: true });
      for (const id of command.hide) if (!unknown.includes(id)) store.dispatch({ type: 'set-visible', id, visible: false });
      if (unknown.length) throw new CommandError('unknown-layer', `unknown layers: ${unknown.join(', ')}`);
      return;
    }
    case 'select-feature': {
      if (command.layerId === null || command.featureId === null) {
        view.closeRecord();
        return;
      }
      const shown = await view.showFeature({ layerId: command.layerId, featureId: command.featureId }, { openedBy: 'link' });
      if (!shown) throw new CommandError('feature-not-found', `no feature ${String(command.featureId)} in layer ${command.layerId}`);
      return;
    }
    case 'set-table-filter': {
      if (command.layerId === null || command.filter === null) {
        view.closeTable();
        return;
      }
      let hasTable = false;
      walkLayers(context.layers, (node) => {
        if (node.type !== 'group' && node.id === command.layerId && isVectorLayer(node) && node.table) hasTable = true;
      });
      if (!hasTable) throw new CommandError('no-table', `layer ${command.layerId} has no table`);
      const { text, values, ranges, inView } = command.filter;
      await view.openTable(command.layerId, { ...EMPTY_QUERY, text: text ?? '', values: values ?? {}, ranges: ranges ?? {}, inView: inView ?? false });
      return;
    }
  }
}

/**
 * Calls `emit` with the map's events: `ready` at once (call it once the map has rendered), then
 * `view-changed` after each move (debounced) and `feature-selected` when the record changes.
 */
export function watchEvents(view: CartableMapView, emit: (event: EmbedEvent) => void, { delay = 250 } = {}): () => void {
  const { context, store, adapter } = view;
  if (!context || !store || !adapter) return () => undefined;
  emit({ event: 'ready', map: context.id, version: 1 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const viewChanged = (): void => {
    timer = undefined;
    const now = viewOf(context, adapter);
    const extent = store.state.view?.extent;
    if (!now) return;
    emit({
      event: 'view-changed',
      ...now,
      extent: extent ? transformExtent([...extent], adapter.map.getView().getProjection(), context.view.crs) : undefined,
    });
  };
  const stop = store.subscribe((next, previous) => {
    if (next.view !== previous.view) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(viewChanged, delay);
    }
    if (next.selection !== previous.selection) {
      emit({ event: 'feature-selected', layerId: next.selection?.layerId ?? null, featureId: next.selection?.featureId ?? null });
    }
  });
  return () => {
    stop();
    if (timer !== undefined) clearTimeout(timer);
  };
}
