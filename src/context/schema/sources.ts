/** Data the build packages: records withheld from the public site, and data published elsewhere. */

import { ID_PATTERN, type JsonSchema } from './json-schema.js';

/**
 * Records that only signed-in users may see: those whose `field` holds one of `values`. The build
 * leaves them out of the public site's data and indexes and keeps them in the restricted output.
 */
export interface ConfidentialRecords {
  readonly field: string;
  readonly values: ReadonlyArray<string | number | boolean>;
}

/**
 * Data published elsewhere that the build reads and packages like a `file` (plugin/sources.ts): the
 * site never reads `url`. The site configuration's `sources` (or CARTABLE_SOURCES) may give a local copy.
 */
export interface PackagedSource {
  readonly url: string;
  /** Its key in the site configuration's `sources` and in CARTABLE_SOURCES (else `url` is). */
  readonly name?: string;
}

/** Schema parts of withheld records and packaged sources. */
export const sourceDefs: Record<string, JsonSchema> = {
  confidential: {
    type: 'object',
    description:
      'Records only signed-in users may see: those whose "field" holds one of "values" (e.g. {"field": "confidentialite", "values": ["Réservé"]}). ' +
      'The build leaves them out of the public site (data, search index, everything) and keeps them in the restricted output. ' +
      'Only for data the build packages ("file" or inline "data"): a public map whose layer reads its data from a URL at run time is refused, since filtering in the browser protects nothing.',
    required: ['field', 'values'],
    properties: {
      field: { type: 'string', minLength: 1, description: 'The attribute that says whether a record is confidential.' },
      values: {
        type: 'array',
        minItems: 1,
        items: { type: ['string', 'number', 'boolean'] },
        description: 'The values of "field" that mark a confidential record (compared trimmed, without case, Unicode-normalised: "réservé" matches « Réservé »).',
      },
    },
    additionalProperties: false,
  },
  packagedSource: {
    type: 'object',
    description:
      'Data published elsewhere that the build reads and packages like "file" (so "confidential" records can be left out): the site never reads this URL. ' +
      'The build takes a local copy when the site configuration\'s "sources" (or CARTABLE_SOURCES) names one, else fetches the URL at build time.',
    required: ['url'],
    properties: {
      url: { type: 'string', pattern: '^https?://', description: 'Where the data is published (GeoJSON).' },
      name: {
        type: 'string',
        pattern: ID_PATTERN,
        description: 'The key of this source in the site configuration\'s "sources" and in CARTABLE_SOURCES (else its URL is the key).',
      },
    },
    additionalProperties: false,
  },
};
