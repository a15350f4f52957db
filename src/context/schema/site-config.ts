/** The site configuration: the platform's settings, separate from map documents. */

import type { BasemapDef } from '../layers/layer-def.js';
import type { LocalizedText } from './common.js';
import type { CommuneSourceSetting } from './communes.js';
import { ref, type JsonSchema } from './json-schema.js';
import { legalSchema, stateServiceSchema, type LegalSettings, type StateService } from './legal.js';
import { mapContextSchema } from './map-context.js';
import { THEME_NAME_PATTERN, THEME_PRESETS, type SiteTheme } from '../../theme/tokens.js';

/** What an allowed origin may be used for. */
export type OriginUse = 'documents' | 'data' | 'credentials' | 'embed';

export interface AllowedOrigin {
  /** Scheme + host (+ port), e.g. "https://data.geopf.fr". */
  readonly origin: string;
  readonly use: readonly OriginUse[];
}

export interface SiteConfig {
  readonly $schema?: string;
  readonly version: 1;
  readonly name: LocalizedText;
  readonly logo?: string;
  readonly contact?: string;
  /** Canonical public URL of the deployed site, for link previews (og:url) and oEmbed. */
  readonly baseUrl?: string;
  readonly defaultLanguage: 'fr' | 'en';
  /** The design tokens (src/theme/tokens.ts): a preset, then the site's own --cartable-* values. */
  readonly theme: SiteTheme;
  readonly allowedOrigins: readonly AllowedOrigin[];
  readonly signIn?: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scopes: readonly string[];
  };
  /**
   * Where the build's restricted output is served behind authentication (absolute, ending with "/");
   * its origin is listed in allowedOrigins with the use "credentials".
   */
  readonly restricted?: { readonly url: string };
  /** A CORS proxy for services that lack CORS: "{url}" is replaced by the encoded target URL. */
  readonly proxy?: { readonly url: string; readonly origins: readonly string[] };
  readonly defaultBasemap?: BasemapDef;
  readonly analytics?:
    | { readonly type: 'matomo'; readonly url: string; readonly siteId: string; readonly restrictedMaps: boolean }
    | { readonly type: 'endpoint'; readonly url: string; readonly restrictedMaps: boolean };
  readonly legal: LegalSettings;
  /** A State service: the dsfr preset then shows the Marianne font and the République Française logo. */
  readonly stateService?: StateService;
  /** What the service worker keeps for use without network. */
  readonly offline: { readonly tiles: { readonly maxEntries: number; readonly maxAgeDays: number } };
  /** The « Ajouter une couche » dialog: shown unless disabled; `anyHttpsService` lets it read any https service (the CSP then allows https:). */
  readonly addLayers?: { readonly enabled: boolean; readonly anyHttpsService: boolean };
  /**
   * Build only (never sent to the browser): local copies of layers' `source` data, by the source's
   * `name` (or URL), paths relative to the project; used when the file exists, else the build fetches the URL.
   */
  readonly sources?: Readonly<Record<string, string>>;
  /** Where communes come from for the maps that offer « Une commune » (a map's `communes.source` overrides it). */
  readonly communes?: CommuneSourceSetting;
  /** Cartable Studio: the platform's metadata catalogue, searched to add layers (GeoNetwork 4, else CSW 2.0.2). */
  readonly studio?: { readonly catalogue?: { readonly url: string; readonly kind: 'geonetwork' | 'csw' } };
}

export const SITE_CONFIG_SCHEMA_ID = 'https://cartable.example/schema/site-config.v1.json';

const origin: JsonSchema = {
  type: 'string',
  pattern: '^https?://[^/?#]+$',
  description: 'Scheme, host and port, with no path: "https://data.geopf.fr".',
};

