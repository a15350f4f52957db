/**
 * The reference collector (collector/collector.mjs) as a real server on 127.0.0.1: what it stores,
 * what it refuses, its limits. A fake clock moves the day and the rate minute; no sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCollector, startCollector, type CollectorOptions } from '../../../collector/collector.mjs';
import { main } from '../../../src/cli/main.js';
import { waitUntil } from '../../support/wait-until.js';

const COLLECTOR = resolve(import.meta.dirname, '../../../collector/collector.mjs');

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

interface Send {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string | number>;
  readonly localAddress?: string;
}

/** One request with a whole body (string or bytes); text/plain unless headers say otherwise. */
function send(url: string, body: string | Buffer | undefined, options: Send = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(new URL(options.path ?? '/', url), {
      method: options.method ?? 'POST',
      localAddress: options.localAddress,
      agent: false,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'text/plain;charset=UTF-8' }), ...options.headers },
    });
    req.on('error', fail);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.end(body);
  });
}

const batch = (events: unknown[]): string => JSON.stringify({ events });

let dir: string;
let now: Date;
const clock = (): Date => now;
const started: Array<{ close(): Promise<void> }> = [];

async function collector(options: Partial<CollectorOptions> = {}): Promise<{ url: string; trackedClients(): number }> {
  const c = await startCollector({ dir, clock, ...options });
  started.push(c);
  return c;
}

/** The lines of a day file, parsed. */
function lines(day: string): unknown[] {
  const file = join(dir, `${day}.ndjson`);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
}

