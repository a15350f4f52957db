import GeoJSON from 'ol/format/GeoJSON.js';
import type Feature from 'ol/Feature.js';
import type { Projection } from 'ol/proj.js';
import { crsCodeOf } from '../../proj/definitions.js';
import { NotGeoJsonError } from '../problems.js';
import { applyFeatureId } from '../feature-id.js';
import { checkGeoJsonFeatures } from '../projection-check/check.js';

export { NotGeoJsonError };

export interface ReadResult {
  readonly features: Feature[];
  /** Features left out because their geometry or shape could not be read. */
  readonly skipped: number;
}

const GEOMETRY_TYPES = new Set([
  'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection',
]);

/** The projection of GeoJSON data: its `crs` member, else the layer's setting, else EPSG:4326. */
export function dataProjectionOf(geojson: unknown, fallback: string | undefined): string {
  return crsCodeOf(geojson) ?? fallback ?? 'EPSG:4326';
}

/**
 * Reads GeoJSON into features, one feature at a time, so one malformed feature is skipped and counted
 * instead of losing the layer. Accepts a FeatureCollection, a bare Feature or a bare geometry. Throws
 * OutsideProjectionError when every coordinate lies outside the data's projection (e.g. Lambert-93
 * without a `crs` member, read as degrees).
 */
export function readGeoJson(
  geojson: unknown,
  options: { dataProjection: string; featureProjection: Projection; idField?: string },
): ReadResult {
  const object = geojson as { type?: unknown; features?: unknown };
  let items: unknown[];
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features)) items = object.features;
  else if (object?.type === 'Feature') items = [object];
  else if (typeof object?.type === 'string' && GEOMETRY_TYPES.has(object.type)) items = [{ type: 'Feature', geometry: object, properties: {} }];
  else throw new NotGeoJsonError();
  checkGeoJsonFeatures(items, options.dataProjection);

  const format = new GeoJSON({ dataProjection: options.dataProjection, featureProjection: options.featureProjection });
  const features: Feature[] = [];
  let skipped = 0;
  for (const item of items) {
    if (!isReadableFeature(item)) {
      skipped += 1;
      continue;
    }
    try {
      const feature = format.readFeature(item) as Feature;
      applyFeatureId(feature, options.idField);
      features.push(feature);
    } catch {
      skipped += 1;
    }
  }
  return { features, skipped };
}

function isFiniteCoordinates(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) return value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
  return value.every((child) => isFiniteCoordinates(child, depth - 1));
}

const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** A feature whose geometry is null, or of a known type with finite coordinates of the right depth. */
function isReadableFeature(item: unknown): boolean {
  const feature = item as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown; geometries?: unknown } | null };
  if (feature?.type !== 'Feature') return false;
  const geometry = feature.geometry;
  if (geometry === null || geometry === undefined) return true;
  if (geometry.type === 'GeometryCollection') return Array.isArray(geometry.geometries);
  const depth = DEPTH[String(geometry.type)];
  return depth !== undefined && isFiniteCoordinates(geometry.coordinates, depth);
}
