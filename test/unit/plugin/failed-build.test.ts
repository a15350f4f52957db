/**
 * A real build that fails (a packaged file that is not JSON) names the file, the line and the column,
 * and leaves the previous output byte for byte as it was: no service worker written over it, no
 * staging folder left beside it. Once the file is corrected, the build replaces the output whole, in
 * the outDir asked for.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { minimalDocument } from '../context/fixtures.js';
import { buildProject, snapshot, writeFiles, writeProject } from './site-build.js';

const work = mkdtempSync(join(tmpdir(), 'cartable-failed-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a build that fails on a packaged file that is not JSON names it and leaves the previous output as it was', async () => {
  const doc = minimalDocument();
  delete doc.layers[0].url;
  doc.layers[0].file = 'data/sites.geojson';
  const root = join(work, 'project');
  writeProject(root, { 'maps/essai.json': doc, 'maps/data/sites.geojson': '{ "type": "FeatureCollection",\n  "features": [ { "type": "Feature" }, ] }' });
  const outDir = join(work, 'dist');
  const restrictedDir = join(work, 'dist-restricted');
  writeFiles(outDir, { 'index.html': '<h1>Version précédente</h1>', 'sw.js': 'self.version = 1;', 'workbox-0123abcd.js': 'workbox;', 'maps/essai.json': '{}' });
  writeFiles(restrictedDir, { 'catalog.json': '{"maps":[]}' });
  const before = { public: snapshot(outDir), restricted: snapshot(restrictedDir) };

  const message = await buildProject(root, outDir, restrictedDir);
  expect(message).toContain('maps/essai.json: /layers/0/file: "data/sites.geojson" is not valid JSON: at line 2, column 40');
  expect(snapshot(outDir)).toEqual(before.public);
  expect(snapshot(restrictedDir)).toEqual(before.restricted);
  expect(readdirSync(work).sort()).toEqual(['dist', 'dist-restricted', 'project']);

  writeFileSync(join(root, 'maps/data/sites.geojson'), '{ "type": "FeatureCollection", "features": [] }');
  expect(await buildProject(root, outDir, restrictedDir)).toBe('');
  const built = snapshot(outDir);
  for (const file of ['index.html', 'sw.js', 'catalog.json', 'cartable-map.js', 'maps/essai.html']) expect(built[file], file).toBeDefined();
  expect(built['index.html']).not.toBe(before.public['index.html']);
  expect(existsSync(join(outDir, 'workbox-0123abcd.js'))).toBe(false); // Replaced whole, not written over.
  expect(readdirSync(work).sort()).toEqual(['dist', 'dist-restricted', 'project']);
}, 300_000);
