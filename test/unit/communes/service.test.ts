/**
 * The commune source on the Géoplateforme's WFS, answered by the hand-made stand-in from the shared
 * communes of Isère and Puy-de-Dôme (test/support/commune-wfs.ts): what a person types, what comes back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { communeSourceFor, createCommuneSource } from '../../../src/communes/source.js';
import { CommuneNotFoundError } from '../../../src/communes/types.js';
import { ServiceExceptionError } from '../../../src/ogc/exception.js';
import { createRequester, RequestError } from '../../../src/net/requester.js';
import { COMMUNE_TYPE_NAME, COMMUNE_WFS_URL, communeWfsFetch, sharedCommune } from '../../support/commune-wfs.js';
import { hasSharedData, SKIP_NO_SHARED_DATA } from '../../support/shared-data.js';

const setting = { service: { url: COMMUNE_WFS_URL, typeName: COMMUNE_TYPE_NAME } };

function source(asked: string[] = []) {
  return createCommuneSource(setting, createRequester({ fetch: communeWfsFetch(asked) }))!;
}

afterEach(() => vi.useRealTimers());

describe.skipIf(!hasSharedData('admin'))('communes from the WFS', () => {
  if (!hasSharedData('admin')) console.warn(SKIP_NO_SHARED_DATA);

  it('finds Bourg-d\'Oisans (38052) from « bourg d\'oisans », and from its code', async () => {
    expect((await source().suggest("bourg d'oisans"))[0]).toEqual({ name: "Bourg-d'Oisans", code: '38052', department: '38', population: 3300 });
    expect((await source().suggest('BOURG-D’OISANS')).map((s) => s.code)).toEqual(['38052']);
    expect((await source().suggest('38052')).map((s) => s.code)).toEqual(['38052']);
  });

  it('lists homonyms largest first with their département, at most `limit`', async () => {
    const found = await source().suggest('saint hilaire', { limit: 2 });
    expect(found.map((s) => [s.name, s.department, s.population])).toEqual([['Saint-Hilaire', '38', 1500], ['Saint-Hilaire', '63', 260]]);
    expect((await source().suggest('orleat')).map((s) => s.name)).toEqual(['Orléat']);
    expect((await source().suggest('villeneuve')).map((s) => s.code)).toEqual(['63458', '38555', '63459', '63278']); // Villeneuve, Villeneuve-…, then Pessat-Villeneuve.
  });

  it('asks the names that are the text apart, so small homonyms are not pushed out by larger communes holding the words', async () => {
    const asked: string[] = [];
    const found = await source(asked).suggest('saint', { limit: 50 });
    expect(asked).toHaveLength(2);
    expect(asked.map((u) => new URL(u).searchParams.get('CQL_FILTER'))).toEqual(["nom ILIKE 's__nt'", "nom ILIKE '%s__nt%'"]);
    expect(found.length).toBeLessThanOrEqual(31);
    expect(found[0]!.name).toBe("Saint-Martin-d'Hères"); // The only « Saint… » with a population here.
  });

  it('gives the outline by its code in lon/lat, as the shared file has it', async () => {
    const outline = await source().outline('38052');
    expect(outline.commune).toMatchObject({ name: "Bourg-d'Oisans", code: '38052', department: '38' });
    expect(outline.geometry).toEqual(sharedCommune('38052').geometry);
    await expect(source().outline('99999')).rejects.toBeInstanceOf(CommuneNotFoundError);
  });

  it('fails a refused request at once, with the service\'s answer (its report is read in the browser, which parses XML)', async () => {
    const asked: string[] = [];
    const fetch = communeWfsFetch(asked);
    const refusing = createCommuneSource({ ...setting, fields: { population: 'habitants' } }, createRequester({ fetch }))!;
    const error = await refusing.suggest('grenoble').catch((e: unknown) => e);
    // Node has no XML parser: the report stays unread here (explainRequestError reads it in the browser).
    expect(error instanceof ServiceExceptionError || (error instanceof RequestError && error.status === 400)).toBe(true);
    expect(asked).toHaveLength(2); // One per filter, no retry.
  });

  it('tries a failure that may pass twice more, then gives up with the RequestError', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    const failing = createCommuneSource(setting, createRequester({ fetch: async () => (calls++, new Response('down', { status: 503 })) }))!;
    const outcome = failing.outline('38052').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(503);
    expect(calls).toBe(3);
  });

  it('is the map\'s own source, else the site\'s, only for maps that offer communes', () => {
    const requester = createRequester({ fetch: communeWfsFetch() });
    expect(communeSourceFor({ communes: setting }, {}, requester)).toBeUndefined();
    expect(communeSourceFor(undefined, { communes: {} }, requester)).toBeUndefined();
    expect(communeSourceFor({ communes: setting }, { communes: {} }, requester)).toBeDefined();
    expect(communeSourceFor(undefined, { communes: { source: setting } }, requester)).toBeDefined();
    // Files only the build reads: a document that skipped it has no source in the browser.
    expect(communeSourceFor({ communes: { files: ['a.geojson'] } }, { communes: {} }, requester)).toBeUndefined();
  });
});
