import OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import Zoom from 'ol/control/Zoom.js';
import type { EventsKey } from 'ol/events.js';
import { unByKey } from 'ol/Observable.js';
import type Feature from 'ol/Feature.js';
import type { Coordinate } from 'ol/coordinate.js';
import type { Pixel } from 'ol/pixel.js';
import type Geometry from 'ol/geom/Geometry.js';
import type VectorLayer from 'ol/layer/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type VectorSource from 'ol/source/Vector.js';
import { FILTERED_OUT } from '../styles/flat-style.js';
import { isVectorLayer, type BasemapDef, type LayerDef, type MapContext, type ViewSettings, type WmsLayerDef } from '../context/types.js';
import type { IdentifyGroup } from '../identify/types.js';
import { LAYER_HIT_KEY } from '../identify/hit.js';
import { walkLayers } from '../context/checks.js';
import { textFor } from '../i18n/text.js';
import { loadLayerKind } from '../layers/registry.js';
import type { LoadPolicySettings } from '../layers/load-policy.js';
import type { CreatedLayer, LayerKind, LayerStatusReport } from '../layers/types.js';
import type { Requester } from '../net/requester.js';
import { ensureProjections } from '../proj/register.js';
import type { MapState, MapStore } from '../state/store.js';
import { resolutionToScale, scaleToResolution } from '../styles/scale.js';
import { layersSettled, watchFirstRender, type FirstRenderSettings } from './first-render.js';
import { createHighlighter } from './highlight.js';
import { LAYER_ID_KEY } from '../layers/keys.js';
import { createMapPointer, wirePointer, type IdentifyEvent, type MapPointer, type PointerWiring } from './pointer.js';
import { createView } from './view.js';
import { mapPlaces, type MapPlaces } from './places.js';
import { cooperativeGestures, type GestureHint } from './cooperative-gestures.js';
import { loadChunk } from '../offline/load-chunk.js';
import { withChoices } from '../layers/wms/params.js';

export interface MapAdapterOptions {
  readonly target: HTMLElement;
  readonly context: MapContext;
  readonly store: MapStore;
  readonly requester: Requester;
  readonly resolveUrl: (url: string) => string;
  readonly language: string;
  /** Labels of the zoom buttons, in the page's language. */
  readonly labels: { zoomIn: string; zoomOut: string };
  /** A click identified features (possibly none). */
  readonly onIdentify?: (event: IdentifyEvent) => void;
  /** The pointer rests on a feature of a layer with a tooltip (or left it). */
  readonly onHover?: PointerWiring['onHover'];
  /** A double click zoomed the map. */
  readonly onDoubleClick?: () => void;
  /** The view to open on, when not the document's (a permalink's). */
  readonly view?: ViewSettings;
  /** Map controls to leave out (an embed's switches); default: all shown. */
  readonly controls?: { readonly zoom?: boolean; readonly scale?: boolean };
  /** Inside another page: Ctrl/⌘ + wheel zooms, two fingers pan; the hint is called when a gesture is left to the page. */
  readonly cooperative?: { readonly onHint: (hint: GestureHint) => void };
  /** How failed layer loads are retried and bounded (default: the policy's defaults). */
  readonly loadPolicy?: LoadPolicySettings;
  /** The first render's deadline and timers (tests give a fake clock). */
  readonly firstRender?: FirstRenderSettings;
}

