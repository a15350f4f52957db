/** The commune service's requests: accent-tolerant ILIKE patterns, codes, escaping, parameters. */
import { describe, expect, it } from 'vitest';
import { cqlString, namePattern, outlineUrl, suggestFilters, suggestUrl, SUGGEST_COUNT } from '../../../src/communes/cql.js';
import { SERVICE_FIELDS } from '../../../src/communes/fields.js';

const service = { url: 'https://data.geopf.fr/wfs/ows', typeName: 'LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune', fields: SERVICE_FIELDS };
const params = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);

describe('the commune service\'s CQL', () => {
  it('turns a name into an accent-tolerant pattern: folded words joined by %, letters that take accents as _', () => {
    expect(namePattern("Bourg d'Oisans")).toBe('b__rg%d%__s_ns');
    expect(namePattern('orleans')).toBe('_rl__ns');
    expect(namePattern('St-Égrève')).toBe('s__nt%_gr_v_');
    expect(namePattern("%_'*")).toBeUndefined();
  });

  it('asks a name twice (the names that are it, then those that hold it) and a code by its beginning', () => {
    expect(suggestFilters('orleans', SERVICE_FIELDS)).toEqual(["nom ILIKE '_rl__ns'", "nom ILIKE '%_rl__ns%'"]);
    expect(suggestFilters('38052', SERVICE_FIELDS)).toEqual(["code_insee LIKE '38052%'"]);
    expect(suggestFilters('2b', { name: 'nom', code: 'insee' })).toEqual(["insee LIKE '2B%'"]);
    expect(suggestFilters('  ', SERVICE_FIELDS)).toEqual([]);
    expect(suggestFilters('y', SERVICE_FIELDS)).toEqual(["nom ILIKE '_'"]);
  });

  it('escapes quotes, and refuses attribute names that are not plain', () => {
    expect(cqlString("l'Isle")).toBe("'l''Isle'");
    expect(suggestFilters("l'isle'); DROP", SERVICE_FIELDS)[0]).toBe("nom ILIKE 'l%_sl_%dr_p'");
    expect(() => suggestFilters('x', { name: 'nom) OR (1=1', code: 'code' })).toThrow(/not an attribute name/);
  });

  it('suggests with the attributes only, 30 at most, the most populous first', () => {
    const p = params(suggestUrl(service, "nom ILIKE '%x%'"));
    expect(p).toEqual({
      SERVICE: 'WFS',
      VERSION: '2.0.0',
      REQUEST: 'GetFeature',
      TYPENAMES: service.typeName,
      OUTPUTFORMAT: 'application/json',
      COUNT: String(SUGGEST_COUNT),
      CQL_FILTER: "nom ILIKE '%x%'",
      PROPERTYNAME: 'nom,code_insee,code_insee_du_departement,population',
      SORTBY: 'population DESC',
    });
    const plain = params(suggestUrl({ ...service, fields: { name: 'nom', code: 'code' } }, 'x'));
    expect(plain.PROPERTYNAME).toBe('nom,code');
    expect(plain.SORTBY).toBeUndefined();
  });

  it('asks an outline by its code in lon/lat, keeping the service URL\'s own parameters', () => {
    const url = outlineUrl({ ...service, url: 'https://wfs.example.org/ows?apikey=k' }, '38052');
    expect(url.startsWith('https://wfs.example.org/ows?apikey=k&')).toBe(true);
    expect(params(url)).toMatchObject({ CQL_FILTER: "code_insee='38052'", SRSNAME: 'EPSG:4326', OUTPUTFORMAT: 'application/json' });
    expect(params(url).PROPERTYNAME).toBeUndefined();
  });
});
