/**
 * Packaged files far larger than the shipped examples, beyond what a call takes as spread arguments
 * (about 125,000 here): a public file of 200,000 point features (about 25 MB, so the leak check reads
 * it in pieces) and a restricted one of 140,000, whose points are all withheld. The build once
 * overflowed the call stack on each (`records.push(...)`, `Math.max(...)`), naming nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { findLeaks, restrictedSecrets } from '../../../plugin/leaks.js';
import { PIECE_BYTES } from '../../../plugin/leaks/file-text.js';
import { buildMaps } from '../../../plugin/maps.js';
import { minimalDocument } from '../context/fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'cartable-large-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `count` points a few metres apart from (lon, lat), written as a FeatureCollection. */
function points(count: number, lon: number, lat: number, prefix: string): string {
  const features = Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Number((lon + (i % 1000) / 1e4).toFixed(6)), Number((lat + Math.floor(i / 1000) / 1e4).toFixed(6))] },
    properties: { code: `${prefix}${i % 100}`, n: i }, // Short codes: no record value to seek, only points.
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A map document packaging data/<file>. */
function documentFor(id: string, file: string, access?: unknown): Record<string, unknown> {
  const doc = minimalDocument();
  doc.id = id;
  delete doc.layers[0].url;
  doc.layers[0].file = `data/${file}`;
  doc.layers[0].fields.push({ name: 'n', type: 'integer' });
  if (access) doc.access = access;
  return doc;
}

test('packages 200,000 public features and checks the output for 140,000 withheld points, without overflowing the call stack', () => {
  mkdirSync(join(root, 'maps/data'), { recursive: true });
  writeFileSync(join(root, 'maps/data/lieux.geojson'), points(200_000, 5, 44, 'L'));
  writeFileSync(join(root, 'maps/data/reserve.geojson'), points(140_000, 6.5, 45.5, 'R'));
  writeFileSync(join(root, 'maps/lieux.json'), JSON.stringify(documentFor('lieux', 'lieux.geojson')));
  writeFileSync(join(root, 'maps/reserve.json'), JSON.stringify(documentFor('reserve', 'reserve.geojson', { level: 'restricted', groups: ['agents'] })));

  const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root);
  expect(problems).toEqual([]);
  expect(maps[0]!.records).toHaveLength(200_000);
  expect(restricted[0]!.records).toHaveLength(140_000);

  const secrets = restrictedSecrets(maps, restricted);
  // All but the first, 6.5,45.5: too few digits to be told from any other point.
  expect(secrets.filter((s) => s.kind === 'coordinates')).toHaveLength(139_999);
  // The public output: the public map's files, its data larger than a piece of the leak check.
  const output = join(root, 'dist');
  for (const file of maps[0]!.outputs) {
    mkdirSync(join(output, file.path, '..'), { recursive: true });
    writeFileSync(join(output, file.path), file.source);
  }
  expect(maps[0]!.outputs.some((file) => file.source.length > PIECE_BYTES)).toBe(true);
  expect(findLeaks(output, secrets)).toEqual([]);
  // A withheld point written in a public file is still found among them.
  writeFileSync(join(output, 'data/fuite.json'), '[6.5123, 45.5042]');
  expect(findLeaks(output, secrets).map((leak) => `${leak.file}: ${leak.text}`)).toEqual(['data/fuite.json: 6.5123,45.5042']);
}, 180_000);
