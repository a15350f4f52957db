import TileLayer from 'ol/layer/Tile.js';
import { get as getProjection } from 'ol/proj.js';
import { getTopLeft, getWidth } from 'ol/extent.js';
import WMTS, { type Options as WmtsOptions } from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import type { WmtsLayerDef } from '../../context/types.js';
import { serviceTileLoader } from '../ogc/image-load.js';
import { watchTileStatus, type TileStatusWatcher } from '../tile-status.js';
import type { LayerKind } from '../types.js';
import { wmtsOptionsFromCapabilities } from './capabilities.js';

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

/** Source options from the document alone (KVP requests). */
export function wmtsOptionsFromDocument(def: WmtsLayerDef, url: string): WmtsOptions {
  return {
    url,
    layer: def.layer,
    matrixSet: def.matrixSet,
    format: def.format,
    style: def.style,
    projection: def.projection,
    tileGrid: wmtsTileGrid(def),
    requestEncoding: 'KVP',
    wrapX: def.projection === 'EPSG:3857',
  };
}

/**
 * WMTS: from the document's settings, or from the service's capabilities when `capabilities` is
 * given (any matrix set, e.g. Lambert-93), falling back to the document's settings when they cannot
 * be read. Every tile goes through the requester; exception reports become the layer's error.
 */
export const wmtsKind: LayerKind<WmtsLayerDef> = {
  type: 'wmts',
  projections: (def) => [def.projection],
  create(def, env) {
    const layer = new TileLayer<WMTS>();
    const fallback = wmtsOptionsFromDocument(def, env.resolveUrl(def.url));
    let status: TileStatusWatcher | undefined;
    let source: WMTS | undefined;
    const use = (options: WmtsOptions): void => {
      status?.dispose();
      source = new WMTS({ ...options, crossOrigin: 'anonymous', attributions: [...env.attributions] });
      const watcher = watchTileStatus(source, env);
      source.setTileLoadFunction(serviceTileLoader(env.requester, watcher));
      status = watcher;
      layer.setSource(source);
    };
    let disposed = false;
    const readCapabilities = async (url: string): Promise<void> => {
      env.report({ status: 'loading' });
      let options = fallback;
      try {
        const response = await env.requester.fetch(url);
        options = wmtsOptionsFromCapabilities(await response.text(), def, env.resolveUrl(def.url));
      } catch {
        // The document's own settings are the fallback: the layer still draws when they are right.
      }
      if (!disposed) use(options);
    };
    if (def.capabilities) void readCapabilities(env.resolveUrl(def.capabilities));
    else use(fallback);
    return {
      layer,
      retry: () => {
        if (!source && def.capabilities) return void readCapabilities(env.resolveUrl(def.capabilities));
        status?.reset();
        source?.refresh();
      },
      dispose: () => {
        disposed = true;
        status?.dispose();
      },
    };
  },
};
