/**
 * The format's basic values: texts in several languages, identifiers, URLs, colours, scales, CRS,
 * and who may open a map or a layer.
 */

import { IMAGE_URL_DESCRIPTION, IMAGE_URL_PATTERN } from './image-url.js';
import { ID_PATTERN, type JsonSchema } from './json-schema.js';

/** A text a person reads: one string for every language, or one string per language ({ fr, en }). */
export type LocalizedText = string | Readonly<Record<string, string>>;

export type AccessLevel = 'public' | 'restricted';

/** Who may open a map or a layer. Groups name the identity provider's groups (empty: any signed-in user). */
export interface Access {
  readonly level: AccessLevel;
  readonly groups: readonly string[];
}

/** Schema parts of the basic values. */
export const commonDefs: Record<string, JsonSchema> = {
  id: {
    type: 'string',
    pattern: ID_PATTERN,
    maxLength: 80,
    description: 'Identifier: letters, digits, "_", "." and "-"; starts with a letter or digit.',
  },
  localizedText: {
    description: 'A text a person reads: one string, or one string per language code ({"fr": …, "en": …}).',
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
        additionalProperties: { type: 'string' },
      },
    ],
  },
  url: {
    type: 'string',
    minLength: 1,
    description: 'An http(s) URL, or a path relative to the document.',
    pattern: '^(https?://|\\./|\\.\\./|/|[A-Za-z0-9_])',
  },
  imageUrl: { type: 'string', minLength: 1, description: IMAGE_URL_DESCRIPTION, pattern: IMAGE_URL_PATTERN },
  color: {
    type: 'string',
    description: 'A CSS colour: #rgb, #rrggbb, #rrggbbaa, rgb(), rgba() or a named colour.',
    pattern: '^(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|rgba?\\([0-9.,\\s%]+\\)|[a-z]+)$',
  },
  scale: {
    type: 'number',
    exclusiveMinimum: 0,
    description: 'OGC scale denominator (25000 means 1:25 000), computed with 0.28 mm pixels.',
  },
  crs: {
    type: 'string',
    pattern: '^(EPSG:[0-9]+|CRS:84|OGC:CRS84)$',
    description: 'A coordinate reference system, e.g. "EPSG:2154" (Lambert-93), "EPSG:3857", "EPSG:4326".',
  },
  access: {
    type: 'object',
    description: 'Who may open this: "public", or "restricted" to signed-in users of the listed groups.',
    required: ['level'],
    properties: {
      level: { enum: ['public', 'restricted'] },
      groups: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
    },
    additionalProperties: false,
  },
};
