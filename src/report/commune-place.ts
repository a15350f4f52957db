/**
 * A commune as the report's place (« Une commune »): its outline, fetched in WGS84 GeoJSON, read into
 * the map's projection; and the map's territory in WGS84, by which the commune source ranks suggestions.
 */
import type OlMap from 'ol/Map.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Polygon from 'ol/geom/Polygon.js';
import { transformExtent } from 'ol/proj.js';
import type { CommuneOutline } from '../communes/types.js';
import type { Place } from './types.js';

/** How the place names a commune: « Le Bourg-d'Oisans (38052) ». */
export const communeLabel = (commune: { readonly name: string; readonly code: string }): string => `${commune.name} (${commune.code})`;

/** The report's place for a commune's outline, in the map's projection (`projection`, e.g. EPSG:3857). */
export function communePlace(outline: CommuneOutline, projection: string): Extract<Place, { kind: 'area' }> {
  const geometry = new GeoJSON().readGeometry(outline.geometry, { dataProjection: 'EPSG:4326', featureProjection: projection }) as Polygon | MultiPolygon;
  const { name, code } = outline.commune;
  return { kind: 'area', geometry, label: communeLabel({ name, code }), commune: { name, code } };
}

/** The part of the world the map shows now, [west, south, east, north] in WGS84. */
export function mapTerritory(map: OlMap): [number, number, number, number] | undefined {
  const size = map.getSize();
  if (!size) return undefined;
  const view = map.getView();
  const [w, s, e, n] = transformExtent(view.calculateExtent(size), view.getProjection(), 'EPSG:4326');
  return [Math.max(-180, w!), Math.max(-90, s!), Math.min(180, e!), Math.min(90, n!)];
}
