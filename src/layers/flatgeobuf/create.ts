import type Feature from 'ol/Feature.js';
import type { Extent } from 'ol/extent.js';
import type { Geometry } from 'ol/geom.js';
import { bbox as bboxStrategy } from 'ol/loadingstrategy.js';
import { transformExtent } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { FlatGeobufLayerDef } from '../../context/types.js';
import { ensureProjections } from '../../proj/register.js';
import { createLoadPolicy, failedAreas, isLastingFileFault, isNewFailure } from '../load-policy.js';
import { featuresInWholeSource, watchStatus } from '../features-in.js';
import { createPointLayer } from '../points/display.js';
import { problemOf } from '../problems.js';
import { createRangeReader } from '../range-read.js';
import type { LayerKind } from '../types.js';
import { refuseWebPage } from '../answer.js';
import { openIndexed, readRect, type IndexedFile } from './extent.js';
import { dataProjectionOf, readHeader, readWhole } from './read.js';

/** The search rectangle in the data's CRS for a view extent (clamped to the world for lon/lat). */
export function searchRect(extent: Extent, viewProjection: string, dataProjection: string): { minX: number; minY: number; maxX: number; maxY: number } {
  let [minX, minY, maxX, maxY] = viewProjection === dataProjection ? extent : transformExtent(extent, viewProjection, dataProjection, 8);
  if (dataProjection === 'EPSG:4326') {
    minX = Math.max(-180, minX!);
    maxX = Math.min(180, maxX!);
    // The edge of Web Mercator (±85.05°) stands for the poles.
    minY = minY! <= -85.05 ? -90 : Math.max(-90, minY!);
    maxY = maxY! >= 85.05 ? 90 : Math.min(90, maxY!);
  }
  return { minX: minX!, minY: minY!, maxX: maxX!, maxY: maxY! };
}

export const flatgeobufKind: LayerKind<FlatGeobufLayerDef> = {
  type: 'flatgeobuf',
  projections: (def) => (def.projection ? [def.projection] : []),
  readsByExtent: (def) => def.loading === 'extent',
  create(def, outer) {
    const status = watchStatus(outer);
    const env = status.env;
    const url = env.resolveUrl(def.url);
    const featureProjection = env.viewProjection.getCode();
    let pending = 0;
    let failed = false;
    let truncated = false;
    let wholeSkipped = 0;
    const skippedIds = new Set<number>();
    const settle = (): void => {
      if (pending > 0 || failed) return;
      const skipped = wholeSkipped + skippedIds.size;
      // A truncated file keeps its complete features on the map, but the layer says it failed.
      env.report({
        status: truncated ? 'error' : 'ready',
        featureCount: source.getFeatures().length,
        skipped,
        problem: truncated ? { code: 'truncated' } : skipped ? { code: 'skipped', detail: String(skipped) } : undefined,
      });
    };

    /** Whole file: one plain request, no ranges. */
    const loadWhole = async (): Promise<Feature[]> => {
      const response = await env.requester.fetch(url);
      refuseWebPage(response);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const header = await readHeader(bytes);
      const dataProjection = dataProjectionOf(header, def.projection);
      await ensureProjections([dataProjection]);
      const read = await readWhole(bytes, header, { dataProjection, featureProjection, idField: def.idField });
      truncated = read.truncated;
      wholeSkipped = read.skipped;
      return read.features;
    };

    let opening: Promise<IndexedFile | undefined> | undefined;
    let wholeRead: Promise<Feature[]> | undefined;
    const range = createRangeReader(env.requester, url);

    const loadExtent = async (extent: Extent): Promise<Feature[]> => {
      opening ??= openIndexed(range, def.projection);
      const opened = await opening;
      if (!opened) {
        // No index: read once, whatever the extent.
        wholeRead ??= loadWhole();
        return wholeRead;
      }
      const read = await readRect(opened, searchRect(extent, featureProjection, opened.dataProjection), {
        featureProjection,
        idField: def.idField,
      });
      read.skippedIds.forEach((id) => skippedIds.add(id));
      return read.features;
    };

    const policy = createLoadPolicy(env.loadPolicy);

    /** One try; a failed one forgets what failed to open or read, so that the next starts over there. */
    const attempt = (extent: Extent): Promise<Feature[]> =>
      (def.loading === 'extent' ? loadExtent(extent) : (wholeRead ??= loadWhole())).catch(async (error: unknown) => {
        // The header and index stay read when only the features of this area failed.
        const opened = await opening?.then(() => true, () => false);
        if (!opened) opening = undefined;
        wholeRead = undefined;
        throw error;
      });

    const source: VectorSource<Feature<Geometry>> = new VectorSource({
      strategy: def.loading === 'extent' ? bboxStrategy : undefined,
      loader: (extent, _resolution, _projection, success, failure) => {
        pending += 1;
        // A failing layer keeps its error shown while it tries again (no flip to "loading").
        if (pending === 1 && !policy.failing) env.report({ status: 'loading' });
        // A server that refuses ranges refuses them for any area, a file cut short stays so: no probe
        // on the next move (the layer says why, and waits for « Réessayer »).
        policy.run(() => attempt(extent), { permanent: isLastingFileFault }).then(
          (features) => {
            pending -= 1;
            failed = false;
            // Features already there (same id) are skipped by the source.
            source.addFeatures(features);
            success?.(features);
            failedExtents.reopen();
            settle();
          },
          (error: unknown) => {
            pending -= 1;
            failed = true;
            failedExtents.add(extent);
            if (isNewFailure(error)) env.report({ status: 'error', problem: problemOf(error) });
            failure?.();
          },
        );
      },
    });
    const failedExtents = failedAreas(source);

    const { layer, onClick, restyle } = createPointLayer(def, source, env);
    const wholeFeaturesIn = featuresInWholeSource(source, status, env.viewProjection);
    return {
      layer,
      onClick,
      restyle: (next) => restyle((next as typeof def).style),
      // Read by extent: the file's index is asked for the extent itself (only that box is read);
      // a file without an index is read whole, like the map reads it.
      featuresIn: async (extent, signal) => {
        if (def.loading !== 'extent') return wholeFeaturesIn(extent, signal);
        signal?.throwIfAborted();
        const opened = await (opening ??= openIndexed(range, def.projection)).catch((error: unknown) => {
          opening = undefined;
          throw error;
        });
        if (!opened) return wholeFeaturesIn(extent, signal);
        const read = await readRect(opened, searchRect(extent, featureProjection, opened.dataProjection), { featureProjection, idField: def.idField });
        signal?.throwIfAborted();
        return { features: read.features, answeredBy: 'data' };
      },
      retry: () => {
        policy.reset();
        failed = false;
        opening = undefined;
        wholeRead = undefined;
        source.refresh();
      },
      dispose: () => policy.dispose(),
    };
  },
};
