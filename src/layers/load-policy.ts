import { RequestError, type Requester } from '../net/requester.js';
import { TruncatedError } from './problems.js';
import { RangeRefusedError } from './range-read.js';

/**
 * One loading policy for every layer kind: a failed load is tried again a few times, waiting longer
 * each time (with jitter), and a failing layer has a budget of failed requests, so a service that is
 * down is not asked again and again as the map redraws or pans. Once the budget is spent, loads fail
 * at once without a request until the person presses « Réessayer » (`reset`); a success gives the
 * budget back (the service answers again).
 */

/** The timers a policy waits with: the page's, or a test's fake clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LoadPolicySettings {
  /** Automatic retries after a failed load (default 2), when the failure may pass (see isTransient). */
  readonly retries?: number;
  /** The first retry's delay in milliseconds (default 500), doubled for each further retry. */
  readonly baseDelay?: number;
  /** The longest delay between two tries (default 8 s). */
  readonly maxDelay?: number;
  /** Failed requests a failing layer may send, all its loads together, before it waits for « Réessayer » (default 6). */
  readonly budget?: number;
  readonly timers?: Timers;
  /** A number in [0, 1) (default Math.random), for the jitter. */
  readonly random?: () => number;
}

export const DEFAULT_LOAD_POLICY = { retries: 2, baseDelay: 500, maxDelay: 8000, budget: 6 } as const;

/**
 * The wait before retry number `retry` (1: the first retry): the base delay doubled for each retry
 * up to `maxDelay`, of which a random half is taken off, so that clients that failed together do
 * not all come back at the same moment.
 */
