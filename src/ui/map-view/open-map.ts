import { msg } from '@lit/localize';
import type { AddedLayersHost } from '../../add-layer/open.js';
import type { ViewSettings } from '../../context/types.js';
import { createMapAdapter, type MapAdapter } from '../../map/adapter.js';
import { loadChunk } from '../../offline/load-chunk.js';
import type { MapSession } from '../../session/map-session.js';
import { readFeatureRef } from '../../state/feature-link.js';
import { hasPermalink } from '../../state/permalink-params.js';
import { emit } from '../events.js';
import type { EmbedController } from './embed-controller.js';
import type { HoverController } from './hover-controller.js';
import type { MapViewHost } from './host.js';
import type { RecordsController } from './records-controller.js';
import type { SearchController } from './search-controller.js';
import type { TableController } from './table-controller.js';

/** What building a map needs of its view. */
export interface MapBuilder extends MapViewHost, AddedLayersHost {
  readonly records: RecordsController;
  readonly hover: HoverController;
  readonly embedMode: EmbedController;
  readonly tables: TableController;
  readonly searchBox: SearchController;
}

/**
 * A permalink's state (layers, basemap, panel) goes to the store through its actions before the map
 * is built; its view is the one the map opens on. The permalink code loads only for such links.
 */
async function applyStartLink(view: MapBuilder, session: MapSession): Promise<{ view?: ViewSettings; afterBuild?: (adapter: MapAdapter) => void }> {
  const { context, store, startUrl } = session;
  if (!hasPermalink(startUrl)) return {};
  const { readPermalink, permalinkActions, viewSettingsOf } = await loadChunk(import('../../state/permalink-read.js'));
  if (session.signal.aborted) return {};
  const start = readPermalink(startUrl, context);
  // Layers added from services (the link's `add=`, a catalogue's hand-off) join first: `l=` may name them.
  let added: import('../../add-layer/open.js').OpenedLayers | undefined;
  if (start.link.added || view.startLayers) {
    added = await (await loadChunk(import('../../add-layer/index.js'))).openAddedLayers(view, store, context, start.link);
    if (added.notice) view.say({ code: 'text', text: added.notice });
  }
  for (const action of permalinkActions(store.state, start.link, context)) store.dispatch(action);
  if (start.link.panel !== undefined) store.dispatch({ type: 'set-panel', open: start.link.panel });
  if (start.ignored.length) view.say({ code: 'link-ignored' });
  return { view: start.link.view ? viewSettingsOf(context, start.link.view) : added?.view, afterBuild: added?.afterBuild };
}

/** Builds the OpenLayers map of a session; resolves with its adapter (undefined when another map took over meanwhile). */
async function buildMap(view: MapBuilder, session: MapSession): Promise<MapAdapter | undefined> {
  const { context, store } = session;
  const { controls, embed } = view.embedSettings;
  const start = await applyStartLink(view, session);
  const adapter = await createMapAdapter({
    target: view.mapTarget,
    context,
    store,
    requester: await session.requester(),
    resolveUrl: (url) => session.resolveUrl(url),
    language: view.language,
    labels: { zoomIn: msg('Zoomer', { id: 'map.zoomIn' }), zoomOut: msg('Dézoomer', { id: 'map.zoomOut' }) },
    view: start.view,
    controls: { zoom: controls.zoom, scale: controls.scale },
    cooperative: embed ? { onHint: (hint) => view.embedMode.showHint(hint) } : undefined,
    onIdentify: (event) => void view.records.identify(event),
    onHover: (hover) => view.hover.hover(hover),
    onDoubleClick: () => view.records.doubleClicked(),
  });
  session.attach(adapter); // A session closed meanwhile disposes it.
  if (session.signal.aborted) return undefined;
  start.afterBuild?.(adapter);
  view.embedMode.connectFrame(session);
  // The permalink part of the URL loads after the first frame, which never waits for it.
  void whenIdle(adapter.rendered).then(() => session.loadPermalink());
  // The record a link names (?feature=layer~id) opens once its layer has loaded, without taking focus;
  // a link that also gives the view keeps it: the record opens where the person left the map.
  const ref = readFeatureRef(session.startUrl);
  if (ref) void view.records.showFeature(ref, { openedBy: 'link', move: !session.startUrl.searchParams.has('c') });
  return adapter;
}

/**
 * Opens a session's map: builds it, opens what the start link names, and once it is first drawn
 * marks it, loads the toolbar and the search (neither delays the first map) and says so.
 */
export async function openMap(view: MapBuilder, session: MapSession): Promise<void> {
  const adapter = await buildMap(view, session);
  if (!adapter) return;
  view.tables.openStart();
  await adapter.rendered;
  if (session.signal.aborted) return;
  view.toggleAttribute('rendered', true);
  performance.mark('cartable:map-rendered');
  const { tools, print, report } = view.embedSettings.controls;
  if (tools || print || report) void loadChunk(import('../cartable-tools.js')).then(() => view.requestUpdate());
  view.searchBox.start(session);
  emit(view, 'cartable-map-rendered', {});
}

/** Resolves when the browser is idle a little after `after` (work the first frame must not wait for). */
async function whenIdle(after: Promise<unknown>): Promise<void> {
  await after;
  await new Promise((resolve) => setTimeout(resolve, 800));
  if ('requestIdleCallback' in window) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1500 }));
}
