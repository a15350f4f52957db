/**
 * What the vector kinds share to answer « which of your features lie in this extent? »
 * (CreatedLayer.featuresIn): waiting for a layer that reads its data whole to have read it (starting
 * the read of a switched-off layer), and the tag that lets the map's consumers ask a created layer.
 */
import type VectorSource from 'ol/source/Vector.js';
import type { Projection } from 'ol/proj.js';
import type { LayerProblem } from './status.js';
import type { CreatedLayer, FeaturesInExtent, LayerEnvironment, LayerStatusReport } from './types.js';

/** Most features a service is asked for in one extent query (more: the answer says it is capped). */
export const QUERY_CAP = 5000;

/** The OpenLayers layer property holding its created layer's featuresIn (set by the registry). */
export const FEATURES_IN_KEY = 'cartable:features-in';

/** The layer's data could not be read, so it has no features to give; `problem` says why. */
export class LayerNotLoadedError extends Error {
  constructor(readonly problem?: LayerProblem) {
    super(problem ? `${problem.code}${problem.detail ? ` ${problem.detail}` : ''}` : 'error');
    this.name = 'LayerNotLoadedError';
  }
}

/** A layer's status reports as they pass: the last one, and a wait for the next settled one. */
export interface StatusWatch {
  /** The environment to create the layer with: the same, its reports seen on their way. */
  readonly env: LayerEnvironment;
  /** The last report, undefined while the layer has not begun to load. */
  last(): LayerStatusReport | undefined;
  /** Resolves once the layer is ready or in error (at once when it is); rejects when `signal` aborts. */
  settled(signal?: AbortSignal): Promise<void>;
}

const isSettled = (report: LayerStatusReport | undefined): boolean => report?.status === 'ready' || report?.status === 'error';

export function watchStatus(env: LayerEnvironment): StatusWatch {
  let last: LayerStatusReport | undefined;
  const waiting = new Set<() => void>();
  return {
    env: {
      ...env,
      report(report) {
        last = report;
        env.report(report);
        if (isSettled(report)) for (const wake of [...waiting]) wake();
      },
    },
    last: () => last,
    settled(signal) {
      if (isSettled(last)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          waiting.delete(done);
          signal?.removeEventListener('abort', aborted);
          resolve();
        };
        const aborted = (): void => {
          waiting.delete(done);
          reject(signal!.reason);
        };
        if (signal?.aborted) return aborted();
        waiting.add(done);
        signal?.addEventListener('abort', aborted, { once: true });
      });
    },
  };
}

/**
 * featuresIn for a layer that reads its data whole into a vector source: reads it first when it has
 * not (a switched-off layer), waits for the read, then looks the extent up in the source's R-tree.
 * A layer in error that kept no features rejects with LayerNotLoadedError.
 */
export function featuresInWholeSource(source: VectorSource, status: StatusWatch, projection: Projection): NonNullable<CreatedLayer['featuresIn']> {
  return async (extent, signal) => {
    signal?.throwIfAborted();
    if (!status.last()) source.loadFeatures(projection.getExtent() ?? [-Infinity, -Infinity, Infinity, Infinity], 1, projection);
    await status.settled(signal);
    const last = status.last();
    if (last?.status === 'error' && source.getFeatures().length === 0) throw new LayerNotLoadedError(last.problem);
    const answer: FeaturesInExtent = { features: source.getFeaturesInExtent(extent), answeredBy: 'data' };
    return answer;
  };
}

/** Tags a created layer's OpenLayers layer with its featuresIn, for code that holds only the map. */
export function tagFeaturesIn(created: CreatedLayer): CreatedLayer {
  if (created.featuresIn) created.layer.set(FEATURES_IN_KEY, created.featuresIn);
  return created;
}
