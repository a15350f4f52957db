/**
 * The core of the report: which of a layer's features meet the place. Candidates come from a spatial
 * index (an OpenLayers source's R-tree, or any box query) and are then tested exactly. Pure: no DOM,
 * no network.
 */
import type Feature from 'ol/Feature.js';
import type { Extent } from 'ol/extent.js';
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
    const own = options.idField ? properties[options.idField] : undefined;
    const id = typeof own === 'string' || typeof own === 'number' ? own : feature.getId();
    const { label, fields } = describe(properties);
    items.push({ id, label, fields, distance: match.distance, geometry });
  }
  return sortItems(items, options.near);
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export function sortItems(items: ReportItem[], near: boolean): ReportItem[] {
  return items.sort((a, b) => (near ? (a.distance ?? Infinity) - (b.distance ?? Infinity) : 0) || collator.compare(a.label, b.label));
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
