import type Feature from 'ol/Feature.js';
import VectorSource from 'ol/source/Vector.js';
import type { GeoJsonLayerDef } from '../../context/types.js';
import { crsCodeOf } from '../../proj/definitions.js';
import { ensureProjections } from '../../proj/register.js';
import { createLoadPolicy, isNewFailure } from '../load-policy.js';
import { featuresInWholeSource, watchStatus } from '../features-in.js';
import { createPointLayer } from '../points/display.js';
import type { LayerEnvironment, LayerKind, LayerStatusReport } from '../types.js';
import { problemOf } from '../problems.js';
import { refuseWebPage } from '../answer.js';
import { dataProjectionOf, readGeoJson } from './read.js';
import { loadChunk } from '../../offline/load-chunk.js';

async function loadData(def: GeoJsonLayerDef, env: LayerEnvironment): Promise<unknown> {
  if (def.data !== undefined) return def.data;
  const url = env.resolveUrl((def.url ?? def.file)!);
  const response = await env.requester.fetch(url);
  refuseWebPage(response);
  return JSON.parse(await response.text()) as unknown;
}

export const geojsonKind: LayerKind<GeoJsonLayerDef> = {
  type: 'geojson',
  projections: (def) => [def.projection ?? 'EPSG:4326', crsCodeOf(def.data)].filter((p): p is string => !!p),
  readsByExtent: () => false,
  searchSource: (def) =>
    def.url || def.file
      ? { from: 'geojson', url: (def.url ?? def.file)!, projection: def.projection }
      : def.data !== undefined
        ? { from: 'geojson', data: def.data, projection: def.projection }
        : undefined,
  create(def, outer) {
    const status = watchStatus(outer);
    const env = status.env;
    const source = new VectorSource({
      loader: (_extent, _resolution, _projection, success, failure) => void load(success, failure),
    });
    const read = async (): Promise<{ features: Feature[]; skipped: number }> => {
      const geojson = await loadData(def, env);
      const dataProjection = dataProjectionOf(geojson, def.projection);
      await ensureProjections([dataProjection]);
      return readGeoJson(geojson, { dataProjection, featureProjection: env.viewProjection, idField: def.idField });
    };
    // The refresh's stop function, once its code has loaded (the layer may be disposed before).
    let refreshing: Promise<(() => void) | undefined> | undefined;
    let disposed = false;
    const policy = createLoadPolicy(env.loadPolicy);
    const load = async (success?: (features: Feature[]) => void, failure?: () => void): Promise<void> => {
        // A failing layer keeps its error shown while it tries again (no flip to "loading").
        if (!policy.failing) env.report({ status: 'loading' });
        try {
          const { features, skipped } = await policy.run(read);
          source.addFeatures(features);
          const first: LayerStatusReport = {
            status: 'ready',
            featureCount: features.length,
            skipped,
            problem: skipped ? { code: 'skipped', detail: String(skipped) } : undefined,
          };
          env.report(first);
          // A live copy of a remote dataset: read again on an interval (src/live, loaded only for such layers).
          if (def.refresh && def.url && !refreshing) {
            const seconds = def.refresh.seconds;
            refreshing = loadChunk(import('../../live/refresh.js')).then(
              ({ keepFresh }) => (disposed ? undefined : keepFresh({ seconds, source, read, report: env.report, problemOf, first })),
              () => undefined, // Without its code the layer stays as it is, unrefreshed.
            );
          }
          success?.(features);
        } catch (error) {
          if (isNewFailure(error)) env.report({ status: 'error', problem: problemOf(error) });
          failure?.();
        }
    };
    // One marker per point, or clusters, or a heat map (layers/points).
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
