/**
 * The main thread's side of the search worker: requests as promises. Falls back to answering on
 * the main thread when the worker cannot start (the answers are the same, only slower to come).
 */
import { SearchEngine, type EngineAnswer, type EngineRequest } from './engine.js';

export class SearchClient {
  #worker?: Worker;
  #fallback?: SearchEngine;
  #next = 0;
  readonly #pending = new Map<number, (answer: EngineAnswer) => void>();
  /** Where requests are answered (for tests). */
  where: 'worker' | 'main' = 'worker';

  readonly #useWorker: boolean;
  #started = false;

  constructor({ worker = true }: { worker?: boolean } = {}) {
    this.#useWorker = worker;
  }

  /** Starts the worker at the first request (nothing is loaded before the search is used). */
  #start(): void {
    if (this.#started) return;
    this.#started = true;
    if (!this.#useWorker) {
      this.#useMainThread();
      return;
    }
    try {
      this.#worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'cartable-search' });
      this.#worker.onmessage = (event: MessageEvent<{ id: number; answer: EngineAnswer }>) => {
        this.#pending.get(event.data.id)?.(event.data.answer);
        this.#pending.delete(event.data.id);
      };
      this.#worker.onerror = (event) => {
        // The worker could not start (e.g. refused by a policy): answer what is pending on this thread.
        event.preventDefault();
        this.#useMainThread();
      };
    } catch {
      this.#useMainThread();
    }
  }

  #requests = new Map<number, EngineRequest>();

  #useMainThread(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.where = 'main';
    this.#fallback ??= new SearchEngine();
    // Requests sent to a worker that never started are answered here, in order.
    for (const [id, request] of [...this.#requests]) {
      this.#pending.get(id)?.(this.#fallback.handle(request));
      this.#pending.delete(id);
    }
    this.#requests.clear();
  }

  request(request: EngineRequest): Promise<EngineAnswer> {
    this.#start();
    if (!this.#worker) return Promise.resolve(this.#fallback!.handle(request));
    const id = ++this.#next;
    return new Promise((resolve) => {
      this.#pending.set(id, (answer) => {
        this.#requests.delete(id);
        resolve(answer);
      });
      // Index data is kept until answered only when the worker may still fail to start.
      this.#requests.set(id, request);
      this.#worker!.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#pending.clear();
    this.#requests.clear();
  }
}
