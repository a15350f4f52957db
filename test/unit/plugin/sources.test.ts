/**
 * Data read at build time (a layer's `source`): where the build finds it (CARTABLE_SOURCES, the site
 * configuration, a fetch kept in .cache/sources/, the previous copy on demand), how it is packaged
 * (filtered for the public, whole for the restricted output, downloads pointing at the packaged
 * copy), and the shipped Géosites map built from the shared INPG file. Fetches are answered by
 * hand-made responses: no test reaches the network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildMaps, type BuiltMap } from '../../../plugin/maps.js';
import { cartable } from '../../../plugin/plugin.js';
import { cachedSourcePath, localSources, prepareSources, sourcesOf, type SourceResolution } from '../../../plugin/sources.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { hasSharedData, sharedFile, SKIP_NO_SHARED_DATA } from '../../support/shared-data.js';
import { minimalDocument } from '../context/fixtures.js';
import { project, SITES } from './restricted-fixtures.js';

const ROOT = join(import.meta.dirname, '../../..');
const URL_A = 'https://donnees.example.org/sites.geojson';
const answer = (status: number, body: string) => vi.fn(async () => new Response(body, { status }));
const pathOf = (r: SourceResolution): string | undefined => ('path' in r ? r.path : undefined);

describe('where a source is read', () => {
  const source = { url: URL_A, name: 'sites' };

  it('takes CARTABLE_SOURCES first, then the site configuration when its file exists, and fetches nothing then', async () => {
    const root = project({ 'copies/env.geojson': SITES, 'copies/site.geojson': SITES, 'env.json': { sites: 'copies/env.geojson' } });
    const fetch = answer(200, JSON.stringify(SITES));
    const withEnv = await prepareSources([source], { projectRoot: root, sources: { sites: 'copies/site.geojson' }, env: { CARTABLE_SOURCES: 'env.json' } }, { fetch });
    expect(withEnv(source)).toEqual({ path: join(root, 'copies/env.geojson'), from: 'environment' });
    const bySite = await prepareSources([source], { projectRoot: root, sources: { [URL_A]: 'copies/site.geojson' }, env: {} }, { fetch });
    expect(bySite(source)).toEqual({ path: join(root, 'copies/site.geojson'), from: 'site' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never falls back to a fetch when CARTABLE_SOURCES names a file that is missing or is not JSON', async () => {
    const root = project({ 'env.json': { [URL_A]: 'copies/absente.geojson' }, 'bad.json': '[1, 2' });
    const fetch = answer(200, '{}');
    const missing = await prepareSources([source], { projectRoot: root, env: { CARTABLE_SOURCES: 'env.json' } }, { fetch });
    expect(missing(source)).toEqual({ problem: `CARTABLE_SOURCES gives "copies/absente.geojson" for "sites", which does not exist` });
    const bad = await prepareSources([source], { projectRoot: root, env: { CARTABLE_SOURCES: 'bad.json' } }, { fetch });
    expect(bad(source)).toEqual({ problem: 'CARTABLE_SOURCES names "bad.json", which is not a readable JSON object of URL → local path' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches the URL when the configured copy is missing, and keeps the answer in .cache/sources/', async () => {
    const root = project({});
    const fetch = answer(200, JSON.stringify(SITES));
    const resolve = await prepareSources([source], { projectRoot: root, sources: { sites: 'copies/absente.geojson' }, env: {} }, { fetch });
    expect(fetch).toHaveBeenCalledWith(URL_A, expect.anything());
    const cached = cachedSourcePath(root, URL_A);
    expect(cached).toMatch(/\/\.cache\/sources\/[0-9a-f]{16}\/sites\.geojson$/);
    expect(resolve(source)).toEqual({ path: cached, from: 'fetched' });
    expect(JSON.parse(readFileSync(cached, 'utf8'))).toEqual(SITES);
    // Read without the network afterwards (e.g. by the leak check): the copy of the last fetch.
    expect(localSources({ projectRoot: root, env: {} })(source)).toEqual({ path: cached, from: 'previous' });
  });

  it('fails when nothing could be read, unless told to keep the previous copy', async () => {
    const root = project({});
    const settings = { projectRoot: root, env: {} };
    const failed = await prepareSources([source], settings, { fetch: answer(500, 'boom') });
    expect(failed(source)).toEqual({
      problem: `"${URL_A}" could not be read at build time (HTTP 500): give a local copy in the site configuration's "sources" or in CARTABLE_SOURCES, or set CARTABLE_KEEP_PREVIOUS_SOURCES=1 to package the copy of the last fetch`,
    });
    const keep = { projectRoot: root, env: { CARTABLE_KEEP_PREVIOUS_SOURCES: '1' } };
    const none = await prepareSources([source], keep, { fetch: answer(500, 'boom') });
    expect('problem' in none(source) && none(source)).toMatchObject({ problem: expect.stringContaining('but no fetch has kept a copy yet') });
    await prepareSources([source], settings, { fetch: answer(200, JSON.stringify(SITES)) });
    // An answer that is not JSON (a maintenance page) neither replaces the copy nor gets packaged.
    const html = await prepareSources([source], settings, { fetch: answer(200, '<html>maintenance</html>') });
    expect(html(source)).toMatchObject({ problem: expect.stringMatching(/could not be read at build time \(the answer is not JSON/) });
    const log: string[] = [];
    const kept = await prepareSources([source], keep, { fetch: vi.fn(async () => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND donnees.example.org') }))), log: (l) => log.push(l) });
    expect(kept(source)).toEqual({ path: cachedSourcePath(root, URL_A), from: 'previous' });
    expect(JSON.parse(readFileSync(pathOf(kept(source))!, 'utf8'))).toEqual(SITES);
    expect(log).toEqual([`Cartable: ${URL_A} could not be read (getaddrinfo ENOTFOUND donnees.example.org): the copy of the last fetch is packaged (CARTABLE_KEEP_PREVIOUS_SOURCES=1)`]);
  });

  it('lists the sources of the documents, even of documents with errors', () => {
    const doc = minimalDocument();
    doc.layers[0] = { type: 'group', id: 'g', title: 'G', layers: [{ ...doc.layers[0], url: undefined, source: { url: URL_A, name: 'sites' } }] };
    const root = project({ 'maps/essai.json': doc, 'maps/casse.json': '{ "layers": [' });
    expect(sourcesOf(join(root, 'maps'))).toEqual([{ url: URL_A, name: 'sites' }]);
  });
});

const documentOf = (map: BuiltMap): any => JSON.parse(String(map.outputs.find((o) => o.path === `maps/${map.context.id}.json`)!.source));
const fileOf = (map: BuiltMap, url: string): any => JSON.parse(String(map.outputs.find((o) => o.path === url.replace('../', ''))!.source));

/** A public map whose layer reads `source`, with a download of it and a search, and a site configuration giving its local copy. */
function sourceProject(copy: unknown, type: 'geojson' | 'points' = 'geojson') {
  const doc = minimalDocument();
  delete doc.layers[0].url;
  Object.assign(doc.layers[0], {
    type,
    source: { url: URL_A, name: 'sites' },
    confidential: { field: 'niveau', values: ['Réservé'] },
    info: { downloads: [{ title: 'GeoJSON', url: URL_A }] },
    ...(type === 'geojson' ? { search: { fields: ['nom'] } } : {}),
  });
  return project({ 'maps/essai.json': doc, 'site.config.json': { version: 1, name: 'Essai', sources: { sites: 'copies/sites.geojson' } }, 'copies/sites.geojson': copy });
}

