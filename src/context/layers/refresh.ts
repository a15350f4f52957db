import type { JsonSchema } from '../schema/json-schema.js';

/** A layer read again from its URL every `seconds` (at least 30) while the page is shown. */
export interface RefreshSettings {
  readonly seconds: number;
}

/** Schema part of `refresh`, for the kinds that read a URL again on an interval (geojson, csv). */
export const refreshProperty: JsonSchema = {
  type: 'object',
  required: ['seconds'],
  description: 'Reads "url" again every "seconds" while the page is shown (a live copy of a remote dataset); the layer list says when it was last updated.',
  properties: { seconds: { type: 'integer', minimum: 30, maximum: 86400 } },
  additionalProperties: false,
};
