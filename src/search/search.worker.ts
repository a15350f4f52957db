/// <reference lib="webworker" />
/**
 * The search worker: loads and builds indexes and answers queries off the main thread, so typing
 * never waits for an index. Messages carry an `id` that the answer repeats.
 */
import { SearchEngine, type EngineRequest } from './engine.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new SearchEngine();

scope.onmessage = (event: MessageEvent<{ id: number; request: EngineRequest }>) => {
  scope.postMessage({ id: event.data.id, answer: engine.handle(event.data.request) });
};