describe('a layer whose data is read at build time', () => {
  it('is packaged: the public site gets the filtered copy (data, download, index), the restricted output the whole', () => {
    const root = sourceProject(SITES);
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    const layer = documentOf(maps[0]!).layers[0];
    expect(layer.source).toBeUndefined();
    expect(layer.url).toMatch(/^\.\.\/data\/sites\.[0-9a-f]{10}\.geojson$/);
    expect(layer.info.downloads[0].url).toBe(layer.url);
    expect(layer.search.index).toMatch(/^\.\.\/data\/sites\.search\.[0-9a-f]{10}\.json$/);
    expect(fileOf(maps[0]!, layer.url).features.map((f: any) => f.properties.code)).toEqual(['S1', 'S3']);
    const everything = maps[0]!.outputs.map((o) => String(o.source)).join('\n');
    expect(everything).not.toContain(URL_A);
    expect(everything).not.toContain('nidification');
    const full = documentOf(restricted[0]!).layers[0];
    expect(full.info.downloads[0].url).toBe(full.url);
    expect(fileOf(restricted[0]!, full.url).features).toHaveLength(3);
  });

  it('is prepared as points from the filtered copy', () => {
    const root = sourceProject(SITES, 'points');
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    expect(documentOf(maps[0]!).layers[0]).toMatchObject({ prepared: { count: 2 } });
    expect(documentOf(maps[0]!).layers[0].source).toBeUndefined();
    expect(documentOf(restricted[0]!).layers[0].prepared.count).toBe(3);
  });

  it('makes its document invalid, with the reason, when it cannot be read (the development server shows it)', () => {
    const root = sourceProject(SITES);
    writeFileSync(join(root, 'site.config.json'), JSON.stringify({ version: 1, name: 'Essai', sources: { sites: 'copies/absente.geojson' } }));
    const unread = buildMaps(join(root, 'maps'), root, { sources: () => ({ problem: 'could not be read at build time (HTTP 500)' }) });
    expect(unread.invalid).toEqual(['maps/essai.json']);
    expect(unread.invalidProblems.get('maps/essai.json')).toEqual([{ path: '/layers/0/source', message: 'could not be read at build time (HTTP 500)' }]);
    writeFileSync(join(root, 'copies/sites.geojson'), '<html>');
    const notJson = buildMaps(join(root, 'maps'), root, { sources: () => ({ path: join(root, 'copies/sites.geojson'), from: 'site' }) });
    expect(notJson.problems).toEqual([`maps/essai.json: /layers/0/source: "${URL_A}" (read from ${join(root, 'copies/sites.geojson')}) is not valid JSON: at line 1, column 1`]);
  });
});

