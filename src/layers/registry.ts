import type { LayerDef, LayerType } from '../context/types.js';
import { tagFeaturesIn } from './features-in.js';
import type { LayerKind, LayerKindOf } from './types.js';
import { loadChunk } from '../offline/load-chunk.js';

/**
 * Every layer kind, loaded on demand so a map pays only for the kinds it uses. Typed against the
 * union of layer definitions: a kind missing here is a compile error.
 */
const loaders: { [T in LayerType]: () => Promise<LayerKindOf<T>> } = {
  geojson: () => loadChunk(import('./geojson/create.js')).then((m) => m.geojsonKind),
  xyz: () => loadChunk(import('./xyz/create.js')).then((m) => m.xyzKind),
  wmts: () => loadChunk(import('./wmts/create.js')).then((m) => m.wmtsKind),
  flatgeobuf: () => loadChunk(import('./flatgeobuf/create.js')).then((m) => m.flatgeobufKind),
  csv: () => loadChunk(import('./csv/create.js')).then((m) => m.csvKind),
  vectortiles: () => loadChunk(import('./vectortiles/create.js')).then((m) => m.vectortilesKind),
  pmtiles: () => loadChunk(import('./pmtiles/create.js')).then((m) => m.pmtilesKind),
  wms: () => loadChunk(import('./wms/create.js')).then((m) => m.wmsKind),
  wfs: () => loadChunk(import('./wfs/create.js')).then((m) => m.wfsKind),
  points: () => loadChunk(import('./points/create.js')).then((m) => m.pointsKind),
};

/**
 * A layer's kind. The layers it creates carry their `featuresIn` on their OpenLayers layer
 * (FEATURES_IN_KEY), so that code holding only the map (the report) can ask them without knowing
 * their kind.
 */
export async function loadLayerKind<D extends LayerDef>(def: D): Promise<LayerKind<D>> {
  const load = loaders[def.type] as unknown as (() => Promise<LayerKind<D>>) | undefined;
  if (!load) throw new Error(`Unknown layer kind "${def.type}"`);
  const kind = await load();
  return { ...kind, create: (d, env) => tagFeaturesIn(kind.create(d, env)) };
}
