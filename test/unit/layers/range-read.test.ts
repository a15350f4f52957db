import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageTypeOf, isVectorArchive, openArchive, parseTileKey, tileKey } from '../../../src/layers/pmtiles/archive.js';
import { TruncatedError, problemOf } from '../../../src/layers/problems.js';
import { RangeRefusedError, createRangeReader, rangeHeader } from '../../../src/layers/range-read.js';
import { RequestError, createRequester } from '../../../src/net/requester.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

/** A fetch that answers from memory: files by URL, with byte ranges unless `ranges` is false. */
function memoryFetch(files: Record<string, Uint8Array>, { ranges = true } = {}) {
  const seen: { url: string; range?: string }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const range = (init?.headers as Record<string, string> | undefined)?.Range;
    seen.push({ url, range });
    const file = files[url];
    if (!file) return new Response('not found', { status: 404 });
    const match = ranges && range ? /^bytes=(\d+)-(\d+)$/.exec(range) : null;
    if (!match) return new Response(file.slice(), { status: 200 });
    const start = Number(match[1]);
    if (start >= file.length) return new Response('', { status: 416 });
    const end = Math.min(Number(match[2]), file.length - 1);
    return new Response(file.slice(start, end + 1), { status: 206, headers: { 'Content-Range': `bytes ${start}-${end}/${file.length}` } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 256));

describe('range reads through the requester', () => {
  it('reads a byte range with a Range header and counts the bytes', async () => {
    const { fetch, seen } = memoryFetch({ 'https://data.example/f.bin': bytes });
    const reader = createRangeReader(createRequester({ fetch }), 'https://data.example/f.bin');
    const part = new Uint8Array(await reader.read(10, 5));
    expect([...part]).toEqual([10, 11, 12, 13, 14]);
    expect(seen).toEqual([{ url: 'https://data.example/f.bin', range: 'bytes=10-14' }]);
    expect(reader.stats).toEqual({ bytes: 5, requests: 1 });
    expect(rangeHeader(0, 1)).toBe('bytes=0-0');
  });

  it('goes through the requester hooks (e.g. a proxy)', async () => {
    const { fetch, seen } = memoryFetch({ 'https://proxy.example/?u=f': bytes });
    const requester = createRequester({ fetch, hooks: [(r) => ({ ...r, url: 'https://proxy.example/?u=f' })] });
    await createRangeReader(requester, 'https://data.example/f.bin').read(0, 4);
    expect(seen[0]!.url).toBe('https://proxy.example/?u=f');
  });

  it('says so when the server sends the whole file instead of the range', async () => {
    const { fetch } = memoryFetch({ 'https://data.example/f.bin': bytes }, { ranges: false });
    const reader = createRangeReader(createRequester({ fetch }), 'https://data.example/f.bin');
    const error = await reader.read(0, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeRefusedError);
    expect(problemOf(error)).toEqual({ code: 'no-range', detail: '200' });
  });

  it('turns a missing file into an HTTP problem, and a range past the end into no bytes', async () => {
    const { fetch } = memoryFetch({ 'https://data.example/f.bin': bytes });
    const requester = createRequester({ fetch });
    const error = await createRangeReader(requester, 'https://data.example/none').read(0, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(problemOf(error)).toEqual({ code: 'http', detail: '404' });
    expect((await createRangeReader(requester, 'https://data.example/f.bin').read(5000, 10)).byteLength).toBe(0);
  });
});

const shared = hasSharedData('pmtiles');
if (!shared) console.warn(SKIP_NO_SHARED_DATA);

describe.skipIf(!shared)('PMTiles archives of ../shared/data through the requester', () => {
  const files = () => ({
    'https://tiles.example/vector.pmtiles': new Uint8Array(readFileSync(sharedFile('pmtiles/test_fixture_1.pmtiles'))),
    'https://tiles.example/raster.pmtiles': new Uint8Array(readFileSync(sharedFile('pmtiles/stamen_toner_raster_CC-BY_ODbL_z3.pmtiles'))),
  });

  it('reads the header and the one tile of the vector fixture by ranges', async () => {
    const { fetch, seen } = memoryFetch(files());
    const { archive, range } = openArchive(createRequester({ fetch }), 'https://tiles.example/vector.pmtiles');
    const header = await archive.getHeader();
    expect(isVectorArchive(header)).toBe(true);
    expect(imageTypeOf(header)).toBeUndefined();
    const tile = await archive.getZxy(0, 0, 0);
    expect(tile!.data.byteLength).toBeGreaterThan(0);
    expect(seen.every((s) => s.range?.startsWith('bytes='))).toBe(true);
    expect(range.stats.requests).toBe(seen.length);
  });

  it('reads PNG tiles of the raster archive, and only the ranges it needs', async () => {
    const { fetch } = memoryFetch(files());
    const { archive, range } = openArchive(createRequester({ fetch }), 'https://tiles.example/raster.pmtiles');
    const header = await archive.getHeader();
    expect(imageTypeOf(header)).toBe('image/png');
    expect([header.minZoom, header.maxZoom]).toEqual([0, 3]);
    const tile = await archive.getZxy(3, 4, 2);
    expect([...new Uint8Array(tile!.data.slice(1, 4))]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect(range.stats.bytes).toBeLessThan(files()['https://tiles.example/raster.pmtiles'].length / 4);
  });

  it('refuses an archive whose server ignores ranges', async () => {
    const { fetch } = memoryFetch(files(), { ranges: false });
    const { archive } = openArchive(createRequester({ fetch }), 'https://tiles.example/raster.pmtiles');
    const error = await archive.getHeader().catch((e: unknown) => e);
    expect(problemOf(error).code).toBe('no-range');
  });

  it('says a tile is truncated when the archive ends before the bytes its directory promises', async () => {
    const whole = files()['https://tiles.example/raster.pmtiles'];
    // Header and directories whole, tile data cut: a tile past the cut.
    const { fetch } = memoryFetch({ 'https://tiles.example/cut.pmtiles': whole.slice(0, 20_000) });
    const { archive } = openArchive(createRequester({ fetch }), 'https://tiles.example/cut.pmtiles');
    expect(imageTypeOf(await archive.getHeader())).toBe('image/png');
    const past = await archive.getZxy(3, 4, 2).catch((e: unknown) => e);
    expect(past).toBeInstanceOf(TruncatedError);
    expect(problemOf(past).code).toBe('truncated');
  });

  it('names tiles by keys and back', () => {
    expect(parseTileKey(tileKey(3, 4, 2))).toEqual([3, 4, 2]);
    expect(parseTileKey('https://x/3/4/2.png')).toBeUndefined();
  });
});
