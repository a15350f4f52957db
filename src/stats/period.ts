/** Report periods: whole UTC days, written YYYY-MM-DD, both ends included. */
import { CliError } from '../cli/files.js';

export interface Period {
  readonly from: string;
  readonly to: string;
}

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day's start (UTC milliseconds), or undefined when the text is not a real YYYY-MM-DD date. */
export function dayStart(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === text ? time : undefined;
}

export const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** `--year` or `--from`/`--to`; exit 2 when wrong. */
export function periodOf(options: { year?: string; from?: string; to?: string }): Period {
  if (options.year !== undefined) {
    if (options.from !== undefined || options.to !== undefined) throw new CliError('stats: give --year or --from/--to, not both', 2);
    if (!/^\d{4}$/.test(options.year)) throw new CliError(`stats: --year needs a year like 2026, got "${options.year}"`, 2);
    return { from: `${options.year}-01-01`, to: `${options.year}-12-31` };
  }
  if (options.from === undefined || options.to === undefined) throw new CliError('stats: give the period: --year 2026, or --from 2026-01-01 --to 2026-06-30', 2);
  const from = dayStart(options.from);
  const to = dayStart(options.to);
  if (from === undefined) throw new CliError(`stats: --from needs a date like 2026-01-01, got "${options.from}"`, 2);
  if (to === undefined) throw new CliError(`stats: --to needs a date like 2026-06-30, got "${options.to}"`, 2);
  if (to < from) throw new CliError(`stats: --to (${options.to}) is before --from (${options.from})`, 2);
  return { from: options.from, to: options.to };
}

/** The months a period touches, "YYYY-MM". */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const wholeMonths = (period: Period): boolean =>
  period.from.endsWith('-01') && Number(period.to.slice(8)) === lastDayOfMonth(Number(period.to.slice(0, 4)), Number(period.to.slice(5, 7)));

function addMonths(day: string, count: number, end: boolean): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + count;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(end ? lastDayOfMonth(y, m) : 1).padStart(2, '0')}`;
}

/** The period of the same length just before: as many whole months when the period is made of whole months, else as many days. */
export function previousPeriod(period: Period): Period {
  if (wholeMonths(period)) {
    const count = monthsOf(period).length;
    return { from: addMonths(period.from, -count, false), to: addMonths(period.from, -1, true) };
  }
  const from = dayStart(period.from)!;
  const length = dayStart(period.to)! - from + DAY;
  return { from: isoDay(from - length), to: isoDay(from - DAY) };
}

/** The same period `years` years earlier (29 February becomes 28). */
export function yearsBefore(period: Period, years: number): Period {
  const shift = (day: string): string => {
    const year = Number(day.slice(0, 4)) - years;
    const [month, date] = [Number(day.slice(5, 7)), Number(day.slice(8))];
    return `${year}-${day.slice(5, 7)}-${String(Math.min(date, lastDayOfMonth(year, month))).padStart(2, '0')}`;
  };
  return { from: shift(period.from), to: shift(period.to) };
}

/** Month "YYYY-MM" shifted by whole years. */
export const shiftMonth = (month: string, years: number): string => `${Number(month.slice(0, 4)) + years}${month.slice(4)}`;

/** The period split at month ends: each piece in one month, with whether it covers the whole month. */
export function monthPieces(period: Period): Array<Period & { month: string; whole: boolean }> {
  return monthsOf(period).map((month) => {
    const first = `${month}-01`;
    const last = `${month}-${String(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
    const from = period.from > first ? period.from : first;
    const to = period.to < last ? period.to : last;
    return { month, from, to, whole: from === first && to === last };
  });
}
