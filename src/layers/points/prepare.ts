/**
 * GeoJSON points → the compact form (compact.ts) and the attributes the map needs, in the same order.
 * Pure: the build runs it on a layer's `file`; the viewer runs it only for a document that did not go
 * through the build.
 */
import type { VectorCommon } from '../../context/types.js';
import { lonLatToMercator, writeSortedMercatorPoints } from './compact.js';

/** The attributes of compact points: one array per field, in the order of the points. */
export interface CompactAttributes {
  readonly version: 1;
  readonly count: number;
  /** Features left out (not a point, or coordinates that are not numbers). */
  readonly skipped: number;
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
}

export interface PreparedCompactPoints {
  readonly points: Uint8Array;
  readonly attributes: CompactAttributes;
}

/** Thrown when the input is not a GeoJSON FeatureCollection of lon/lat points. */
export class PreparePointsError extends Error {}

const TEMPLATE_FIELD = /\{\{\s*[#^/]?\s*([^{}#^/\s][^{}\s]*)\s*\}\}/g;

function templateFields(text: unknown, into: Set<string>): void {
  if (text === undefined || text === null) return;
  const texts = typeof text === 'string' ? [text] : Object.values(text as Record<string, string>);
  for (const t of texts) for (const match of String(t).matchAll(TEMPLATE_FIELD)) into.add(match[1]!);
}

/**
 * The fields a layer's points carry: its declared `fields`, its `idField`, the fields of its style
 * (categories, classes, labels, at every scale) and those its popup and tooltip name. Undefined when
 * the layer declares no fields: then every property is kept.
 */
export function attributeFieldsOf(def: Pick<VectorCommon, 'idField' | 'fields' | 'style' | 'popup' | 'tooltip'>): string[] | undefined {
  if (def.fields.length === 0) return undefined;
  const names = new Set<string>(def.fields.map((f) => f.name));
  if (def.idField) names.add(def.idField);
  for (const core of [def.style, ...(def.style.rules ?? [])]) {
    if (core.categories) names.add(core.categories.field);
    if (core.classes) names.add(core.classes.field);
    if (core.label) names.add(core.label.field);
  }
  const popup = def.popup;
  if (popup) {
    for (const field of [...(popup.fields ?? []), ...(popup.sections ?? []).flatMap((s) => s.fields ?? [])]) {
      names.add(typeof field === 'string' ? field : field.field);
    }
    [popup.title, popup.subtitle, ...(popup.sections ?? []).map((s) => s.text), ...(popup.links ?? []).map((l) => l.url)].forEach((t) =>
      templateFields(t, names),
    );
  }
  templateFields(def.tooltip, names);
  return [...names];
}

const LON_LAT = /^(EPSG:4326|CRS:84|OGC:CRS84|urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::4326)$/i;

/** Turns a FeatureCollection of lon/lat points into compact points sorted by x and their attributes. */
export function prepareCompactPoints(geojson: unknown, fields: readonly string[] | undefined): PreparedCompactPoints {
  const collection = geojson as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new PreparePointsError('not a GeoJSON FeatureCollection');
  }
  const crs = collection.crs?.properties?.name;
  if (typeof crs === 'string' && !LON_LAT.test(crs)) {
    throw new PreparePointsError(`the points must be in lon/lat (EPSG:4326), the file says ${crs}`);
  }
  const xy: number[] = [];
  const kept: Record<string, unknown>[] = [];
  let skipped = 0;
  for (const item of collection.features as unknown[]) {
    const feature = item as { geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown };
    const coordinates = feature?.geometry?.type === 'Point' ? (feature.geometry.coordinates as unknown[]) : undefined;
    const lon = coordinates?.[0];
    const lat = coordinates?.[1];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      skipped += 1;
      continue;
    }
    const [x, y] = lonLatToMercator(lon, lat);
    xy.push(x, y);
    kept.push(feature.properties && typeof feature.properties === 'object' ? (feature.properties as Record<string, unknown>) : {});
  }
  const order = Uint32Array.from(kept.keys()).sort((a, b) => xy[2 * a]! - xy[2 * b]! || a - b);
  const names = fields ?? [...new Set(kept.flatMap((p) => Object.keys(p)))];
  const columns: Record<string, unknown[]> = {};
  for (const name of names) {
    const column = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) column[i] = kept[order[i]!]![name] ?? null;
    columns[name] = column;
  }
  return { points: writeSortedMercatorPoints(xy, order), attributes: { version: 1, count: order.length, skipped, columns } };
}

/** Checks attributes read back (a file the build wrote, or one written by hand) against the points. */
export function isCompactAttributes(value: unknown, count: number): value is CompactAttributes {
  const attributes = value as CompactAttributes | undefined;
  if (!attributes || attributes.version !== 1 || attributes.count !== count || typeof attributes.columns !== 'object') return false;
  return Object.values(attributes.columns).every((column) => Array.isArray(column) && column.length === count);
}
