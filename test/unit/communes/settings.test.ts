/** The commune settings: the site's source, a map's « Une commune » and its entry, and the build's check that a source exists. */
import { describe, expect, it } from 'vitest';
import { buildMaps } from '../../../plugin/maps.js';
import { validateContext } from '../../../src/context/validate.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { minimalDocument } from '../context/fixtures.js';
import { project } from '../plugin/restricted-fixtures.js';

const SERVICE = { service: { url: 'https://data.geopf.fr/wfs/ows', typeName: 'LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune' } };
const site = (communes?: unknown) => ({ version: 1, name: 'Essai', allowedOrigins: [{ origin: 'https://data.geopf.fr', use: ['data'] }], ...(communes ? { communes } : {}) });
const map = (communes: unknown) => ({ ...minimalDocument(), communes });
const messages = (result: { ok: boolean; problems?: Array<{ path: string; message: string }> }) => (result.ok ? [] : result.problems!.map((p) => `${p.path}: ${p.message}`));

describe('commune settings', () => {
  it('takes a service or files, with optional fields, in the site configuration', () => {
    expect(validateSiteConfig(site(SERVICE)).ok).toBe(true);
    expect(validateSiteConfig(site({ files: ['../donnees/communes-38.geojson'], fields: { name: 'NOM', code: 'INSEE_COM', population: 'POPULATION' } })).ok).toBe(true);
    expect(validateSiteConfig(site()).ok).toBe(true);
  });

  it('refuses a source that is neither, or both, empty files, and field names that are not plain', () => {
    for (const bad of [{}, { ...SERVICE, files: ['a.geojson'] }, { files: [] }, { service: { url: 'ftp://x', typeName: 't' } }, { ...SERVICE, fields: { name: 'nom; drop' } }, { ...SERVICE, fields: { nom: 'nom' } }]) {
      expect(validateSiteConfig(site(bad)).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('takes a map\'s communes with an entry and a source of its own, or the packaged source the build writes', () => {
    expect(validateContext(map({})).ok).toBe(true);
    expect(validateContext(map({ entry: { fr: 'Géosites de ma commune', en: 'Geosites in my commune' } })).ok).toBe(true);
    expect(validateContext(map({ source: SERVICE })).ok).toBe(true);
    expect(validateContext(map({ source: { packaged: { list: '../data/communes/ab/list.json', outlines: '../data/communes/ab/' } } })).ok).toBe(true);
    expect(messages(validateContext(map({ entree: 'x' }))).join('\n')).toMatch(/\/communes/);
    expect(validateContext(map({ source: { packaged: { list: 'x.json' } } })).ok).toBe(false);
  });

  it('fails the build of a map that offers communes with no source anywhere, saying where to give one', () => {
    const root = project({ 'site.config.json': site(), 'maps/essai.json': map({ entry: 'Ma commune' }) });
    const { problems } = buildMaps(`${root}/maps`, root);
    expect(problems).toEqual([expect.stringMatching(/^maps\/essai\.json: \/communes: the map offers « Une commune » but names no commune source: give one here \("source"\) or in the site configuration \("communes"/)]);
  });

  it('fails the build when the service\'s origin is not allowed for data (the Content-Security-Policy would refuse it)', () => {
    const root = project({ 'site.config.json': site(SERVICE), 'maps/essai.json': map({}) });
    const denied = project({ 'site.config.json': { ...site(SERVICE), allowedOrigins: [] }, 'maps/essai.json': map({}) });
    expect(buildMaps(`${root}/maps`, root).problems).toEqual([]);
    expect(buildMaps(`${denied}/maps`, denied).problems).toEqual([
      'maps/essai.json: /communes: the commune service\'s origin https://data.geopf.fr is not listed in the site configuration\'s "allowedOrigins" for "data": the Content-Security-Policy would refuse its requests',
    ]);
  });

  it('writes the site\'s service into each map that offers communes, and nothing into the others', () => {
    const other = { ...minimalDocument(), id: 'autre' };
    const root = project({ 'site.config.json': site(SERVICE), 'maps/essai.json': map({ entry: 'Ma commune' }), 'maps/autre.json': other });
    const { maps, problems } = buildMaps(`${root}/maps`, root);
    expect(problems).toEqual([]);
    const written = (id: string) => JSON.parse(String(maps.find((m) => m.context.id === id)!.outputs.find((o) => o.path === `maps/${id}.json`)!.source)) as Record<string, unknown>;
    expect(written('essai').communes).toEqual({ entry: 'Ma commune', source: SERVICE });
    expect(written('autre').communes).toBeUndefined();
    expect(maps.flatMap((m) => m.outputs).some((o) => o.path.startsWith('data/communes/'))).toBe(false);
  });
});
