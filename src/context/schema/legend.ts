/** A layer's legend: computed from its style unless items or an image are given. */

import type { LocalizedText } from './common.js';
import type { Symbolizer } from './style.js';
import { ref, type JsonSchema } from './json-schema.js';

export type GeometryKind = 'point' | 'line' | 'polygon';

export interface LegendItem {
  readonly label: LocalizedText;
  readonly symbol: Symbolizer;
  readonly geometry?: GeometryKind;
}

/** A layer's legend: computed from its style unless items or an image are given. */
export interface LegendSettings {
  readonly hidden: boolean;
  readonly items?: readonly LegendItem[];
  readonly image?: string;
}

/** Schema part of a layer's legend. */
export const legendDefs: Record<string, JsonSchema> = {
  legend: {
    type: 'object',
    description: "A layer's legend: built from its style unless items or an image are given.",
    properties: {
      hidden: { type: 'boolean', default: false },
      image: ref('imageUrl'),
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['label', 'symbol'],
          properties: {
            label: ref('localizedText'),
            symbol: ref('symbol'),
            geometry: { enum: ['point', 'line', 'polygon'] },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
};
