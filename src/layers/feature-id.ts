/**
 * The id of a feature: the value of its layer's `idField` when that value is a string or a number
 * (what deep links, search results, tables and the report use to find it again). One rule, read
 * everywhere a feature's attributes are turned into a record.
 */
import type Feature from 'ol/Feature.js';

/** The value of `idField` among a feature's attributes, when it can serve as an id. */
export function featureIdOf(properties: Readonly<Record<string, unknown>>, idField: string | undefined): string | number | undefined {
  if (!idField) return undefined;
  const value = properties[idField];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** Gives a read feature its id from `idField` (features without a usable value keep theirs). */
export function applyFeatureId(feature: Feature, idField: string | undefined): void {
  if (!idField) return;
  const id = featureIdOf(feature.getProperties(), idField);
  if (id !== undefined) feature.setId(id);
}
