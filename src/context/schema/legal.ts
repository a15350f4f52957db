/**
 * The site configuration's legal parts: the links every public site's footer carries, the State
 * service's declaration (which alone allows the Marianne font and the République Française logo),
 * and the accessibility statement (« Déclaration d'accessibilité », RGAA) the build writes.
 */
import type { LocalizedText } from './common.js';
import { ref, type JsonSchema } from './json-schema.js';

/** RGAA conformity: « non », « partiellement » or « totalement conforme ». */
export type Conformity = 'non' | 'partielle' | 'totale';

export interface AccessibilityStatement {
  /** Who makes the statement: the entity that runs the site. */
  readonly entity: LocalizedText;
  readonly conformity: Conformity;
  /** The latest RGAA audit; without one the site is « non conforme ». */
  readonly audit?: {
    readonly date: string;
    /** Share of the RGAA criteria met, in %. */
    readonly rate: number;
    /** Who ran the audit. */
    readonly by?: LocalizedText;
  };
  /** The contents that are not accessible, one entry each. */
  readonly nonAccessible: readonly LocalizedText[];
  /** Where a person reports a problem or asks for an accessible alternative (https URL or mailto:). */
  readonly contact: string;
  /** When the statement was established (YYYY-MM-DD). */
  readonly established: string;
}

export interface LegalSettings {
  /** « Mentions légales »: URL of the legal notice. */
  readonly notice?: string;
  /** « Données personnelles »: URL of the personal-data page. */
  readonly personalData?: string;
  /** URL of an accessibility statement published elsewhere (the footer links there instead of the generated page). */
  readonly accessibility?: string;
  /** The statement the build writes (accessibilite.html, en/accessibility.html). */
  readonly accessibilityStatement?: AccessibilityStatement;
}

/** A State service (« service de l'État »): only such a site may show the Marianne font and the République Française logo. */
export interface StateService {
  /** The lines under Marianne in the bloc-marque (« République / Française » when absent). */
  readonly logoText?: Readonly<Record<string, readonly string[]>>;
  /** The service's tagline under its name. */
  readonly tagline?: LocalizedText;
}

const date: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A date, YYYY-MM-DD.' };

export const accessibilityStatementSchema: JsonSchema = {
  type: 'object',
  description:
    "The accessibility statement (« Déclaration d'accessibilité », RGAA) the build writes as accessibilite.html and en/accessibility.html, linked from the footer. Without an audit the site is « non conforme ».",
  required: ['entity', 'conformity', 'contact', 'established'],
  properties: {
    entity: { ...ref('localizedText'), description: 'The entity that runs the site and makes the statement.' },
    conformity: { enum: ['non', 'partielle', 'totale'] },
    audit: {
      type: 'object',
      required: ['date', 'rate'],
      properties: {
        date,
        rate: { type: 'number', minimum: 0, maximum: 100, description: 'Share of the RGAA criteria met, in %.' },
        by: ref('localizedText'),
      },
      additionalProperties: false,
    },
    nonAccessible: { type: 'array', default: [], items: ref('localizedText') },
    contact: { type: 'string', pattern: '^(https://|mailto:)', description: 'Where to report a problem: an https URL or mailto:.' },
    established: date,
  },
  // « Partiellement » or « totalement conforme » is a result of an audit.
  if: { properties: { conformity: { enum: ['partielle', 'totale'] } } },
  then: { required: ['audit'] },
  additionalProperties: false,
};

export const legalSchema: JsonSchema = {
  type: 'object',
  default: {},
  properties: {
    notice: { ...ref('url'), description: '« Mentions légales »: URL of the legal notice.' },
    personalData: { ...ref('url'), description: '« Données personnelles »: URL of the personal-data page.' },
    accessibility: { ...ref('url'), description: 'URL of an accessibility statement published elsewhere; the footer links there instead of the generated page.' },
    accessibilityStatement: accessibilityStatementSchema,
  },
  additionalProperties: false,
};

export const stateServiceSchema: JsonSchema = {
  type: 'object',
  description:
    "Declares the site a State service (« service de l'État »): only then does the dsfr preset show the Marianne font and the République Française logo (their licence restricts them to State services).",
  properties: {
    logoText: {
      type: 'object',
      description: 'The lines under Marianne in the bloc-marque, per language: {"fr": ["Préfet", "de la région", "Auvergne-Rhône-Alpes"]}. Default « République / Française ».',
      propertyNames: { pattern: '^[a-z]{2}$' },
      additionalProperties: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'string', minLength: 1, maxLength: 60 } },
    },
    tagline: ref('localizedText'),
  },
  additionalProperties: false,
};
