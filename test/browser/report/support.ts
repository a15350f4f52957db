/**
 * The report's tests without a map: each vector layer of a document created through its kind (as
 * the map creates it), so the report asks the layers themselves which features lie in the place.
 */
import type { Extent } from 'ol/extent.js';
import type { Projection } from 'ol/proj.js';
import type { MapContext } from '../../../src/context/types.js';
import { isVectorLayer } from '../../../src/context/types.js';
import { loadLayerKind } from '../../../src/layers/registry.js';
import type { CreatedLayer, FeaturesInExtent } from '../../../src/layers/types.js';
import type { Requester } from '../../../src/net/requester.js';
import type { ReportEnvironment } from '../../../src/report/gather.js';
import { reportLayers } from '../../../src/report/gather.js';

type Ask = (extent: Extent, signal?: AbortSignal) => Promise<FeaturesInExtent>;

/**
 * featuresIn for the report's environment: the document's vector layers created by their kinds with
 * this requester, except those `answers` stand in for (what the map would answer, e.g. a failure).
 */
export function layersOf(
  context: MapContext,
  options: { requester: Requester; viewProjection: Projection; resolveUrl: (url: string) => string; answers?: Record<string, Ask> },
): { featuresIn: ReportEnvironment['featuresIn']; dispose(): void } {
  const created = new Map<string, Promise<CreatedLayer>>();
  const layerOf = (id: string): Promise<CreatedLayer> | undefined => {
    const def = reportLayers(context).find((l) => l.id === id);
    if (!def || !isVectorLayer(def)) return undefined;
    let layer = created.get(id);
    if (!layer) {
      layer = loadLayerKind(def).then((kind) =>
        kind.create(def, { requester: options.requester, viewProjection: options.viewProjection, resolveUrl: options.resolveUrl, report: () => undefined, attributions: [] }),
      );
      created.set(id, layer);
    }
    return layer;
  };
  return {
    featuresIn: (id, extent, signal) => {
      const stand = options.answers?.[id];
      if (stand) return stand(extent, signal);
      return layerOf(id)?.then((layer) => layer.featuresIn!(extent, signal));
    },
    dispose: () => void Promise.all(created.values()).then((layers) => layers.forEach((l) => l.dispose?.())),
  };
}
