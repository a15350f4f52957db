/** The attributes of a vector layer, declared once for popups, tables, search and reports. */

import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

export type FieldType =
  | 'text'
  | 'longtext'
  | 'number'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'url'
  | 'email'
  | 'phone'
  | 'image'
  | 'html';

/** One attribute of a vector layer, declared once and referred to by popups, tables, search and reports. */
export interface FieldDef {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly type: FieldType;
  readonly unit?: LocalizedText;
  /** Digits after the decimal point for numbers. */
  readonly decimals?: number;
}

/** Schema part of a field. */
export const fieldDefs: Record<string, JsonSchema> = {
  field: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1 },
      label: ref('localizedText'),
      type: {
        enum: ['text', 'longtext', 'number', 'integer', 'date', 'boolean', 'url', 'email', 'phone', 'image', 'html'],
        default: 'text',
      },
      unit: ref('localizedText'),
      decimals: { type: 'integer', minimum: 0, maximum: 10 },
    },
    additionalProperties: false,
  },
};
