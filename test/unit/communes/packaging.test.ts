/**
 * Communes packaged from GeoJSON files (site `communes.files`): the build writes the list and one
 * outline per commune, content-hashed, in the public and the restricted outputs, and the browser's
 * packaged source reads them and ranks like the service.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildMaps, type BuiltMap } from '../../../plugin/maps.js';
import { buildSiteContent } from '../../../plugin/plugin.js';
import { createCommuneSource } from '../../../src/communes/source.js';
import type { PackagedCommunesSetting } from '../../../src/context/types.js';
import { createRequester } from '../../../src/net/requester.js';
import { sharedCommune } from '../../support/commune-wfs.js';
import { hasSharedData, sharedFile, SKIP_NO_SHARED_DATA } from '../../support/shared-data.js';
import { minimalDocument } from '../context/fixtures.js';
import { project } from '../plugin/restricted-fixtures.js';

const FILES = [sharedFile('admin/communes-38-isere.geojson'), sharedFile('admin/communes-63-puy-de-dome.geojson')];
const site = (communes: unknown) => ({ version: 1, name: 'Essai', communes });

/** The built document of a map, and a fetch answering the map's outputs under https://site.example/. */
function served(map: BuiltMap) {
  const files = new Map(map.outputs.map((o) => [`https://site.example/${o.path}`, o.source]));
  const asked: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const body = files.get(url);
    return body === undefined ? new Response('absent', { status: 404 }) : new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const document = JSON.parse(String(map.outputs.find((o) => o.path === `maps/${map.context.id}.json`)!.source)) as { communes: { source: PackagedCommunesSetting } };
  return { document, fetch, asked };
}

