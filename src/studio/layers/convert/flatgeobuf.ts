/** A FlatGeobuf file to GeoJSON in WGS84, in the browser (the `flatgeobuf` package's reader). */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { mapPositions, toWgs84 } from './reproject.js';

export type FlatGeobufProblem = { readonly problem: 'fgb-unreadable' | 'fgb-projection'; readonly detail?: string };

/** True when the bytes start like a FlatGeobuf file ("fgb" then the version). */
export const looksLikeFlatGeobuf = (bytes: Uint8Array): boolean => bytes.length >= 8 && bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62;

function reprojected(geometry: Geometry | null, convert: (xy: readonly number[]) => number[]): Geometry | null {
  if (!geometry) return null;
  if (geometry.type === 'GeometryCollection') return { ...geometry, geometries: geometry.geometries.map((g) => reprojected(g, convert)!) };
  return { ...geometry, coordinates: mapPositions(geometry.coordinates as never, convert) } as Geometry;
}

/**
 * Throws when the file ends before its last feature: the library's reader loops on a cut file, so
 * the size-prefixed parts are measured first (as src/layers/flatgeobuf/read.ts does for layers).
 */
function checkComplete(bytes: Uint8Array, header: HeaderMeta): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = 12 + view.getUint32(8, true);
  const index = header.indexNodeSize > 0 && header.featuresCount > 0 ? calcTreeSize(header.featuresCount, header.indexNodeSize) : 0;
  let offset = headerEnd + index;
  let features = 0;
  while (offset + 4 <= bytes.length) {
    const next = offset + 4 + view.getUint32(offset, true);
    if (next > bytes.length) break;
    offset = next;
    features += 1;
  }
  if (offset !== bytes.length || (header.featuresCount > 0 && features < header.featuresCount)) throw new Error('the file ends inside a feature');
}

/** Every feature of the file, in WGS84 (its header's CRS converted; none means WGS84). */
export async function flatGeobufToGeoJson(bytes: Uint8Array): Promise<FeatureCollection | FlatGeobufProblem> {
  let header: HeaderMeta | undefined;
  const features: Feature[] = [];
  try {
    if (!looksLikeFlatGeobuf(bytes) || 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true) > bytes.length) throw new Error('the file ends inside its header');
    const headerMetaFn = (meta: HeaderMeta): void => {
      checkComplete(bytes, meta);
      header = meta;
    };
    for await (const feature of deserialize(bytes, { headerMetaFn })) {
      features.push({ type: 'Feature', properties: { ...(feature.properties ?? {}) }, geometry: feature.geometry as Geometry });
    }
  } catch (error) {
    return { problem: 'fgb-unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  const crs = header?.crs;
  const code = crs && crs.code > 0 ? `${crs.org ?? 'EPSG'}:${crs.code}` : 'EPSG:4326';
  const convert = toWgs84(code);
  if (!convert) return { problem: 'fgb-projection', detail: code };
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  if (code === 'EPSG:4326') return collection;
  return { ...collection, features: features.map((f) => ({ ...f, geometry: reprojected(f.geometry, convert)! })) };
}
