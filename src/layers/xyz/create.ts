import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import type { XyzLayerDef } from '../../context/types.js';
import { tileLoader } from '../tile-load.js';
import { watchTileStatus } from '../tile-status.js';
import type { LayerKind } from '../types.js';

export const xyzKind: LayerKind<XyzLayerDef> = {
  type: 'xyz',
  projections: () => [],
  create(def, env) {
    const source = new XYZ({
      url: env.resolveUrl(def.url),
      maxZoom: def.maxZoom,
      tileSize: def.tileSize,
      crossOrigin: 'anonymous',
      attributions: [...env.attributions],
    });
    const status = watchTileStatus(source, env);
    source.setTileLoadFunction(tileLoader(env.requester, status));
    return {
      layer: new TileLayer({ source }),
      retry: () => {
        status.reset();
        source.refresh();
      },
      dispose: status.dispose,
    };
  },
};
