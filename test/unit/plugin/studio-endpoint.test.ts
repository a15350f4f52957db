import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartable } from '../../../plugin/plugin.js';
import { mapsDirOf } from '../../../plugin/site.js';
import { studioEndpoint, STUDIO_MAX_BYTES, writeAtomically } from '../../../plugin/studio-endpoint.js';
import { ROOT } from './site-build.js';

const MAPS = join(ROOT, 'maps');
let folder: string;
let mapsDir: string;
let server: Server;
let base: string;
let origin: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cartable-studio-endpoint-'));
  mapsDir = join(folder, 'maps');
  cpSync(MAPS, mapsDir, { recursive: true, filter: (path) => !path.includes('/generated') });
  writeFileSync(join(folder, 'local-source.geojson'), '{"type":"FeatureCollection","features":[]}');
  const handler = studioEndpoint({
    mapsDir,
    maxBytes: 1024 * 1024,
    // A resolver that knows one source by name, as the site configuration's `sources` would give it.
    readSources: async () => (source) => (source.name === 'inpg-geosites-ecrins' ? { path: join(folder, 'local-source.geojson'), from: 'site' } : { problem: `"${source.url}" has not been read` }),
  });
  server = createServer((req, res) => handler(req, res, () => ((res.statusCode = 404), res.end('next'))));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `${origin}/__cartable/studio/`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(folder, { recursive: true, force: true });
});

const headers = (extra: Record<string, string> = {}): Record<string, string> => ({ 'Content-Type': 'application/json', 'X-Cartable-Studio': '1', Origin: origin, 'Sec-Fetch-Site': 'same-origin', ...extra });
const post = (id: string, body: unknown, extra: Record<string, string> = {}, omit: string[] = []): Promise<Response> => {
  const sent = headers(extra);
  for (const name of omit) delete sent[name];
  return fetch(`${base}maps/${id}`, { method: 'POST', headers: sent, body: JSON.stringify(body) });
};
const geosites = (): string => readFileSync(join(MAPS, 'geosites.json'), 'utf8');
const onDisk = (name: string): string => readFileSync(join(mapsDir, name), 'utf8');

