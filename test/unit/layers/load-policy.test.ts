import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOAD_POLICY,
  LoadBudgetSpentError,
  StaleLoadError,
  backoffDelay,
  createLoadPolicy,
  isLastingFileFault,
  isNewFailure,
  isTransient,
} from '../../../src/layers/load-policy.js';
import { TruncatedError } from '../../../src/layers/problems.js';
import { RangeRefusedError } from '../../../src/layers/range-read.js';
import { RequestError } from '../../../src/net/requester.js';
import { drainMicrotasks, manualClock } from '../../support/manual-clock.js';

const http = (status: number) => new RequestError({ kind: 'http', url: 'https://x.example/', status, message: `HTTP ${status}` });
const down = () => http(503);

/** An attempt that fails with `error` each time, and counts its calls. */
function failingWith(error: () => unknown) {
  const counter = { calls: 0 };
  const attempt = async (): Promise<string> => {
    counter.calls += 1;
    throw error();
  };
  return { attempt, counter };
}

describe('backoff delays', () => {
  const delays = { baseDelay: 500, maxDelay: 8000 };

  it('double with each retry, up to the longest delay', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(retry, delays, () => 0.999999));
    expect(ceilings.map(Math.round)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    const floors = [1, 2, 3].map((retry) => backoffDelay(retry, delays, () => 0));
    expect(floors).toEqual([250, 500, 1000]);
  });

  it('keep their jitter between half the ceiling and the ceiling', () => {
    for (let retry = 1; retry <= 6; retry++) {
      const ceiling = Math.min(8000, 500 * 2 ** (retry - 1));
      for (const r of [0, 0.1, 0.37, 0.5, 0.73, 0.999]) {
        const delay = backoffDelay(retry, delays, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThan(ceiling);
      }
      // Two clients with different draws wait differently.
      expect(backoffDelay(retry, delays, () => 0.2)).not.toBe(backoffDelay(retry, delays, () => 0.8));
    }
  });
});

describe('transient failures', () => {
  it('are no answer, timeouts, cut transfers, server errors, 408 and 429; not refusals, offline nor unreadable data', () => {
    for (const kind of ['network', 'timeout', 'stalled', 'interrupted'] as const) expect(isTransient(new RequestError({ kind, url: '', message: '' }))).toBe(true);
    for (const kind of ['cors', 'offline'] as const) expect(isTransient(new RequestError({ kind, url: '', message: '' }))).toBe(false);
    expect([500, 502, 503, 504, 408, 429].every((s) => isTransient(http(s)))).toBe(true);
    expect([400, 401, 403, 404, 416].some((s) => isTransient(http(s)))).toBe(false);
    expect(isTransient(new SyntaxError('bad JSON'))).toBe(false);
    expect(isTransient(new RequestError({ kind: 'aborted', url: '', message: '' }))).toBe(false);
  });
});

