/**
 * Shared pieces of the JSON Schemas (draft 2020-12). Plain data: the generator writes the assembled
 * schemas to public/schema/ (for editors and for anyone who reads the format) and compiles them ahead
 * of time into validators that run without eval (strict Content-Security-Policy).
 */

import { IMAGE_URL_DESCRIPTION, IMAGE_URL_PATTERN } from './image-url.js';

export type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';

export const sharedDefs: Record<string, JsonSchema> = {
  id: {
    type: 'string',
    pattern: ID_PATTERN,
    maxLength: 80,
    description: 'Identifier: letters, digits, "_", "." and "-"; starts with a letter or digit.',
  },
  localizedText: {
    description: 'A text a person reads: one string, or one string per language code ({"fr": …, "en": …}).',
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
        additionalProperties: { type: 'string' },
      },
    ],
  },
  url: {
    type: 'string',
    minLength: 1,
    description: 'An http(s) URL, or a path relative to the document.',
    pattern: '^(https?://|\\./|\\.\\./|/|[A-Za-z0-9_])',
  },
  imageUrl: { type: 'string', minLength: 1, description: IMAGE_URL_DESCRIPTION, pattern: IMAGE_URL_PATTERN },
  color: {
    type: 'string',
    description: 'A CSS colour: #rgb, #rrggbb, #rrggbbaa, rgb(), rgba() or a named colour.',
    pattern: '^(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|rgba?\\([0-9.,\\s%]+\\)|[a-z]+)$',
  },
  scale: {
    type: 'number',
    exclusiveMinimum: 0,
    description: 'OGC scale denominator (25000 means 1:25 000), computed with 0.28 mm pixels.',
  },
  crs: {
    type: 'string',
    pattern: '^(EPSG:[0-9]+|CRS:84|OGC:CRS84)$',
    description: 'A coordinate reference system, e.g. "EPSG:2154" (Lambert-93), "EPSG:3857", "EPSG:4326".',
  },
  access: {
    type: 'object',
    description: 'Who may open this: "public", or "restricted" to signed-in users of the listed groups.',
    required: ['level'],
    properties: {
      level: { enum: ['public', 'restricted'] },
      groups: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
    },
    additionalProperties: false,
  },
  confidential: {
    type: 'object',
    description:
      'Records only signed-in users may see: those whose "field" holds one of "values" (e.g. {"field": "confidentialite", "values": ["Réservé"]}). ' +
      'The build leaves them out of the public site (data, search index, everything) and keeps them in the restricted output. ' +
      'Only for data the build packages ("file" or inline "data"): a public map whose layer reads its data from a URL at run time is refused, since filtering in the browser protects nothing.',
    required: ['field', 'values'],
    properties: {
      field: { type: 'string', minLength: 1, description: 'The attribute that says whether a record is confidential.' },
      values: {
        type: 'array',
        minItems: 1,
        items: { type: ['string', 'number', 'boolean'] },
        description: 'The values of "field" that mark a confidential record (compared trimmed, without case, Unicode-normalised: "réservé" matches « Réservé »).',
      },
    },
    additionalProperties: false,
  },
  packagedSource: {
    type: 'object',
    description:
      'Data published elsewhere that the build reads and packages like "file" (so "confidential" records can be left out): the site never reads this URL. ' +
      'The build takes a local copy when the site configuration\'s "sources" (or CARTABLE_SOURCES) names one, else fetches the URL at build time.',
    required: ['url'],
    properties: {
      url: { type: 'string', pattern: '^https?://', description: 'Where the data is published (GeoJSON).' },
      name: {
        type: 'string',
        pattern: ID_PATTERN,
        description: 'The key of this source in the site configuration\'s "sources" and in CARTABLE_SOURCES (else its URL is the key).',
      },
    },
    additionalProperties: false,
  },
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
  /** Properties every layer kind has; kinds add theirs and close the object with unevaluatedProperties. */
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
          'A search index prepared beforehand (Cartable format "cartable-search", version 1). The build writes it for packaged files; give one for layers read by extent (FlatGeobuf), which are otherwise searched only in what is loaded.',
      },
    },
    additionalProperties: false,
  },
  /** Properties every vector layer kind has. */
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
      tooltip: { ...ref('template'), description: 'A short label shown when the pointer rests on a feature (a template).' },
      search: ref('search'),
    },
  },
};
