/** One map (the map context document): its view, basemaps, tree of layers, records, search and embedding. */

import type { BasemapDef, LayerNode } from '../layers/layer-def.js';
import { layerTreeDefs } from '../layers/schemas.js';
import type { Access, LocalizedText } from './common.js';
import type { MapCommunes } from './communes.js';
import { sharedDefs } from './defs.js';
import { ref, type JsonSchema } from './json-schema.js';
import { popupModeSchema, type PopupMode } from './popup.js';

export interface ViewSettings {
  readonly projection: string;
  /** CRS of `center` and `extent`. */
  readonly crs: string;
  readonly center?: readonly [number, number];
  /** For Web-Mercator maps. */
  readonly zoom?: number;
  /** Map units per pixel, for other projections. */
  readonly resolution?: number;
  /** OGC scale denominator, for other projections. */
  readonly scale?: number;
  /** Fit this extent [minx, miny, maxx, maxy] when no centre is given. */
  readonly extent?: readonly [number, number, number, number];
  readonly minZoom?: number;
  readonly maxZoom?: number;
}

/** The map's search box: besides searchable layers, places from the IGN Géoplateforme geocoder. */
export interface MapSearchSettings {
  /** Addresses and places from the IGN Géoplateforme completion service (needs the network). */
  readonly geocoder: boolean;
  /** Results shown per group. */
  readonly maxResults: number;
}

export interface MapContext {
  readonly $schema?: string;
  readonly version: 1;
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly tags: readonly LocalizedText[];
  /** Image shown in the catalog, relative to maps/ or absolute. */
  readonly thumbnail?: string;
  readonly access: Access;
  readonly attributions: readonly LocalizedText[];
  readonly view: ViewSettings;
  readonly basemaps: readonly BasemapDef[];
  readonly layers: readonly LayerNode[];
  readonly popup: { readonly mode: PopupMode };
  /** The search box (shown when a layer is searchable or the geocoder is on). */
  readonly search: MapSearchSettings;
  /** Embedding: the origins that may drive the map through the embed API and hear its events. */
  readonly embed?: { readonly allowedOrigins: readonly string[] };
  /** Communes as a place for the report (« Une commune »), and the header entry that opens it. */
  readonly communes?: MapCommunes;
}

export const MAP_CONTEXT_SCHEMA_ID = 'https://cartable.example/schema/map-context.v1.json';

const view: JsonSchema = {
  type: 'object',
  description:
    'The initial view. Give a centre with a zoom (Web-Mercator maps) or a resolution or scale (other projections), or an extent. Coordinates are in "crs" (default EPSG:4326, lon/lat).',
  properties: {
    projection: { ...ref('crs'), default: 'EPSG:3857' },
    crs: { ...ref('crs'), default: 'EPSG:4326' },
    center: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    zoom: { type: 'number', minimum: 0, maximum: 30 },
    resolution: { type: 'number', exclusiveMinimum: 0 },
    scale: ref('scale'),
    extent: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
    minZoom: { type: 'number', minimum: 0, maximum: 30 },
    maxZoom: { type: 'number', minimum: 0, maximum: 30 },
  },
  anyOf: [{ required: ['center'] }, { required: ['extent'] }],
  additionalProperties: false,
};

export const mapContextSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: MAP_CONTEXT_SCHEMA_ID,
  title: 'Cartable map context document, version 1',
  description:
    'Describes one map: its view, basemaps, and a tree of groups and layers. The first layer of a list is drawn on top. Scales are OGC scale denominators (0.28 mm pixels).',
  type: 'object',
  required: ['version', 'id', 'title', 'view', 'layers'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1, description: 'Format version, for migrations.' },
    id: ref('id'),
    title: ref('localizedText'),
    description: ref('localizedText'),
    tags: { type: 'array', items: ref('localizedText'), default: [] },
    thumbnail: ref('url'),
    access: { ...ref('access'), default: { level: 'public' } },
    attributions: { type: 'array', items: ref('localizedText'), default: [] },
    view,
    basemaps: {
      type: 'array',
      default: [],
      items: ref('basemap'),
      description: 'Background layers, one of them active ("active": true; default the first).',
    },
    layers: { type: 'array', items: ref('layerNode') },
    popup: popupModeSchema,
    embed: {
      type: 'object',
      description:
        'Embedding in other sites. "allowedOrigins": the pages (scheme + host + port, e.g. "https://www.commune.example") that may drive the map through the embed API and hear its events. Without it, a public map takes commands from any page and posts its events to any parent; a restricted map takes none and posts none.',
      properties: {
        allowedOrigins: {
          type: 'array',
          items: { type: 'string', pattern: '^(\\*|https?://[^/?#\\s]+)$' },
          default: [],
        },
      },
      additionalProperties: false,
    },
    communes: ref('mapCommunes'),
    search: {
      type: 'object',
      description: 'The search box: it finds the features of layers that have "search", and with "geocoder" addresses and places.',
      properties: {
        geocoder: {
          type: 'boolean',
          default: false,
          description: 'Also ask the IGN Géoplateforme completion service for addresses and places (needs the network; debounced, from 3 characters).',
        },
        maxResults: { type: 'integer', minimum: 1, maximum: 50, default: 5, description: 'Results shown per group.' },
      },
      additionalProperties: false,
      default: {},
    },
  },
  additionalProperties: false,
  $defs: {
    ...sharedDefs,
    ...layerTreeDefs,
  },
};
