/**
 * proj4 definitions of the projections French data arrives in. Bundled, never fetched.
 * EPSG:4326, CRS:84 and EPSG:3857 are built into OpenLayers and need no proj4.
 */
const lambertCC = (zone: number): string =>
  `+proj=lcc +lat_0=${zone} +lon_0=3 +lat_1=${zone - 0.75} +lat_2=${zone + 0.75} +x_0=1700000 +y_0=${(zone - 41) * 1000000 + 200000} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs`;

export const PROJ4_DEFINITIONS: Readonly<Record<string, string>> = {
  'EPSG:2154':
    '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
  ...Object.fromEntries([42, 43, 44, 45, 46, 47, 48, 49, 50].map((zone) => [`EPSG:39${zone}`, lambertCC(zone)])),
  'EPSG:5490': '+proj=utm +zone=20 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
  'EPSG:2972': '+proj=utm +zone=22 +ellps=GRS80 +towgs84=2,2,-2,0,0,0,0 +units=m +no_defs +type=crs',
  'EPSG:2975': '+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
  'EPSG:4471': '+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
};

/** Valid extents (in the projection's units), so OpenLayers can build tile grids and clamp views. */
export const PROJECTION_EXTENTS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  'EPSG:2154': [-378305.81, 6093283.21, 1212610.74, 7186901.68],
  'EPSG:5490': [-107574.5, 1485244.75, 1000000, 2000000],
  'EPSG:2972': [-150000, 0, 600000, 1100000],
  'EPSG:2975': [-200000, 7500000, 600000, 7800000],
  'EPSG:4471': [300000, 8500000, 700000, 8700000],
};

const BUILT_IN = new Set(['EPSG:4326', 'EPSG:3857', 'CRS:84', 'OGC:CRS84', 'EPSG:900913', 'EPSG:102100']);

export const isBuiltInProjection = (code: string): boolean => BUILT_IN.has(code);

/** Every code a document may name. */
export const isKnownProjection = (code: string): boolean => BUILT_IN.has(code) || code in PROJ4_DEFINITIONS;

/**
 * The EPSG code a GeoJSON `crs` member names ("urn:ogc:def:crs:EPSG::2154", "EPSG:2154",
 * "urn:ogc:def:crs:OGC:1.3:CRS84"), or undefined when it names none.
 */
export function crsCodeOf(geojson: unknown): string | undefined {
  const crs = (geojson as { crs?: { type?: string; properties?: { name?: unknown } } } | null)?.crs;
  const name = crs?.properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS84$/i.test(name)) return 'EPSG:4326';
  const match = /EPSG:+(?:[\d.]*:)?(\d+)$/i.exec(name);
  return match ? `EPSG:${match[1]}` : undefined;
}