const layerShown = (layer: string, time = '2026-03-04T09:59:00.000Z') => ({ type: 'layer-shown', time, map: 'geosites', layer });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cartable-collector-'));
  now = new Date('2026-03-04T10:00:00.000Z');
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((c) => c.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('collector: storing', () => {
  it('answers 204 to a valid batch and appends exactly its events to the day file, one per line', async () => {
    const { url } = await collector();
    const events = [
      { type: 'map-opened', time: '2026-03-04T09:58:00.000Z', map: 'geosites', embedded: true, host: 'https://www.example.fr' },
      layerShown('sites'),
      { type: 'search-used', time: '2026-03-04T09:59:30.000Z', chars: 4, results: 2 },
    ];
    const answer = await send(url, batch(events), { headers: { 'User-Agent': 'Firefox/140', Referer: 'https://www.example.fr/page' } });
    expect(answer.status).toBe(204);
    expect(answer.headers['x-cartable-dropped']).toBe('0');
    expect((await send(url, batch([layerShown('roads')]), { path: '/events?v=1', headers: { 'Content-Type': 'application/json' } })).status).toBe(204);
    expect(readdirSync(dir)).toEqual(['2026-03-04.ndjson']);
    expect(lines('2026-03-04')).toEqual([...events, layerShown('roads')]);
  });

  it('drops unknown types, unknown fields and bad times, says how many, and never stores the client', async () => {
    const { url } = await collector();
    const answer = await send(url, batch([
      { ...layerShown('sites'), ip: '127.0.0.1', userAgent: 'Firefox/140', referrer: 'https://x.fr/' },
      { type: 'page-viewed', time: '2026-03-04T09:59:00.000Z' },
      layerShown('future', '2026-03-05T10:00:01.000Z'),
      layerShown('old', '2026-02-20T10:00:00.000Z'),
      layerShown('offset', '2026-03-04T10:59:00.000+01:00'),
      'catalog-opened',
    ]), { headers: { 'User-Agent': 'Firefox/140', Referer: 'https://x.fr/page' } });
    expect(answer.status).toBe(204);
    expect(answer.headers['x-cartable-dropped']).toBe('5');
    expect(lines('2026-03-04')).toEqual([layerShown('sites')]);
    const stored = readFileSync(join(dir, '2026-03-04.ndjson'), 'utf8');
    for (const secret of ['127.0.0.1', 'Firefox', 'x.fr']) expect(stored).not.toContain(secret);
    const none = await send(url, batch([{ type: 'page-viewed' }]));
    expect([none.status, none.headers['x-cartable-dropped']]).toEqual([204, '1']);
    expect(lines('2026-03-04')).toHaveLength(1);
  });

  it('writes to the file of the UTC day of receipt, a new file after midnight', async () => {
    const { url } = await collector();
    now = new Date('2026-03-04T23:59:59.900Z');
    await send(url, batch([layerShown('before', '2026-03-04T23:59:00.000Z')]));
    now = new Date('2026-03-05T00:00:00.100Z');
    await send(url, batch([layerShown('after', '2026-03-04T23:59:30.000Z')]));
    expect(readdirSync(dir).sort()).toEqual(['2026-03-04.ndjson', '2026-03-05.ndjson']);
    expect(lines('2026-03-04')).toEqual([layerShown('before', '2026-03-04T23:59:00.000Z')]);
    expect(lines('2026-03-05')).toEqual([layerShown('after', '2026-03-04T23:59:30.000Z')]);
  });

  it('appends batches sent at the same time as whole lines, none lost', async () => {
    const { url } = await collector();
    const batches = Array.from({ length: 8 }, (_, b) => batch(Array.from({ length: 150 }, (_, e) => layerShown(`b${b}.e${e}`))));
    const answers = await Promise.all(batches.map((body) => send(url, body)));
    expect(answers.map((a) => a.status)).toEqual(batches.map(() => 204));
    const stored = lines('2026-03-04') as Array<{ layer: string }>;
    expect(stored).toHaveLength(8 * 150);
    expect(new Set(stored.map((e) => e.layer)).size).toBe(8 * 150);
    // Each batch's lines stay together and in order.
    const order = stored.map((e) => e.layer);
    for (let b = 0; b < 8; b++) {
      const first = order.indexOf(`b${b}.e0`);
      expect(order.slice(first, first + 150)).toEqual(Array.from({ length: 150 }, (_, e) => `b${b}.e${e}`));
    }
  });

  it('loses no event when started again on the same folder between batches', async () => {
    const first = await startCollector({ dir, clock });
    expect((await send(first.url, batch([layerShown('one'), layerShown('two')]))).status).toBe(204);
    await first.close();
    const { url } = await collector();
    expect((await send(url, batch([layerShown('three')]))).status).toBe(204);
    expect(lines('2026-03-04')).toEqual([layerShown('one'), layerShown('two'), layerShown('three')]);
  });

  it('loses no event when the process is killed (SIGKILL) right after its 204, then started again', async () => {
    const day = () => new Date().toISOString().slice(0, 10);
    const event = (layer: string) => ({ type: 'layer-shown', time: new Date().toISOString(), map: 'geosites', layer });
    const run = async (): Promise<{ child: ChildProcess; url: string }> => {
      const child = spawn(process.execPath, [COLLECTOR, '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
      await waitUntil(() => /listening on (http:\S+\/),/.test(out), { what: 'the collector printing where it listens' });
      return { child, url: /listening on (http:\S+\/),/.exec(out)![1]! };
    };
    let sent = 0;
    let days = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const { child, url } = await run();
      for (let b = 0; b < 3; b++) {
        const events = Array.from({ length: 20 }, (_, e) => event(`r${round}.b${b}.e${e}`));
        days.add(day());
        expect((await send(url, batch(events))).status).toBe(204);
        sent += events.length;
      }
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    days = new Set([...days, day()]);
    const stored = [...days].flatMap((d) => lines(d));
    expect(stored).toHaveLength(sent);
  });
});

describe('collector: bad input', () => {
  it('answers 400 to a body that is not JSON, not UTF-8, or not {"events": [...]}', async () => {
    const { url } = await collector();
    for (const body of ['{"events": [', 'not json', '', JSON.stringify([layerShown('a')]), 'null', '{"events": {"0": {}}}', '{"event": []}']) {
      expect((await send(url, body)).status, body).toBe(400);
    }
    const latin1 = Buffer.concat([Buffer.from('{"events": [], "note": "'), Buffer.from([0xe9, 0xff]), Buffer.from('"}')]);
    expect((await send(url, latin1)).status).toBe(400);
    expect(lines('2026-03-04')).toEqual([]);
  });

  it('answers 415 to a content type other than text/plain or application/json', async () => {
    const { url } = await collector();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html']) {
      expect((await send(url, batch([layerShown('a')]), { headers: { 'Content-Type': type } })).status, type).toBe(415);
    }
    expect(lines('2026-03-04')).toEqual([]);
  });

  it('answers 413 to a body over the limit without reading it all, and to too many events', async () => {
    const { url } = await collector({ maxBodyBytes: 64 * 1024, maxEventsPerBatch: 200 });
    /** Sends headers and part of a body, never the end: the answer must come anyway. */
    const partial = (headers: Record<string, string | number>, chunks: Buffer[]): Promise<number> =>
      new Promise((done, fail) => {
        const req = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'text/plain', ...headers } });
        req.on('error', fail);
        req.on('response', (res) => {
          res.resume();
          done(res.statusCode ?? 0);
          req.destroy();
        });
        for (const chunk of chunks) req.write(chunk);
      });
    expect(await partial({ 'Content-Length': 10 * 1024 * 1024 }, [Buffer.alloc(1024, 0x20)])).toBe(413);
    expect(await partial({ 'Transfer-Encoding': 'chunked' }, [Buffer.alloc(40 * 1024, 0x20), Buffer.alloc(40 * 1024, 0x20)])).toBe(413);
    expect((await send(url, batch(Array.from({ length: 201 }, (_, i) => layerShown(`l${i}`))))).status).toBe(413);
    expect((await send(url, batch(Array.from({ length: 200 }, (_, i) => layerShown(`l${i}`))))).status).toBe(204);
  });

  it('survives a body cut mid-way and clients that go away', async () => {
    const { url } = await collector();
    const cut = (): Promise<void> =>
      new Promise((done) => {
        const req = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'text/plain', 'Content-Length': 200 } });
        req.on('error', () => done());
        req.on('close', () => done());
        req.write(batch([layerShown('cut')]).slice(0, 30), () => req.destroy());
      });
    await Promise.all(Array.from({ length: 5 }, cut));
    const answer = await send(url, undefined, { method: 'GET', path: '/health' });
    expect([answer.status, answer.text]).toEqual([200, 'ok\n']);
    expect((await send(url, batch([layerShown('after')]))).status).toBe(204);
    expect(lines('2026-03-04')).toEqual([layerShown('after')]);
  });

  it('answers 429 past the rate per client and minute, with Retry-After, and accepts again the next minute', async () => {
    const { url } = await collector({ ratePerMinute: 3 });
    now = new Date('2026-03-04T10:00:15.000Z');
    for (let i = 0; i < 3; i++) expect((await send(url, batch([layerShown(`l${i}`)]))).status).toBe(204);
    const refused = await send(url, batch([layerShown('refused')]));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect((await send(url, batch([layerShown('other')]), { localAddress: '127.0.0.2' })).status).toBe(204);
    now = new Date('2026-03-04T10:01:00.000Z');
    expect((await send(url, batch([layerShown('next')]))).status).toBe(204);
    expect((lines('2026-03-04') as Array<{ layer: string }>).map((e) => e.layer)).toEqual(['l0', 'l1', 'l2', 'other', 'next']);
  });

  it('counts each visitor behind a local reverse proxy by X-Real-IP with trustProxy, and ignores the header without it', async () => {
    const trusting = await collector({ ratePerMinute: 1, trustProxy: true });
    const viaProxy = (ip: string) => send(trusting.url, batch([layerShown(ip.replace(/\W/g, ''))]), { headers: { 'X-Real-IP': ip } });
    expect([(await viaProxy('192.0.2.1')).status, (await viaProxy('192.0.2.2')).status, (await viaProxy('192.0.2.1')).status]).toEqual([204, 204, 429]);
    const plain = await collector({ ratePerMinute: 1 });
    const spoofed = (ip: string) => send(plain.url, batch([layerShown('s')]), { headers: { 'X-Real-IP': ip } });
    expect([(await spoofed('192.0.2.1')).status, (await spoofed('192.0.2.2')).status]).toEqual([204, 429]);
    expect(readFileSync(join(dir, '2026-03-04.ndjson'), 'utf8')).not.toContain('192.0.2');
  });

  it('keeps the rate table bounded under a flood of clients: the ones past the bound share one count', async () => {
    const c = await collector({ maxClients: 5, ratePerMinute: 2 });
    const answers = [];
    for (let i = 2; i < 22; i++) answers.push((await send(c.url, batch([layerShown(`c${i}`)]), { localAddress: `127.0.0.${i}` })).status);
    expect(c.trackedClients()).toBeLessThanOrEqual(6);
    // 5 clients counted alone, then 15 sharing one count of 2.
    expect(answers.filter((s) => s === 204)).toHaveLength(7);
    expect(answers.filter((s) => s === 429)).toHaveLength(13);
    now = new Date('2026-03-04T10:01:00.000Z');
    expect((await send(c.url, batch([layerShown('later')]), { localAddress: '127.0.0.30' })).status).toBe(204);
    expect(c.trackedClients()).toBe(1);
  });
});

