/**
 * A fake clock for code that takes its timers as an argument (the load policy, the first-render
 * deadline): time moves only when a test says so, like sinon's fake timers, but without replacing
 * the page's own timers (OpenLayers, mocha and the test server keep theirs). Runs in vitest and in
 * the browser.
 */
export interface ManualClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds moved so far. */
  readonly now: number;
  /** Delays of the timers still waiting, from now, soonest first. */
  readonly waiting: number[];
  /** Moves time on by `ms`, running the timers that fall due in order (pending promise callbacks run between them). */
  tick(ms: number): Promise<void>;
}

/** Lets the promise callbacks already queued run (a chain of awaits), without any timer. */
export async function drainMicrotasks(rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

export function manualClock(): ManualClock {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const soonestDue = (until: number): [number, { at: number; callback: () => void }] | undefined =>
    [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    get now() {
      return now;
    },
    get waiting() {
      return [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b);
    },
    async tick(ms) {
      const end = now + ms;
      await drainMicrotasks();
      for (let due = soonestDue(end); due; due = soonestDue(end)) {
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await drainMicrotasks();
      }
      now = end;
    },
  };
}