export interface MapAdapter extends MapPlaces {
  readonly map: OlMap;
  /** Loads a failed layer again. */
  retry(id: string): void;
  /** Draws a layer with the style of `def` in place (false: its kind cannot, the map must be built anew). */
  restyleLayer(def: LayerDef): boolean;
  /** Draws the selected feature's halo (none: undefined). */
  highlight(geometry: Geometry | undefined): void;
  /** A loaded feature of a vector layer, by the value of its id field. */
  findFeature(layerId: string, id: string | number): Feature | undefined;
  /** Brings a geometry into view (points at a street-level zoom). */
  zoomTo(geometry: Geometry, options?: { padding?: number[]; duration?: number }): Promise<void>;
  /** Frames a box of the view's projection, as zoomTo does a geometry's. */
  fitExtent(extent: readonly number[], options?: { padding?: number[]; duration?: number }): Promise<void>;
  /** The features of a vector layer loaded so far (none for other layers). */
  featuresOf(layerId: string): Feature[];
  /** Calls back (once a frame at most) when a vector layer's features change. */
  onFeaturesChange(layerId: string, callback: () => void): () => void;
  /** Hides the features of a vector layer whose ids are not kept (null: shows them all). */
  setFilter(layerId: string, kept: ReadonlySet<string | number> | null): void;
  /** A geometry as a GeoJSON geometry object in lon/lat (exports). */
  toLonLatGeometry(geometry: Geometry): unknown;
  /** The pixel of a coordinate now. */
  pixelOf(coordinate: Coordinate): Pixel | undefined;
  /** Calls back after every rendered frame (to keep things anchored to the map). */
  onRender(callback: () => void): () => void;
  /** Resolves after the first render in which every visible layer has loaded or failed, or the first after a deadline (first-render.ts). */
  readonly rendered: Promise<void>;
  /** Tools that own the map's clicks take the pointer here (`pointer.take(owner)`): one owner at a time. */
  readonly pointer: MapPointer;
  /**
   * Holds the pointer without owning its clicks: they stop opening records and hovering stops
   * showing tooltips until the returned function is called. Nested holds add up.
   */
  holdPointer(): () => void;
  dispose(): void;
}

