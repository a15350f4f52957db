/**
 * The core of the report: which of a layer's features meet the place. Candidates come from a spatial
 * index (an OpenLayers source's R-tree, or any box query) and are then tested exactly. Pure: no DOM,
 * no network.
 */
import type Feature from 'ol/Feature.js';
import type { Extent } from 'ol/extent.js';
import { featureIdOf } from '../layers/feature-id.js';
import type { PreparedPlace } from './geometry.js';
import type { Describe } from './describe.js';
import type { ReportItem } from './types.js';

/** Features whose box meets an extent (e.g. `source.getFeaturesInExtent`), or all of them. */
export type Candidates = (extent: Extent) => Iterable<Feature>;

/** The features among the candidates that meet the place, described, nearest (or by name) first. */
export function matchFeatures(
  candidates: Candidates,
  place: PreparedPlace,
  describe: Describe,
  options: { idField?: string; near: boolean },
): ReportItem[] {
  const items: ReportItem[] = [];
  for (const feature of candidates(place.extent)) {
    const geometry = feature.getGeometry();
    if (!geometry) continue;
    const match = place.match(geometry);
    if (!match.hit) continue;
    const properties = feature.getProperties();
    const id = featureIdOf(properties, options.idField) ?? feature.getId();
    const { label, fields } = describe(properties);
    items.push({ id, label, fields, distance: match.distance, ...(match.onBoundary ? { onBoundary: true } : {}), geometry });
  }
  return sortItems(items, options.near);
}

/**
 * A label as a sort key: accents and case folded, numbers padded so that « Site 2 » comes before
 * « Site 10 » (like a numeric collator, which is far slower over 40,000 lines).
 */
export function sortKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/** Nearest first (point and line places), then by label. */
export function sortItems(items: ReportItem[], near: boolean): ReportItem[] {
  const keyed = items.map((item) => ({ item, key: sortKey(item.label), distance: near ? (item.distance ?? Infinity) : 0 }));
  keyed.sort((a, b) => a.distance - b.distance || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}

/** A candidates function over a plain list: a box prefilter on each geometry's (cached) extent. */
export function candidatesOf(features: readonly Feature[]): Candidates {
  return function* (extent) {
    for (const feature of features) {
      const e = feature.getGeometry()?.getExtent();
      if (e && e[0]! <= extent[2]! && e[2]! >= extent[0]! && e[1]! <= extent[3]! && e[3]! >= extent[1]!) yield feature;
    }
  };
}
