/** A page left open hears of a new deployment: a check when it is shown again, at most once an hour. */
import { describe, expect, it } from 'vitest';
import { UPDATE_CHECK_INTERVAL, checkForUpdatesWhenShown } from '../../../src/offline/update-checks.js';

const MINUTE = 60 * 1000;

/** A document whose visibility the test sets, and a clock that moves only when told. */
function fakePage() {
  const target = new EventTarget();
  const page = Object.assign(target, { visibilityState: 'visible' as DocumentVisibilityState });
  let now = 1_000_000;
  const checks: number[] = [];
  let answer: () => Promise<unknown> = () => Promise.resolve();
  const stop = checkForUpdatesWhenShown({ update: () => (checks.push(now), answer()), page: page as unknown as Document, now: () => now });
  return {
    checks,
    stop,
    later: (ms: number) => (now += ms),
    failNext: () => (answer = () => Promise.reject(new Error('offline'))),
    hide: () => ((page.visibilityState = 'hidden'), page.dispatchEvent(new Event('visibilitychange'))),
    show: () => ((page.visibilityState = 'visible'), page.dispatchEvent(new Event('visibilitychange'))),
  };
}

describe('checkForUpdatesWhenShown', () => {
  it('counts the registration as a check: shown again within the hour, no request', () => {
    const page = fakePage();
    page.later(10 * MINUTE);
    page.hide();
    page.show();
    expect(page.checks).toHaveLength(0);
  });

  it('checks when shown after an hour, then not again within the hour; after another hour, again', () => {
    const page = fakePage();
    page.later(UPDATE_CHECK_INTERVAL);
    page.hide();
    expect(page.checks).toHaveLength(0); // Hidden: nobody to tell.
    page.show();
    expect(page.checks).toHaveLength(1);
    page.later(20 * MINUTE);
    page.hide();
    page.show();
    expect(page.checks).toHaveLength(1);
    page.later(40 * MINUTE);
    page.hide();
    page.show();
    expect(page.checks).toHaveLength(2);
  });

  it('tries again at the next showing when a check failed (offline)', async () => {
    const page = fakePage();
    page.failNext();
    page.later(UPDATE_CHECK_INTERVAL);
    page.show();
    await new Promise((resolve) => setImmediate(resolve)); // The failed answer arrives.
    page.later(MINUTE);
    page.show();
    expect(page.checks).toHaveLength(2);
  });

  it('stops', () => {
    const page = fakePage();
    page.stop();
    page.later(2 * UPDATE_CHECK_INTERVAL);
    page.show();
    expect(page.checks).toHaveLength(0);
  });
});
