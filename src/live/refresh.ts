/**
 * Live copies of remote datasets (`"refresh": { "seconds": 300 }` on geojson and csv layers): the data
 * is read again on an interval while the page is shown, and swapped in without a blank frame. Features
 * that keep their id keep their object (an open record and its halo follow the new data); a failed
 * refresh keeps the last good data and says so. Loaded only by maps with such a layer.
 */
import type Feature from 'ol/Feature.js';
import type Geometry from 'ol/geom/Geometry.js';
import type SimpleGeometry from 'ol/geom/SimpleGeometry.js';
import type VectorSource from 'ol/source/Vector.js';
import type { LayerStatusReport } from '../layers/types.js';
import type { LayerProblem } from '../layers/status.js';

/** Replaces the features of a source in one go (no frame in between). */
export function replaceFeatures(source: VectorSource, next: readonly Feature[]): void {
  const kept = new Set<Feature>();
  const added: Feature[] = [];
  for (const feature of next) {
    const id = feature.getId();
    const current = id === undefined ? null : (source.getFeatureById(id) as Feature | null);
    if (!current || kept.has(current)) {
      added.push(feature);
      continue;
    }
    kept.add(current);
    const geometry = feature.getGeometry();
    const old = current.getGeometry();
    // The same geometry object moves: whatever holds it (the selection's halo) follows.
    if (geometry && old && old.getType() === geometry.getType() && 'setCoordinates' in old) {
      (old as SimpleGeometry & { setCoordinates(c: unknown): void }).setCoordinates((geometry as SimpleGeometry).getCoordinates());
    } else current.setGeometry(geometry as Geometry | undefined);
    const properties = { ...feature.getProperties() };
    delete properties[feature.getGeometryName()];
    for (const key of Object.keys(current.getProperties())) {
      if (key !== current.getGeometryName() && !(key in properties)) current.unset(key, true);
    }
    current.setProperties(properties);
  }
  const gone = source.getFeatures().filter((f) => !kept.has(f));
  if (gone.length) source.removeFeatures(gone);
  if (added.length) source.addFeatures(added);
}

/**
 * Calls `tick` every `seconds` while the page is visible. A hidden page pauses; when it shows again
 * after the interval has passed, the tick runs at once. Returns the function that stops it.
 */
export function everyWhileShown(seconds: number, tick: () => Promise<void>): () => void {
  const interval = seconds * 1000;
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (): void => {
    clearTimeout(timer);
    if (stopped || document.visibilityState === 'hidden') return;
    timer = setTimeout(() => void run(), Math.max(0, last + interval - Date.now()));
  };
  const run = async (): Promise<void> => {
    last = Date.now();
    await tick().catch(() => undefined);
    schedule();
  };
  const onVisibility = (): void => schedule();
  document.addEventListener('visibilitychange', onVisibility);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

export interface KeepFreshOptions {
  readonly seconds: number;
  readonly source: VectorSource;
  /** Reads the data again: its features in the view's projection, and how many were left out. */
  readonly read: () => Promise<{ features: Feature[]; skipped: number }>;
  readonly report: (report: LayerStatusReport) => void;
  readonly problemOf: (error: unknown) => LayerProblem;
  /** What the first load reported (skipped features), repeated with the update time. */
  readonly first: LayerStatusReport;
}

/** Starts refreshing a loaded layer; returns the function that stops it. */
export function keepFresh(options: KeepFreshOptions): () => void {
  const { source, report } = options;
  let updated = Date.now();
  let lastGood = options.first;
  report({ ...lastGood, updated });
  return everyWhileShown(options.seconds, async () => {
    try {
      const { features, skipped } = await options.read();
      replaceFeatures(source, features);
      updated = Date.now();
      lastGood = { status: 'ready', featureCount: features.length, skipped, problem: skipped ? { code: 'skipped', detail: String(skipped) } : undefined };
      report({ ...lastGood, updated });
    } catch (error) {
      report({ ...lastGood, updated, stale: options.problemOf(error) });
    }
  });
}
