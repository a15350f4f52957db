import type Feature from 'ol/Feature.js';
import VectorLayer from 'ol/layer/Vector.js';
import { all, bbox } from 'ol/loadingstrategy.js';
import { get as getProjection, transformExtent } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { WfsLayerDef } from '../../context/types.js';
import { styleToFlatRules } from '../../styles/flat-style.js';
import { InvalidResponseError, explainRequestError, problemOf, refuseOgcWebPage } from '../ogc/problem.js';
import { QUERY_CAP } from '../features-in.js';
import { createLoadPolicy, failedAreas, isNewFailure } from '../load-policy.js';
import type { LayerEnvironment, LayerKind } from '../types.js';
import { readGetFeatureAnswer, readWfsOutputFormats, type GetFeatureResult } from './read.js';
import { capabilitiesUrl, chooseOutputFormat, getFeatureUrl, isCapped, isJsonFormat } from './request.js';
import { wfsSearchUrl } from './search-url.js';

/** The output format: the document's, or the best one the capabilities offer (asked once). */
function outputFormatOf(def: WfsLayerDef, env: LayerEnvironment): () => Promise<string> {
  let chosen: Promise<string> | undefined;
  return () => {
    if (def.outputFormat) return Promise.resolve(def.outputFormat);
    chosen ??= env.requester
      .fetch(capabilitiesUrl(def, env.resolveUrl))
      .then(async (response) => {
        await refuseOgcWebPage(response);
        return response.text();
      })
      .then((text) => chooseOutputFormat(readWfsOutputFormats(text), def.version));
    // A failed read is tried again on the next load (e.g. after "Retry").
    chosen.catch(() => (chosen = undefined));
    return chosen;
  };
}

/**
 * WFS (2.0.0, 1.1.0): the features in view, requested again as the view moves (bbox strategy), at
 * most `maxFeatures` per request. Reports how many were read and, when capped, how many exist.
 */
export const wfsKind: LayerKind<WfsLayerDef> = {
  type: 'wfs',
  projections: (def) => (def.srsName ? [def.srsName] : []),
  readsByExtent: () => true,
  searchSource: (def) => ({ from: 'service', url: (query, options) => wfsSearchUrl(def, query, options) }),
  create(def, env) {
    const viewProjection = env.viewProjection;
    const srsName = def.srsName ?? viewProjection.getCode();
    const outputFormat = outputFormatOf(def, env);
    let last: { featureCount?: number; total?: number; capped?: boolean } = {};
    let pending = 0;

    // Areas whose answer was capped, read again once the view is closer (fewer features fall in it).
    let capped: Array<{ extent: number[]; resolution: number }> = [];
    const strategy = (extent: number[], resolution: number): number[][] => {
      const closer = capped.filter((c) => resolution < c.resolution * 0.75);
      if (closer.length) {
        capped = capped.filter((c) => !closer.includes(c));
        for (const c of closer) source.removeLoadedExtent(c.extent);
      }
      return bbox(extent, resolution);
    };

    /** One GetFeature for an area (at most `max` features), its answer read. */
    const getFeatures = async (extent: number[], { max = def.maxFeatures, signal }: { max?: number; signal?: AbortSignal } = {}): Promise<GetFeatureResult> => {
      const dataProjection = getProjection(srsName);
      if (!dataProjection) throw new Error(`Unknown projection: ${srsName}`);
      const format = await outputFormat();
      signal?.throwIfAborted();
      const finite = extent.every(Number.isFinite);
      const requestExtent = !finite ? undefined : srsName === viewProjection.getCode() ? extent : transformExtent(extent, viewProjection, dataProjection);
      const url = getFeatureUrl(max === def.maxFeatures ? def : { ...def, maxFeatures: max }, {
        extent: requestExtent,
        srsName,
        northEast: dataProjection.getAxisOrientation().startsWith('ne'),
        outputFormat: format,
        resolveUrl: env.resolveUrl,
      });
      const response = await env.requester.fetch(url, { signal });
      const result = await readGetFeatureAnswer(response, def.version, { dataProjection: srsName, featureProjection: viewProjection, idField: def.idField });
      if (!isJsonFormat(format) && result.features.length === 0 && result.returned > 0) {
        throw new InvalidResponseError('GML');
      }
      return result;
    };

    // Every load goes through the policy: a failing service is asked a bounded number of times,
    // however often the map redraws or pans, and its error stays shown (no flip to "loading").
    const policy = createLoadPolicy(env.loadPolicy);
    const load = async (extent: number[], resolution: number): Promise<Feature[]> => {
      pending += 1;
      if (!policy.failing) env.report({ status: 'loading', ...last });
      try {
        const result = await policy.run(() => getFeatures(extent));
        const isCappedAnswer = isCapped({ returned: result.returned, total: result.total, max: def.maxFeatures });
        if (isCappedAnswer && extent.every(Number.isFinite)) capped.push({ extent, resolution });
        last = { featureCount: result.returned, total: result.total, capped: isCappedAnswer };
        pending -= 1;
        env.report({
          status: pending > 0 ? 'loading' : 'ready',
          ...last,
          skipped: result.skipped || undefined,
          problem: result.skipped ? { code: 'skipped', detail: String(result.skipped) } : undefined,
        });
        failedExtents.reopen();
        return result.features;
      } catch (error) {
        pending -= 1;
        failedExtents.add(extent);
        if (!isNewFailure(error)) throw error;
        const problem = error instanceof Error && error.message.startsWith('Unknown projection')
          ? { code: 'projection' as const, detail: srsName }
          : problemOf(await explainRequestError(error));
        env.report({ status: 'error', problem });
        throw error;
      }
    };

    const source: VectorSource = new VectorSource({
      strategy: def.cqlFilter && !def.geometryName ? all : strategy,
      loader: (extent, resolution, _projection, success, failure) => {
        load(extent, resolution).then(
          (features) => {
            source.addFeatures(features);
            success?.(features);
          },
          () => failure?.(),
        );
      },
    });
    const failedExtents = failedAreas(source);
    const metersPerUnit = viewProjection.getMetersPerUnit() ?? 1;
    const declutter = !!def.style.label;
    const layer = new VectorLayer({ source, style: styleToFlatRules(def.style, { metersPerUnit }), declutter });
    return {
      layer,
      // Labels need a decluttered layer, which OpenLayers sets only when it makes the layer.
      restyle: (next) => {
        const style = (next as typeof def).style;
        if (!!style.label !== declutter) return false;
        layer.setStyle(styleToFlatRules(style, { metersPerUnit }));
        return true;
      },
      retry: () => {
        policy.reset();
        last = {};
        capped = [];
        source.refresh();
      },
      dispose: () => policy.dispose(),
      // Asked of the service for the extent itself, with room for more than the map draws at once.
      featuresIn: async (extent, signal) => {
        const max = Math.max(def.maxFeatures, QUERY_CAP);
        const result = await getFeatures(extent, { max, signal });
        return { features: result.features, capped: isCapped({ returned: result.returned, total: result.total, max }), answeredBy: 'service' };
      },
    };
  },
};
