import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMaps } from '../../../plugin/maps.js';
import { minimalDocument } from '../context/fixtures.js';

function project(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'cartable-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

describe('buildMaps', () => {
  it('lists every problem of every document, each with its file', () => {
    const bad = minimalDocument();
    bad.id = 'bad';
    bad.layers[0].opacity = 'half';
    const alsoBad = minimalDocument();
    alsoBad.id = 'other';
    alsoBad.view = {};
    const root = project({
      'maps/bad.json': bad,
      'maps/other.json': alsoBad,
      'maps/broken.json': '{ "version": 1, ',
      'maps/essai.json': minimalDocument(),
    });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(maps.map((m) => m.context.id)).toEqual(['essai']);
    expect(problems).toEqual([
      'maps/bad.json: /layers/0/opacity: must be a number ≥ 0 and ≤ 1, got "half"',
      'maps/broken.json: /: not valid JSON: the text ends too early',
      'maps/other.json: /view: needs one of "center", "extent"',
    ]);
  });

  it('packages local files with content hashes and points the document at them', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    doc.layers[0].file = 'data/sites.geojson';
    doc.layers[0].info = { downloads: [{ title: 'GeoJSON', url: 'data/sites.geojson' }] };
    const root = project({ 'maps/essai.json': doc, 'maps/data/sites.geojson': { type: 'FeatureCollection', features: [] } });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    const outputs = maps[0]!.outputs;
    const data = outputs.find((o) => o.path.startsWith('data/'))!;
    expect(data.path).toMatch(/^data\/sites\.[0-9a-f]{10}\.geojson$/);
    const written = JSON.parse(String(outputs.find((o) => o.path === 'maps/essai.json')!.source));
    expect(written.layers[0].url).toBe(`../${data.path}`);
    expect(written.layers[0].file).toBeUndefined();
    expect(written.layers[0].info.downloads[0].url).toBe(`../${data.path}`);
    expect(written.$schema).toBe('../schema/map-context.v1.json');
    expect(maps[0]!.entry.online).toBe(false);
  });

  it('refuses missing files, files outside maps/ and ids that differ from the file name', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    doc.layers[0].file = 'data/missing.geojson';
    const outside = minimalDocument();
    outside.id = 'outside';
    delete outside.layers[0].url;
    outside.layers[0].file = '../secret.json';
    const root = project({ 'maps/renamed.json': doc, 'maps/outside.json': outside, 'secret.json': '{}' });
    const { problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([
      'maps/outside.json: /layers/0/file: expected a path under maps/ to a .geojson or .json file (no ".."), got "../secret.json"',
      'maps/renamed.json: /id: "essai" must match the file name (rename the file to essai.json)',
      'maps/renamed.json: /layers/0/file: no such file "data/missing.geojson" under maps/',
    ]);
    expect(readFileSync(join(root, 'secret.json'), 'utf8')).toBe('{}');
  });
});