describe('the studio endpoint of the development server', () => {
  it('lists the maps folder’s documents with their titles', async () => {
    const answer = (await (await fetch(`${base}maps`)).json()) as { maps: { id: string; title: unknown }[] };
    expect(answer.maps.map((m) => m.id)).toEqual(readdirSync(MAPS).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, '')).sort());
    expect(answer.maps.find((m) => m.id === 'geosites')?.title).toEqual(JSON.parse(geosites()).title);
  });

  it('gives a document’s text untouched, data files under the folder, and sources as the build reads them', async () => {
    expect(await (await fetch(`${base}maps/geosites`)).text()).toBe(geosites());
    const file = await fetch(`${base}files/data/exemple-acces/sites-suivis.geojson`);
    expect(await file.text()).toBe(readFileSync(join(MAPS, 'data/exemple-acces/sites-suivis.geojson'), 'utf8'));
    expect(await (await fetch(`${base}sources/inpg-geosites-ecrins`)).text()).toBe('{"type":"FeatureCollection","features":[]}');
    expect((await fetch(`${base}sources/unknown`)).status).toBe(404);
  });

  it('never serves a file outside the maps folder', async () => {
    for (const path of ['files/..%2Flocal-source.geojson', 'files/data/..%2F..%2Flocal-source.geojson', `files/${encodeURIComponent(join(folder, 'local-source.geojson'))}`, 'files/geosites.json', 'maps/..%2Flocal-source']) {
      expect((await fetch(`${base}${path}`)).status, path).toBeGreaterThanOrEqual(400);
    }
  });

  it('saves a valid document atomically, its files first, under data/<id>/ only', async () => {
    const text = geosites().replace('"Géosites', '"Géosites modifiés');
    const answer = await post('geosites', { text, files: [{ path: 'data/geosites/points.geojson', base64: Buffer.from('{"type":"FeatureCollection","features":[]}').toString('base64') }] });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ saved: 'maps/geosites.json', files: ['maps/data/geosites/points.geojson'] });
    expect(onDisk('geosites.json')).toBe(text);
    expect(onDisk('data/geosites/points.geojson')).toBe('{"type":"FeatureCollection","features":[]}');
    // No temporary file is left beside them.
    expect(readdirSync(mapsDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(mapsDir, 'data/geosites')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an invalid document with its problems, writing nothing', async () => {
    const before = onDisk('nature-paysage.json');
    const text = before.replace('"id": "nature-paysage"', '"id": "nature paysage"');
    const answer = await post('nature-paysage', { text, files: [{ path: 'data/nature-paysage/x.geojson', base64: 'e30=' }] });
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { problems: { path: string }[] };
    expect(body.problems.map((p) => p.path)).toContain('/id');
    expect(onDisk('nature-paysage.json')).toBe(before);
    expect(existsSync(join(mapsDir, 'data/nature-paysage'))).toBe(false);
    expect((await post('nature-paysage', { text: '{ "id": ' })).status).toBe(422);
    // A document saved under another map's name.
    expect((await post('geosites', { text: before })).status).toBe(422);
  });

  it('refuses a bad id and files outside the map’s own folder', async () => {
    const text = onDisk('nature-paysage.json');
    expect((await post('..%2Fevil', { text })).status).toBe(400);
    expect((await post('-x', { text })).status).toBe(400);
    for (const path of ['../evil.json', 'data/nature-paysage/../../evil.json', '/tmp/evil.json', 'data/geosites/x.geojson', 'data/nature-paysage', 'data/nature-paysage//x']) {
      const answer = await post('nature-paysage', { text, files: [{ path, base64: 'e30=' }] });
      expect(answer.status, path).toBe(400);
    }
    const outside = await post('nature-paysage', { text, files: [{ path: 'data/geosites/x.geojson', base64: 'e30=' }] });
    // The page words it itself: what and which file.
    expect(await outside.json()).toMatchObject({ code: 'file-outside', file: 'data/geosites/x.geojson' });
    expect(existsSync(join(folder, 'evil.json'))).toBe(false);
    expect(existsSync(join(mapsDir, 'evil.json'))).toBe(false);
  });

  it('refuses writes that do not come from the studio’s page (CSRF)', async () => {
    const text = onDisk('nature-paysage.json');
    expect((await post('nature-paysage', { text }, {}, ['X-Cartable-Studio'])).status).toBe(403);
    expect((await post('nature-paysage', { text }, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('nature-paysage', { text }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('nature-paysage', { text }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('nature-paysage', { text }, {}, ['Origin'])).status).toBe(403);
    expect((await post('nature-paysage', { text: ' '.repeat(1024 * 1024) + text })).status).toBe(413);
    expect(STUDIO_MAX_BYTES).toBeGreaterThan(10 * 1024 * 1024);
    expect(onDisk('nature-paysage.json')).toBe(readFileSync(join(MAPS, 'nature-paysage.json'), 'utf8'));
  });

  it('leaves other addresses to the rest of the server', async () => {
    expect(await (await fetch(`${origin}/maps/geosites.json`)).text()).toBe('next');
  });
});

describe('an atomic write', () => {
  it('replaces the file by renaming a complete copy over it, and leaves nothing when it fails', () => {
    const path = join(folder, 'atomic.json');
    writeFileSync(path, 'avant');
    const before = statSync(path).ino;
    writeAtomically(path, 'après');
    expect(readFileSync(path, 'utf8')).toBe('après');
    // Another file took its place (a reader sees the old bytes or the new ones, never a part).
    expect(statSync(path).ino).not.toBe(before);
    const blocked = join(folder, 'a-folder');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    expect(() => writeAtomically(blocked, 'x')).toThrow();
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the maps folder', () => {
  it('is maps/, or the folder CARTABLE_MAPS_DIR names', () => {
    expect(mapsDirOf('/projet', {})).toBe('/projet/maps');
    expect(mapsDirOf('/projet', { CARTABLE_MAPS_DIR: '/tmp/cartes' })).toBe('/tmp/cartes');
    expect(mapsDirOf('/projet', { CARTABLE_MAPS_DIR: 'autres' })).toBe('/projet/autres');
  });

  it('is read and written only by the development server: the build has no studio route', async () => {
    const endpoint = cartable({ projectRoot: ROOT }).find((p) => p.name === 'cartable-studio-endpoint')!;
    expect(endpoint.apply).toBe('serve');
    // vite.config.ts as Vite resolves it for each command: the endpoint's plugin is in the server's only.
    const names = async (command: 'build' | 'serve'): Promise<string[]> =>
      (await resolveConfig({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent' }, command)).plugins.map((p) => p.name);
    expect(await names('serve')).toContain('cartable-studio-endpoint');
    expect(await names('build')).not.toContain('cartable-studio-endpoint');
    expect(await names('build')).toContain('cartable-site');
  });
});
