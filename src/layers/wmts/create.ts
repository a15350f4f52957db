import TileLayer from 'ol/layer/Tile.js';
import { get as getProjection } from 'ol/proj.js';
import { getTopLeft, getWidth } from 'ol/extent.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import type { WmtsLayerDef } from '../../context/types.js';
import { tileLoader } from '../tile-load.js';
import { watchTileStatus } from '../tile-status.js';
import type { LayerKind } from '../types.js';

/** The tile grid of a matrix set: given in the document, or the standard one of the projection. */
export function wmtsTileGrid(def: WmtsLayerDef): WMTSTileGrid {
  const projection = getProjection(def.projection);
  if (!projection) throw new Error(`Unknown projection ${def.projection}`);
  const extent = projection.getExtent();
  const resolutions =
    def.resolutions ??
    Array.from({ length: def.maxZoom + 1 }, (_, z) => getWidth(extent) / 256 / 2 ** z);
  const matrixIds = def.matrixIds ?? resolutions.map((_, z) => String(z));
  return new WMTSTileGrid({
    origin: def.origin ? [...def.origin] : getTopLeft(extent),
    resolutions: [...resolutions],
    matrixIds: [...matrixIds],
  });
}

export const wmtsKind: LayerKind<WmtsLayerDef> = {
  type: 'wmts',
  projections: (def) => [def.projection],
  create(def, env) {
    const source = new WMTS({
      url: env.resolveUrl(def.url),
      layer: def.layer,
      matrixSet: def.matrixSet,
      format: def.format,
      style: def.style,
      projection: def.projection,
      tileGrid: wmtsTileGrid(def),
      requestEncoding: 'KVP',
      crossOrigin: 'anonymous',
      attributions: [...env.attributions],
      tileLoadFunction: tileLoader(env.requester),
      wrapX: def.projection === 'EPSG:3857',
    });
    const status = watchTileStatus(source, env);
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
