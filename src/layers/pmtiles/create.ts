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
import { watchTileStatus } from '../tile-status.js';
import type { LayerEnvironment, LayerKind } from '../types.js';
import { applyGlStyle, fetchGlStyle, vectorSourceOf } from '../vectortiles/mapbox.js';
import { EMPTY_TILE, imageTypeOf, isVectorArchive, openArchive, parseTileKey, tileKey, type Header, type PMTiles } from './archive.js';

/** How vector archives are drawn without a style document: thin outlines, light fills, small dots. */
export const DEFAULT_VECTOR_STYLE: FlatStyle = {
  'fill-color': 'rgba(31, 95, 168, 0.25)',
  'stroke-color': '#1f5fa8',
  'stroke-width': 1.25,
  'circle-radius': 4,
  'circle-fill-color': '#1f5fa8',
};

const tileUrl = ([z, x, y]: number[]): string => tileKey(z!, x!, y!);

function rasterSource(archive: PMTiles, header: Header, env: LayerEnvironment): XYZ {
  const type = imageTypeOf(header)!;
  return new XYZ({
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    attributions: [...env.attributions],
    crossOrigin: 'anonymous',
    tileUrlFunction: tileUrl,
    tileLoadFunction: (tile: Tile, key: string) => {
      const image = (tile as ImageTile).getImage() as HTMLImageElement;
      const [z, x, y] = parseTileKey(key)!;
      archive
        .getZxy(z, x, y)
        .then((found) => {
          if (!found) {
            image.src = EMPTY_TILE;
            return;
          }
          const url = URL.createObjectURL(new Blob([found.data], { type }));
          image.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
          image.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
          image.src = url;
        })
        .catch(() => tile.setState(TileState.ERROR));
    },
  });
}

function vectorSource(archive: PMTiles, header: Header, env: LayerEnvironment): VectorTileSource {
  const format = new MVT();
  return new VectorTileSource({
    format,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    attributions: [...env.attributions],
    tileUrlFunction: tileUrl,
    tileLoadFunction: (tile: Tile, key: string) => {
      const vectorTile = tile as VectorTile<never>;
      const [z, x, y] = parseTileKey(key)!;
      vectorTile.setLoader((extent, _resolution, projection) => {
        archive
          .getZxy(z, x, y)
          .then((found) => {
            const features = found ? format.readFeatures(found.data, { extent, featureProjection: projection }) : [];
            vectorTile.setFeatures(features as never);
          })
          .catch(() => vectorTile.setState(TileState.ERROR));
      });
    },
  });
}

export const pmtilesKind: LayerKind<PmtilesLayerDef> = {
  type: 'pmtiles',
  projections: () => [],
  create(def, env) {
    const group = new LayerGroup();
    let status: { reset: () => void; dispose: () => void } | undefined;
    let source: TileSource | undefined;

    const open = async (): Promise<void> => {
      env.report({ status: 'loading' });
      try {
        const { archive } = openArchive(env.requester, env.resolveUrl(def.url));
        const header = await archive.getHeader();
        let layer;
        if (isVectorArchive(header)) {
          const tiles = vectorSource(archive, header, env);
          source = tiles;
          const vectorLayer = new VectorTileLayer({ source: tiles, declutter: true, style: DEFAULT_VECTOR_STYLE });
          if (def.styleUrl) {
            const styleUrl = new URL(env.resolveUrl(def.styleUrl), globalThis.location?.href).href;
            const style = await fetchGlStyle(env.requester, styleUrl);
            await applyGlStyle(vectorLayer, style, {
              styleUrl,
              source: vectorSourceOf(style),
              requester: env.requester,
              webfonts: def.webfonts,
              updateSource: false,
            });
          }
          layer = vectorLayer;
        } else if (imageTypeOf(header)) {
          const tiles = rasterSource(archive, header, env);
          source = tiles;
          layer = new TileLayer({ source: tiles });
        } else {
          throw new InvalidDataError(`unsupported tile type ${header.tileType}`);
        }
        status?.dispose();
        status = watchTileStatus(source, env);
        group.getLayers().clear();
        group.getLayers().push(layer);
        env.report({ status: 'ready' });
      } catch (error) {
        env.report({ status: 'error', problem: problemOf(error) });
      }
    };
    void open();
    return {
      layer: group,
      retry: () => {
        status?.reset();
        if (source) source.refresh();
        else void open();
      },
      dispose: () => status?.dispose(),
    };
  },
};
