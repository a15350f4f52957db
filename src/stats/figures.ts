/**
 * The published figures: aggregates only, each cell from 1 to 4 shown as « < 5 » (0 is shown: it
 * identifies nobody), totals masked the same way. Restricted maps are counted apart (one total per
 * month) and left out of every other figure.
 */
import type { Catalog, Text } from './catalog.js';
import { extensionFormat, findDownload } from './catalog.js';
import { monthsOf, previousPeriod, shiftMonth, yearsBefore, type Period } from './period.js';
import { totals, type StatsSource, type Tally } from './tally.js';

export const THRESHOLD = 5;
export const MASKED = '< 5';
export type Cell = number | typeof MASKED;

export const mask = (count: number): Cell => (count === 0 || count >= THRESHOLD ? count : MASKED);

export interface Series {
  readonly label: string;
  readonly period: Period;
  readonly values: Cell[];
  readonly total: Cell;
}

export interface Figures {
  readonly format: 'cartable-usage-report';
  readonly version: 1;
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly masking: { readonly threshold: number; readonly label: string; readonly rule: string };
  readonly input: { readonly source: 'events' | 'matomo'; readonly unreadableLines: number };
  /** No map view at all in the period (public or restricted). */
  readonly empty: boolean;
  readonly totals: { readonly consultations: Cell; readonly restricted: Cell; readonly embedded: Cell; readonly downloads: Cell; readonly links: Cell };
  /** Public map views per month: the period first, then the same months of previous years present. */
  readonly consultations: { readonly months: string[]; readonly series: Series[] };
  readonly restricted: { readonly months: string[]; readonly values: Cell[]; readonly total: Cell };
  readonly topMaps: Array<{ rank: number; map: string; title: Text; views: Cell; previous: Cell; trend: number | null }>;
  readonly downloads: Array<{ dataset: Text; format: string; count: Cell }>;
  readonly links: Array<{ url: string; layer: Text | null; count: Cell }>;
  readonly embeds: Array<{ host: string; count: Cell }>;
}

export const MASKING_RULE =
  'Counts from 1 to 4 are published as "< 5" (cells and totals alike); 0 is published. Totals are computed from the real counts. Restricted maps are counted apart (one total per month) and left out of all other figures.';

const isPublic = (catalog: Catalog, map: string): boolean => !catalog.maps.get(map)?.restricted;
const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);
const byCount = <T extends { n: number; key: string }>(a: T, b: T): number => b.n - a.n || a.key.localeCompare(b.key);

function monthViews(tally: Tally, catalog: Catalog, month: string, restricted: boolean): number {
  return sum([...(tally.views.get(month) ?? new Map<string, number>())].filter(([map]) => isPublic(catalog, map) !== restricted).map(([, n]) => n));
}

const periodLabel = (period: Period): string =>
  period.from.endsWith('-01-01') && period.to.endsWith('-12-31') && period.from.slice(0, 4) === period.to.slice(0, 4) ? period.from.slice(0, 4) : `${period.from} → ${period.to}`;

/** Counts everything the report shows; `compareYears`: how many previous years to look for. */
export async function buildFigures(source: StatsSource, catalog: Catalog, period: Period, top: number, compareYears = 5): Promise<Figures> {
  const current = await source.count(period.from, period.to);
  const before = previousPeriod(period);
  const previous = await source.count(before.from, before.to, true);
  const months = monthsOf(period);

  const series: Series[] = [];
  const addSeries = (tally: Tally, range: Period, shift: number): number => {
    const values = months.map((month) => monthViews(tally, catalog, shiftMonth(month, -shift), false));
    const total = sum(values);
    series.push({ label: periodLabel(range), period: range, values: values.map(mask), total: mask(total) });
    return total;
  };
  const publicTotal = addSeries(current, period, 0);
  for (let years = 1; years <= compareYears; years += 1) {
    const range = yearsBefore(period, years);
    const tally = await source.count(range.from, range.to, true);
    if (sum(months.map((m) => monthViews(tally, catalog, shiftMonth(m, -years), false))) > 0) addSeries(tally, range, years);
  }

  const restrictedValues = months.map((month) => monthViews(current, catalog, month, true));
  const viewsNow = totals(current.views);
  const viewsBefore = totals(previous.views);
  const topMaps = [...viewsNow]
    .filter(([map]) => isPublic(catalog, map))
    .map(([key, n]) => ({ key, n }))
    .sort(byCount)
    .slice(0, top)
    .map(({ key, n }, index) => {
      const was = viewsBefore.get(key) ?? 0;
      const trend = n >= THRESHOLD && was >= THRESHOLD ? Math.round(((n - was) / was) * 100) : null;
      return { rank: index + 1, map: key, title: catalog.maps.get(key)?.title ?? { fr: key, en: key }, views: mask(n), previous: mask(was), trend };
    });

  const datasets = new Map<string, { dataset: Text; format: string; n: number; key: string }>();
  for (const [url, n] of totals(current.downloads)) {
    const info = findDownload(catalog, url);
    if (info && !isPublic(catalog, info.map)) continue;
    const dataset = info?.layer ?? { fr: url, en: url };
    const format = info?.format ?? extensionFormat(url);
    const key = `${dataset.fr}\u0000${format}`;
    const entry = datasets.get(key) ?? { dataset, format, n: 0, key };
    entry.n += n;
    datasets.set(key, entry);
  }
  const links = [...totals(current.links)]
    .filter(([url]) => { const info = catalog.metadata.get(url); return !info || isPublic(catalog, info.map); })
    .map(([key, n]) => ({ key, n }))
    .sort(byCount);
  const hosts = new Map<string, number>();
  for (const row of current.embedMaps.values()) {
    for (const [host, maps] of row) for (const [map, n] of maps) if (isPublic(catalog, map)) hosts.set(host, (hosts.get(host) ?? 0) + n);
  }
  const embeds = [...hosts].map(([key, n]) => ({ key, n })).sort(byCount);
  const downloads = [...datasets.values()].sort(byCount);

  return {
    format: 'cartable-usage-report',
    version: 1,
    period,
    previousPeriod: before,
    masking: { threshold: THRESHOLD, label: MASKED, rule: MASKING_RULE },
    input: { source: source.name, unreadableLines: current.unreadable },
    empty: publicTotal + sum(restrictedValues) === 0,
    totals: {
      consultations: mask(publicTotal),
      restricted: mask(sum(restrictedValues)),
      embedded: mask(sum(embeds.map((e) => e.n))),
      downloads: mask(sum(downloads.map((d) => d.n))),
      links: mask(sum(links.map((l) => l.n))),
    },
    consultations: { months, series },
    restricted: { months, values: restrictedValues.map(mask), total: mask(sum(restrictedValues)) },
    topMaps,
    downloads: downloads.map(({ dataset, format, n }) => ({ dataset, format, count: mask(n) })),
    links: links.map(({ key, n }) => ({ url: key, layer: catalog.metadata.get(key)?.layer ?? null, count: mask(n) })),
    embeds: embeds.map(({ key, n }) => ({ host: key, count: mask(n) })),
  };
}
