/**
 * What the style editor reads from a layer's records: the distinct values of a field with their
 * counts, the numbers of a field, and class breaks by quantiles, equal intervals or natural breaks.
 * Pure functions (no DOM, no map).
 */
import type { CategoryValue } from '../../context/types.js';
import type { StudioRecord } from '../data.js';

export interface ValueCount {
  readonly value: CategoryValue;
  readonly count: number;
}

const isCategoryValue = (value: unknown): value is CategoryValue =>
  (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';

/** The distinct values of a field, most frequent first (ties in the values' order); empty values are left out. */
export function distinctValues(records: readonly StudioRecord[], field: string): ValueCount[] {
  const counts = new Map<CategoryValue, number>();
  for (const record of records) {
    const value = record[field];
    if (isCategoryValue(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value), 'fr', { numeric: true }));
}

/** The numbers of a field (numeric text such as "12,5" counts), sorted ascending. */
export function numbersOf(records: readonly StudioRecord[], field: string): number[] {
  const numbers: number[] = [];
  for (const record of records) {
    const raw = record[field];
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.replace(',', '.')) : NaN;
    if (Number.isFinite(value)) numbers.push(value);
  }
  return numbers.sort((a, b) => a - b);
}

/** The fields whose values are mostly numbers (classes apply to them). */
export function numericFields(records: readonly StudioRecord[], fields: readonly string[]): string[] {
  return fields.filter((field) => {
    const present = records.filter((r) => r[field] !== null && r[field] !== undefined && r[field] !== '');
    return present.length > 0 && numbersOf(present, field).length >= present.length * 0.9;
  });
}

export type ClassMethod = 'quantiles' | 'equal' | 'jenks';

/**
 * Breaks of `classes` classes over sorted numbers: [start of class 1 (the minimum), start of class 2,
 * …, start of class k, the maximum]. A class is [its start, the next start); the last one holds the
 * maximum. Fewer classes when the data has fewer distinct values; empty for no data.
 */
export function classBreaks(sorted: readonly number[], classes: number, method: ClassMethod): number[] {
  if (!sorted.length) return [];
  const distinct = new Set(sorted).size;
  const k = Math.max(1, Math.min(Math.round(classes), distinct));
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  let starts: number[];
  if (k === 1) starts = [min];
  else if (method === 'equal') starts = equalStarts(min, max, k);
  else if (method === 'quantiles') starts = quantileStarts(sorted, k);
  else starts = jenksStarts(sorted, k);
  return [...new Set(starts), max];
}

/** Removes floating noise (0.1 + 0.2) from computed bounds. */
const clean = (value: number): number => Number(value.toPrecision(12));

function equalStarts(min: number, max: number, k: number): number[] {
  const step = (max - min) / k;
  return Array.from({ length: k }, (_, i) => clean(min + i * step));
}

/** Each class starts at the value found at its share of the data (equal counts, ties kept together). */
function quantileStarts(sorted: readonly number[], k: number): number[] {
  return Array.from({ length: k }, (_, i) => sorted[Math.floor((i * sorted.length) / k)]!);
}

/**
 * Jenks natural breaks (George F. Jenks, 1977; Fisher's exact dynamic programme): the grouping of the
 * sorted values into k runs that minimises the sum of squared deviations from each run's mean.
 * O(k·n²): fine for the thousands of records a studio layer shows.
 */
export function jenksStarts(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  // lower[i][j]: 1-based index of the first value of the last class, for the first i values in j classes.
  const lower = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  for (let j = 1; j <= k; j++) {
    lower[1]![j] = 1;
    cost[1]![j] = 0;
  }
  for (let i = 2; i <= n; i++) {
    let sum = 0;
    let squares = 0;
    let variance = 0;
    for (let m = 1; m <= i; m++) {
      const first = i - m + 1; // The last class holds values first..i.
      const value = sorted[first - 1]!;
      sum += value;
      squares += value * value;
      variance = squares - (sum * sum) / m;
      const before = first - 1;
      if (before === 0) continue;
      for (let j = 2; j <= k; j++) {
        const total = variance + cost[before]![j - 1]!;
        if (total <= cost[i]![j]!) {
          lower[i]![j] = first;
          cost[i]![j] = total;
        }
      }
    }
    lower[i]![1] = 1;
    cost[i]![1] = variance;
  }
  const starts = new Array<number>(k);
  let end = n;
  for (let j = k; j >= 1; j--) {
    const first = lower[end]![j]!;
    starts[j - 1] = sorted[first - 1]!;
    end = first - 1;
  }
  return starts;
}

/** The sum of squared deviations from their class means of sorted values split at `starts` (tests compare groupings). */
export function squaredDeviations(sorted: readonly number[], starts: readonly number[]): number {
  let total = 0;
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    const members = sorted.filter((v) => v >= start && (next === undefined || v < next));
    const mean = members.reduce((a, b) => a + b, 0) / (members.length || 1);
    total += members.reduce((a, v) => a + (v - mean) ** 2, 0);
  });
  return total;
}

/** A number as a class label shows it (French or English digits, at most 2 decimals). */
export function formatBound(value: number, language: string): string {
  return value.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 });
}