export function backoffDelay(retry: number, settings: { baseDelay: number; maxDelay: number }, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.maxDelay, settings.baseDelay * 2 ** Math.max(0, retry - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/**
 * Failures that may pass by themselves: no answer, a timeout, a transfer cut off, a server error,
 * "too many requests". A refusal (other 4xx, CORS), an offline device or data that cannot be read
 * would only fail again at once: no automatic retry.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof RequestError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'stalled' || error.kind === 'interrupted') return true;
  return error.kind === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 408 || error.status === 429);
}

/**
 * Failures of a file that stay as they are whatever the view: cut short, or not readable by parts.
 * Given as `permanent` (RunOptions) by the kinds that read files by ranges.
 */
export const isLastingFileFault = (error: unknown): boolean =>
  error instanceof TruncatedError || error instanceof RangeError || error instanceof RangeRefusedError;

const isAbort = (error: unknown): boolean =>
  (error instanceof RequestError && error.kind === 'aborted') || (error instanceof DOMException && error.name === 'AbortError');

/** The layer's budget of failed requests is spent: this load sent nothing. `cause`: the last failure. */
export class LoadBudgetSpentError extends Error {
  constructor(override readonly cause: unknown) {
    super('the layer failed too often: it waits for « Réessayer »');
    this.name = 'LoadBudgetSpentError';
  }
}

/** A load begun before « Réessayer » (or before the layer was removed): its outcome no longer counts. */
export class StaleLoadError extends Error {
  constructor() {
    super('a newer load replaced this one');
    this.name = 'StaleLoadError';
  }
}

/**
 * False for the failures the layer has already told (budget spent) or that no longer matter (stale):
 * a loader passes them on to OpenLayers but reports nothing new.
 */
export const isNewFailure = (error: unknown): boolean => !(error instanceof LoadBudgetSpentError || error instanceof StaleLoadError);

export interface RunOptions {
  /** Failures worth an automatic retry (default: isTransient). */
  readonly transient?: (error: unknown) => boolean;
  /**
   * Failures that neither pass with time nor depend on the view (e.g. a server that refuses range
   * requests): they spend the budget at once, and the layer waits for « Réessayer ».
   */
  readonly permanent?: (error: unknown) => boolean;
}

export interface LoadPolicy {
  /**
   * Runs one load: calls `attempt` until it succeeds, retrying transient failures after a backoff
   * while the budget lasts. A load that starts while the layer is failing gets one try (it probes
   * whether the service is back). Rejects with the last failure, LoadBudgetSpentError (nothing
   * sent) or StaleLoadError (reset or disposed meanwhile).
   */
  run<T>(attempt: () => Promise<T>, options?: RunOptions): Promise<T>;
  /** A request failed since the last success or reset: new loads keep the layer's error shown. */
  readonly failing: boolean;
  /** The budget is spent: loads fail at once until reset. */
  readonly spent: boolean;
  /** « Réessayer »: forgets the failures (a fresh budget); loads still waiting become stale. */
  reset(): void;
  /** Cancels the waits (the layer is removed). */
  dispose(): void;
}

export function createLoadPolicy(settings: LoadPolicySettings = {}): LoadPolicy {
  const retries = settings.retries ?? DEFAULT_LOAD_POLICY.retries;
  const budget = settings.budget ?? DEFAULT_LOAD_POLICY.budget;
  const delays = { baseDelay: settings.baseDelay ?? DEFAULT_LOAD_POLICY.baseDelay, maxDelay: settings.maxDelay ?? DEFAULT_LOAD_POLICY.maxDelay };
  const timers: Timers = settings.timers ?? globalThis;
  const random = settings.random ?? Math.random;
  let failures = 0;
  let lastFailure: unknown;
  // Requests sent and not yet answered. While the layer is failing, a new request is sent only if
  // every one in flight could fail and still leave room in the budget: loads begun together (a view
  // that moves faster than a slow server answers) never send more than the budget between them.
  let inFlight = 0;
  let answered: Array<() => void> = [];
  const nextAnswer = (): Promise<void> => new Promise((resolve) => answered.push(resolve));
  const settle = (): void => {
    inFlight -= 1;
    const waiting = answered;
    answered = [];
    for (const resolve of waiting) resolve();
  };
  // Bumped by reset and dispose: loads of an older generation are stale.
  let generation = 0;
  const waits = new Map<unknown, () => void>();

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const handle = timers.setTimeout(() => {
        waits.delete(handle);
        resolve();
      }, ms);
      waits.set(handle, () => reject(new StaleLoadError()));
    });
  const cancelWaits = (): void => {
    for (const [handle, cancel] of waits) {
      timers.clearTimeout(handle);
      cancel();
    }
    waits.clear();
  };

  return {
    get failing() {
      return failures > 0;
    },
    get spent() {
      return failures >= budget;
    },
    async run(attempt, options = {}) {
      const transient = options.transient ?? isTransient;
      const own = generation;
      const tries = failures > 0 ? 1 : 1 + retries;
      let ownFailure: unknown;
      for (let tried = 0; ; ) {
        while (failures > 0 && inFlight > 0 && failures + inFlight >= budget) {
          await nextAnswer();
          if (own !== generation) throw new StaleLoadError();
        }
        if (failures >= budget) throw tried === 0 ? new LoadBudgetSpentError(lastFailure) : ownFailure;
        // Counted until its outcome is recorded (finally), so a load woken by the answer sees it.
        inFlight += 1;
        try {
          const result = await attempt();
          if (own !== generation) throw new StaleLoadError();
          failures = 0;
          return result;
        } catch (error) {
          if (own !== generation || error instanceof StaleLoadError) throw new StaleLoadError();
          if (isAbort(error)) throw error;
          failures = options.permanent?.(error) ? Math.max(budget, failures + 1) : failures + 1;
          lastFailure = ownFailure = error;
          tried += 1;
          if (tried >= tries || !transient(error) || failures >= budget) throw error;
        } finally {
          settle();
        }
        await wait(backoffDelay(tried, delays, random));
        if (own !== generation) throw new StaleLoadError();
      }
    },
    reset() {
      generation += 1;
      failures = 0;
      lastFailure = undefined;
      cancelWaits();
    },
    dispose() {
      generation += 1;
      cancelWaits();
    },
  };
}

/**
 * Areas of a vector source whose load failed. They stay marked as loaded, so that redrawing does not
 * ask for them again at once (OpenLayers would, frame after frame); once a later load succeeds (the
 * service answers again) they are marked as not loaded, and load again when next in view.
 */
export function failedAreas(source: { removeLoadedExtent(extent: number[]): void; changed(): void }): {
  add(extent: readonly number[]): void;
  /** After a success: the failed areas load again when in view. */
  reopen(): void;
} {
  let areas: number[][] = [];
  return {
    add(extent) {
      // Only finite areas: a whole-world load ("all" strategy) is reloaded by « Réessayer ».
      if (extent.every(Number.isFinite)) areas.push([...extent]);
    },
    reopen() {
      if (!areas.length) return;
      for (const extent of areas) source.removeLoadedExtent(extent);
      areas = [];
      source.changed();
    },
  };
}

/** A requester whose every request goes through a policy (for code that requests by itself, e.g. ol-mapbox-style's tiles). */
export function requesterThrough(policy: LoadPolicy, requester: Requester): Requester {
  return { prepare: (url) => requester.prepare(url), fetch: (url, init) => policy.run(() => requester.fetch(url, init)) };
}
