/**
 * The one polling wait of the test suite, for states that send no event (a server that starts
 * listening, a status the product writes without notifying). Waiting for an event, or Playwright's
 * own `waitForFunction`/locator waits, is preferred wherever there is one. The limit is a bound on a
 * hang, not a speed check: it is long enough for a busy 2-core machine. Runs in Node and the browser.
 */
export interface WaitOptions {
  /** What is awaited, for the failure message. */
  readonly what: string;
  /** Gives up after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** Between two checks (default 25 ms). */
  readonly everyMs?: number;
}

// The real timer, kept at load: a test may fake the globals (test/browser/support/fake-timers.ts) and still wait.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const pause = (ms: number): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, ms));

/** Resolves with the first truthy answer of `check`; rejects naming `what` after the limit. */
export async function waitUntil<T>(check: () => T | Promise<T>, { what, timeoutMs = 30_000, everyMs = 25 }: WaitOptions): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  let failure: unknown;
  for (;;) {
    try {
      const answer = await check();
      if (answer) return answer as NonNullable<T>;
    } catch (error) {
      failure = error;
    }
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}${failure ? ` (last error: ${String(failure)})` : ''}`);
    await pause(everyMs);
  }
}
