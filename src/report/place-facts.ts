/**
 * What names a report's place on paper, as numbers, and those numbers written in the language's way
 * (fr: decimal comma, narrow no-break space between thousands): a commune by its name and INSEE code;
 * a point by its centre in WGS84 degrees and in Lambert-93 metres (EPSG:2154) with its radius; a
 * drawn area by its geodesic area and vertex count; a line by its length and the distance either
 * side; a feature of the map by its layer and name. Pure: no DOM.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type LineString from 'ol/geom/LineString.js';
import type MultiLineString from 'ol/geom/MultiLineString.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Polygon from 'ol/geom/Polygon.js';
import { get as getProjection, getTransform } from 'ol/proj.js';
import { formatArea, formatDegrees, formatLength, formatMetres } from '../tools/format.js';
import { geodesicArea, geodesicLength } from '../tools/geodesy.js';
import type { Place } from './types.js';

export const LAMBERT_93 = 'EPSG:2154';

export type PlaceFacts =
  | { readonly kind: 'commune'; readonly name: string; readonly code: string }
  | { readonly kind: 'feature'; readonly label: string; readonly layer: string; readonly area?: number }
  /** `area` in m² (geodesic), `vertices` distinct ones (rings not closed twice). */
  | { readonly kind: 'area'; readonly label: string; readonly area?: number; readonly vertices: number }
  /** `lonLat` WGS84 degrees; `lambert93` metres, absent while EPSG:2154 is not registered (src/proj/register.ts). */
  | { readonly kind: 'circle'; readonly label: string; readonly radius: number; readonly lonLat?: Coordinate; readonly lambert93?: Coordinate }
  | { readonly kind: 'line'; readonly label: string; readonly distance: number; readonly length?: number };

// By type name, not instanceof: the geometry classes stay out of the code that names a place.
const polygonsOf = (geometry: Polygon | MultiPolygon): Polygon[] =>
  geometry.getType() === 'Polygon' ? [geometry as Polygon] : (geometry as MultiPolygon).getPolygons();

const linesOf = (geometry: LineString | MultiLineString): LineString[] =>
  geometry.getType() === 'LineString' ? [geometry as LineString] : (geometry as MultiLineString).getLineStrings();

/** Undefined when the measure cannot be taken (an unknown projection). */
function measured(measure: () => number): number | undefined {
  try {
    return measure();
  } catch {
    return undefined;
  }
}

/**
 * The facts of a place whose geometry is in `projection` (the map's view). Without a projection,
 * only what needs none (names, distances).
 */
export function placeFacts(place: Place, projection?: string): PlaceFacts {
  switch (place.kind) {
    case 'area': {
      if (place.commune) return { kind: 'commune', name: place.commune.name, code: place.commune.code };
      const polygons = polygonsOf(place.geometry);
      const area = projection ? measured(() => polygons.reduce((sum, p) => sum + geodesicArea(p, projection), 0)) : undefined;
      if (place.feature) return { kind: 'feature', label: place.label, layer: place.feature.layer, area };
      const vertices = polygons.flatMap((p) => p.getCoordinates()).reduce((n, ring) => n + Math.max(0, ring.length - 1), 0);
      return { kind: 'area', label: place.label, area, vertices };
    }
    case 'line': {
      const length = projection ? measured(() => linesOf(place.geometry).reduce((sum, l) => sum + geodesicLength(l, projection), 0)) : undefined;
      return { kind: 'line', label: place.label, distance: place.distance, length };
    }
    case 'circle': {
      const to = (code: string): Coordinate | undefined => {
        if (!projection || !getProjection(code) || !getProjection(projection)) return undefined;
        return getTransform(projection, code)?.([place.center[0]!, place.center[1]!]);
      };
      return { kind: 'circle', label: place.label, radius: place.distance, lonLat: to('EPSG:4326'), lambert93: to(LAMBERT_93) };
    }
  }
}

/** Kilometres with at most two decimals (« 5 km », « 0,5 km »), metres under 1 km. */
export function formatRadius(metres: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  if (metres < 1000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(metres)} m`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(metres / 1000)} km`;
}

/** A point as an officer files it: « 45,05512° N, 6,03011° E » (latitude first, 5 decimals: about 1 m). */
export const formatLonLat = ([lon, lat]: Coordinate, language: string): string =>
  `${formatDegrees(lat!, 'lat', language)}, ${formatDegrees(lon!, 'lon', language)}`;

/** Lambert-93 metres, whole: [« 940 512 », « 6 444 812 »]. */
export const formatLambert93 = ([x, y]: Coordinate, language: string): [string, string] => [formatMetres(x!, language), formatMetres(y!, language)];

export { formatArea, formatLength };