describe('the shipped site configuration', () => {
  const shipped = JSON.parse(readFileSync(join(ROOT, 'site.config.json'), 'utf8'));

  it('allows no origin to provide documents, and no longer names GitHub', () => {
    const result = validateSiteConfig(shipped);
    expect(result.ok).toBe(true);
    const origins = result.ok ? result.value.allowedOrigins : [];
    expect(origins.filter((o) => o.use.includes('documents'))).toEqual([]);
    expect(JSON.stringify(shipped)).not.toContain('githubusercontent');
  });

  it('keeps its local copies of sources out of what the browser loads', () => {
    const site = cartable({ projectRoot: ROOT }).find((p) => p.name === 'cartable-site')!;
    const load = site.load as (id: string) => string;
    const module = load.call({}, '\0virtual:cartable/site');
    expect(shipped.sources).toBeDefined();
    expect(module).toMatch(/^export default \{/);
    expect(module).not.toContain('"sources"');
    expect(module).not.toContain('shared/data');
  });
});

const INPG = 'geosites/inpg-geosites-ecrins.geojson';

describe.skipIf(!hasSharedData(INPG))('the shipped Géosites map, built from the shared INPG file', () => {
  it('ships 60 records publicly and 71 in the restricted copy, and nothing that names a « Réservé » site', () => {
    const { maps, restricted, problems } = buildMaps(join(ROOT, 'maps'), ROOT);
    expect(problems).toEqual([]);
    const geosites = maps.find((m) => m.context.id === 'geosites')!;
    expect(geosites.confidential.map((c) => c.withheld)).toEqual([11]);
    const layer = documentOf(geosites).layers[0];
    expect(fileOf(geosites, layer.url).features).toHaveLength(60);
    expect(layer.info.downloads[0].url).toBe(layer.url);
    const copy = restricted.find((m) => m.context.id === 'geosites')!;
    expect(fileOf(copy, documentOf(copy).layers[0].url).features).toHaveLength(71);
    const everything = geosites.outputs.map((o) => String(o.source)).join('\n');
    expect(everything).not.toContain('githubusercontent');
    const reserved = (JSON.parse(readFileSync(sharedFile(INPG), 'utf8')).features as any[]).filter((f) => f.properties.confidentialite === 'Réservé');
    expect(reserved).toHaveLength(11);
    for (const f of reserved) expect(everything).not.toContain(f.properties.nom_site);
  });

  it('withholds the 11 « Réservé » sites with the rule ["réservé"] from a copy stored in decomposed Unicode', () => {
    const decomposed = readFileSync(sharedFile(INPG), 'utf8').normalize('NFD');
    expect(decomposed).not.toContain('Réservé'.normalize('NFC'));
    const doc = minimalDocument();
    delete doc.layers[0].url;
    Object.assign(doc.layers[0], { source: { url: URL_A }, idField: undefined, confidential: { field: 'confidentialite', values: ['réservé'] } });
    const root = project({ 'maps/essai.json': doc, 'copie-nfd.geojson': decomposed });
    const { maps, problems } = buildMaps(join(root, 'maps'), root, { sources: () => ({ path: join(root, 'copie-nfd.geojson'), from: 'environment' }) });
    expect(problems).toEqual([]);
    expect(maps[0]!.withheldRecords).toBe(11);
    expect(fileOf(maps[0]!, documentOf(maps[0]!).layers[0].url).features).toHaveLength(60);
  });
});

if (!hasSharedData(INPG)) console.warn(SKIP_NO_SHARED_DATA);
