/**
 * A hand-made stand-in for the Géoplateforme's commune WFS (`LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune`
 * on https://data.geopf.fr/wfs/ows), answering from the shared communes of Isère and Puy-de-Dôme
 * (../shared/data/admin, fields `code`, `nom`) as GeoServer would, with its field names: `nom`,
 * `code_insee`, `code_insee_du_departement`, and `population` for the few communes of
 * HAND_MADE_POPULATION. Pure: no network, no browser; the e2e fixture (test/e2e/support/commune-fixture.ts)
 * and unit tests (communeWfsFetch) both use it.
 *
 * It understands what src/communes sends, and refuses the rest with a 400 exception report as
 * GeoServer does: SERVICE=WFS, VERSION=2.0.0, REQUEST=GetFeature, TYPENAMES (this one only),
 * OUTPUTFORMAT=application/json, COUNT, PROPERTYNAME (known fields; without `geometrie` the geometry
 * is null), SORTBY (`field ASC|DESC`, also `A|D`), SRSNAME (EPSG:4326, CRS:84 or its URNs: lon/lat
 * as GeoServer's GeoJSON writes it), and CQL_FILTER made of `field ILIKE '…'`, `field LIKE '…'`
 * (`%` any characters, `_` one; ILIKE ignores case, not accents, as in PostGIS), `field = '…'`,
 * joined by AND / OR, with parentheses, quotes doubled inside strings.
 */
import { readFileSync } from 'node:fs';
import type { Geometry } from 'geojson';
import { sharedFile } from './shared-data.js';

export const COMMUNE_WFS_URL = 'https://data.geopf.fr/wfs/ows';
export const COMMUNE_TYPE_NAME = 'LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune';
export const COMMUNE_FILES = ['admin/communes-38-isere.geojson', 'admin/communes-63-puy-de-dome.geojson'] as const;

/**
 * Hand-made, plausible populations (the shared files have none) for the communes ranking tests need:
 * the largest towns, the homonyms of both départements (Saint-Hilaire, Beaulieu, Entraigues), and the
 * communes the picker's tests type. Every other commune has no population, as if the service lacked it.
 */
export const HAND_MADE_POPULATION: Readonly<Record<string, number>> = {
  '38185': 156_000, // Grenoble
  '63113': 147_000, // Clermont-Ferrand
  '38421': 38_000, // Saint-Martin-d'Hères
  '38544': 29_000, // Vienne
  '63300': 19_000, // Riom
  '38052': 3_300, // Bourg-d'Oisans
  '63265': 2_100, // Orléat
  '38395': 1_500, // Saint-Hilaire (Isère)
  '63360': 260, // Saint-Hilaire (Puy-de-Dôme)
  '38033': 750, // Beaulieu (Isère)
  '63031': 450, // Beaulieu (Puy-de-Dôme)
  '38154': 220, // Entraigues (Isère)
  '63149': 720, // Entraigues (Puy-de-Dôme)
};

export interface CommuneRecord {
  readonly nom: string;
  readonly code_insee: string;
  readonly code_insee_du_departement: string;
  readonly population?: number;
  readonly geometry: Geometry;
}

const FIELDS = ['nom', 'code_insee', 'code_insee_du_departement', 'population'] as const;
const GEOMETRY = 'geometrie';

let records: CommuneRecord[] | undefined;

/** The shared communes of both départements as the service holds them (read once). */
export function sharedCommunes(): readonly CommuneRecord[] {
  records ??= COMMUNE_FILES.flatMap((file) => {
    const json = JSON.parse(readFileSync(sharedFile(file), 'utf8')) as { features: Array<{ properties: { code: string; nom: string }; geometry: Geometry }> };
    return json.features.map(({ properties: { code, nom }, geometry }) => {
      const population = HAND_MADE_POPULATION[code];
      return { nom, code_insee: code, code_insee_du_departement: code.slice(0, 2), ...(population !== undefined ? { population } : {}), geometry };
    });
  });
  return records;
}

/** The shared commune of an INSEE code (throws when there is none: a test's own mistake). */
export function sharedCommune(code: string): CommuneRecord {
  const found = sharedCommunes().find((c) => c.code_insee === code);
  if (!found) throw new Error(`no shared commune ${code}`);
  return found;
}

const param = (url: URL, name: string): string | undefined => [...url.searchParams].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** True for a GetFeature of the commune type on the Géoplateforme's WFS. */
export function isCommuneWfsRequest(url: URL | string): boolean {
  const u = new URL(url);
  return (
    `${u.origin}${u.pathname}` === COMMUNE_WFS_URL &&
    param(u, 'request')?.toLowerCase() === 'getfeature' &&
    (param(u, 'typenames') ?? param(u, 'typename')) === COMMUNE_TYPE_NAME
  );
}

class Refused extends Error {}

type Predicate = (record: CommuneRecord) => boolean;

/** A LIKE pattern as a regular expression: `%` any characters, `_` one, the rest literal. */
function likeRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const body = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'isu' : 'su');
}

