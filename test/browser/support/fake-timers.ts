/**
 * A fake clock for code that reads the page's own timers (setTimeout, clearTimeout, Date.now), such
 * as the live refresh: installed over the globals for one test, time then moves only when the test
 * says so (test/support/manual-clock.ts). Mocha keeps its own timers; waitFor (mount.ts) keeps the
 * real ones, so a test can still wait for a real event while the clock is fake.
 */
import { manualClock, type ManualClock } from '../../support/manual-clock.js';

export interface FakeTimers extends Pick<ManualClock, 'tick' | 'waiting' | 'now'> {
  /** Puts the real timers back. */
  uninstall(): void;
}

/** A fake timer's handle, told apart from the real timers' numbers. */
class FakeHandle {
  constructor(readonly id: unknown) {}
}

export function installFakeTimers(): FakeTimers {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  const clock = manualClock();
  const start = real.now.call(Date);
  globalThis.setTimeout = ((callback: () => void, ms = 0) => new FakeHandle(clock.setTimeout(callback, ms))) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((handle: unknown) => {
    if (handle instanceof FakeHandle) clock.clearTimeout(handle.id);
    else real.clearTimeout.call(globalThis, handle as number);
  }) as typeof clearTimeout;
  Date.now = () => start + clock.now;
  return {
    tick: (ms) => clock.tick(ms),
    get waiting() {
      return clock.waiting;
    },
    get now() {
      return clock.now;
    },
    uninstall() {
      Object.assign(globalThis, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout });
      Date.now = real.now;
    },
  };
}
