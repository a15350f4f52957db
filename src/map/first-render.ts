import type OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import { unByKey } from 'ol/Observable.js';
import type { Timers } from '../layers/load-policy.js';
import type { MapState, MapStore } from '../state/store.js';

/** How long the first render waits for slow layers, in milliseconds. */
export const FIRST_RENDER_DEADLINE = 8000;

export interface FirstRenderSettings {
  /** Milliseconds after which the first frame counts as the first render, settled or not (default 8 s). */
  readonly deadline?: number;
  /** The timers the deadline runs on: the page's, or a test's fake clock. */
  readonly timers?: Timers;
}

/**
 * True when every layer among `ids` is settled: loaded, failed, hidden or out of its scale range
 * (a layer that was never built counts as in range).
 */
export function layersSettled(ids: readonly string[], state: MapState, layerOf: (id: string) => BaseLayer | undefined, resolution: number): boolean {
  return ids.every((id) => {
    const layerState = state.layers[id];
    const layer = layerOf(id);
    const inRange = !layer || (resolution >= layer.getMinResolution() && resolution < layer.getMaxResolution());
    return !layerState?.visible || !inRange || layerState.status === 'ready' || layerState.status === 'error';
  });
}

/**
 * The map's first render: the first complete frame in which every layer has settled, or else the
 * first frame once the deadline has passed. One slow or looping layer must not keep the page from
 * being ready (the embed's `ready`, the toolbar, the search, `cartable-ready`): late layers join the
 * map when they come, and still report their status.
 */
export function watchFirstRender(options: { map: OlMap; store: MapStore; settled: () => boolean } & FirstRenderSettings): {
  readonly rendered: Promise<void>;
  dispose(): void;
} {
  const { map, store, settled } = options;
  const timers: Timers = options.timers ?? globalThis;
  let finished = false;
  let late = false;
  let resolveRendered: () => void = () => undefined;
  const rendered = new Promise<void>((resolve) => (resolveRendered = resolve));
  // A layer that fails after the last frame adds nothing to draw, so no frame follows by itself:
  // once every layer has settled, ask for one more frame to close on.
  const stopWatching = store.subscribe(() => {
    if (settled()) map.render();
  });
  const keys = [
    map.on('rendercomplete', () => {
      if (settled()) finish();
    }),
    // Past the deadline any frame will do: a layer still loading keeps `rendercomplete` from coming.
    map.on('postrender', () => {
      if (late) finish();
    }),
  ];
  const deadline = timers.setTimeout(() => {
    late = true;
    map.render();
  }, options.deadline ?? FIRST_RENDER_DEADLINE);
  const stop = (): void => {
    stopWatching();
    unByKey(keys);
    timers.clearTimeout(deadline);
  };
  function finish(): void {
    if (finished) return;
    finished = true;
    stop();
    resolveRendered();
  }
  return {
    rendered,
    dispose() {
      if (finished) return;
      finished = true;
      stop();
    },
  };
}
