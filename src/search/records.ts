/**
 * What a searchable layer's features give the index: the searched text, the label a person reads,
 * the id (for showFeature), a lon/lat point to zoom to and the rank (the number in search.rank's
 * field). Pure: used by the build (packaged files) and by the search worker (data read at run time).
 */
import type { LocalizedText, SearchSettings } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { featureIdOf } from '../layers/feature-id.js';
import { renderTemplate } from '../popup/template.js';
import type { IndexRecord } from './text-index.js';

/** The settings a record needs, from a vector layer definition. */
export interface RecordSettings {
  readonly search: SearchSettings;
  readonly idField?: string;
  readonly language: string;
}

const valueText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? '' : String(value);

/** The label template of a layer's search (default: the first searched field). */
export function labelTemplate(search: SearchSettings, language: string): string {
  const label: LocalizedText | undefined = search.label;
  return label === undefined ? `{{${search.fields[0]}}}` : textFor(label, language);
}

/** One record from a feature's properties (and an optional lon/lat point). */
export function recordOf(
  properties: Readonly<Record<string, unknown>>,
  settings: RecordSettings,
  point?: readonly [number, number],
  template = labelTemplate(settings.search, settings.language),
): IndexRecord | undefined {
  const text = settings.search.fields.map((f) => valueText(properties[f])).filter(Boolean).join(' ');
  if (!text) return undefined;
  const label = renderTemplate(template, properties, (_f, v) => valueText(v)).trim() || text;
  const id = featureIdOf(properties, settings.idField);
  const rankValue = settings.search.rank === undefined ? undefined : properties[settings.search.rank];
  const rank = typeof rankValue === 'number' || (typeof rankValue === 'string' && rankValue.trim() !== '') ? Number(rankValue) : NaN;
  return { text, label, ...(id !== undefined ? { id } : {}), ...(point ? { point } : {}), ...(Number.isFinite(rank) ? { rank } : {}) };
}

/** A point that stands for a GeoJSON geometry: the point itself, else the middle of its bounding box. */
export function representativePoint(geometry: unknown): [number, number] | undefined {
  const g = geometry as { type?: string; coordinates?: unknown; geometries?: unknown[] } | null;
  if (!g) return undefined;
  if (g.type === 'Point' && Array.isArray(g.coordinates)) {
    const [x, y] = g.coordinates as number[];
    return Number.isFinite(x) && Number.isFinite(y) ? [x!, y!] : undefined;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      minX = Math.min(minX, value[0]);
      maxX = Math.max(maxX, value[0]);
      minY = Math.min(minY, value[1]);
      maxY = Math.max(maxY, value[1]);
      return;
    }
    value.forEach(walk);
  };
  if (g.type === 'GeometryCollection') (g.geometries ?? []).forEach((child) => walk((child as { coordinates?: unknown }).coordinates));
  else walk(g.coordinates);
  return Number.isFinite(minX) ? [(minX + maxX) / 2, (minY + maxY) / 2] : undefined;
}

/**
 * The records of a GeoJSON document's features. Points are kept only when the data is in lon/lat
 * (`lonLat`), since they are used to zoom before the layer has loaded.
 */
export function recordsFromGeoJson(geojson: unknown, settings: RecordSettings, { lonLat }: { lonLat: boolean }): IndexRecord[] {
  const features = (geojson as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const template = labelTemplate(settings.search, settings.language);
  const records: IndexRecord[] = [];
  for (const feature of features as Array<{ properties?: Record<string, unknown> | null; geometry?: unknown; id?: unknown }>) {
    const properties = feature?.properties ?? {};
    const record = recordOf(properties, settings, lonLat ? representativePoint(feature.geometry) : undefined, template);
    if (record) records.push(record);
  }
  return records;
}

/** True when a GeoJSON document is in lon/lat: no `crs` member, or a CRS84/EPSG:4326 one. */
export function isLonLatGeoJson(geojson: unknown, projection: string | undefined): boolean {
  const crs = (geojson as { crs?: { properties?: { name?: string } } } | null)?.crs?.properties?.name;
  const code = crs ?? projection ?? 'EPSG:4326';
  return /(CRS:?84|EPSG::?4326)$/i.test(code) || code === 'EPSG:4326';
}
