import { PMTiles, TileType, type Header, type RangeResponse, type Source } from 'pmtiles';
import type { Requester } from '../../net/requester.js';
import { TruncatedError } from '../problems.js';
import { createRangeReader, type RangeReader } from '../range-read.js';

/** A PMTiles source whose every range read goes through the requester. */
export function requesterSource(requester: Requester, url: string): Source & { readonly range: RangeReader } {
  const range = createRangeReader(requester, url);
  return {
    range,
    getKey: () => url,
    getBytes: async (offset, length, signal) => {
      const data = await range.read(offset, length, signal);
      // Past the header (a first read that asks for more than a small archive holds), every read names
      // bytes the archive's directories promise: fewer means the file ends too early.
      if (offset > 0 && data.byteLength < length) throw new TruncatedError();
      return { data };
    },
  };
}

export function openArchive(requester: Requester, url: string): { archive: PMTiles; range: RangeReader } {
  const source = requesterSource(requester, url);
  return { archive: new PMTiles(source), range: source.range };
}

/** The image type of a raster archive's tiles; undefined for vector and unknown archives. */
export function imageTypeOf(header: Pick<Header, 'tileType'>): string | undefined {
  switch (header.tileType) {
    case TileType.Png:
      return 'image/png';
    case TileType.Jpeg:
      return 'image/jpeg';
    case TileType.Webp:
      return 'image/webp';
    case TileType.Avif:
      return 'image/avif';
    default:
      return undefined;
  }
}

export const isVectorArchive = (header: Pick<Header, 'tileType'>): boolean => header.tileType === TileType.Mvt;

/** The key a tile URL function gives for a tile, and back: "pmtiles://z/x/y". */
export const tileKey = (z: number, x: number, y: number): string => `pmtiles://${z}/${x}/${y}`;
export function parseTileKey(key: string): [number, number, number] | undefined {
  const match = /^pmtiles:\/\/(\d+)\/(\d+)\/(\d+)$/.exec(key);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** A fully transparent 1×1 PNG, for tiles an archive does not hold. */
export const EMPTY_TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export { PMTiles, TileType };
export type { Header, RangeResponse };