describe.skipIf(!hasSharedData('admin'))('packaged communes', () => {
  if (!hasSharedData('admin')) console.warn(SKIP_NO_SHARED_DATA);

  it('writes the list and each outline in a content-hashed folder, and the packaged source into the document', () => {
    const root = project({ 'site.config.json': site({ files: FILES }), 'maps/essai.json': { ...minimalDocument(), communes: { entry: 'Ma commune' } } });
    const { maps, problems } = buildMaps(`${root}/maps`, root);
    expect(problems).toEqual([]);
    const outputs = maps[0]!.outputs.filter((o) => o.path.startsWith('data/communes/'));
    expect(outputs).toHaveLength(1 + 521 + 467);
    const folder = /^data\/communes\/[0-9a-f]{10}\//.exec(outputs[0]!.path)![0];
    expect(outputs.every((o) => o.path.startsWith(folder))).toBe(true);
    const { document } = served(maps[0]!);
    expect(document.communes.source).toEqual({ packaged: { list: `../${folder}list.json`, outlines: `../${folder}` } });
    const list = JSON.parse(String(outputs.find((o) => o.path === `${folder}list.json`)!.source)) as { communes: unknown[][] };
    expect(list.communes.find((row) => row[1] === '38052')).toEqual(["Bourg-d'Oisans", '38052', '38', null, expect.any(Number), expect.any(Number)]);
    const outline = JSON.parse(String(outputs.find((o) => o.path === `${folder}38052.json`)!.source)) as { properties: unknown; geometry: unknown };
    expect(outline).toEqual({ type: 'Feature', properties: { name: "Bourg-d'Oisans", code: '38052', department: '38' }, geometry: sharedCommune('38052').geometry });
  });

  it('finds « bourg d\'oisans » and gives its outline from the packaged files, reading the list once', async () => {
    const root = project({ 'site.config.json': site({ files: FILES }), 'maps/essai.json': { ...minimalDocument(), communes: {} } });
    const { document, fetch, asked } = served(buildMaps(`${root}/maps`, root).maps[0]!);
    const source = createCommuneSource(document.communes.source, createRequester({ fetch }), (url) => new URL(url, 'https://site.example/maps/essai.json').href)!;
    expect((await source.suggest("bourg d'oisans")).map((s) => s.code)).toEqual(['38052']);
    expect((await source.suggest('saint hilaire')).slice(0, 3).map((s) => `${s.name} (${s.department})`)).toEqual(['Saint-Hilaire (38)', 'Saint-Hilaire (63)', 'Saint-Hilaire-de-Brens (38)']);
    expect((await source.suggest('beaulieu', { territory: [2.4, 45.2, 3.9, 46.3] })).map((s) => s.code)).toEqual(['63031', '38033']);
    expect((await source.outline('38052')).geometry).toEqual(sharedCommune('38052').geometry);
    await expect(source.outline('99999')).rejects.toMatchObject({ name: 'CommuneNotFoundError', code: '99999' });
    await expect(source.outline('../x')).rejects.toMatchObject({ name: 'CommuneNotFoundError' });
    expect(asked.filter((u) => u.endsWith('/list.json'))).toHaveLength(1);
  });

  it('packages them for the restricted output too, and the same files once for every map', () => {
    const restricted = { ...minimalDocument(), id: 'fermee', access: { level: 'restricted' }, communes: {} };
    const root = project({ 'site.config.json': site({ files: FILES }), 'maps/essai.json': { ...minimalDocument(), communes: {} }, 'maps/fermee.json': restricted });
    const built = buildMaps(`${root}/maps`, root);
    expect(built.problems).toEqual([]);
    const paths = (map: BuiltMap) => map.outputs.filter((o) => o.path.startsWith('data/communes/')).map((o) => o.path).sort();
    expect(paths(built.restricted[0]!)).toEqual(paths(built.maps[0]!));
    expect(paths(built.maps[0]!)).toContain(`${/^data\/communes\/[0-9a-f]{10}\//.exec(paths(built.maps[0]!)[0]!)![0]}38052.json`);
  });

  it('packages them once for the shipped maps that offer communes, when the site names files instead of the service', () => {
    const ROOT = join(import.meta.dirname, '../../..');
    const config = join(project({}), 'site.json');
    const shipped = JSON.parse(readFileSync(join(ROOT, 'site.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(config, JSON.stringify({ ...shipped, $schema: undefined, communes: { files: FILES } }));
    const saved = process.env.CARTABLE_SITE_CONFIG;
    process.env.CARTABLE_SITE_CONFIG = config;
    try {
      const content = buildSiteContent(ROOT);
      const communes = content.files.filter((f) => f.path.startsWith('data/communes/'));
      expect(communes).toHaveLength(1 + 521 + 467);
      const sourceOf = (id: string) => JSON.parse(String(content.files.find((f) => f.path === `maps/${id}.json`)!.source)).communes.source;
      expect(sourceOf('geosites')).toEqual(sourceOf('nature-paysage'));
      expect(sourceOf('geosites').packaged.list).toBe(`../${communes[0]!.path}`);
    } finally {
      if (saved === undefined) delete process.env.CARTABLE_SITE_CONFIG;
      else process.env.CARTABLE_SITE_CONFIG = saved;
    }
  });

  it('says which file cannot be read or holds no commune, and names other fields when told', () => {
    const missing = project({ 'site.config.json': site({ files: ['absent.geojson'] }), 'maps/essai.json': { ...minimalDocument(), communes: {} } });
    expect(buildMaps(`${missing}/maps`, missing).problems).toEqual([
      'maps/essai.json: /communes: the site configuration\'s "communes": communes file "absent.geojson" cannot be read (no such file?)',
    ]);
    const square = { type: 'Polygon', coordinates: [[[5, 45], [5.1, 45], [5.1, 45.1], [5, 45]]] };
    const other = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { NOM: 'Essai', INSEE: '38999', POP: 12 }, geometry: square }] };
    const wrong = project({ 'c.geojson': other, 'site.config.json': site({ files: ['c.geojson'] }), 'maps/essai.json': { ...minimalDocument(), communes: {} } });
    expect(buildMaps(`${wrong}/maps`, wrong).problems[0]).toMatch(/communes file "c.geojson" has no commune: its features need "nom" and "code"/);
    const named = project({ 'c.geojson': other, 'maps/essai.json': { ...minimalDocument(), communes: { source: { files: ['c.geojson'], fields: { name: 'NOM', code: 'INSEE', population: 'POP' } } } } });
    const map = buildMaps(`${named}/maps`, named).maps[0]!;
    const list = map.outputs.find((o) => o.path.endsWith('/list.json'))!;
    expect(JSON.parse(String(list.source)).communes).toEqual([['Essai', '38999', '38', 12, 5.05, 45.05]]);
  });
});
