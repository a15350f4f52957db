/**
 * Restricted access at build time: the public/restricted split of maps, layers and records, the
 * build error for confidential records read at run time, the restricted output's place and the
 * `restricted` site setting. The leak check has its own file (leaks.test.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMaps, type BuiltMap } from '../../../plugin/maps.js';
import { accessManifest, mergeGroups, restrictedConfigProblems, restrictedOutDir, withoutConfidential, writeRestrictedOutput } from '../../../plugin/restricted.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { hasSharedData, sharedFile, SKIP_NO_SHARED_DATA } from '../../support/shared-data.js';
import { minimalDocument } from '../context/fixtures.js';
import { project, SITES, splitProject } from './restricted-fixtures.js';

const documentOf = (map: BuiltMap): any => JSON.parse(String(map.outputs.find((o) => o.path === `maps/${map.context.id}.json`)!.source));
const fileOf = (map: BuiltMap, url: string): any => {
  const path = url.replace(/^(\.\.\/|https:\/\/donnees\.example\.fr\/restreint\/)/, '');
  return JSON.parse(String(map.outputs.find((o) => o.path === path)!.source));
};

describe('the public/restricted split', () => {
  it('leaves restricted maps, restricted layers and confidential records out of the public maps', () => {
    const root = splitProject();
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root, { restrictedUrl: 'https://donnees.example.fr/restreint/' });
    expect(problems).toEqual([]);
    expect(maps.map((m) => m.context.id)).toEqual(['ouverte']);
    const open = maps[0]!;
    const doc = documentOf(open);
    // The restricted layer and the group it leaves empty are gone.
    expect(doc.layers.map((l: { id: string }) => l.id)).toEqual(['sites']);
    expect(open.removedLayers.map((l) => l.id).sort()).toEqual(['groupe-agents', 'notes-agents']);
    expect(open.entry.layers).toEqual(['Sites']);
    // Data, download and search index: the public records only.
    expect(fileOf(open, doc.layers[0].url).features.map((f: any) => f.properties.code)).toEqual(['S1', 'S3']);
    expect(doc.layers[0].info.downloads[0].url).toBe(doc.layers[0].url);
    const index = String(open.outputs.find((o) => o.path === doc.layers[0].search.index.replace('../', ''))!.source);
    expect(index).toContain('Belvédère ouvert');
    expect(index).not.toContain('nidification');
    expect(open.withheldRecords).toBe(1);
    expect(open.outputs.map((o) => o.path).join(' ')).not.toMatch(/notes|fermee/);
    expect(restricted.map((m) => m.context.id).sort()).toEqual(['fermee-secrete', 'ouverte']);
  });

  it('writes the full documents into the restricted output, with absolute URLs under restricted.url', () => {
    const root = splitProject();
    const base = 'https://donnees.example.fr/restreint/';
    const { restricted, problems } = buildMaps(join(root, 'maps'), root, { restrictedUrl: base });
    expect(problems).toEqual([]);
    expect(restricted.map((m) => m.context.id).sort()).toEqual(['fermee-secrete', 'ouverte']);
    const copy = restricted.find((m) => m.context.id === 'ouverte')!;
    const doc = documentOf(copy);
    expect(doc.layers.map((l: { id: string }) => l.id)).toEqual(['sites', 'groupe-agents']);
    expect(doc.layers[0].url).toMatch(/^https:\/\/donnees\.example\.fr\/restreint\/data\/sites\.[0-9a-f]{10}\.geojson$/);
    expect(doc.layers[0].search.index).toMatch(/^https:\/\/donnees\.example\.fr\/restreint\/data\/sites\.search\.[0-9a-f]{10}\.json$/);
    expect(doc.layers[1].layers[0].url).toMatch(/^https:\/\/donnees\.example\.fr\/restreint\/data\/notes\./);
    expect(fileOf(copy, doc.layers[0].url).features).toHaveLength(3);
    expect(JSON.stringify(doc)).not.toMatch(/"\.\.\//);
    // Catalog entries: absolute documents; only the restricted map's entry has `access` and opens by id.
    expect(copy.entry.document).toBe(`${base}maps/ouverte.json`);
    expect(copy.entry.page).toBe('maps/ouverte.html');
    expect(copy.entry.access).toBeUndefined();
    const closed = restricted.find((m) => m.context.id === 'fermee-secrete')!;
    expect(closed.entry).toMatchObject({ document: `${base}maps/fermee-secrete.json`, page: '?map=fermee-secrete', access: { level: 'restricted', groups: ['agents'] } });
    expect(documentOf(closed).layers[0].url).toMatch(/^https:\/\/donnees\.example\.fr\/restreint\/data\/fermee\./);
  });

  it('says who may read each restricted file (access.json): the groups, or any signed-in user', () => {
    const root = splitProject();
    const { restricted } = buildMaps(join(root, 'maps'), root);
    const { files } = accessManifest(restricted);
    const groupsOf = (pattern: RegExp) => Object.entries(files).filter(([path]) => pattern.test(path)).map(([, groups]) => groups);
    expect(files['catalog.json']).toEqual([]);
    expect(files['maps/ouverte.json']).toEqual([]);
    expect(files['maps/fermee-secrete.json']).toEqual(['agents']);
    expect(groupsOf(/^data\/fermee\./)).toEqual([['agents']]);
    expect(groupsOf(/^data\/notes\.[0-9a-f]+\.geojson$/)).toEqual([['agents']]);
    // The full data of a public layer's confidential records: any signed-in user (confidential records have no groups).
    expect(groupsOf(/^data\/sites\.[0-9a-f]+\.geojson$/)).toEqual([[]]);
    expect(mergeGroups(['a'], { level: 'restricted', groups: ['b'] })).toEqual(['a', 'b']);
    expect(mergeGroups(['a'], { level: 'restricted', groups: [] })).toEqual([]);
    expect(mergeGroups(undefined, { level: 'public', groups: [] })).toEqual([]);
  });

  it('keeps relative URLs in the restricted output when the site has no restricted.url', () => {
    const root = splitProject();
    const { restricted } = buildMaps(join(root, 'maps'), root);
    const closed = restricted.find((m) => m.context.id === 'fermee-secrete')!;
    expect(closed.entry.document).toBe('maps/fermee-secrete.json');
    expect(documentOf(closed).layers[0].url).toMatch(/^\.\.\/data\/fermee\.[0-9a-f]{10}\.geojson$/);
  });

  it('builds no restricted copy of a public map without restricted layers or confidential records', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    doc.layers[0].file = 'data/sites.geojson';
    const root = project({ 'maps/essai.json': doc, 'maps/data/sites.geojson': SITES });
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    expect(restricted).toEqual([]);
    expect(maps[0]!.withheldRecords).toBe(0);
  });

  it('filters inline data and bare features', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    doc.layers[0].data = SITES;
    doc.layers[0].confidential = { field: 'niveau', values: ['Réservé'] };
    const root = project({ 'maps/essai.json': doc });
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    expect(documentOf(maps[0]!).layers[0].data.features.map((f: any) => f.properties.code)).toEqual(['S1', 'S3']);
    expect(documentOf(restricted[0]!).layers[0].data.features).toHaveLength(3);
    expect(withoutConfidential(SITES.features[1], { field: 'niveau', values: ['Réservé'] })).toEqual({ geojson: { type: 'FeatureCollection', features: [] }, withheld: 1 });
    expect(withoutConfidential(SITES.features[0], { field: 'niveau', values: ['Réservé'] }).withheld).toBe(0);
  });

  it('refuses to ship a confidential layer\'s file it cannot read (it could not leave the records out)', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    doc.layers[0].file = 'data/sites.geojson';
    doc.layers[0].confidential = { field: 'niveau', values: ['Réservé'] };
    const root = project({ 'maps/essai.json': doc, 'maps/data/sites.geojson': '{ "type": "FeatureCollection", "features": [{ "properties": { "niveau": "Réservé", "nom": "Grotte cachée" } }' });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual(['maps/essai.json: /layers/0/file: "data/sites.geojson" is not valid JSON: the text ends too early']);
    expect(maps).toEqual([]);
  });

  it('refuses a public layer that declares confidential records but reads its data from a URL at run time', () => {
    const doc = minimalDocument();
    doc.layers[0].confidential = { field: 'niveau', values: ['Réservé'] };
    const restrictedLayer = structuredClone(doc);
    restrictedLayer.id = 'couche-restreinte';
    restrictedLayer.layers[0].access = { level: 'restricted' };
    const restrictedMap = structuredClone(doc);
    restrictedMap.id = 'carte-restreinte';
    restrictedMap.access = { level: 'restricted' };
    const root = project({ 'maps/essai.json': doc, 'maps/couche-restreinte.json': restrictedLayer, 'maps/carte-restreinte.json': restrictedMap });
    const { problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^maps\/essai\.json: \/layers\/0\/confidential: this public layer reads its data from "https:\/\/example\.org\/sites\.geojson" at run time/);
    expect(problems[0]).toContain('filtering in the browser protects nothing');
  });
});

describe.skipIf(!hasSharedData('geosites/inpg-geosites-ecrins.geojson'))('confidential records of the real INPG geosites', () => {
  const realProject = (type: 'geojson' | 'points') => {
    const doc = minimalDocument();
    doc.id = 'geosites-test';
    doc.layers[0] = {
      type,
      id: 'geosites',
      title: 'Géosites',
      file: 'data/geosites.geojson',
      idField: 'id_site',
      confidential: { field: 'confidentialite', values: ['Réservé'] },
      fields: [
        { name: 'id_site', type: 'text' },
        { name: 'nom_site', type: 'text' },
        { name: 'confidentialite', type: 'text' },
      ],
      ...(type === 'geojson' ? { search: { fields: ['nom_site'] } } : {}),
      style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#a0522d' } } } },
    };
    const root = project({ 'maps/geosites-test.json': doc });
    mkdirSync(join(root, 'maps/data'), { recursive: true });
    copyFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), join(root, 'maps/data/geosites.geojson'));
    return root;
  };
  const real = (): any[] => JSON.parse(readFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), 'utf8')).features;

  it('ships the 60 public records publicly and the 71 in the restricted output (geojson, with its search index)', () => {
    const root = realProject('geojson');
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root, { restrictedUrl: 'https://donnees.example.fr/restreint/' });
    expect(problems).toEqual([]);
    const publicDoc = documentOf(maps[0]!);
    const publicData = fileOf(maps[0]!, publicDoc.layers[0].url);
    expect(publicData.features).toHaveLength(60);
    expect(publicData.features.every((f: any) => f.properties.confidentialite === 'Public')).toBe(true);
    expect(maps[0]!.withheldRecords).toBe(11);
    const full = fileOf(restricted[0]!, documentOf(restricted[0]!).layers[0].url);
    expect(full.features).toHaveLength(71);
    expect(full.features.filter((f: any) => f.properties.confidentialite === 'Réservé')).toHaveLength(11);
    // No withheld site's id or name in anything public.
    const reserved = real().filter((f) => f.properties.confidentialite === 'Réservé');
    const everything = maps[0]!.outputs.map((o) => String(o.source)).join('\n');
    for (const f of reserved) {
      expect(everything).not.toContain(`"${f.properties.id_site}"`);
      expect(everything).not.toContain(f.properties.nom_site);
    }
    const index = String(maps[0]!.outputs.find((o) => o.path.includes('.search.'))!.source);
    expect(index).toContain(real().find((f) => f.properties.confidentialite === 'Public').properties.nom_site);
  });

  it('prepares 60 points publicly and 71 in the restricted output (points)', () => {
    const root = realProject('points');
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    expect(documentOf(maps[0]!).layers[0].prepared.count).toBe(60);
    expect(documentOf(restricted[0]!).layers[0].prepared.count).toBe(71);
    const attributes = String(maps[0]!.outputs.find((o) => o.path.endsWith('.attributes.json'))!.source);
    for (const f of real().filter((f) => f.properties.confidentialite === 'Réservé')) expect(attributes).not.toContain(f.properties.nom_site);
  });
});

if (!hasSharedData('geosites/inpg-geosites-ecrins.geojson')) console.warn(SKIP_NO_SHARED_DATA);

describe('the restricted output and the restricted setting', () => {
  it('lies beside the public output unless CARTABLE_RESTRICTED_OUT_DIR says where, never inside it', () => {
    expect(restrictedOutDir('/srv/site/dist', {})).toBe('/srv/site/dist-restricted');
    expect(restrictedOutDir('/tmp/dist-a', { CARTABLE_RESTRICTED_OUT_DIR: 'out/restreint' }, '/p')).toBe('/p/out/restreint');
    expect(() => restrictedOutDir('/srv/site/dist', { CARTABLE_RESTRICTED_OUT_DIR: '/srv/site/dist/private' })).toThrow(/may not lie inside the public output/);
    expect(() => restrictedOutDir('/srv/site/dist', { CARTABLE_RESTRICTED_OUT_DIR: '/srv/site/dist' })).toThrow(/may not lie inside/);
  });

  it('is written into an empty folder or over a previous restricted output, never over another folder', () => {
    const root = project({ 'autre/important.txt': 'à garder' });
    const folder = join(root, 'restreint');
    writeRestrictedOutput(folder, [{ path: 'catalog.json', source: '{"maps":[]}' }, { path: 'maps/a.json', source: '{}' }]);
    writeRestrictedOutput(folder, [{ path: 'catalog.json', source: '{"maps":[]}' }]);
    expect(existsSync(join(folder, 'maps/a.json'))).toBe(false);
    expect(() => writeRestrictedOutput(join(root, 'autre'), [{ path: 'catalog.json', source: '{}' }])).toThrow(/refusing to empty it/);
    expect(readFileSync(join(root, 'autre/important.txt'), 'utf8')).toBe('à garder');
  });

  const site = (config: Record<string, unknown>): SiteConfig => {
    const result = validateSiteConfig({ version: 1, name: 'Essai', ...config });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value;
  };

  it('needs its origin listed with the use "credentials"', () => {
    const restricted = { url: 'https://donnees.example.fr/restreint/' };
    expect(restrictedConfigProblems(site({ restricted }))).toEqual([
      'site.config.json: /restricted/url: the restricted output\'s origin https://donnees.example.fr must be listed in "allowedOrigins" with the use "credentials" (it is not listed): without it the viewer would not send the sign-in token there, nor may the page reach it',
    ]);
    expect(restrictedConfigProblems(site({ restricted, allowedOrigins: [{ origin: 'https://donnees.example.fr', use: ['data'] }] }))[0]).toContain('it is listed for "data" only');
    expect(restrictedConfigProblems(site({ restricted, allowedOrigins: [{ origin: 'https://donnees.example.fr', use: ['data', 'credentials'] }] }))).toEqual([]);
    expect(restrictedConfigProblems(site({}))).toEqual([]);
  });

  it('is an absolute https URL ending with "/" (http only on the loopback, for tests)', () => {
    for (const url of ['https://donnees.example.fr/restreint', 'http://donnees.example.fr/restreint/', 'restreint/', 'https://donnees.example.fr/?x=1/']) {
      expect(validateSiteConfig({ version: 1, name: 'Essai', restricted: { url } }).ok, url).toBe(false);
    }
    for (const url of ['https://donnees.example.fr/', 'https://donnees.example.fr:8443/cartes/restreint/', 'http://127.0.0.1:8081/', 'http://localhost:9000/r/']) {
      expect(validateSiteConfig({ version: 1, name: 'Essai', restricted: { url } }).ok, url).toBe(true);
    }
  });
});
