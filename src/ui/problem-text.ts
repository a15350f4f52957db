/**
 * The layer-problem texts (layer-problem.ts, ≈ 1.4 KB gzip) load with the first problem to show: a
 * map whose layers all load never needs them, and the first map's code stays within its budget.
 */
import type { ReactiveControllerHost } from 'lit';
import { loadChunk } from '../offline/load-chunk.js';
import type { LayerProblem } from '../state/store.js';

type Describe = (problem: LayerProblem) => string;
let describe: Describe | undefined;
let loading: Promise<Describe> | undefined;

/** The problem in words, or '' while the texts load: `host` renders again once they have. */
export function problemText(problem: LayerProblem, host: ReactiveControllerHost): string {
  if (describe) return describe(problem);
  loading ??= loadChunk(import('./layer-problem.js')).then((module) => (describe = module.describeLayerProblem));
  void loading.then(() => host.requestUpdate());
  return '';
}

/** Settles once the texts asked for so far have loaded (at once when none was asked for). */
export const problemTextsLoaded = (): Promise<unknown> => loading ?? Promise.resolve();
