/**
 * FlatGeobuf reading: the checks and conversions around the `flatgeobuf` package's readers, kept free
 * of network and layer concerns so they can be tested on bytes.
 */
import type Feature from 'ol/Feature.js';
import { deserialize as deserializeBytes } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import type { Feature as FgbFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { getFromFeatureFn } from 'flatgeobuf/lib/mjs/ol/feature.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { InvalidDataError, TruncatedError, WrongFormatError } from '../problems.js';
import { applyFeatureId } from '../feature-id.js';
import { checkGeometries } from '../projection-check/geometries.js';

export type { HeaderMeta };

/** Magic bytes, header length, header and spatial index come before the features. */
const MAGIC = [0x66, 0x67, 0x62]; // "fgb"
const PREFIX = 8 + 4;

/** True when the bytes start like a FlatGeobuf file. */
export const isFlatGeobuf = (bytes: Uint8Array): boolean => bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);

/** Where the parts of a whole FlatGeobuf file lie, and whether it ends in the middle of a feature. */
export interface FileLayout {
  /** Bytes up to the end of the header. */
  readonly headerEnd: number;
  /** Bytes up to the first feature (header + index). */
  readonly featuresStart: number;
  /** Bytes up to the end of the last complete feature. */
  readonly end: number;
  readonly features: number;
  readonly truncated: boolean;
}

/**
 * Walks the size-prefixed features of a whole file (no flatbuffers decoding): the library reads past
 * the end of a truncated file, so the complete part is measured first.
 */
export function layoutOf(bytes: Uint8Array, header: Pick<HeaderMeta, 'featuresCount' | 'indexNodeSize'>): FileLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = PREFIX + view.getUint32(8, true);
  const index = header.indexNodeSize > 0 && header.featuresCount > 0 ? calcTreeSize(header.featuresCount, header.indexNodeSize) : 0;
  const featuresStart = headerEnd + index;
  if (featuresStart > bytes.length) throw new TruncatedError('the file ends inside its header or index');
  let offset = featuresStart;
  let features = 0;
  while (offset + 4 <= bytes.length) {
    const next = offset + 4 + view.getUint32(offset, true);
    if (next > bytes.length) break;
    offset = next;
    features += 1;
  }
  const truncated = offset < bytes.length || (header.featuresCount > 0 && features < header.featuresCount);
  return { headerEnd, featuresStart, end: offset, features, truncated };
}

/** Reads the header of a whole file. */
export async function readHeader(bytes: Uint8Array): Promise<HeaderMeta> {
  if (!isFlatGeobuf(bytes)) throw new WrongFormatError();
  if (bytes.length < PREFIX) throw new TruncatedError();
  const headerEnd = PREFIX + new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (headerEnd > bytes.length) throw new TruncatedError('the file ends inside its header');
  let header: HeaderMeta | undefined;
  // Only the header: the reader finds no feature in it, but hands the header over.
  const features = deserializeBytes(bytes.subarray(0, headerEnd), {
    fromFeature: () => ({}),
    headerMetaFn: (meta) => {
      header = meta;
    },
  });
  for await (const _ of features) break;
  if (!header) throw new InvalidDataError('FlatGeobuf', 'unreadable FlatGeobuf header');
  return header;
}

/** The CRS a header names as an EPSG code, else the layer's setting, else EPSG:4326. */
export function dataProjectionOf(header: Pick<HeaderMeta, 'crs'>, fallback: string | undefined): string {
  const crs = header.crs;
  if (crs && crs.code > 0 && (!crs.org || crs.org.toUpperCase() === 'EPSG')) return `EPSG:${crs.code}`;
  if (crs?.code_string && /^EPSG:\d+$/i.test(crs.code_string)) return crs.code_string.toUpperCase();
  return fallback ?? 'EPSG:4326';
}

export interface ConvertOptions {
  readonly dataProjection: string;
  readonly featureProjection: string;
  /** The property that identifies a feature; the feature's position in the file otherwise. */
  readonly idField?: string;
}

/** The same header with JSON columns read as text: a value that is not JSON then stays a string. */
function lenient(header: HeaderMeta): HeaderMeta {
  return { ...header, columns: header.columns?.map((c) => (c.type === ColumnType.Json ? { ...c, type: ColumnType.String } : c)) ?? null };
}

/**
 * Turns raw FlatGeobuf features into OpenLayers features, reprojected, with their id. A JSON column
 * holding something else is kept as text; a feature that still cannot be read gives undefined.
 */
export function featureConverter(options: ConvertOptions): (id: number, feature: FgbFeature, header: HeaderMeta) => Feature | undefined {
  const convert = getFromFeatureFn({ dataProjection: options.dataProjection, featureProjection: options.featureProjection });
  let lenientHeader: { of: HeaderMeta; header: HeaderMeta } | undefined;
  return (id, raw, header) => {
    let feature: Feature;
    try {
      feature = convert(id, raw, header) as unknown as Feature;
    } catch {
      if (lenientHeader?.of !== header) lenientHeader = { of: header, header: lenient(header) };
      try {
        feature = convert(id, raw, lenientHeader.header) as unknown as Feature;
      } catch {
        return undefined;
      }
    }
    applyFeatureId(feature, options.idField);
    return feature;
  };
}

export interface WholeRead {
  readonly header: HeaderMeta;
  readonly features: Feature[];
  /** Features that could not be read. */
  readonly skipped: number;
  readonly truncated: boolean;
}

/**
 * Reads a whole file's features. A file cut in the middle of a feature gives the complete features
 * and `truncated: true`; one cut in its header or index throws TruncatedError; coordinates all
 * outside the data's projection throw OutsideProjectionError (they are checked before reprojection).
 */
export async function readWhole(bytes: Uint8Array, header: HeaderMeta, options: ConvertOptions): Promise<WholeRead> {
  const layout = layoutOf(bytes, header);
  const convert = featureConverter({ ...options, featureProjection: options.dataProjection });
  const features: Feature[] = [];
  let skipped = 0;
  const ctx = { fromFeature: (id: number, raw: FgbFeature, meta: HeaderMeta) => convert(id, raw, meta) ?? null };
  for await (const feature of deserializeBytes(bytes.subarray(0, layout.end), ctx as never)) {
    if (feature) features.push(feature as unknown as Feature);
    else skipped += 1;
  }
  checkGeometries(features.map((f) => f.getGeometry()), options.dataProjection);
  if (options.dataProjection !== options.featureProjection) {
    for (const feature of features) feature.getGeometry()?.transform(options.dataProjection, options.featureProjection);
  }
  return { header, features, skipped, truncated: layout.truncated };
}
