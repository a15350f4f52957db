import Observable from 'ol/Observable.js';
import type TileSource from 'ol/source/Tile.js';
import { describe, expect, it } from 'vitest';
import { createLoadPolicy } from '../../../src/layers/load-policy.js';
import { watchTileStatus } from '../../../src/layers/tile-status.js';
import type { LayerEnvironment, LayerStatusReport } from '../../../src/layers/types.js';
import { manualClock } from '../../support/manual-clock.js';

/** A tile source as far as the watcher listens to it: its tile events, for tiles named by the test. */
function fakeSource() {
  const source = new Observable();
  const tiles = new Map<string, object>();
  const tile = (name: string): object => tiles.get(name) ?? tiles.set(name, { name }).get(name)!;
  const emit = (type: 'tileloadstart' | 'tileloadend' | 'tileloaderror', name: string): void =>
    void source.dispatchEvent({ type, tile: tile(name) } as never);
  return {
    source: source as unknown as TileSource,
    start: (...names: string[]) => names.forEach((n) => emit('tileloadstart', n)),
    end: (name: string) => emit('tileloadend', name),
    fail: (name: string) => emit('tileloaderror', name),
  };
}

function watch() {
  const reports: LayerStatusReport[] = [];
  const env = { report: (r: LayerStatusReport) => reports.push(r), loadPolicy: { timers: manualClock() } } as unknown as LayerEnvironment;
  const fake = fakeSource();
  const watcher = watchTileStatus(fake.source, env);
  return { ...fake, watcher, reports, statuses: () => reports.map((r) => r.status) };
}

describe('tile layer status', () => {
  it('fails as soon as one tile has failed and none is still loading, before any tile loaded (a truncated archive)', () => {
    const { start, fail, statuses, reports } = watch();
    start('0/0/0');
    fail('0/0/0');
    expect(statuses()).toEqual(['loading', 'error']);
    expect(reports.at(-1)!.problem).toEqual({ code: 'tiles' });
  });

  it('waits for the other tiles under way: one odd tile does not fail a layer whose others load', () => {
    const { start, fail, end, statuses } = watch();
    start('a', 'b', 'c');
    fail('a');
    end('b');
    end('c');
    expect(statuses()).toEqual(['loading', 'ready']);
  });

  it('fails a layer whose tiles loaded only after a run of errors, and is ready again when a tile loads', () => {
    const { start, fail, end, statuses } = watch();
    start('a');
    end('a');
    start('b', 'c', 'd', 'e', 'f');
    ['b', 'c', 'd'].forEach(fail);
    expect(statuses()).toEqual(['loading', 'ready']);
    fail('e');
    expect(statuses()).toEqual(['loading', 'ready', 'error']);
    end('f');
    expect(statuses()).toEqual(['loading', 'ready', 'error', 'ready']);
  });

  it('says once that it failed, with the reason a load function gave, and no "loading" while in error', () => {
    const { start, fail, watcher, statuses, reports } = watch();
    watcher.failed({ code: 'truncated' });
    start('a');
    fail('a');
    start('b', 'c');
    fail('b');
    fail('c');
    expect(statuses()).toEqual(['loading', 'error']);
    expect(reports.at(-1)!.problem).toEqual({ code: 'truncated' });
  });

  it('names what the server did (a stalled answer), not the tiles queued behind it that timed out unanswered', () => {
    const { start, fail, watcher, reports } = watch();
    start('a', 'b', 'c');
    watcher.failed({ code: 'stalled' });
    fail('a');
    watcher.failed({ code: 'timeout' });
    fail('b');
    watcher.failed({ code: 'timeout' });
    fail('c');
    expect(reports.at(-1)).toEqual({ status: 'error', problem: { code: 'stalled' } });
  });

  it('forgets on « Réessayer » the tiles asked for before, and gives the policy a fresh budget', async () => {
    const fake = fakeSource();
    const reports: LayerStatusReport[] = [];
    const policy = createLoadPolicy({ timers: manualClock(), budget: 1 });
    const env = { report: (r: LayerStatusReport) => reports.push(r) } as unknown as LayerEnvironment;
    const watcher = watchTileStatus(fake.source, env, policy);
    await policy.run(async () => Promise.reject(new Error('refused'))).catch(() => undefined);
    expect(policy.spent).toBe(true);
    fake.start('old');
    fake.fail('old');
    watcher.reset();
    expect(policy.spent).toBe(false);
    fake.start('new');
    // The old tile's late events count for nothing.
    fake.fail('old');
    fake.end('old');
    fake.end('new');
    expect(reports.map((r) => r.status)).toEqual(['loading', 'error', 'loading', 'ready']);
  });
});
