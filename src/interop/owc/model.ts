/**
 * The OGC OWS Context GeoJSON encoding (OGC 14-055r2), as loose plain data: documents from other
 * tools bend the standard (links as lists, inline content as text…), so every field is optional
 * and read with care.
 */

export interface OwcOperation {
  code?: string;
  method?: string;
  type?: string;
  href?: string;
  request?: unknown;
  result?: unknown;
}

export interface OwcContent {
  type?: string;
  href?: string;
  content?: unknown;
  title?: string;
}

export interface OwcStyle {
  name?: string | null;
  title?: string;
  abstract?: string;
  default?: boolean;
  legendURL?: string;
  content?: unknown;
}

export interface OwcOffering {
  code?: string;
  operations?: OwcOperation[];
  contents?: OwcContent[];
  styles?: OwcStyle[];
}

export interface OwcLink {
  href?: string;
  type?: string;
  title?: string;
  rel?: string;
  length?: number | string;
}

export interface OwcResource {
  type: 'Feature';
  id: string;
  geometry: unknown;
  bbox?: number[];
  properties: Record<string, unknown>;
}

export interface OwcCollection {
  type: 'FeatureCollection';
  id: string;
  bbox?: number[];
  properties: Record<string, unknown>;
  features: OwcResource[];
}

/** The one property, on the collection and on each resource, that carries what OWS Context has no field for. */
export const EXTENSION_KEY = 'cartable:extension';

export const OWC_PROFILE = 'http://www.opengis.net/spec/owc-geojson/1.0/req/core';

export const offeringCode = (kind: string): string => `http://www.opengis.net/spec/owc-geojson/1.0/req/${kind}`;

/**
 * The kind an offering code names, whatever its URI prefix: "wms" for ".../owc-geojson/1.0/req/wms",
 * ".../owc-atom/1.0/req/wms", ".../owc/1.0/req/atom/wms" and friends (the last segment after /req/).
 */
export function offeringKind(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const match = /\/req\/(?:[A-Za-z0-9_.-]+\/)*([A-Za-z0-9_-]+)\/?$/.exec(code.trim());
  return match?.[1]?.toLowerCase();
}

/** A layout entry of the collection's extension: a resource id, or a group with its own entries. */
export type LayoutEntry = string | { group: Record<string, unknown>; layers: LayoutEntry[] };

export interface CollectionExtension {
  version: 1;
  /** Top-level document properties the standard fields do not give back, as they are. */
  keep?: Record<string, unknown>;
  /** Top-level properties the standard fields produce but the document did not have. */
  drop?: string[];
  /** The tree of groups and layers (resource ids), in order. */
  layout?: LayoutEntry[];
}

export interface ResourceExtension {
  version: 1;
  /** "basemap": the resource is one of the map's basemaps. */
  role?: 'basemap';
  keep?: Record<string, unknown>;
  drop?: string[];
}
