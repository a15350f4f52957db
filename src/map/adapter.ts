import OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import Zoom from 'ol/control/Zoom.js';
import type { EventsKey } from 'ol/events.js';
import { unByKey } from 'ol/Observable.js';
import type { BasemapDef, LayerDef, MapContext } from '../context/types.js';
import { walkLayers } from '../context/checks.js';
import { textFor } from '../i18n/text.js';
import { loadLayerKind } from '../layers/registry.js';
import type { CreatedLayer, LayerStatusReport } from '../layers/types.js';
import type { Requester } from '../net/requester.js';
import { ensureProjections } from '../proj/register.js';
import type { MapState, MapStore } from '../state/store.js';
import { resolutionToScale, scaleToResolution } from '../styles/scale.js';
import { createView } from './view.js';

export interface MapAdapterOptions {
  readonly target: HTMLElement;
  readonly context: MapContext;
  readonly store: MapStore;
  readonly requester: Requester;
  readonly resolveUrl: (url: string) => string;
  readonly language: string;
  /** Labels of the zoom buttons, in the page's language. */
  readonly labels: { zoomIn: string; zoomOut: string };
}

export interface MapAdapter {
  readonly map: OlMap;
  /** Loads a failed layer again. */
  retry(id: string): void;
  /** Resolves after the first render in which every visible layer has loaded or failed. */
  readonly rendered: Promise<void>;
  dispose(): void;
}

/** Tags every OpenLayers layer with the id of the document layer it draws. */
export const LAYER_ID_KEY = 'cartable:id';

type Drawable = LayerDef | Exclude<BasemapDef, { type: 'empty' }>;

function leavesOf(context: MapContext): LayerDef[] {
  const leaves: LayerDef[] = [];
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group') leaves.push(node);
  });
  return leaves;
}

/**
 * Drives an OpenLayers map from the model: builds it from the document, then applies each state
 * change (visibility, opacity, basemap) and reports layer status and view changes back as actions.
 * The map is never the source of truth.
 */
export async function createMapAdapter(options: MapAdapterOptions): Promise<MapAdapter> {
  const { context, store, requester, resolveUrl, language } = options;
  const leaves = leavesOf(context);
  const basemaps = context.basemaps.filter((b): b is Exclude<BasemapDef, { type: 'empty' }> => b.type !== 'empty');
  const drawables: Drawable[] = [...leaves, ...basemaps];
  const kinds = await Promise.all(drawables.map((def) => loadLayerKind(def)));

  const needed = new Set<string>([context.view.projection, context.view.crs]);
  drawables.forEach((def, i) => kinds[i]!.projections(def as never).forEach((p) => needed.add(p)));
  // A data projection that fails here is reported by its layer; the view's own must succeed.
  await ensureProjections([context.view.projection, context.view.crs]);
  await ensureProjections([...needed]).catch(() => undefined);

  const { view, fitExtent } = createView(context.view);
  const viewProjection = view.getProjection();
  const metersPerUnit = viewProjection.getMetersPerUnit() ?? 1;

  const created = new Map<string, CreatedLayer>();
  const report = (id: string) => (status: LayerStatusReport) =>
    store.dispatch({ type: 'set-layer-status', id, ...status });

  const make = (def: Drawable, index: number, zIndex: number): BaseLayer | undefined => {
    const kind = kinds[index]!;
    try {
      const layer = kind.create(def as never, {
        requester,
        viewProjection,
        resolveUrl,
        report: report(def.id),
        attributions: def.attributions.map((a) => textFor(a, language)),
      });
      created.set(def.id, layer);
      layer.layer.set(LAYER_ID_KEY, def.id);
      layer.layer.setZIndex(zIndex);
      if (def.minScale !== undefined) layer.layer.setMinResolution(scaleToResolution(def.minScale, metersPerUnit));
      if (def.maxScale !== undefined) layer.layer.setMaxResolution(scaleToResolution(def.maxScale, metersPerUnit));
      return layer.layer;
    } catch (error) {
      // A layer that cannot be built (e.g. a tile grid in an unknown projection) fails alone.
      const detail = error instanceof Error ? error.message : String(error);
      store.dispatch({ type: 'set-layer-status', id: def.id, status: 'error', problem: { code: 'projection', detail } });
      return undefined;
    }
  };

  const olLayers = [
    ...leaves.map((def, i) => make(def, i, leaves.length - i + 1)),
    ...basemaps.map((def, i) => make(def, leaves.length + i, 0)),
  ].filter((layer): layer is BaseLayer => layer !== undefined);

  const map = new OlMap({
    target: options.target,
    view,
    layers: olLayers,
    controls: [
      new Zoom({ zoomInTipLabel: options.labels.zoomIn, zoomOutTipLabel: options.labels.zoomOut }),
      new ScaleLine({ units: 'metric' }),
    ],
  });
  // The zoom buttons carry only "+" and "−": give them names screen readers can say.
  options.target.querySelectorAll<HTMLButtonElement>('.ol-zoom-in, .ol-zoom-out').forEach((button) => {
    button.setAttribute('aria-label', button.classList.contains('ol-zoom-in') ? options.labels.zoomIn : options.labels.zoomOut);
  });
  if (fitExtent) view.fit(fitExtent, { size: map.getSize() ?? [800, 600] });

  const apply = (state: MapState): void => {
    for (const def of leaves) {
      const layer = created.get(def.id)?.layer;
      const layerState = state.layers[def.id];
      if (!layer || !layerState) continue;
      layer.setVisible(layerState.visible);
      layer.setOpacity(layerState.opacity);
    }
    for (const def of basemaps) created.get(def.id)?.layer.setVisible(state.basemap === def.id);
  };
  apply(store.state);
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.layers !== previous.layers || next.basemap !== previous.basemap) apply(next);
  });

  const keys: EventsKey[] = [];
  const publishView = (): void => {
    const center = view.getCenter();
    const resolution = view.getResolution();
    if (!center || resolution === undefined) return;
    store.dispatch({
      type: 'set-view',
      view: { center: [center[0]!, center[1]!], resolution, scale: resolutionToScale(resolution, metersPerUnit) },
    });
  };
  keys.push(map.on('moveend', publishView));
  publishView();

  const rendered = new Promise<void>((resolve) => {
    const settled = (): boolean => {
      const resolution = view.getResolution() ?? 0;
      return leaves.every((def) => {
        const state = store.state.layers[def.id];
        const layer = created.get(def.id)?.layer;
        const inRange = !layer || (resolution >= layer.getMinResolution() && resolution < layer.getMaxResolution());
        return !state?.visible || !inRange || state.status === 'ready' || state.status === 'error';
      });
    };
    const key = map.on('rendercomplete', () => {
      if (!settled()) return;
      unByKey(key);
      resolve();
    });
    keys.push(key);
  });

  return {
    map,
    rendered,
    retry(id) {
      created.get(id)?.retry();
    },
    dispose() {
      unsubscribe();
      unByKey(keys);
      for (const layer of created.values()) layer.dispose?.();
      map.setTarget(undefined);
      map.dispose();
    },
  };
}
