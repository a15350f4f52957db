/** How a layer's features are found by the map's search box. */

import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

/** How a layer's features are found by the map's search box. */
export interface SearchSettings {
  /** The fields whose text is searched. */
  readonly fields: readonly string[];
  /** What a result reads: a template; default the first searched field. */
  readonly label?: LocalizedText;
  /** A search index prepared beforehand (the build writes it for packaged files). */
  readonly index?: string;
  /** A numeric field (e.g. population): among results matching the text equally, higher first. */
  readonly rank?: string;
}

/** Schema part of a layer's search settings. */
export const searchDefs: Record<string, JsonSchema> = {
  search: {
    type: 'object',
    description:
      "Makes the layer's features findable in the map's search box, visible or not. Data packaged with the site (\"file\") is indexed by the build; data read at run time is indexed in the browser, off the main thread.",
    required: ['fields'],
    properties: {
      fields: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { type: 'string', minLength: 1 },
        description: 'The fields whose text is searched (case, accents, hyphens and one typo forgiven).',
      },
      label: {
        ...ref('template'),
        description: 'What a result reads (a template, e.g. "{{nom_site}} ({{lieudit}})"); default: the first searched field.',
      },
      index: {
        ...ref('url'),
        description:
          'A search index prepared beforehand (Cartable format "cartable-search", version 2; version 1 is read too). The build writes it for packaged files; give one for layers read by extent (FlatGeobuf), which are otherwise searched only in what is loaded.',
      },
      rank: {
        type: 'string',
        minLength: 1,
        description:
          'A numeric field giving each feature\'s importance, e.g. "population": among results that match the typed text equally well, those inside the map\'s territory come first, then the higher rank. Features without a number there come last.',
      },
    },
    additionalProperties: false,
  },
};
