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
const fields = ref('communeFields');

const service: JsonSchema = {
  type: 'object',
  required: ['service'],
  properties: {
    service: {
      type: 'object',
      description: 'A WFS 2.0.0 answering GeoJSON and CQL_FILTER (GeoServer); its origin allowed for "data".',
      required: ['url', 'typeName'],
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        typeName: { type: 'string', minLength: 1 },
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
      description: 'GeoJSON files of communes (lon/lat), paths relative to the project: the build packages them.',
    },
    fields,
  },
  additionalProperties: false,
};

const packaged: JsonSchema = {
  type: 'object',
  required: ['packaged'],
  description: 'Written by the build from "files".',
  properties: {
    packaged: {
      type: 'object',
      required: ['list', 'outlines'],
      properties: {
        list: ref('url'),
        outlines: ref('url'),
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

/** Schema parts of the commune settings. */
export const communeDefs: Record<string, JsonSchema> = {
  communeFields: {
    type: 'object',
    description:
      'The attributes read. Defaults: for "service" nom, code_insee, code_insee_du_departement, population; for "files" nom, code (the département taken from the code).',
    properties: { name: FIELD, code: FIELD, department: FIELD, population: FIELD },
    additionalProperties: false,
  },
  communeSource: {
    description: 'Where communes come from: a WFS ({"service": {"url", "typeName"}}) or GeoJSON files the build packages ({"files": [...]}).',
    oneOf: [service, files],
  },
  mapCommunes: {
    type: 'object',
    description:
      'The report offers « Une commune » first. "entry": a header button that opens it. "source": overrides the site configuration\'s "communes" (one of them is required).',
    properties: {
      entry: ref('localizedText'),
      source: { anyOf: [ref('communeSource'), packaged] },
    },
    additionalProperties: false,
  },
};
