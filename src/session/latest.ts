/**
 * "Latest wins, with abort": each `next()` aborts the work the previous call started, so an answer
 * that comes late (a slow click lookup, a halo for a record no longer shown) knows it is no longer wanted.
 * Everything aborts with the `parent` signal (the map session's).
 */
export class Latest {
  #current?: AbortController;

  constructor(private readonly parent?: AbortSignal) {}

  /** A signal for new work; the previous one aborts. */
  next(): AbortSignal {
    this.cancel();
    const controller = new AbortController();
    this.#current = controller;
    const parent = this.parent;
    if (parent?.aborted) controller.abort();
    else parent?.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    return controller.signal;
  }

  /** Aborts the work under way, if any. */
  cancel(): void {
    this.#current?.abort();
    this.#current = undefined;
  }
}
