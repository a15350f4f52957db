/** How a vector layer's features are drawn: symbols, categories, classes, labels and scale rules. */

import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

export interface FillStyle {
  readonly color: string;
}

export interface StrokeStyle {
  readonly color: string;
  readonly width: number;
  readonly dash?: readonly number[];
}

export interface CircleMarker {
  readonly shape: 'circle';
  readonly radius: number;
  readonly fill?: FillStyle;
  readonly stroke?: StrokeStyle;
}

export interface IconMarker {
  readonly shape: 'icon';
  readonly src: string;
  readonly scale: number;
  /** Where the icon is pinned, as fractions of its size: [0.5, 1] is bottom centre. */
  readonly anchor?: readonly [number, number];
}

/** How one feature is drawn: polygons use fill + stroke, lines stroke, points the marker. */
export interface Symbolizer {
  readonly fill?: FillStyle;
  readonly stroke?: StrokeStyle;
  readonly marker?: CircleMarker | IconMarker;
}

export interface LabelStyle {
  readonly field: string;
  readonly color: string;
  readonly haloColor: string;
  readonly size: number;
  readonly minScale?: number;
  readonly maxScale?: number;
}

export type CategoryValue = string | number | boolean;

export interface Category {
  readonly value: CategoryValue;
  readonly label?: LocalizedText;
  readonly symbol: Symbolizer;
}

export interface NumericClass {
  /** Inclusive lower bound (none: −∞). */
  readonly min?: number;
  /** Exclusive upper bound (none: +∞). */
  readonly max?: number;
  readonly label?: LocalizedText;
  readonly symbol: Symbolizer;
}

/** A style without scale rules: a base symbol, optionally varied by categories or classes, and a label. */
export interface StyleCore {
  /** The symbol of every feature, or of those that no category or class matches. */
  readonly symbol?: Symbolizer;
  /** Label of the legend entry for `symbol` (e.g. "Other"). */
  readonly symbolLabel?: LocalizedText;
  readonly categories?: { readonly field: string; readonly values: readonly Category[] };
  readonly classes?: { readonly field: string; readonly ranges: readonly NumericClass[] };
  readonly label?: LabelStyle;
}

/** A style that replaces the base style within a range of scales. */
export interface ScaleRule extends StyleCore {
  readonly minScale?: number;
  readonly maxScale?: number;
}

export interface VectorStyle extends StyleCore {
  /** Alternatives by scale; the first rule whose range holds the current scale wins over the base style. */
  readonly rules?: readonly ScaleRule[];
}

/** Schema parts of vector styles. */
export const styleDefs: Record<string, JsonSchema> = {
  fill: {
    type: 'object',
    required: ['color'],
    properties: { color: ref('color') },
    additionalProperties: false,
  },
  stroke: {
    type: 'object',
    required: ['color'],
    properties: {
      color: ref('color'),
      width: { type: 'number', minimum: 0, default: 1 },
      dash: { type: 'array', items: { type: 'number', minimum: 0 }, maxItems: 8 },
    },
    additionalProperties: false,
  },
  marker: {
    type: 'object',
    required: ['shape'],
    discriminator: { propertyName: 'shape' },
    oneOf: [
      {
        properties: {
          shape: { const: 'circle' },
          radius: { type: 'number', minimum: 0, default: 5 },
          fill: ref('fill'),
          stroke: ref('stroke'),
        },
        additionalProperties: false,
      },
      {
        required: ['src'],
        properties: {
          shape: { const: 'icon' },
          src: ref('url'),
          scale: { type: 'number', exclusiveMinimum: 0, default: 1 },
          anchor: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
        },
        additionalProperties: false,
      },
    ],
  },
  symbol: {
    type: 'object',
    description: 'How a feature is drawn: polygons use fill and stroke, lines the stroke, points the marker.',
    properties: { fill: ref('fill'), stroke: ref('stroke'), marker: ref('marker') },
    additionalProperties: false,
  },
  label: {
    type: 'object',
    description: 'Labels drawn from a field.',
    required: ['field'],
    properties: {
      field: { type: 'string', minLength: 1 },
      color: { ...ref('color'), default: '#1b1b1b' },
      haloColor: { ...ref('color'), default: '#ffffff' },
      size: { type: 'number', minimum: 6, maximum: 48, default: 12 },
      minScale: ref('scale'),
      maxScale: ref('scale'),
    },
    additionalProperties: false,
  },
  categoryValue: { type: ['string', 'number', 'boolean'] },
  styleCore: {
    type: 'object',
    properties: {
      symbol: ref('symbol'),
      symbolLabel: ref('localizedText'),
      categories: {
        type: 'object',
        description: "One symbol for each value of a field; other values use the style's symbol.",
        required: ['field', 'values'],
        properties: {
          field: { type: 'string', minLength: 1 },
          values: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['value', 'symbol'],
              properties: { value: ref('categoryValue'), label: ref('localizedText'), symbol: ref('symbol') },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      classes: {
        type: 'object',
        description: 'One symbol for each range [min, max) of a numeric field.',
        required: ['field', 'ranges'],
        properties: {
          field: { type: 'string', minLength: 1 },
          ranges: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['symbol'],
              properties: {
                min: { type: 'number' },
                max: { type: 'number' },
                label: ref('localizedText'),
                symbol: ref('symbol'),
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      label: ref('label'),
    },
  },
  style: {
    type: 'object',
    description: 'How a vector layer is drawn; the same style builds its legend.',
    allOf: [ref('styleCore')],
    properties: {
      rules: {
        type: 'array',
        description: 'Alternative styles by scale: the first rule whose range holds the scale wins.',
        items: {
          type: 'object',
          allOf: [ref('styleCore')],
          properties: { minScale: ref('scale'), maxScale: ref('scale') },
          unevaluatedProperties: false,
        },
      },
    },
    unevaluatedProperties: false,
  },
};