/** Parses the CQL this stand-in understands into a predicate; Refused for anything else. */
export function parseCql(cql: string): Predicate {
  const tokens = [...cql.matchAll(/\s*('(?:[^']|'')*'|\(|\)|=|[A-Za-z_][A-Za-z0-9_]*|\S)/gy)].map((m) => m[1]!);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new Refused(`CQL_FILTER ends too soon: ${cql}`);
    return token;
  };
  const field = (name: string): (typeof FIELDS)[number] => {
    if (!(FIELDS as readonly string[]).includes(name)) throw new Refused(`Illegal property name: ${name}`);
    return name as (typeof FIELDS)[number];
  };
  const literal = (): string => {
    const token = take();
    if (!/^'.*'$/s.test(token)) throw new Refused(`a string literal was expected, not ${token}`);
    return token.slice(1, -1).replace(/''/g, "'");
  };
  const term = (): Predicate => {
    if (peek() === '(') {
      take();
      const inner = expression();
      if (take() !== ')') throw new Refused(`unbalanced parentheses in ${cql}`);
      return inner;
    }
    const name = field(take());
    const operator = take().toUpperCase();
    const value = literal();
    const read = (r: CommuneRecord): string => String(r[name] ?? '');
    if (operator === '=') return (r) => read(r) === value;
    if (operator === 'LIKE' || operator === 'ILIKE') {
      const regexp = likeRegExp(value, operator === 'ILIKE');
      return (r) => regexp.test(read(r));
    }
    throw new Refused(`operator ${operator} is not understood`);
  };
  const expression = (): Predicate => {
    let left = term();
    while (peek() && /^(AND|OR)$/i.test(peek()!)) {
      const joiner = take().toUpperCase();
      const right = term();
      const l = left;
      left = joiner === 'AND' ? (r) => l(r) && right(r) : (r) => l(r) || right(r);
    }
    return left;
  };
  const predicate = expression();
  if (at !== tokens.length) throw new Refused(`cannot read CQL_FILTER after "${tokens.slice(0, at).join(' ')}": ${cql}`);
  return predicate;
}

const LON_LAT = new Set(['EPSG:4326', 'CRS:84', 'urn:ogc:def:crs:EPSG::4326', 'urn:ogc:def:crs:OGC:1.3:CRS84']);

export interface WfsAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const exception = (message: string): WfsAnswer => ({
  status: 400,
  contentType: 'application/xml',
  body: `<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`,
});

/** The answer GeoServer would give to a GetFeature of communes (see the file's comment for what is understood). */
export function answerCommuneWfs(url: URL | string): WfsAnswer {
  const u = new URL(url);
  try {
    if (param(u, 'service')?.toUpperCase() !== 'WFS') throw new Refused('SERVICE=WFS is expected');
    if (param(u, 'version') !== '2.0.0') throw new Refused('VERSION=2.0.0 is expected');
    if (!isCommuneWfsRequest(u)) throw new Refused(`Feature type ${param(u, 'typenames')} unknown`);
    if (param(u, 'outputformat') !== 'application/json') throw new Refused('OUTPUTFORMAT=application/json is expected');
    const srs = param(u, 'srsname') ?? 'EPSG:4326';
    if (!LON_LAT.has(srs)) throw new Refused(`this stand-in answers in lon/lat only, not ${srs}`);
    const cql = param(u, 'cql_filter');
    let found = sharedCommunes().filter(cql ? parseCql(cql) : () => true);
    const sortBy = param(u, 'sortby');
    if (sortBy) {
      const [name = '', order = 'ASC'] = sortBy.trim().split(/\s+/);
      if (!(FIELDS as readonly string[]).includes(name) || !/^(ASC|DESC|A|D)$/i.test(order)) throw new Refused(`cannot sort by ${sortBy}`);
      const sign = /^D/i.test(order) ? -1 : 1;
      const key = (r: CommuneRecord): string | number | undefined => r[name as (typeof FIELDS)[number]];
      // Missing values last, whatever the order.
      found = [...found].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
        return sign * (x < y ? -1 : x > y ? 1 : 0);
      });
    }
    const count = param(u, 'count');
    if (count !== undefined && !/^\d+$/.test(count)) throw new Refused(`COUNT=${count} is not a count`);
    const matched = found.length;
    if (count !== undefined) found = found.slice(0, Number(count));
    const names = param(u, 'propertyname')?.split(',').map((n) => n.trim());
    for (const name of names ?? []) if (name !== GEOMETRY && !(FIELDS as readonly string[]).includes(name)) throw new Refused(`Illegal property name: ${name}`);
    const features = found.map((record, i) => {
      const properties: Record<string, unknown> = {};
      for (const name of FIELDS) if ((!names || names.includes(name)) && record[name] !== undefined) properties[name] = record[name];
      const withGeometry = !names || names.includes(GEOMETRY);
      return { type: 'Feature', id: `commune.${i + 1}`, geometry: withGeometry ? record.geometry : null, geometry_name: GEOMETRY, properties };
    });
    const body = {
      type: 'FeatureCollection',
      features,
      totalFeatures: matched,
      numberMatched: matched,
      numberReturned: features.length,
      timeStamp: '2026-01-01T00:00:00.000Z',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
    };
    return { status: 200, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body) };
  } catch (error) {
    if (error instanceof Refused) return exception(error.message);
    throw error;
  }
}

/** A fetch that answers the commune WFS from the shared files (for createRequester({ fetch })), and records the URLs asked. */
export function communeWfsFetch(asked: string[] = []): typeof fetch {
  return async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(url);
    if (!isCommuneWfsRequest(url)) return new Response('not found', { status: 404 });
    const answer = answerCommuneWfs(url);
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
  };
}