describe('the load policy', () => {
  it('retries a transient failure twice, each after its backoff, then gives up with the failure', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock, random: () => 0 });
    const { attempt, counter } = failingWith(down);
    const outcome = policy.run(attempt).catch((error: unknown) => error);
    await drainMicrotasks();
    expect(counter.calls).toBe(1);
    expect(clock.waiting).toEqual([250]);
    await clock.tick(249);
    expect(counter.calls).toBe(1);
    await clock.tick(1);
    expect(counter.calls).toBe(2);
    expect(clock.waiting).toEqual([500]);
    await clock.tick(500);
    expect(counter.calls).toBe(3);
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(503);
    expect(clock.waiting).toEqual([]);
    expect(policy.failing).toBe(true);
  });

  it('does not retry a failure that would only fail again', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock });
    const { attempt, counter } = failingWith(() => http(404));
    await expect(policy.run(attempt)).rejects.toMatchObject({ status: 404 });
    expect(counter.calls).toBe(1);
    expect(clock.waiting).toEqual([]);
  });

  it('returns the first success, and a success gives the budget back', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock, random: () => 0 });
    let calls = 0;
    const flaky = async (): Promise<string> => {
      calls += 1;
      if (calls === 1) throw down();
      return 'data';
    };
    const outcome = policy.run(flaky);
    await clock.tick(250);
    expect(await outcome).toBe('data');
    expect(calls).toBe(2);
    expect(policy.failing).toBe(false);
  });

  it('bounds the requests of a failing layer, all loads together, whatever the number of loads', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock });
    const { attempt, counter } = failingWith(down);
    const outcomes: unknown[] = [];
    // The first load, then a hundred view changes asking for other data.
    for (let load = 0; load < 101; load++) {
      const outcome = policy.run(attempt).catch((error: unknown) => error);
      await clock.tick(10_000);
      outcomes.push(await outcome);
    }
    expect(counter.calls).toBe(DEFAULT_LOAD_POLICY.budget);
    expect(policy.spent).toBe(true);
    // The first load tried three times; the next three got one try each; the rest sent nothing.
    expect(outcomes.slice(0, 4).every((e) => e instanceof RequestError)).toBe(true);
    expect(outcomes.slice(4).every((e) => e instanceof LoadBudgetSpentError)).toBe(true);
    expect(((outcomes[100] as LoadBudgetSpentError).cause as RequestError).status).toBe(503);
    expect(outcomes.slice(4).some(isNewFailure)).toBe(false);
  });

  it('bounds concurrent loads too (tiles): retries stop once the budget is spent', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock, budget: 4 });
    const { attempt, counter } = failingWith(down);
    const outcomes = Array.from({ length: 10 }, () => policy.run(attempt).catch((error: unknown) => error));
    await clock.tick(60_000);
    await Promise.all(outcomes);
    // Ten tiles were asked for at once (each sent its first request); none was retried.
    expect(counter.calls).toBe(10);
    const later = failingWith(down);
    await expect(policy.run(later.attempt)).rejects.toBeInstanceOf(LoadBudgetSpentError);
    expect(later.counter.calls).toBe(0);
  });

  it('never lets loads begun together while failing send more than the budget (a view moving faster than the server answers)', async () => {
    const policy = createLoadPolicy({ timers: manualClock() });
    const refused = () => http(400);
    await policy.run(failingWith(refused).attempt).catch(() => undefined);
    // Every request now waits for its answer, which the test gives one at a time.
    const pending: Array<(error: unknown) => void> = [];
    const slow = async (): Promise<string> => new Promise((_resolve, reject) => pending.push(reject));
    const outcomes = Array.from({ length: 10 }, () => policy.run(slow).catch((error: unknown) => error));
    await drainMicrotasks();
    // One failure so far: five more may be sent, no more, until some are answered.
    expect(pending).toHaveLength(DEFAULT_LOAD_POLICY.budget - 1);
    for (let answered = 0; answered < pending.length; answered++) {
      pending[answered]!(refused());
      await drainMicrotasks();
    }
    const settled = await Promise.all(outcomes);
    expect(1 + pending.length).toBe(DEFAULT_LOAD_POLICY.budget);
    expect(settled.filter((e) => e instanceof LoadBudgetSpentError)).toHaveLength(10 - (DEFAULT_LOAD_POLICY.budget - 1));
  });

  it('gives a fresh budget on « Réessayer », and the loads still waiting are dropped', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock });
    const { attempt, counter } = failingWith(down);
    const waiting = policy.run(attempt).catch((error: unknown) => error);
    await drainMicrotasks();
    expect(counter.calls).toBe(1);
    policy.reset();
    expect(await waiting).toBeInstanceOf(StaleLoadError);
    expect(clock.waiting).toEqual([]);
    expect(policy.failing).toBe(false);
    // The person's retry: three tries again.
    const retried = policy.run(attempt).catch((error: unknown) => error);
    await clock.tick(10_000);
    expect(await retried).toBeInstanceOf(RequestError);
    expect(counter.calls).toBe(4);
  });

  it('does not count a load that was cancelled', async () => {
    const policy = createLoadPolicy({ timers: manualClock() });
    const aborted = failingWith(() => new RequestError({ kind: 'aborted', url: '', message: 'cancelled' }));
    await expect(policy.run(aborted.attempt)).rejects.toMatchObject({ kind: 'aborted' });
    expect(aborted.counter.calls).toBe(1);
    expect(policy.failing).toBe(false);
  });

  it('stops waiting when disposed', async () => {
    const clock = manualClock();
    const policy = createLoadPolicy({ timers: clock });
    const { attempt, counter } = failingWith(down);
    const outcome = policy.run(attempt).catch((error: unknown) => error);
    await drainMicrotasks();
    policy.dispose();
    expect(await outcome).toBeInstanceOf(StaleLoadError);
    await clock.tick(60_000);
    expect(counter.calls).toBe(1);
  });
});

describe('lasting file faults', () => {
  it('are a file cut short or a server that refuses ranges, not a failed request', () => {
    expect(isLastingFileFault(new TruncatedError())).toBe(true);
    expect(isLastingFileFault(new RangeError('offset is outside the bounds of the DataView'))).toBe(true);
    expect(isLastingFileFault(new RangeRefusedError('https://x.example/f.fgb', 200))).toBe(true);
    expect(isLastingFileFault(down())).toBe(false);
  });
});

describe('a permanent failure', () => {
  it('spends the budget at once: the next loads send nothing until « Réessayer »', async () => {
    const policy = createLoadPolicy({ timers: manualClock() });
    const refused = failingWith(() => new Error('no ranges'));
    const permanent = (error: unknown): boolean => error instanceof Error && error.message === 'no ranges';
    await expect(policy.run(refused.attempt, { permanent })).rejects.toThrow('no ranges');
    await expect(policy.run(refused.attempt, { permanent })).rejects.toBeInstanceOf(LoadBudgetSpentError);
    expect(refused.counter.calls).toBe(1);
    policy.reset();
    await expect(policy.run(refused.attempt, { permanent })).rejects.toThrow('no ranges');
    expect(refused.counter.calls).toBe(2);
  });
});
