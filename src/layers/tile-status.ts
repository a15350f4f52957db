import type TileSource from 'ol/source/Tile.js';
import type { LayerProblem } from '../state/store.js';
import type { LayerEnvironment } from './types.js';

/** Errors in a row (with no tile loaded) after which a tiled layer is said to be failing. */
const FAILURES_BEFORE_ERROR = 4;

/**
 * Turns a tile source's load events into layer status, once per change: a storm of tile errors
 * becomes one "error" state, not a flood.
 */
export function watchTileStatus(source: TileSource, env: LayerEnvironment): { reset: () => void; dispose: () => void } {
  let failures = 0;
  let loaded = false;
  let reported: string | undefined;
  const report = (status: 'loading' | 'ready' | 'error', problem?: LayerProblem): void => {
    const key = `${status}:${problem?.code ?? ''}`;
    if (key === reported) return;
    reported = key;
    env.report({ status, problem });
  };
  const onStart = (): void => {
    if (!loaded && failures === 0) report('loading');
  };
  const onEnd = (): void => {
    loaded = true;
    failures = 0;
    report('ready');
  };
  const onError = (): void => {
    failures += 1;
    if (failures >= FAILURES_BEFORE_ERROR) {
      report('error', { code: navigator.onLine === false ? 'offline' : 'tiles' });
    }
  };
  source.on('tileloadstart', onStart);
  source.on('tileloadend', onEnd);
  source.on('tileloaderror', onError);
  return {
    reset() {
      failures = 0;
      loaded = false;
      reported = undefined;
    },
    dispose() {
      source.un('tileloadstart', onStart);
      source.un('tileloadend', onEnd);
      source.un('tileloaderror', onError);
    },
  };
}