export { LAYER_ID_KEY };

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

  const { view, fitExtent } = createView(options.view ?? context.view);
  const viewProjection = view.getProjection();
  const metersPerUnit = viewProjection.getMetersPerUnit() ?? 1;

  const created = new Map<string, CreatedLayer>();
  const report = (id: string) => (status: LayerStatusReport) =>
    store.dispatch({ type: 'set-layer-status', id, ...status });

  const make = (def: Drawable, kind: LayerKind, zIndex: number): BaseLayer | undefined => {
    try {
      const layer = kind.create(def as never, {
        requester,
        viewProjection,
        resolveUrl,
        report: report(def.id),
        attributions: def.attributions.map((a) => textFor(a, language)),
        loadPolicy: options.loadPolicy,
      });
      created.set(def.id, layer);
      layer.layer.set(LAYER_ID_KEY, def.id);
      if (layer.hit) layer.layer.set(LAYER_HIT_KEY, layer.hit);
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
    ...leaves.map((def, i) => make(def, kinds[i]!, leaves.length - i + 1)),
    ...basemaps.map((def, i) => make(def, kinds[leaves.length + i]!, 0)),
  ].filter((layer): layer is BaseLayer => layer !== undefined);

  const map = new OlMap({
    target: options.target,
    // The keys go to the focused map element itself: by default OpenLayers listens on the shadow host,
    // and drops the (retargeted) events when that host sits in another shadow root (the app's).
    keyboardEventTarget: options.target,
    view,
    layers: olLayers,
    controls: [
      ...(options.controls?.zoom === false ? [] : [new Zoom({ zoomInTipLabel: options.labels.zoomIn, zoomOutTipLabel: options.labels.zoomOut })]),
      ...(options.controls?.scale === false ? [] : [new ScaleLine({ units: 'metric' })]),
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
      created.get(def.id)?.applyChoices?.(layerState.choices);
    }
    // The drawing order (top first) as z-indexes above the basemaps' 0.
    const order = state.order ?? [];
    order.forEach((id, i) => created.get(id)?.layer.setZIndex(order.length - i + 1));
    for (const def of basemaps) created.get(def.id)?.layer.setVisible(state.basemap === def.id);
  };
  apply(store.state);
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.layers !== previous.layers || next.basemap !== previous.basemap || next.order !== previous.order) apply(next);
  });

  const highlighter = createHighlighter(map);
  /** The vector source of a document layer (through a cluster, when the layer clusters). */
  const vectorSourceOf = (layerId: string): VectorSource | undefined => {
    if (!vectorIds.has(layerId)) return undefined;
    const layer = created.get(layerId)?.layer;
    const source = layer && 'getSource' in layer ? (layer as VectorLayer).getSource() : undefined;
    if (!source) return undefined;
    // Layers drawn from an image source (e.g. `points`) have no features here: they answer findFeature themselves.
    if (!('getFeatureById' in source)) return undefined;
    // A cluster source wraps the layer's own source (no import of Cluster here: maps without clusters skip its code).
    const inner = (source as { getSource?: () => VectorSource | null }).getSource?.();
    return inner ?? (source as VectorSource);
  };
  const vectorIds = new Set(leaves.filter(isVectorLayer).map((l) => l.id));
  const visibleOf = (ids: Iterable<string>): Set<string> =>
    new Set([...ids].filter((id) => store.state.layers[id]?.visible));
  const queryableIds = leaves.filter(isVectorLayer).filter((l) => l.popup?.enabled !== false).map((l) => l.id);
  const tooltipIds = leaves.filter(isVectorLayer).filter((l) => l.tooltip !== undefined).map((l) => l.id);
  // WMS layers answer clicks through GetFeatureInfo; a new click cancels the questions of the last.
  const wmsLayers = leaves.filter((l): l is WmsLayerDef => l.type === 'wms' && l.queryable !== false);
  // Layers added while the map is open (state.added) are built and dropped as the state says: that
  // code (added-layers.ts) loads with the first of them.
  let followAdded: Promise<(defs: readonly LayerDef[]) => Promise<void>> | undefined;
  const syncAdded = (defs: readonly LayerDef[] = []): void => {
    if (!defs.length && !followAdded) return;
    followAdded ??= loadChunk(import('./added-layers.js')).then(({ addedLayers }) =>
      addedLayers({ map, store, created, leaves, vectorIds, queryableIds, tooltipIds, wmsLayers, make, apply, loadLayerKind, ensureProjections }),
    );
    void followAdded.then((sync) => sync(defs));
  };
  syncAdded(store.state.added);
  const unsubscribeAdded = store.subscribe((next, previous) => {
    if (next.added !== previous.added) syncAdded(next.added);
  });
  let asking: AbortController | undefined;
  const askServices = (coordinate: Coordinate): { asks: boolean; answers: Promise<IdentifyGroup[]> } => {
    asking?.abort();
    const resolution = view.getResolution();
    const scale = resolution === undefined ? undefined : resolutionToScale(resolution, metersPerUnit);
    const layers = wmsLayers.filter(
      (l) => store.state.layers[l.id]?.visible && (scale === undefined || ((l.minScale ?? 0) <= scale && scale < (l.maxScale ?? Infinity))),
    );
    if (!layers.length || resolution === undefined) return { asks: false, answers: Promise.resolve([]) };
    const controller = (asking = new AbortController());
    const answers = loadChunk(import('../identify/feature-info.js')).then(({ identifyWms }) =>
      Promise.all(
        layers.map((def) =>
          identifyWms(withChoices(def, store.state.layers[def.id]?.choices), { coordinate, resolution, viewProjection, requester, resolveUrl, signal: controller.signal }),
        ),
      ),
    );
    return { asks: true, answers };
  };
  // Layers that answer clicks themselves (clusters zoom into their points) go first, before
  // identify: a used click stops here, so the listeners added after this one do not see it.
  const pointer = createMapPointer(() => options.onHover?.(undefined));
  const layerClick = map.on('click', (event) => {
    if (pointer.held) return;
    for (const layer of created.values()) {
      if (layer.layer.getVisible() && layer.onClick?.({ map, pixel: event.pixel })) {
        event.stopPropagation();
        return;
      }
    }
  });
  const uncooperate = options.cooperative ? cooperativeGestures(map, options.cooperative.onHint) : undefined;
  const unwirePointer = wirePointer(map, {
    pointer,
    askServices,
    queryable: () => visibleOf(queryableIds),
    tooltips: () => visibleOf(tooltipIds),
    onIdentify: (event) => options.onIdentify?.(event),
    onHover: (hover) => options.onHover?.(hover),
    onDoubleClick: () => options.onDoubleClick?.(),
  });

  const keys: EventsKey[] = [];
  const publishView = (): void => {
    const center = view.getCenter();
    const resolution = view.getResolution();
    if (!center || resolution === undefined) return;
    const size = map.getSize();
    const extent = size ? view.calculateExtent(size) : undefined;
    store.dispatch({
      type: 'set-view',
      view: {
        center: [center[0]!, center[1]!],
        resolution,
        scale: resolutionToScale(resolution, metersPerUnit),
        extent: extent ? [extent[0]!, extent[1]!, extent[2]!, extent[3]!] : undefined,
      },
    });
  };
  keys.push(layerClick);
  keys.push(map.on('moveend', publishView));
  publishView();

  const settled = (): boolean => layersSettled(leaves.map((def) => def.id), store.state, (id) => created.get(id)?.layer, view.getResolution() ?? 0);
  const firstRender = watchFirstRender({ map, store, settled, ...options.firstRender });

  const frame: MapAdapter['fitExtent'] = (extent, { padding = [40, 40, 40, 40], duration = 350 } = {}) => {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    return new Promise((resolve) =>
      view.fit([...extent], {
        padding,
        maxZoom: view.getZoomForResolution(scaleToResolution(10000, metersPerUnit)) ?? 16,
        duration: reduce ? 0 : duration,
        callback: () => resolve(),
      }),
    );
  };

  const adapter: MapAdapter = {
    ...mapPlaces(map, frame, () => adapter),
    map,
    rendered: firstRender.rendered,
    pointer,
    holdPointer: () => pointer.hold(),
    retry(id) {
      created.get(id)?.retry();
    },
    restyleLayer: (def) => created.get(def.id)?.restyle?.(def) ?? false,
    highlight(geometry) {
      highlighter.show(geometry);
    },
    findFeature(layerId, id) {
      if (!vectorIds.has(layerId)) return undefined;
      const own = created.get(layerId)?.findFeature;
      if (own) return own(id);
      return (vectorSourceOf(layerId)?.getFeatureById(id) as Feature | null) ?? undefined;
    },
    zoomTo: (geometry, options) => frame(geometry.getExtent(), options),
    fitExtent: frame,
    featuresOf(layerId) {
      return vectorSourceOf(layerId)?.getFeatures() ?? [];
    },
    onFeaturesChange(layerId, callback) {
      const source = vectorSourceOf(layerId);
      if (!source) return () => undefined;
      let frame = 0;
      const changed = (): void => {
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), callback()));
      };
      const keys = [source.on('addfeature', changed), source.on('removefeature', changed), source.on('clear', changed), source.on('featuresloadend', changed)];
      return () => {
        cancelAnimationFrame(frame);
        unByKey(keys);
      };
    },
    setFilter(layerId, kept) {
      const source = vectorSourceOf(layerId);
      if (!source) return;
      for (const feature of source.getFeatures()) {
        const id = feature.getId();
        feature.set(FILTERED_OUT, kept !== null && (id === undefined || !kept.has(id)), true);
      }
      created.get(layerId)?.layer.changed();
    },
    toLonLatGeometry(geometry) {
      return new GeoJSON().writeGeometryObject(geometry, { featureProjection: viewProjection, dataProjection: 'EPSG:4326', decimals: 7 });
    },
    pixelOf(coordinate) {
      return map.getPixelFromCoordinate(coordinate) ?? undefined;
    },
    onRender(callback) {
      const key = map.on('postrender', callback);
      return () => unByKey(key);
    },
    dispose() {
      firstRender.dispose();
      unsubscribe();
      unsubscribeAdded();
      unwirePointer();
      uncooperate?.();
      highlighter.dispose();
      unByKey(keys);
      for (const layer of created.values()) layer.dispose?.();
      map.setTarget(undefined);
      map.dispose();
    },
  };
  return adapter;
}
