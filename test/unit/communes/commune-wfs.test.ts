/** The hand-made commune WFS (test/support/commune-wfs.ts): it answers what the source asks, as GeoServer would, and refuses the rest. */
import { describe, expect, it } from 'vitest';
import { answerCommuneWfs, COMMUNE_TYPE_NAME, COMMUNE_WFS_URL, isCommuneWfsRequest, parseCql, sharedCommune, sharedCommunes } from '../../support/commune-wfs.js';
import { hasSharedData, SKIP_NO_SHARED_DATA } from '../../support/shared-data.js';

const ask = (params: Record<string, string>) => {
  const url = new URL(COMMUNE_WFS_URL);
  for (const [k, v] of Object.entries({ SERVICE: 'WFS', VERSION: '2.0.0', REQUEST: 'GetFeature', TYPENAMES: COMMUNE_TYPE_NAME, OUTPUTFORMAT: 'application/json', ...params })) url.searchParams.set(k, v);
  return answerCommuneWfs(url);
};
const features = (answer: { body: string }) => (JSON.parse(answer.body) as { features: Array<{ properties: Record<string, unknown>; geometry: unknown }> }).features;

describe.skipIf(!hasSharedData('admin'))('the hand-made commune WFS', () => {
  if (!hasSharedData('admin')) console.warn(SKIP_NO_SHARED_DATA);

  it('holds both départements with the service\'s field names', () => {
    expect(sharedCommunes()).toHaveLength(521 + 467);
    expect(sharedCommune('38052')).toMatchObject({ nom: "Bourg-d'Oisans", code_insee: '38052', code_insee_du_departement: '38', population: 3300 });
    expect(sharedCommune('63250')).not.toHaveProperty('population');
  });

  it('reads ILIKE (case, not accents), LIKE, =, AND, OR and parentheses', () => {
    const codes = (cql: string) => sharedCommunes().filter(parseCql(cql)).map((c) => c.code_insee);
    expect(codes("nom ILIKE '%_RL__T%'")).toEqual(['63265']);
    expect(codes("nom ILIKE 'orleat'")).toEqual([]); // « é » is not « e » for ILIKE.
    expect(codes("nom LIKE 'grenoble'")).toEqual([]);
    expect(codes("code_insee = '38052' OR (nom = 'Grenoble' AND code_insee LIKE '38%')")).toEqual(['38185', '38052']); // In the files' order.
    expect(codes("nom ILIKE '%d''Oisans'")).toEqual(expect.arrayContaining(['38052', '38173']));
    expect(() => parseCql("nom ~ 'x'")).toThrow(/not understood/);
    expect(() => parseCql("habitants > '3'")).toThrow(/Illegal property name/);
  });

  it('answers the properties asked (no geometry then), sorted and counted, with GeoServer\'s numbers', () => {
    const answer = ask({ CQL_FILTER: "nom ILIKE '%s__nt%h_l__r%'", PROPERTYNAME: 'nom,code_insee,code_insee_du_departement,population', SORTBY: 'population DESC', COUNT: '30' });
    expect(answer.status).toBe(200);
    const found = features(answer);
    expect(found.map((f) => f.properties.code_insee).slice(0, 2)).toEqual(['38395', '63360']);
    expect(found.every((f) => f.geometry === null)).toBe(true);
    const json = JSON.parse(answer.body) as { numberMatched: number; numberReturned: number };
    expect(json.numberReturned).toBe(found.length);
    expect(ask({ CQL_FILTER: "nom ILIKE '%a%'", COUNT: '3' })).toSatisfy((a: { body: string }) => features(a).length === 3);
    expect(features(ask({ CQL_FILTER: "code_insee='38052'", SRSNAME: 'EPSG:4326' }))[0]!.geometry).toEqual(sharedCommune('38052').geometry);
  });

  it('refuses what it does not understand with a 400 exception report', () => {
    for (const params of <Array<Record<string, string>>>[{ PROPERTYNAME: 'nom,habitants' }, { SRSNAME: 'EPSG:2154' }, { OUTPUTFORMAT: 'GML3' }, { VERSION: '1.1.0' }, { SORTBY: 'population SIDEWAYS' }, { CQL_FILTER: "nom ILIKE 'x" }]) {
      const answer = ask(params);
      expect(answer.status, JSON.stringify(params)).toBe(400);
      expect(answer.body).toMatch(/<ows:ExceptionReport[\s\S]*<ows:ExceptionText>.+<\/ows:ExceptionText>/);
    }
    expect(isCommuneWfsRequest(`${COMMUNE_WFS_URL}?REQUEST=GetFeature&TYPENAMES=PROTECTEDAREAS.RNN:rnn`)).toBe(false);
  });
});
