/**
 * What a person chooses on a WMS layer (its `time` and `filters`): the values offered, the defaults,
 * and whether a value fits. Pure: the store, the permalink, the layer and the UI read it alike.
 */
import type { LocalizedText } from '../schema/common.js';
import type { WmsFilter, WmsLayerDef, WmsTime } from './wms.js';

/** A layer's choices: its time, and each filter's value by filter id ("" for « Tous », no filter). */
export interface LayerChoices {
  readonly time?: string;
  readonly filters?: Readonly<Record<string, string>>;
}

/** Most values a range may give (a longer one is cut, and reported by the document checks). */
export const MAX_TIME_VALUES = 1000;

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const START = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?)?)?$/;

/** Characters of an ISO date kept at each precision: a year, a month, a day (else the whole UTC time). */
const LENGTHS = [4, 7, 10];

/** A date as written at a precision: that of the range's start, or finer when its period is. */
function formatAt(date: Date, length: number | undefined): string {
  const iso = date.toISOString();
  return length ? iso.slice(0, length) : iso.replace('.000Z', 'Z');
}

function parseStart(text: string): Date | undefined {
  const m = START.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
}

/**
 * The values of an ISO 8601 range "start/end/period" ("2015/2023/P1Y" → 2015, 2016 … 2023), written
 * like its start (or finer, as its period asks); undefined when the text is not such a range (or gives nothing).
 */
export function expandRange(text: string): string[] | undefined {
  const [startText, endText, periodText, extra] = text.split('/');
  if (!startText || !endText || !periodText || extra !== undefined) return undefined;
  const start = parseStart(startText);
  const end = parseStart(endText);
  const period = PERIOD.exec(periodText);
  if (!start || !end || !period || periodText === 'P' || periodText.endsWith('T')) return undefined;
  const [y, mo, d, h, mi, s] = period.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  if (!(y || mo || d || h || mi || s) || start > end) return undefined;
  const startLength = LENGTHS.includes(startText.length) ? startText.length : undefined;
  const periodLength = h || mi || s ? undefined : d ? 10 : mo ? 7 : 4;
  const length = startLength && periodLength ? Math.max(startLength, periodLength) : undefined;
  const values: string[] = [];
  for (let i = 0; values.length < MAX_TIME_VALUES; i++) {
    const t = new Date(start);
    t.setUTCFullYear(start.getUTCFullYear() + i * y, start.getUTCMonth() + i * mo, start.getUTCDate() + i * d);
    t.setUTCHours(start.getUTCHours() + i * h, start.getUTCMinutes() + i * mi, start.getUTCSeconds() + i * s);
    if (t > end) break;
    values.push(formatAt(t, length));
  }
  return values;
}

/** The times a layer offers, in order: ranges expanded, the same value once. */
export function timeValues(time: WmsTime | undefined): string[] {
  const all = (time?.values ?? []).flatMap((v) => (v.includes('/') ? (expandRange(v) ?? []) : [v]));
  return [...new Set(all)].slice(0, MAX_TIME_VALUES);
}

/** A filter's values with what shows for each. */
export const filterOptions = (filter: WmsFilter): Array<{ value: string; label: LocalizedText }> =>
  filter.values.map((v) => (typeof v === 'string' ? { value: v, label: v } : v));

/** The time a layer opens on: its `default` when it is offered, else the last value. */
export function defaultTime(time: WmsTime | undefined): string | undefined {
  const values = timeValues(time);
  return time?.default !== undefined && values.includes(time.default) ? time.default : values.at(-1);
}

/** What a layer opens with (undefined for layers without choices). */
export function defaultChoices(def: { readonly type: string }): LayerChoices | undefined {
  if (def.type !== 'wms') return undefined;
  const { time, filters } = def as WmsLayerDef;
  if (!time && !filters?.length) return undefined;
  return {
    ...(time ? { time: defaultTime(time) } : {}),
    ...(filters?.length ? { filters: Object.fromEntries(filters.map((f) => [f.id, f.default ?? ''])) } : {}),
  };
}

/** True when a value is one a layer offers: a time of its list, or a filter's value ("" for « Tous »). */
export function fitsChoice(def: WmsLayerDef, choice: { time: string } | { filter: string; value: string }): boolean {
  if ('time' in choice) return timeValues(def.time).includes(choice.time);
  const filter = def.filters?.find((f) => f.id === choice.filter);
  return !!filter && (choice.value === '' || filterOptions(filter).some((o) => o.value === choice.value));
}
