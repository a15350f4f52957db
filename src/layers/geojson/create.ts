import type Feature from 'ol/Feature.js';
import VectorSource from 'ol/source/Vector.js';
import type { GeoJsonLayerDef } from '../../context/types.js';
import { RequestError } from '../../net/requester.js';
import { crsCodeOf } from '../../proj/definitions.js';
import { ensureProjections } from '../../proj/register.js';
import type { LayerProblem } from '../../state/store.js';
import { createPointLayer } from '../points/display.js';
import type { LayerEnvironment, LayerKind, LayerStatusReport } from '../types.js';
import { NotGeoJsonError, dataProjectionOf, readGeoJson } from './read.js';

/** A failure in words the layer list can show. */
function problemOf(error: unknown): LayerProblem {
  if (error instanceof RequestError) {
    if (error.kind === 'http') return { code: 'http', detail: String(error.status) };
    if (error.kind === 'timeout') return { code: 'timeout' };
    return { code: navigator.onLine === false ? 'offline' : 'network' };
  }
  if (error instanceof SyntaxError) return { code: 'invalid-json' };
  if (error instanceof NotGeoJsonError) return { code: 'not-geojson' };
  if (error instanceof Error && error.message.startsWith('Unknown projection')) {
    return { code: 'projection', detail: error.message.replace('Unknown projection: ', '') };
  }
  return { code: 'not-geojson' };
}

async function loadData(def: GeoJsonLayerDef, env: LayerEnvironment): Promise<unknown> {
  if (def.data !== undefined) return def.data;
  const url = env.resolveUrl((def.url ?? def.file)!);
  const response = await env.requester.fetch(url);
  return JSON.parse(await response.text()) as unknown;
}

export const geojsonKind: LayerKind<GeoJsonLayerDef> = {
  type: 'geojson',
  projections: (def) => [def.projection ?? 'EPSG:4326', crsCodeOf(def.data)].filter((p): p is string => !!p),
  create(def, env) {
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
    const load = async (success?: (features: Feature[]) => void, failure?: () => void): Promise<void> => {
        env.report({ status: 'loading' });
        try {
          const { features, skipped } = await read();
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
            refreshing = import('../../live/refresh.js').then(
              ({ keepFresh }) => (disposed ? undefined : keepFresh({ seconds, source, read, report: env.report, problemOf, first })),
              () => undefined, // Without its code the layer stays as it is, unrefreshed.
            );
          }
          success?.(features);
        } catch (error) {
          env.report({ status: 'error', problem: problemOf(error) });
          failure?.();
        }
    };
    // One marker per point, or clusters, or a heat map (layers/points).
    const { layer, onClick } = createPointLayer(def, source, env);
    const dispose = (): void => {
      disposed = true;
      void refreshing?.then((stop) => stop?.());
    };
    return { layer, onClick, retry: () => source.refresh(), dispose };
  },
};
