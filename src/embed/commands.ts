import { viewOf } from '../map/permalink-sync.js';
import type { MapSession } from '../session/map-session.js';
import { EMPTY_QUERY } from '../table/query.js';
import type { EmbedCommand, EmbedEvent } from './api.js';

import { CommandError } from './command-error.js';

export { CommandError };

/**
 * Carries out a host's command through the map's own ways (store actions, the session's view moves,
 * the interface's actions), as the interface does. A record opened by a command never takes the focus.
 */
export async function runCommand(session: MapSession | undefined, command: EmbedCommand): Promise<void> {
  const adapter = session?.adapter;
  const actions = session?.actions;
  if (!session || !adapter || !actions) throw new CommandError('not-ready', 'the map is not ready yet');
  const { context, store } = session;
  switch (command.command) {
    case 'set-view': {
      if (!(await session.showCenter(command))) throw new CommandError('bad-view', 'the centre is outside the map');
      return;
    }
    case 'fit-extent': {
      if (!(await session.showExtent(command.extent))) throw new CommandError('bad-view', 'the extent is outside the map');
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
        actions.closeRecord();
        return;
      }
      const shown = await actions.showFeature({ layerId: command.layerId, featureId: command.featureId }, { openedBy: 'link' });
      if (!shown) throw new CommandError('feature-not-found', `no feature ${String(command.featureId)} in layer ${command.layerId}`);
      return;
    }
    case 'set-table-filter': {
      if (command.layerId === null || command.filter === null) {
        actions.closeTable();
        return;
      }
      if (!session.layers.tableLayers().some((l) => l.id === command.layerId)) throw new CommandError('no-table', `layer ${command.layerId} has no table`);
      const { text, values, ranges, inView } = command.filter;
      await actions.openTable(command.layerId, { ...EMPTY_QUERY, text: text ?? '', values: values ?? {}, ranges: ranges ?? {}, inView: inView ?? false });
      return;
    }
  }
}

/**
 * Calls `emit` with the map's events: `ready` at once (call it once the map has rendered), then
 * `view-changed` after each move (debounced) and `feature-selected` when the record changes.
 */
export function watchEvents(session: MapSession | undefined, emit: (event: EmbedEvent) => void, { delay = 250 } = {}): () => void {
  const adapter = session?.adapter;
  if (!session || !adapter) return () => undefined;
  const { context, store } = session;
  emit({ event: 'ready', map: context.id, version: 1 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const viewChanged = async (): Promise<void> => {
    timer = undefined;
    const now = viewOf(context, adapter);
    if (!now) return;
    const extent = await session.viewExtent();
    if (!stopped) emit({ event: 'view-changed', ...now, extent });
  };
  const stop = store.subscribe((next, previous) => {
    if (next.view !== previous.view) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void viewChanged(), delay);
    }
    if (next.selection !== previous.selection) {
      emit({ event: 'feature-selected', layerId: next.selection?.layerId ?? null, featureId: next.selection?.featureId ?? null });
    }
  });
  const stopAll = (): void => {
    stopped = true;
    stop();
    if (timer !== undefined) clearTimeout(timer);
  };
  session.signal.addEventListener('abort', stopAll, { once: true });
  return stopAll;
}
