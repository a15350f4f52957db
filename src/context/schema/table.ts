/** A table of every feature of a layer, with sorting and filters, that drives the map. */

import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

/** How a column filters: by a list of its values (categories) or by a min/max range (numbers, dates). */
export type ColumnFilter = 'values' | 'range';

export interface TableColumn {
  readonly field: string;
  readonly label?: LocalizedText;
  readonly filter?: ColumnFilter;
}

export interface TableSettings {
  /** The columns, in order (a field name, or a field with a label and a filter). */
  readonly columns: ReadonlyArray<string | TableColumn>;
  readonly sort?: { readonly field: string; readonly direction: 'asc' | 'desc' };
  /** The map opens with this table shown. */
  readonly open: boolean;
}

/** Schema part of a layer's table. */
export const tableDefs: Record<string, JsonSchema> = {
  table: {
    type: 'object',
    description: 'A table of every feature of the layer, with sorting and filters, that drives the map.',
    required: ['columns'],
    properties: {
      columns: {
        type: 'array',
        minItems: 1,
        items: {
          anyOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              required: ['field'],
              properties: {
                field: { type: 'string', minLength: 1 },
                label: ref('localizedText'),
                filter: { enum: ['values', 'range'], description: '"values": a list of the values to tick; "range": min and max.' },
              },
              additionalProperties: false,
            },
          ],
        },
      },
      sort: {
        type: 'object',
        required: ['field'],
        properties: { field: { type: 'string', minLength: 1 }, direction: { enum: ['asc', 'desc'], default: 'asc' } },
        additionalProperties: false,
      },
      open: { type: 'boolean', default: false, description: 'The map opens with the table shown.' },
    },
    additionalProperties: false,
  },
};
