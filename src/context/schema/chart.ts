/** Charts of a layer's records (bar, pie, histogram, per territory), drawn from the rows its table keeps. */

import type { ChartSettings } from '../../charts/types.js';
import { ref, type JsonSchema } from './json-schema.js';

export type { ChartSettings };

/** The most bars a chart draws, intervals of a histogram, and slices of a pie (checks.ts says why). */
export const CHART_MAX_BARS = 50;
export const PIE_MAX_SLICES = 6;

/** Schema part of one chart. What depends on the layer (fields, pie's few values) is in check-charts.ts. */
export const chartDefs: Record<string, JsonSchema> = {
  chart: {
    type: 'object',
    description: 'A chart of the records: counts per value ("bar", "pie"), per interval ("histogram"), per territory.',
    required: ['id', 'type', 'title', 'field'],
    properties: {
      id: ref('id'),
      type: { enum: ['bar', 'pie', 'histogram', 'territory'] },
      title: ref('localizedText'),
      description: ref('localizedText'),
      field: { type: 'string', minLength: 1 },
      bins: { type: 'integer', minimum: 2, maximum: CHART_MAX_BARS },
      labelField: { type: 'string', minLength: 1 },
      limit: { type: 'integer', minimum: 2, maximum: CHART_MAX_BARS },
      values: {
        type: 'array',
        maxItems: CHART_MAX_BARS,
        items: {
          type: 'object',
          required: ['value'],
          properties: { value: { type: 'string' }, label: ref('localizedText'), color: ref('color') },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
};
