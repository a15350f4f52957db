import type Tile from 'ol/Tile.js';
import type TileSource from 'ol/source/Tile.js';
import type { TileSourceEvent } from 'ol/source/Tile.js';
import type { LayerProblem } from './status.js';
import { createLoadPolicy, type LoadPolicy } from './load-policy.js';
import type { LayerEnvironment } from './types.js';

/** Tile errors in a row (no tile loaded in between) after which a layer whose tiles loaded before is failing. */
const FAILURES_IN_A_ROW = 4;

/** What a tile load function needs: the layer's load policy, and where to say why a tile failed. */
export interface TileLoadHooks {
  readonly policy: LoadPolicy;
  /** A tile failed (after its retries) for this reason: called before the tile's error. */
  failed(problem: LayerProblem): void;
}

export interface TileStatusWatcher extends TileLoadHooks {
  /** « Réessayer »: forgets the failures and the tiles under way, gives the policy a fresh budget. */
  reset(): void;
  dispose(): void;
}

/** Reports a status only when it differs from the last one reported (a storm of tile events is one change). */
export function reportChanges(env: Pick<LayerEnvironment, 'report'>): ((status: 'loading' | 'ready' | 'error', problem?: LayerProblem) => void) & { forget(): void } {
  let reported: string | undefined;
  const report = (status: 'loading' | 'ready' | 'error', problem?: LayerProblem): void => {
    const key = `${status}:${problem?.code ?? ''}:${problem?.detail ?? ''}`;
    if (key === reported) return;
    reported = key;
    env.report({ status, problem });
  };
  return Object.assign(report, { forget: () => void (reported = undefined) });
}

/**
 * Turns a tile source's load events into layer status, once per change. A tile's error is final
 * (its retries happen in its load function, through `policy`), so:
 * - before any tile has loaded, the layer fails once a tile has failed and none is still loading,
 *   whatever the count (one tile of a truncated archive is enough);
 * - after tiles have loaded, one odd tile (e.g. an exception for a tile off the service's extent)
 *   does not fail the layer: a run of errors with no tile loaded in between does.
 * A tile that loads after an error (the service is back, the view moved) makes the layer ready
 * again. The error names the reason the load function gave, "tiles" when none; a tile that got no
 * answer in time does not replace a reason from a tile the server did answer (the browser queues a
 * host's tiles behind its six open connections: behind stalled answers, the rest time out unanswered).
 */
export function watchTileStatus(source: TileSource, env: LayerEnvironment, shared?: LoadPolicy): TileStatusWatcher {
  // The layer's policy when it has one (e.g. it also governs opening an archive), else the source's own.
  const policy = shared ?? createLoadPolicy(env.loadPolicy);
  // Tiles started since the last reset: events of older tiles (before a retry) are not counted.
  const loading = new Set<Tile>();
  let loaded = false;
  let inARow = 0;
  let inError = false;
  let lastProblem: LayerProblem | undefined;
  const report = reportChanges(env);
  const onStart = (event: TileSourceEvent): void => {
    loading.add(event.tile);
    if (!loaded && !inError) report('loading');
  };
  const onEnd = (event: TileSourceEvent): void => {
    if (!loading.delete(event.tile)) return;
    loaded = true;
    inARow = 0;
    inError = false;
    lastProblem = undefined;
    report('ready');
  };
  const onError = (event: TileSourceEvent): void => {
    if (!loading.delete(event.tile)) return;
    inARow += 1;
    if (inError || (loaded ? inARow < FAILURES_IN_A_ROW : loading.size > 0)) return;
    inError = true;
    report('error', lastProblem ?? { code: globalThis.navigator?.onLine === false ? 'offline' : 'tiles' });
  };
  source.on('tileloadstart', onStart);
  source.on('tileloadend', onEnd);
  source.on('tileloaderror', onError);
  return {
    policy,
    failed(problem) {
      if (problem.code !== 'timeout' || !lastProblem) lastProblem = problem;
    },
    reset() {
      policy.reset();
      loading.clear();
      loaded = false;
      inARow = 0;
      inError = false;
      lastProblem = undefined;
      report.forget();
    },
    dispose() {
      if (!shared) policy.dispose();
      source.un('tileloadstart', onStart);
      source.un('tileloadend', onEnd);
      source.un('tileloaderror', onError);
    },
  };
}
