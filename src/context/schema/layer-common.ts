/** What every layer kind has: its title, visibility, scales, attributions, information, legend and access. */

import type { Access, LocalizedText } from './common.js';
import type { LegendSettings } from './legend.js';
import { ref, type JsonSchema } from './json-schema.js';

export interface DownloadLink {
  readonly title: LocalizedText;
  readonly url: string;
  /** A short format name shown beside the link: "GeoJSON", "Shapefile", "ATOM"… */
  readonly format?: string;
}

/** What a person reads in a layer's "information" panel. */
export interface LayerInfo {
  readonly description?: LocalizedText;
  readonly source?: { readonly name: LocalizedText; readonly url?: string };
  /** Last update of the data, ISO 8601 date. */
  readonly updated?: string;
  /** The dataset's metadata record in the platform's catalogue. */
  readonly metadata?: string;
  readonly downloads: readonly DownloadLink[];
}

export interface LayerCommon {
  readonly id: string;
  readonly title: LocalizedText;
  readonly visible: boolean;
  readonly opacity: number;
  readonly minScale?: number;
  readonly maxScale?: number;
  readonly attributions: readonly LocalizedText[];
  readonly info?: LayerInfo;
  readonly legend: LegendSettings;
  /** Missing: the map's access applies. */
  readonly access?: Access;
}

/** Schema parts of a layer's information panel. */
export const layerInfoDefs: Record<string, JsonSchema> = {
  downloadLink: {
    type: 'object',
    required: ['title', 'url'],
    properties: { title: ref('localizedText'), url: ref('url'), format: { type: 'string' } },
    additionalProperties: false,
  },
  info: {
    type: 'object',
    description: "What a person reads in a layer's information panel.",
    properties: {
      description: ref('localizedText'),
      source: {
        type: 'object',
        required: ['name'],
        properties: { name: ref('localizedText'), url: ref('url') },
        additionalProperties: false,
      },
      updated: {
        type: 'string',
        pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
        description: 'Last update of the data: YYYY, YYYY-MM or YYYY-MM-DD.',
      },
      metadata: { ...ref('url'), description: "The dataset's record in the platform's metadata catalogue." },
      downloads: { type: 'array', items: ref('downloadLink'), default: [] },
    },
    additionalProperties: false,
  },
};

/** Schema part of the properties every layer kind has; kinds add theirs and close the object with unevaluatedProperties. */
export const layerCommonDefs: Record<string, JsonSchema> = {
  layerCommon: {
    type: 'object',
    required: ['id', 'title', 'type'],
    properties: {
      id: ref('id'),
      title: ref('localizedText'),
      type: { type: 'string' },
      visible: { type: 'boolean', default: true },
      opacity: { type: 'number', minimum: 0, maximum: 1, default: 1 },
      minScale: { ...ref('scale'), description: 'Drawn from this scale denominator on (OGC, 0.28 mm pixels).' },
      maxScale: { ...ref('scale'), description: 'Drawn below this scale denominator (OGC, 0.28 mm pixels).' },
      attributions: { type: 'array', items: ref('localizedText'), default: [] },
      info: ref('info'),
      legend: { ...ref('legend'), default: {} },
      access: ref('access'),
    },
  },
};
