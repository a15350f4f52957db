import { describe, expect, it } from 'vitest';
import { countIgnored, embedPolicy, emptyStats, isAllowedOrigin, message, parseCommand } from '../../../src/embed/api.js';
import { isWordPressReady, wordPressHeight, wordPressSecret } from '../../../src/embed/wordpress.js';

describe('embed API commands', () => {
  it('accepts each command, well formed', () => {
    const good = [
      { cartable: 1, command: 'set-view', center: [6.2, 45.1], zoom: 11, id: 'a1' },
      { cartable: 1, command: 'set-view', center: [700000, 6600000], resolution: 50 },
      { cartable: 1, command: 'fit-extent', extent: [5, 44, 7, 46] },
      { cartable: 1, command: 'set-layers', show: ['a'], hide: ['b', 'c'] },
      { cartable: 1, command: 'select-feature', layerId: 'geosites', featureId: 'PAC0058', id: 3 },
      { cartable: 1, command: 'select-feature', layerId: null, featureId: null },
      { cartable: 1, command: 'set-table-filter', layerId: 'geosites', filter: { text: 'glacier', values: { type: ['x'] }, ranges: { alt: { min: 1000 } }, inView: true } },
      { cartable: 1, command: 'set-table-filter', layerId: null, filter: null },
    ];
    for (const data of good) {
      const parsed = parseCommand(data);
      expect(parsed.ok, JSON.stringify(data)).toBe(true);
      if (parsed.ok) expect(parsed.command.command).toBe(data.command);
    }
    expect(parseCommand(good[3])).toEqual({ ok: true, command: { command: 'set-layers', show: ['a'], hide: ['b', 'c'] } });
  });

  it('tells foreign, malformed, other-version and unknown messages apart, and never throws', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'foreign'],
      [null, 'foreign'],
      ['set-view', 'foreign'],
      [{ message: 'ready', secret: 'abc' }, 'foreign'],
      [[1, 2], 'foreign'],
      [{ cartable: 2, command: 'set-view', center: [0, 0], zoom: 1 }, 'version'],
      [{ cartable: '1', command: 'set-view', center: [0, 0], zoom: 1 }, 'version'],
      [{ cartable: 1 }, 'malformed'],
      [{ cartable: 1, command: 'set-view', center: [0] }, 'malformed'],
      [{ cartable: 1, command: 'set-view', center: [0, NaN], zoom: 3 }, 'malformed'],
      [{ cartable: 1, command: 'set-view', center: [0, 0], zoom: 'far' }, 'malformed'],
      [{ cartable: 1, command: 'set-view', center: [0, 0], resolution: -1 }, 'malformed'],
      [{ cartable: 1, command: 'fit-extent', extent: [7, 44, 5, 46] }, 'malformed'],
      [{ cartable: 1, command: 'set-layers' }, 'malformed'],
      [{ cartable: 1, command: 'set-layers', show: 'a' }, 'malformed'],
      [{ cartable: 1, command: 'select-feature', layerId: 'x' }, 'malformed'],
      [{ cartable: 1, command: 'select-feature', layerId: 'x', featureId: { $gt: 1 } }, 'malformed'],
      [{ cartable: 1, command: 'set-table-filter', layerId: 'x', filter: { text: 5 } }, 'malformed'],
      [{ cartable: 1, command: 'set-table-filter', layerId: 'x', filter: { values: { a: 'b' } } }, 'malformed'],
      [{ cartable: 1, command: 'set-view', center: [0, 0], id: {} }, 'malformed'],
      [{ cartable: 1, command: 'delete-everything' }, 'unknown-command'],
    ];
    for (const [data, reason] of cases) {
      const parsed = parseCommand(data);
      expect(parsed.ok, JSON.stringify(data)).toBe(false);
      if (!parsed.ok) expect(parsed.reason, JSON.stringify(data)).toBe(reason);
    }
  });

  it('stamps events with the version', () => {
    expect(message({ event: 'ready', map: 'geosites', version: 1 })).toEqual({ cartable: 1, event: 'ready', map: 'geosites', version: 1 });
  });
});

describe('embed policy', () => {
  it('lets any page drive a public map without a list, and talks to any parent', () => {
    expect(embedPolicy({ access: { level: 'public' } })).toEqual({ commandsFrom: ['*'], eventsTo: ['*'] });
    expect(isAllowedOrigin('https://evil.example', ['*'])).toBe(true);
  });

  it('keeps to the listed origins', () => {
    const policy = embedPolicy({ access: { level: 'public' }, embed: { allowedOrigins: ['https://commune.example/', 'http://127.0.0.1:9000'] } });
    expect(policy).toEqual({ commandsFrom: ['https://commune.example', 'http://127.0.0.1:9000'], eventsTo: ['https://commune.example', 'http://127.0.0.1:9000'] });
    expect(isAllowedOrigin('https://commune.example', policy.commandsFrom)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', policy.commandsFrom)).toBe(false);
    expect(isAllowedOrigin('null', policy.commandsFrom)).toBe(false);
  });

  it('never sends a restricted map’s data to an origin not listed', () => {
    expect(embedPolicy({ access: { level: 'restricted' } })).toEqual({ commandsFrom: [], eventsTo: [] });
    expect(embedPolicy({ access: { level: 'restricted' }, embed: { allowedOrigins: ['*', 'https://intra.example'] } }).eventsTo).toEqual(['https://intra.example']);
  });

  it('counts ignored messages and keeps only the last ones', () => {
    const stats = emptyStats();
    for (let i = 0; i < 25; i++) countIgnored(stats, 'origin', `https://o${i}.example`);
    countIgnored(stats, 'malformed', 'https://a.example', 'center');
    expect(stats.ignored).toMatchObject({ origin: 25, malformed: 1 });
    expect(stats.recent).toHaveLength(20);
    expect(stats.recent.at(-1)).toEqual({ reason: 'malformed', origin: 'https://a.example', detail: 'center' });
  });
});

describe('WordPress embeds', () => {
  it('reads the secret WordPress appends to the URL', () => {
    expect(wordPressSecret('#?secret=Ab12Cd34Ef')).toBe('Ab12Cd34Ef');
    expect(wordPressSecret('#?secret=Ab12&x=1')).toBe('Ab12');
    expect(wordPressSecret('#?secret=<script>')).toBeUndefined();
    expect(wordPressSecret('')).toBeUndefined();
  });

  it('answers its ready message with a height WordPress accepts', () => {
    expect(isWordPressReady({ message: 'ready', secret: 'abc' }, 'abc')).toBe(true);
    expect(isWordPressReady({ message: 'ready', secret: 'xyz' }, 'abc')).toBe(false);
    expect(isWordPressReady({ message: 'ready', secret: 'abc' }, undefined)).toBe(false);
    expect(wordPressHeight('abc', 450)).toEqual({ message: 'height', value: 450, secret: 'abc' });
    expect(wordPressHeight('abc', 50).value).toBe(200);
    expect(wordPressHeight('abc', 5000).value).toBe(1000);
  });
});
