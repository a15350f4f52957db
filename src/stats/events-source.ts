/**
 * The JSON endpoint's stored events: `<folder>/YYYY-MM-DD.ndjson`, one event per line (a line holding
 * a whole endpoint body `{"events": [...]}` is read too). Events count by their `time` (UTC); a line
 * that cannot be read is counted, never fatal.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli/files.js';
import { dayStart, isoDay } from './period.js';
import { add, addEmbed, emptyTally, type StatsSource, type Tally } from './tally.js';

const FILE = /^(\d{4}-\d{2}-\d{2})\.ndjson$/;
const DAY = 86_400_000;

type Counted = 'ok' | 'ignored' | 'bad';

function countEvent(event: unknown, from: string, to: string, tally: Tally): Counted {
  if (!event || typeof event !== 'object') return 'bad';
  const { type, time, map, embedded, host, url } = event as Record<string, unknown>;
  if (typeof type !== 'string' || typeof time !== 'string') return 'bad';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return 'bad';
  const day = date.toISOString().slice(0, 10);
  if (day < from || day > to) return 'ignored';
  const month = day.slice(0, 7);
  switch (type) {
    case 'map-opened':
      if (typeof map !== 'string' || !map) return 'bad';
      add(tally.views, month, map);
      if (embedded === true) addEmbed(tally, month, typeof host === 'string' && host ? host : 'unknown', map);
      return 'ok';
    case 'download-followed':
    case 'metadata-followed':
      if (typeof url !== 'string' || !url) return 'bad';
      add(type === 'download-followed' ? tally.downloads : tally.links, month, url);
      return 'ok';
    default:
      return 'ignored';
  }
}

export function eventsSource(folder: string): StatsSource {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`stats: ${folder}: no such folder (--events)`, 2);
  const files = readdirSync(folder).filter((name) => FILE.test(name)).sort();
  return {
    name: 'events',
    async count(from: string, to: string): Promise<Tally> {
      const tally = emptyTally();
      // A file may hold events just past midnight of its neighbour's day: read one day around.
      const [first, last] = [isoDay(dayStart(from)! - DAY), isoDay(dayStart(to)! + DAY)];
      for (const name of files) {
        const day = FILE.exec(name)![1]!;
        if (day < first || day > last) continue;
        const inside = day >= from && day <= to;
        for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
          if (!line.trim()) continue;
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            if (inside) tally.unreadable += 1;
            continue;
          }
          const events = parsed && typeof parsed === 'object' && Array.isArray((parsed as { events?: unknown }).events) ? (parsed as { events: unknown[] }).events : [parsed];
          for (const event of events) if (countEvent(event, from, to, tally) === 'bad' && inside) tally.unreadable += 1;
        }
      }
      return tally;
    },
  };
}
