import ImageLayer from 'ol/layer/Image.js';
import TileLayer from 'ol/layer/Tile.js';
import { get as getProjection } from 'ol/proj.js';
import ImageSource from 'ol/source/Image.js';
import TileWMS from 'ol/source/TileWMS.js';
import { createLoader } from 'ol/source/wms.js';
import { createXYZ, extentFromProjection } from 'ol/tilegrid.js';
import type { WmsLayerDef } from '../../context/types.js';
import { fetchImage, serviceTileLoader } from '../ogc/image-load.js';
import { problemOf } from '../ogc/problem.js';
import { createLoadPolicy, isNewFailure } from '../load-policy.js';
import { reportChanges, watchTileStatus } from '../tile-status.js';
import type { CreatedLayer, LayerEnvironment, LayerKind } from '../types.js';
import { defaultChoices, type LayerChoices } from '../../context/layers/wms-choices.js';
import { getMapParams } from './params.js';

/** Calls `apply` with a layer's new choices when they differ from the last ones it was given. */
function onNewChoices(def: WmsLayerDef, apply: (choices: LayerChoices | undefined) => void): (choices: LayerChoices | undefined) => void {
  let last = JSON.stringify(defaultChoices(def) ?? null);
  return (choices) => {
    const next = JSON.stringify(choices ?? null);
    if (next === last) return;
    last = next;
    apply(choices);
  };
}

function projectionOf(def: WmsLayerDef, env: LayerEnvironment) {
  const projection = def.projection ? getProjection(def.projection) : env.viewProjection;
  if (!projection) throw new Error(`Unknown projection ${def.projection}`);
  return projection;
}

function createTiled(def: WmsLayerDef, env: LayerEnvironment): CreatedLayer {
  const projection = projectionOf(def, env);
  const source = new TileWMS({
    url: env.resolveUrl(def.url),
    params: getMapParams(def, defaultChoices(def)),
    projection,
    tileGrid: createXYZ({ extent: extentFromProjection(projection), tileSize: def.tileSize }),
    crossOrigin: 'anonymous',
    attributions: [...env.attributions],
    wrapX: projection.getCode() === 'EPSG:3857',
  });
  const status = watchTileStatus(source, env);
  source.setTileLoadFunction(serviceTileLoader(env.requester, status));
  return {
    layer: new TileLayer({ source }),
    retry: () => {
      status.reset();
      source.refresh();
    },
    dispose: status.dispose,
    // Parameters a choice leaves out (« Tous ») are cleared: OpenLayers leaves out undefined values.
    applyChoices: onNewChoices(def, (choices) =>
      source.updateParams({ TIME: undefined, CQL_FILTER: undefined, FILTER: undefined, ...getMapParams(def, choices) }),
    ),
  };
}

/** What a failed single image shows: nothing (OpenLayers logs images that fail; this one does not). */
const blank = (): HTMLCanvasElement => Object.assign(document.createElement('canvas'), { width: 1, height: 1 });

function createSingleImage(def: WmsLayerDef, env: LayerEnvironment): CreatedLayer {
  const projection = projectionOf(def, env);
  const policy = createLoadPolicy(env.loadPolicy);
  const report = reportChanges(env);
  let loaded = false;
  const loaderFor = (choices: LayerChoices | undefined) => createLoader({
    url: env.resolveUrl(def.url),
    params: getMapParams(def, choices),
    projection,
    ratio: 1.5,
    crossOrigin: 'anonymous',
    // One image per view: a failing service keeps its error shown (no "loading" on every pan) and,
    // once the policy's budget is spent, is asked nothing more until « Réessayer ».
    load: async (image, src) => {
      if (!loaded && !policy.failing) report('loading');
      try {
        await policy.run(() => fetchImage(env.requester, image, src, { decode: true }));
        loaded = true;
        report('ready');
        return image;
      } catch (error) {
        if (isNewFailure(error)) report('error', problemOf(error));
        return blank();
      }
    },
  });
  let loader = loaderFor(defaultChoices(def));
  // An image source keeps its last image for the same view: a retry or a new choice starts a fresh source.
  const makeSource = (): ImageSource => new ImageSource({ loader, projection, attributions: [...env.attributions] });
  const layer = new ImageLayer({ source: makeSource() });
  return {
    layer,
    retry: () => {
      policy.reset();
      loaded = false;
      report.forget();
      layer.setSource(makeSource());
    },
    dispose: () => policy.dispose(),
    applyChoices: onNewChoices(def, (choices) => {
      loader = loaderFor(choices);
      layer.setSource(makeSource());
    }),
  };
}

/** WMS (1.3.0, 1.1.1): tiles (TileWMS) or one image per view, every load through the requester. */
export const wmsKind: LayerKind<WmsLayerDef> = {
  type: 'wms',
  projections: (def) => (def.projection ? [def.projection] : []),
  create: (def, env) => (def.tiled ? createTiled(def, env) : createSingleImage(def, env)),
};
