import VectorTileLayer from 'ol/layer/VectorTile.js';
import type TileSource from 'ol/source/Tile.js';
import type { VectorTilesLayerDef } from '../../context/types.js';
import { problemOf } from '../problems.js';
import { createLoadPolicy, isNewFailure, requesterThrough } from '../load-policy.js';
import { watchTileStatus, type TileStatusWatcher } from '../tile-status.js';
import type { LayerKind } from '../types.js';
import { applyGlStyle, fetchGlStyle, vectorSourceOf } from './mapbox.js';

export const vectortilesKind: LayerKind<VectorTilesLayerDef> = {
  type: 'vectortiles',
  projections: () => [],
  create(def, env) {
    const layer = new VectorTileLayer({ declutter: true });
    let status: TileStatusWatcher | undefined;
    // One policy for the layer: the style, what it names (TileJSON, sprites) and the tiles share the budget.
    const policy = createLoadPolicy(env.loadPolicy);
    const requester = requesterThrough(policy, env.requester);
    const styleUrl = new URL(env.resolveUrl(def.styleUrl), globalThis.location?.href).href;
    const load = async (): Promise<void> => {
      env.report({ status: 'loading' });
      try {
        const style = await fetchGlStyle(requester, styleUrl);
        const source = vectorSourceOf(style, def.source);
        await applyGlStyle(layer, style, { styleUrl, source, requester, webfonts: def.webfonts, updateSource: true });
        const tiles = layer.getSource() as TileSource | null;
        if (tiles) {
          tiles.setAttributions([...env.attributions]);
          status?.dispose();
          status = watchTileStatus(tiles, env, policy);
        }
        env.report({ status: 'ready' });
      } catch (error) {
        if (isNewFailure(error)) env.report({ status: 'error', problem: problemOf(error) });
      }
    };
    void load();
    return {
      layer,
      retry: () => {
        policy.reset();
        status?.reset();
        const source = layer.getSource();
        if (source) source.refresh();
        else void load();
      },
      dispose: () => {
        status?.dispose();
        policy.dispose();
      },
    };
  },
};