export const siteConfigSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SITE_CONFIG_SCHEMA_ID,
  title: 'Cartable site configuration, version 1',
  description: "The platform's settings, separate from map documents.",
  type: 'object',
  required: ['version', 'name'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1 },
    name: ref('localizedText'),
    logo: ref('url'),
    contact: { type: 'string', pattern: '^(https?://|mailto:)' },
    baseUrl: { type: 'string', pattern: '^https?://', description: 'Public URL of the deployed site.' },
    defaultLanguage: { enum: ['fr', 'en'], default: 'fr' },
    theme: {
      type: 'object',
      default: {},
      description:
        'The design tokens (README, « Thème »): a "preset" ("default" or "dsfr"), then the site\'s own --cartable-* values, e.g. {"preset": "dsfr"}. The build checks their contrast (WCAG AA).',
      properties: { preset: { enum: [...THEME_PRESETS] } },
      propertyNames: {
        pattern: THEME_NAME_PATTERN,
        description: 'A design token of Cartable: "preset" or one of the --cartable-* names of src/theme/tokens.ts (README, « Thème »)',
      },
      additionalProperties: { type: 'string', pattern: '^[^;{}<>]*$', description: 'A CSS value, without ; { } < >' },
    },
    allowedOrigins: {
      type: 'array',
      default: [],
      description:
        'The one list of other origins the site talks to: where map documents may be loaded from, where data comes from (Content-Security-Policy), where sign-in tokens may be sent, which sites may embed the viewer.',
      items: {
        type: 'object',
        required: ['origin', 'use'],
        properties: {
          origin,
          use: { type: 'array', minItems: 1, items: { enum: ['documents', 'data', 'credentials', 'embed'] } },
        },
        additionalProperties: false,
      },
    },
    signIn: {
      type: 'object',
      description: 'OpenID Connect, authorization code with PKCE, public client.',
      required: ['issuer', 'clientId'],
      properties: {
        issuer: { type: 'string', pattern: '^https?://' },
        clientId: { type: 'string', minLength: 1 },
        scopes: { type: 'array', items: { type: 'string' }, default: ['openid', 'profile'] },
      },
      additionalProperties: false,
    },
    restricted: {
      type: 'object',
      description:
        "Where the build's restricted output (restricted maps, restricted layers, withheld records) is served, behind the platform's authentication. Its origin must be listed in allowedOrigins with the use \"credentials\".",
      required: ['url'],
      properties: {
        url: {
          type: 'string',
          pattern: '^(https://[^/?#@]+|http://(127\\.0\\.0\\.1|localhost)(:[0-9]+)?)/([^?#]*/)?$',
          description: 'Absolute URL of the restricted output\'s folder, ending with "/": https (http only for 127.0.0.1 or localhost, for tests).',
        },
      },
      additionalProperties: false,
    },
    proxy: {
      type: 'object',
      required: ['url'],
      properties: {
        url: { type: 'string', pattern: '\\{url\\}', description: 'Proxy URL template with {url}.' },
        origins: { type: 'array', items: origin, default: [] },
      },
      additionalProperties: false,
    },
    defaultBasemap: ref('basemap'),
    addLayers: {
      type: 'object',
      default: {},
      description:
        'The « Ajouter une couche » dialog and the catalogue hand-off (service_url…). By default a person may add layers only from the origins listed for "data" (and the proxy\'s); anyHttpsService: true lets them read any https service, and the Content-Security-Policy then allows https: for connect-src and img-src.',
      properties: {
        enabled: { type: 'boolean', default: true },
        anyHttpsService: { type: 'boolean', default: false },
      },
      additionalProperties: false,
    },
    analytics: {
      type: 'object',
      description: 'Usage figures, off unless set.',
      required: ['type', 'url'],
      discriminator: { propertyName: 'type' },
      oneOf: [
        {
          required: ['siteId'],
          properties: {
            type: { const: 'matomo' },
            url: { type: 'string', pattern: '^https?://' },
            siteId: { type: 'string', minLength: 1 },
            restrictedMaps: { type: 'boolean', default: false },
          },
          additionalProperties: false,
        },
        {
          properties: {
            type: { const: 'endpoint' },
            url: { type: 'string', pattern: '^https?://' },
            restrictedMaps: { type: 'boolean', default: false },
          },
          additionalProperties: false,
        },
      ],
    },
    offline: {
      type: 'object',
      default: {},
      description: 'What the service worker keeps for use without network.',
      properties: {
        tiles: {
          type: 'object',
          default: {},
          description: 'Basemap and WMTS tiles kept at run time (the oldest go first).',
          properties: {
            maxEntries: { type: 'integer', minimum: 0, maximum: 100000, default: 3000 },
            maxAgeDays: { type: 'number', exclusiveMinimum: 0, maximum: 3650, default: 30 },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    sources: {
      type: 'object',
      description:
        'Build only (never sent to the browser): local copies of the data that layers name with "source", by the source\'s "name" or URL: {"sites": "../donnees/sites.geojson"} ' +
        '(paths relative to the project). The build packages the copy when the file exists, else fetches the URL; CARTABLE_SOURCES may name a JSON file of the same shape that takes precedence.',
      propertyNames: { pattern: '^(https?://.+|[A-Za-z0-9][A-Za-z0-9_.-]*)$' },
      additionalProperties: { type: 'string', minLength: 1 },
    },
    communes: { ...ref('communeSource'), description: 'Where communes come from for the maps that offer « Une commune » (README, « Communes »).' },
    legal: legalSchema,
    stateService: stateServiceSchema,
    studio: {
      type: 'object',
      description: 'Cartable Studio (?studio).',
      properties: {
        catalogue: {
          type: 'object',
          description:
            'The platform\'s metadata catalogue, searched by words to add layers: a GeoNetwork 4 ("url": its root, e.g. "https://catalogue.example/geonetwork") or a CSW 2.0.2 endpoint ("kind": "csw"). Its origin joins connect-src.',
          required: ['url'],
          properties: { url: { type: 'string', pattern: '^https?://' }, kind: { enum: ['geonetwork', 'csw'], default: 'geonetwork' } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
  $defs: mapContextSchema.$defs,
};
