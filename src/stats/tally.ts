/**
 * What a source counts for a period, month by month: map views (per map id), embedded views (per
 * partner origin), downloads and metadata links followed (per URL). Counts only: no visit, no person.
 */
export interface Tally {
  /** month "YYYY-MM" → map id → views. */
  readonly views: Map<string, Map<string, number>>;
  /** month → partner origin → embedded views, with the map id in `embedMaps`. */
  readonly embeds: Map<string, Map<string, number>>;
  /** month → map id → embedded views (to leave restricted maps out). */
  readonly embedMaps: Map<string, Map<string, Map<string, number>>>;
  readonly downloads: Map<string, Map<string, number>>;
  readonly links: Map<string, Map<string, number>>;
  /** Lines that could not be read (events folder only). */
  unreadable: number;
}

export const emptyTally = (): Tally => ({ views: new Map(), embeds: new Map(), embedMaps: new Map(), downloads: new Map(), links: new Map(), unreadable: 0 });

export function add(table: Map<string, Map<string, number>>, month: string, key: string, count = 1): void {
  let row = table.get(month);
  if (!row) table.set(month, (row = new Map()));
  row.set(key, (row.get(key) ?? 0) + count);
}

/** Adds an embedded view: per origin, and per origin and map. */
export function addEmbed(tally: Tally, month: string, host: string, map: string, count = 1): void {
  add(tally.embeds, month, host, count);
  let row = tally.embedMaps.get(month);
  if (!row) tally.embedMaps.set(month, (row = new Map()));
  add(row, host, map, count);
}

/** Totals over all months: key → count. */
export function totals(table: Map<string, Map<string, number>>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of table.values()) for (const [key, count] of row) sums.set(key, (sums.get(key) ?? 0) + count);
  return sums;
}

/** A source of counts (events folder or Matomo). */
export interface StatsSource {
  readonly name: 'events' | 'matomo';
  /** `viewsOnly`: map views are enough (previous years). */
  count(from: string, to: string, viewsOnly?: boolean): Promise<Tally>;
}
