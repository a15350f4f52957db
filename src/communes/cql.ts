/**
 * The WFS 2.0.0 GetFeature requests of a commune service (GeoServer, e.g. the Géoplateforme), with
 * CQL_FILTER (ECQL: `%` any characters, `_` one). A name is asked accent-tolerant: the folded words
 * joined by `%`, each letter that may carry an accent in French (a e i o u y c) a `_`, so « orleans »
 * matches « Orléans »; the answers are then matched exactly and ranked in the browser (rank.ts).
 */
import type { CommuneFields } from '../context/types.js';
import { withParams } from '../layers/wms/params.js';
import { codeQuery, foldName } from './rank.js';

/** How many communes one suggestion request asks for (ranked and cut in the browser). */
export const SUGGEST_COUNT = 30;

/** A CQL string literal: single quotes doubled. */
export const cqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A CQL attribute name, as the schema allows them (letters, digits, "_"): anything else is refused. */
function attribute(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an attribute name: ${name}`);
  return name;
}

/** The accent-tolerant LIKE pattern of a name's folded words, without the outer `%`; undefined when nothing is left. */
export function namePattern(text: string): string | undefined {
  const folded = foldName(text);
  return folded ? folded.replace(/[aeiouyc]/g, '_').replace(/ /g, '%') : undefined;
}

/**
 * The CQL filters of a suggestion: for an INSEE code (or its beginning) `code LIKE '38052%'`; for a
 * name, first the names that are it (`nom ILIKE 'saint%martin'`), then those that hold it
 * (`nom ILIKE '%saint%martin%'`): each answer is capped, and the first keeps the small homonyms that
 * the largest communes holding the words would push out of the second. One letter asks the first only.
 */
export function suggestFilters(text: string, fields: Required<Pick<CommuneFields, 'name' | 'code'>>): string[] {
  const code = codeQuery(text);
  if (code) return [`${attribute(fields.code)} LIKE ${cqlString(`${code}%`)}`];
  const pattern = namePattern(text);
  if (!pattern) return [];
  const name = attribute(fields.name);
  const exact = `${name} ILIKE ${cqlString(pattern)}`;
  // One letter: only the names it is (rank.ts), never the whole layer.
  return pattern.length === 1 ? [exact] : [exact, `${name} ILIKE ${cqlString(`%${pattern}%`)}`];
}

export interface ServiceRequest {
  readonly url: string;
  readonly typeName: string;
  readonly fields: CommuneFields & { readonly name: string; readonly code: string };
}

const base = (service: ServiceRequest, filter: string, count: number): Record<string, string> => ({
  SERVICE: 'WFS',
  VERSION: '2.0.0',
  REQUEST: 'GetFeature',
  TYPENAMES: service.typeName,
  OUTPUTFORMAT: 'application/json',
  COUNT: String(count),
  CQL_FILTER: filter,
});

/** A suggestion request: the attributes only (no geometry), the most populous first when the population is known. */
export function suggestUrl(service: ServiceRequest, filter: string): string {
  const { name, code, department, population } = service.fields;
  const params = base(service, filter, SUGGEST_COUNT);
  params['PROPERTYNAME'] = [name, code, department, population].filter((f): f is string => !!f).map(attribute).join(',');
  if (population) params['SORTBY'] = `${attribute(population)} DESC`;
  return withParams(service.url, params);
}

/**
 * The outline request of one commune, by its INSEE code, in lon/lat. `EPSG:4326`, as the WFS layers
 * ask: GeoServer's GeoJSON (since 2.6) always writes longitude first, whatever the WFS version, and
 * the project reads its WFS answers so (src/layers/wfs/search-url.ts).
 */
export function outlineUrl(service: ServiceRequest, code: string): string {
  const params = base(service, `${attribute(service.fields.code)}=${cqlString(code)}`, 10);
  params['SRSNAME'] = 'EPSG:4326';
  return withParams(service.url, params);
}
