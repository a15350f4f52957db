/**
 * Communes as a place for the report (« Une commune »): where the site (or a map) reads them — the
 * Géoplateforme WFS, or GeoJSON files the build packages — and, for a map, the header entry that
 * opens the report on a commune.
 */

import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

/** The attributes a commune source names (defaults in src/communes/fields.ts). */
export interface CommuneFields {
  readonly name?: string;
  /** The INSEE code. */
  readonly code?: string;
  /** The département's code; without it, taken from the INSEE code (2 characters, 3 for 97x). */
  readonly department?: string;
  /** Ranks homonyms (largest first). */
  readonly population?: string;
}

/** A WFS 2.0.0 service answering GeoJSON and CQL_FILTER (GeoServer, e.g. the Géoplateforme). */
export interface CommuneServiceSetting {
  readonly service: { readonly url: string; readonly typeName: string };
  readonly fields?: CommuneFields;
}

/** GeoJSON files (lon/lat) the build packages, paths relative to the project. */
export interface CommuneFilesSetting {
  readonly files: readonly string[];
  readonly fields?: CommuneFields;
}

/** Written by the build from `files`: the packaged list and outlines, URLs relative to the document. */
export interface PackagedCommunesSetting {
  readonly packaged: {
    /** The suggestion list (src/communes/packaged-format.ts). */
    readonly list: string;
    /** The folder of the outlines, ending with "/": <code>.json each. */
    readonly outlines: string;
  };
}

/** Where communes come from, as the site configuration names them. */
export type CommuneSourceSetting = CommuneServiceSetting | CommuneFilesSetting;

/** A map's communes: the report offers « Une commune »; `entry` adds a header button that opens it. */
export interface MapCommunes {
  /** The header button's text, e.g. « Géosites de ma commune ». */
  readonly entry?: LocalizedText;
  /** Overrides the site's `communes`; in built documents, the source the build resolved. */
  readonly source?: CommuneSourceSetting | PackagedCommunesSetting;
}

const FIELD: JsonSchema = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };

const fields: JsonSchema = {
  type: 'object',
  description:
    'The attributes read. Defaults: for "service" nom, code_insee, code_insee_du_departement, population; for "files" nom, code (no population; the département is taken from the INSEE code).',
  properties: {
    name: { ...FIELD, description: "The commune's name." },
    code: { ...FIELD, description: 'The INSEE code (e.g. "38052").' },
    department: { ...FIELD, description: "The département's code; without it, the INSEE code's first 2 characters (3 for 97x)." },
    population: { ...FIELD, description: 'The population: ranks homonyms, largest first.' },
  },
  additionalProperties: false,
};

const service: JsonSchema = {
  type: 'object',
  required: ['service'],
  properties: {
    service: {
      type: 'object',
      description: 'A WFS 2.0.0 service answering GeoJSON and CQL_FILTER (GeoServer), e.g. {"url": "https://data.geopf.fr/wfs/ows", "typeName": "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune"}. Its origin must be allowed for "data".',
      required: ['url', 'typeName'],
      properties: {
        url: { type: 'string', pattern: '^https?://', description: "The service's URL." },
        typeName: { type: 'string', minLength: 1, description: 'The feature type of the communes.' },
      },
      additionalProperties: false,
    },
    fields,
  },
  additionalProperties: false,
};

const files: JsonSchema = {
  type: 'object',
  required: ['files'],
  properties: {
    files: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      description:
        'GeoJSON files of commune polygons in lon/lat, paths relative to the project (e.g. "../donnees/communes-38.geojson"). The build packages a suggestion list and one outline per commune: the site then needs no service.',
    },
    fields,
  },
  additionalProperties: false,
};

const packaged: JsonSchema = {
  type: 'object',
  required: ['packaged'],
  description: 'Written by the build from "files": the packaged suggestion list and outlines (URLs relative to the document).',
  properties: {
    packaged: {
      type: 'object',
      required: ['list', 'outlines'],
      properties: {
        list: ref('url'),
        outlines: { ...ref('url'), description: 'The folder of the outlines, ending with "/" (<INSEE code>.json each).' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

/** Schema parts of the commune settings. */
export const communeDefs: Record<string, JsonSchema> = {
  communeSource: {
    description:
      'Where communes come from, for the report\'s « Une commune »: a WFS service ({"service": {"url", "typeName"}}) or GeoJSON files the build packages ({"files": [...]}), with optional "fields".',
    oneOf: [service, files],
  },
  mapCommunes: {
    type: 'object',
    description:
      'Communes as a place: the report « Qu\'y a-t-il ici ? » offers « Une commune » first (type a name or an INSEE code). "entry": a header button that opens it, e.g. {"fr": "Géosites de ma commune", "en": "Geosites in my commune"}. "source": overrides the site configuration\'s "communes" (one of the two is required).',
    properties: {
      entry: ref('localizedText'),
      source: { anyOf: [ref('communeSource'), packaged] },
    },
    additionalProperties: false,
  },
};
