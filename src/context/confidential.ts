/**
 * Which records a `confidential` rule withholds: one predicate for the build (plugin/restricted.ts
 * leaves them out of the public site) and the studio (which counts them as the rule is written).
 */
import type { ConfidentialRecords } from './schema/sources.js';

/**
 * How confidential values compare: as text, trimmed, Unicode-normalised (NFC) and case-folded, so
 * « Réservé », "réservé ", a decomposed « Réservé » and "RÉSERVÉ" are one value. A value that only
 * looks like another withholds rather than leaks.
 */
export const confidentialKey = (value: unknown): string => String(value).normalize('NFC').toUpperCase().toLowerCase().normalize('NFC').trim();

/** Whether a record (a feature's properties) is one the rule withholds. */
export function confidentialTest(rule: ConfidentialRecords): (properties: Readonly<Record<string, unknown>> | null | undefined) => boolean {
  const keys = new Set(rule.values.map(confidentialKey));
  return (properties) => {
    const value = properties?.[rule.field];
    return value !== undefined && value !== null && typeof value !== 'object' && keys.has(confidentialKey(value));
  };
}

/** How many of `records` the rule withholds. */
export function withheldCount(records: ReadonlyArray<Readonly<Record<string, unknown>>>, rule: ConfidentialRecords): number {
  const isConfidential = confidentialTest(rule);
  return records.filter(isConfidential).length;
}
