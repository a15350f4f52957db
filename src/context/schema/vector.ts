/** Settings shared by every vector layer kind: fields, style, popup, tooltip, search and table. */

import type { ChartSettings } from './chart.js';
import type { LocalizedText } from './common.js';
import type { FieldDef } from './fields.js';
import type { GeometryKind } from './legend.js';
import type { PopupSettings } from './popup.js';
import type { SearchSettings } from './search.js';
import type { VectorStyle } from './style.js';
import type { TableSettings } from './table.js';
import { ref, type JsonSchema } from './json-schema.js';

/** Settings shared by every vector layer kind. Popups, tables and search refer to `fields` by name. */
export interface VectorCommon {
  /** The attribute that identifies a feature for good (deep links, table ↔ map, search results). */
  readonly idField?: string;
  readonly fields: readonly FieldDef[];
  readonly geometry?: GeometryKind;
  readonly style: VectorStyle;
  readonly popup?: PopupSettings;
  /** A short label shown when the pointer rests on a feature (a template). */
  readonly tooltip?: LocalizedText;
  /** Makes the features findable in the search box. */
  readonly search?: SearchSettings;
  /** Lists every feature of the layer in a table that drives the map. */
  readonly table?: TableSettings;
  /** Charts of the records the table keeps. */
  readonly charts?: readonly ChartSettings[];
}

/** Schema part of the properties every vector layer kind has. */
export const vectorCommonDefs: Record<string, JsonSchema> = {
  vectorCommon: {
    type: 'object',
    required: ['style'],
    properties: {
      idField: {
        type: 'string',
        minLength: 1,
        description: 'The attribute that identifies a feature (deep links, tables, search).',
      },
      fields: {
        type: 'array',
        items: ref('field'),
        default: [],
        description: 'The attributes of the layer, declared once for popups, tables, search and reports.',
      },
      geometry: { enum: ['point', 'line', 'polygon'], description: 'Geometry kind, for the legend.' },
      style: ref('style'),
      popup: ref('popup'),
      table: ref('table'),
      charts: { type: 'array', items: ref('chart') },
      tooltip: { ...ref('template'), description: 'A short label shown when the pointer rests on a feature (a template).' },
      search: ref('search'),
    },
  },
};
