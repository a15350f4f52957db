/** How a feature's record reads when it is clicked, written with logic-less templates. */

import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

/** Where a feature's record opens on a wide screen (phones always use a bottom sheet). */
export type PopupMode = 'popup' | 'panel';

/** Schema part of `popup` on a map or a group: where its records open. */
export const popupModeSchema: JsonSchema = {
  type: 'object',
  description: 'Where records open on wide screens: "popup" (anchored to the feature) or "panel" (beside the map). Phones use a bottom sheet.',
  properties: { mode: { enum: ['popup', 'panel'], default: 'popup' } },
  additionalProperties: false,
  default: {},
};

/** A field of a record: its name, or its name with a label for this place. */
export type PopupField = string | { readonly field: string; readonly label?: LocalizedText };

/**
 * How a feature's record reads. Texts are logic-less templates: {{field}}, and {{#field}}…{{/field}}
 * (shown only when the field has a value) or {{^field}}…{{/field}} (only when it has none).
 */
export interface PopupSettings {
  /** False: the layer is not identified by clicks. */
  readonly enabled?: boolean;
  readonly title?: LocalizedText;
  readonly subtitle?: LocalizedText;
  /** The fields to show, in order (without sections). */
  readonly fields?: readonly PopupField[];
  /** Groups of fields under a heading; a section with no value is left out. */
  readonly sections?: ReadonlyArray<{ readonly title?: LocalizedText; readonly text?: LocalizedText; readonly fields?: readonly PopupField[] }>;
  /** "More" links; the URL is a template whose values are URL-encoded. */
  readonly links?: ReadonlyArray<{ readonly label: LocalizedText; readonly url: string }>;
}

/** Schema parts of templates and records. */
export const popupDefs: Record<string, JsonSchema> = {
  template: {
    description:
      'A logic-less template: {{field}} inserts a value; {{#field}}…{{/field}} keeps its content only when the field has a value, {{^field}}…{{/field}} only when it has none. One string, or one per language.',
    $ref: '#/$defs/localizedText',
  },
  popupField: {
    anyOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        required: ['field'],
        properties: { field: { type: 'string', minLength: 1 }, label: ref('localizedText') },
        additionalProperties: false,
      },
    ],
  },
  popup: {
    type: 'object',
    description: "How a feature's record reads when it is clicked. Without it, a table of the non-empty fields.",
    properties: {
      enabled: { type: 'boolean', description: 'false: clicks do not identify this layer.' },
      title: ref('template'),
      subtitle: ref('template'),
      fields: { type: 'array', items: ref('popupField') },
      sections: {
        type: 'array',
        items: {
          type: 'object',
          properties: { title: ref('localizedText'), text: ref('template'), fields: { type: 'array', items: ref('popupField') } },
          additionalProperties: false,
        },
      },
      links: {
        type: 'array',
        items: {
          type: 'object',
          required: ['label', 'url'],
          properties: {
            label: ref('localizedText'),
            url: { type: 'string', minLength: 1, description: 'A URL template; values are URL-encoded. Only http(s), mailto and tel links are kept.' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
};
