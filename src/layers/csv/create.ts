import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import type { Geometry } from 'ol/geom.js';
import { getTransform } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { CsvLayerDef } from '../../context/types.js';
import { ensureProjections } from '../../proj/register.js';
import { createLoadPolicy, isNewFailure } from '../load-policy.js';
import { featuresInWholeSource, watchStatus } from '../features-in.js';
import { createPointLayer } from '../points/display.js';
import { featureIdOf } from '../feature-id.js';
import { problemOf } from '../problems.js';
import type { LayerKind, LayerStatusReport } from '../types.js';
import type { CsvPoints } from './parse.js';
import { readCsvAnswer } from './read.js';
import { loadChunk } from '../../offline/load-chunk.js';

/** Points read from a CSV file as features in the view's projection, with their id when `idField` is set. */
export function csvFeatures(points: CsvPoints, options: { dataProjection: string; featureProjection: string; idField?: string }): Feature<Geometry>[] {
  // A plain array: proj4's transforms do not take typed arrays.
  const coordinates = Array.from(points.coordinates);
  getTransform(options.dataProjection, options.featureProjection)!(coordinates, coordinates, 2, 2);
  return points.properties.map((properties, i) => {
    const feature = new Feature<Geometry>({ ...properties, geometry: new Point([coordinates[2 * i]!, coordinates[2 * i + 1]!]) });
    feature.setId(featureIdOf(properties, options.idField) ?? i + 1);
    return feature;
  });
}

export const csvKind: LayerKind<CsvLayerDef> = {
  type: 'csv',
  projections: (def) => [def.projection],
  readsByExtent: () => false,
  create(def, outer) {
    const status = watchStatus(outer);
    const env = status.env;
    const read = async (): Promise<{ features: Feature<Geometry>[]; skipped: number }> => {
      await ensureProjections([def.projection]);
      const response = await env.requester.fetch(env.resolveUrl(def.url));
      const points = await readCsvAnswer(response, {
        xField: def.xField,
        yField: def.yField,
        delimiter: def.delimiter,
        decimal: def.decimal,
        fields: def.fields,
        projection: def.projection,
      });
      const features = csvFeatures(points, { dataProjection: def.projection, featureProjection: env.viewProjection.getCode(), idField: def.idField });
      return { features, skipped: points.skipped };
    };
    // The refresh's stop function, once its code has loaded (the layer may be disposed before).
    let refreshing: Promise<(() => void) | undefined> | undefined;
    let disposed = false;
    const policy = createLoadPolicy(env.loadPolicy);
    const load = async (): Promise<void> => {
      // A failing layer keeps its error shown while it tries again (no flip to "loading").
      if (!policy.failing) env.report({ status: 'loading' });
      try {
        const { features, skipped } = await policy.run(read);
        source.clear(true);
        source.addFeatures(features);
        const first: LayerStatusReport = { status: 'ready', featureCount: features.length, skipped, problem: skipped ? { code: 'skipped', detail: String(skipped) } : undefined };
        env.report(first);
        // A live copy of a remote dataset: read again on an interval (src/live, loaded only for such layers).
        if (def.refresh && !refreshing) {
          const seconds = def.refresh.seconds;
          refreshing = loadChunk(import('../../live/refresh.js')).then(
            ({ keepFresh }) => (disposed ? undefined : keepFresh({ seconds, source, read, report: env.report, problemOf, first })),
            () => undefined, // Without its code the layer stays as it is, unrefreshed.
          );
        }
      } catch (error) {
        if (isNewFailure(error)) env.report({ status: 'error', problem: problemOf(error) });
        throw error;
      }
    };
    const source: VectorSource<Feature<Geometry>> = new VectorSource({
      loader: (_extent, _resolution, _projection, success, failure) =>
        void load().then(() => success?.(source.getFeatures()), () => failure?.()),
    });
    const { layer, onClick, restyle } = createPointLayer(def, source, env);
    const dispose = (): void => {
      disposed = true;
      policy.dispose();
      void refreshing?.then((stop) => stop?.());
    };
    const retry = (): void => {
      policy.reset();
      source.refresh();
    };
    return { layer, onClick, restyle: (next) => restyle((next as typeof def).style), retry, dispose, featuresIn: featuresInWholeSource(source, status, env.viewProjection) };
  },
};