describe('collector: paths and CORS', () => {
  it('answers health, OPTIONS, 404 and 405; sends Access-Control-Allow-Origin to the allowed origins only', async () => {
    const { url } = await collector({ allowedOrigins: ['https://cartes.example.fr'] });
    const preflight = await send(url, undefined, { method: 'OPTIONS', path: '/events', headers: { Origin: 'https://cartes.example.fr' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://cartes.example.fr');
    expect(preflight.headers['access-control-allow-methods']).toBe('POST');
    const allowed = await send(url, batch([layerShown('a')]), { headers: { Origin: 'https://cartes.example.fr' } });
    expect([allowed.status, allowed.headers['access-control-allow-origin']]).toEqual([204, 'https://cartes.example.fr']);
    expect(allowed.headers['access-control-expose-headers']).toBe('X-Cartable-Dropped');
    const other = await send(url, batch([layerShown('b')]), { headers: { Origin: 'https://elsewhere.example' } });
    expect([other.status, other.headers['access-control-allow-origin']]).toEqual([204, undefined]);
    expect((await send(url, undefined, { method: 'GET', path: '/' })).status).toBe(405);
    expect((await send(url, undefined, { method: 'GET', path: '/2026-03-04.ndjson' })).status).toBe(404);
    expect((await send(url, batch([layerShown('c')]), { path: '/other' })).status).toBe(404);
    expect((await send(url, undefined, { method: 'POST', path: '/health' })).status).toBe(405);
  });
});

describe('collector: command line', () => {
  it('cartable collect shows its help, and refuses wrong arguments with exit code 2', async () => {
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    expect(await main(['collect', '--help'], io)).toBe(0);
    expect(out).toContain('--dir <folder>');
    expect(await runCollector(['--port', '8787'], io)).toBe(2);
    expect(err).toContain('--dir');
    expect(await runCollector(['--dir', dir, '--port', 'x'], io)).toBe(2);
    expect(await runCollector(['--dir', dir, '--origin', 'https://x.fr/path'], io)).toBe(2);
  });
});
