import type TileSource from 'ol/source/Tile.js';
import type { LayerProblem } from '../../state/store.js';
import type { LayerEnvironment } from '../types.js';
import type { ImageLoadHooks } from './image-load.js';

/** Tile errors in a row (with no tile loaded since) after which a tiled layer is failing. */
const TILE_FAILURES_BEFORE_ERROR = 4;

export interface LoadStatusWatcher extends ImageLoadHooks {
  /** A load began (image sources; tile sources say it with their events). */
  started(): void;
  /** A load ended well (image sources). */
  succeeded(): void;
  /** Forgets failures, before a retry. */
  reset(): void;
  dispose(): void;
}

/**
 * Turns loads into layer status, once per change. A tile source is followed through its events
 * (tileloadstart/end/error): it fails after a run of tile errors (one odd tile — e.g. an exception
 * for a tile off the layer's extent — does not fail a layer whose other tiles load), with the reason
 * of the last one.
 * An image source's loader calls started/succeeded/failed itself: one failed image fails the layer.
 * The loaders say why a load failed (`failed`), so the error names the reason; a tile that failed
 * with no reason given (an image that cannot be decoded) counts as "tiles".
 */
export function watchLoadStatus(env: LayerEnvironment, source?: TileSource): LoadStatusWatcher {
  const threshold = source ? TILE_FAILURES_BEFORE_ERROR : 1;
  let failures = 0;
  let loaded = false;
  let inError = false;
  let lastProblem: LayerProblem | undefined;
  let reported: string | undefined;
  const report = (status: 'loading' | 'ready' | 'error', problem?: LayerProblem): void => {
    const key = `${status}:${problem?.code ?? ''}:${problem?.detail ?? ''}`;
    if (key === reported) return;
    reported = key;
    env.report({ status, problem });
  };
  const onStart = (): void => {
    if (!loaded && failures === 0 && !inError) report('loading');
  };
  const onEnd = (): void => {
    if (inError) return;
    loaded = true;
    failures = 0;
    lastProblem = undefined;
    report('ready');
  };
  const onError = (): void => {
    if (inError) return;
    failures += 1;
    if (failures >= threshold) {
      inError = true;
      report('error', lastProblem ?? { code: globalThis.navigator?.onLine === false ? 'offline' : 'tiles' });
    }
  };
  source?.on('tileloadstart', onStart);
  source?.on('tileloadend', onEnd);
  source?.on('tileloaderror', onError);
  return {
    started: onStart,
    succeeded: onEnd,
    failed(problem) {
      lastProblem = problem;
      if (!source) onError();
    },
    blocked: () => inError,
    reset() {
      failures = 0;
      loaded = false;
      inError = false;
      lastProblem = undefined;
      reported = undefined;
    },
    dispose() {
      source?.un('tileloadstart', onStart);
      source?.un('tileloadend', onEnd);
      source?.un('tileloaderror', onError);
    },
  };
}
