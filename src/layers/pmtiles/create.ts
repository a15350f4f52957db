import type ImageTile from 'ol/ImageTile.js';
import type Tile from 'ol/Tile.js';
import TileState from 'ol/TileState.js';
import type VectorTile from 'ol/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import LayerGroup from 'ol/layer/Group.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import XYZ from 'ol/source/XYZ.js';
import type TileSource from 'ol/source/Tile.js';
import type { FlatStyle } from 'ol/style/flat.js';
import type { PmtilesLayerDef } from '../../context/types.js';
import { InvalidDataError, problemOf } from '../problems.js';
import { createLoadPolicy, isLastingFileFault, isNewFailure, requesterThrough } from '../load-policy.js';
import { watchTileStatus, type TileLoadHooks, type TileStatusWatcher } from '../tile-status.js';
import type { LayerEnvironment, LayerKind } from '../types.js';
import { applyGlStyle, fetchGlStyle, vectorSourceOf } from '../vectortiles/mapbox.js';
import { EMPTY_TILE, imageTypeOf, isVectorArchive, openArchive, parseTileKey, tileKey, type Header, type PMTiles, type RangeResponse } from './archive.js';

/** How vector archives are drawn without a style document: thin outlines, light fills, small dots. */
export const DEFAULT_VECTOR_STYLE: FlatStyle = {
  'fill-color': 'rgba(31, 95, 168, 0.25)',
  'stroke-color': '#1f5fa8',
  'stroke-width': 1.25,
  'circle-radius': 4,
  'circle-fill-color': '#1f5fa8',
};

const tileUrl = ([z, x, y]: number[]): string => tileKey(z!, x!, y!);

/**
 * Reads a tile through the layer's load policy and gives it to `use` (which may throw: unreadable
 * data fails the tile too); a failure is told, with its reason, before the tile fails.
 */
function readTile(archive: PMTiles, key: string, hooks: TileLoadHooks, use: (found: RangeResponse | undefined) => void, fail: () => void): void {
  const [z, x, y] = parseTileKey(key)!;
  // A file cut short stays so: its first missing tile spends the budget (no probe on the next move).
  hooks.policy.run(async () => use(await archive.getZxy(z, x, y)), { permanent: isLastingFileFault }).catch((error: unknown) => {
    if (isNewFailure(error)) hooks.failed(problemOf(error));
    fail();
  });
}

function rasterSource(archive: PMTiles, header: Header, env: LayerEnvironment, hooks: () => TileLoadHooks): XYZ {
  const type = imageTypeOf(header)!;
  return new XYZ({
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    attributions: [...env.attributions],
    crossOrigin: 'anonymous',
    tileUrlFunction: tileUrl,
    tileLoadFunction: (tile: Tile, key: string) => {
      const image = (tile as ImageTile).getImage() as HTMLImageElement;
      const show = (found: RangeResponse | undefined): void => {
        if (!found) {
          image.src = EMPTY_TILE;
          return;
        }
        const url = URL.createObjectURL(new Blob([found.data], { type }));
        image.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
        image.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
        image.src = url;
      };
      readTile(archive, key, hooks(), show, () => tile.setState(TileState.ERROR));
    },
  });
}

function vectorSource(archive: PMTiles, header: Header, env: LayerEnvironment, hooks: () => TileLoadHooks): VectorTileSource {
  const format = new MVT();
  return new VectorTileSource({
    format,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    attributions: [...env.attributions],
    tileUrlFunction: tileUrl,
    tileLoadFunction: (tile: Tile, key: string) => {
      const vectorTile = tile as VectorTile<never>;
      vectorTile.setLoader((extent, _resolution, projection) => {
        const show = (found: RangeResponse | undefined): void => {
          const features = found ? format.readFeatures(found.data, { extent, featureProjection: projection }) : [];
          vectorTile.setFeatures(features as never);
        };
        readTile(archive, key, hooks(), show, () => vectorTile.setState(TileState.ERROR));
      });
    },
  });
}

export const pmtilesKind: LayerKind<PmtilesLayerDef> = {
  type: 'pmtiles',
  projections: () => [],
  create(def, env) {
    const group = new LayerGroup();
    // One policy for the layer: opening the archive and reading its tiles share the budget.
    const policy = createLoadPolicy(env.loadPolicy);
    let status: TileStatusWatcher | undefined;
    const hooks = (): TileLoadHooks => status ?? { policy, failed: () => undefined };
    let disposed = false;

    /** Opens the archive anew (the PMTiles reader keeps failed reads: a retry needs a new one) and shows it. */
    const open = async (): Promise<void> => {
      env.report({ status: 'loading' });
      try {
        const opened = await policy.run(async () => {
          const { archive } = openArchive(env.requester, env.resolveUrl(def.url));
          return { archive, header: await archive.getHeader() };
        });
        const { archive, header } = opened;
        let layer;
        let source: TileSource;
        if (isVectorArchive(header)) {
          const tiles = vectorSource(archive, header, env, hooks);
          source = tiles;
          const vectorLayer = new VectorTileLayer({ source: tiles, declutter: true, style: DEFAULT_VECTOR_STYLE });
          if (def.styleUrl) {
            const styleUrl = new URL(env.resolveUrl(def.styleUrl), globalThis.location?.href).href;
            const requester = requesterThrough(policy, env.requester);
            const style = await fetchGlStyle(requester, styleUrl);
            await applyGlStyle(vectorLayer, style, {
              styleUrl,
              source: vectorSourceOf(style),
              requester,
              webfonts: def.webfonts,
              updateSource: false,
            });
          }
          layer = vectorLayer;
        } else if (imageTypeOf(header)) {
          const tiles = rasterSource(archive, header, env, hooks);
          source = tiles;
          layer = new TileLayer({ source: tiles });
        } else {
          throw new InvalidDataError('PMTiles', `unsupported tile type ${header.tileType}`);
        }
        if (disposed) return;
        status?.dispose();
        status = watchTileStatus(source, env, policy);
        group.getLayers().clear();
        group.getLayers().push(layer);
        env.report({ status: 'ready' });
      } catch (error) {
        if (isNewFailure(error)) env.report({ status: 'error', problem: problemOf(error) });
      }
    };
    void open();
    return {
      layer: group,
      // The archive is opened again: the server may have a whole file now.
      retry: () => {
        policy.reset();
        void open();
      },
      dispose: () => {
        disposed = true;
        status?.dispose();
        policy.dispose();
      },
    };
  },
};
