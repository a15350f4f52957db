/**
 * `npm run bench:usage`: the usage report's two costs, each beside a baseline measured in the same run
 * (machines are shared and noisy). Prints figures; never passes or fails.
 * 1. The reference collector (collector/collector.mjs) receiving batches of 20 events from 4 clients
 *    at once — validated, appended and flushed to the day's file before its 204 — against a bare
 *    Node server that reads each body and answers 204 (no validation, no file).
 * 2. `cartable stats --year` over a year of stored events at DatARA's scale (9,000 map
 *    consultations a month, with records, layers and downloads: ~400,000 lines in 365 day files),
 *    against a Node process that only reads and parses every line (the floor of any reader).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCollector } from '../collector/collector.mjs';
import { median } from './support/stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'cartable-bench-usage-'));
const CLIENTS = 4;
const BATCHES = 250;
const PER_BATCH = 20;

/** Batches of `PER_BATCH` events sent by `CLIENTS` clients at once; resolves to the wall time in ms. */
async function send(url: string): Promise<number> {
  const body = (n: number): string =>
    JSON.stringify({ events: Array.from({ length: PER_BATCH }, (_, i) => ({ type: 'map-opened', time: new Date().toISOString(), map: `carte-${(n + i) % 200}`, embedded: false })) });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let batch = 0; batch < BATCHES; batch++) {
        const answer = await fetch(url, { method: 'POST', body: body(client * BATCHES + batch), headers: { 'Content-Type': 'text/plain' } });
        if (answer.status !== 204) throw new Error(`answer ${answer.status}`);
      }
    }),
  );
  return performance.now() - start;
}

async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

async function benchCollector(): Promise<void> {
  const collectorTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const dir = join(work, `collector-${run}`);
    const collector = await startCollector({ dir, port: 0, ratePerMinute: 1_000_000 });
    const bare = await bareServer();
    // Alternated, so that a burst of load on the machine falls on both.
    bareTimes.push(await send(bare.url));
    collectorTimes.push(await send(collector.url));
    await Promise.all([collector.close(), bare.close()]);
  }
  const events = CLIENTS * BATCHES * PER_BATCH;
  const rate = (ms: number): string => `${Math.round((events / ms) * 1000).toLocaleString('en')} events/s`;
  console.log(`Collector: ${CLIENTS} clients × ${BATCHES} batches × ${PER_BATCH} events, median of 3`);
  console.log(`  reference collector (validated, appended, flushed): ${median(collectorTimes).toFixed(0)} ms, ${rate(median(collectorTimes))}`);
  console.log(`  bare Node server (body read, 204):                  ${median(bareTimes).toFixed(0)} ms, ${rate(median(bareTimes))}`);
  console.log(`  ratio: ${(median(collectorTimes) / median(bareTimes)).toFixed(2)}×`);
}

/** A year of stored events: per day ~300 consultations, 2 records and 1 layer each, a download every 8. */
function writeYear(dir: string, year: number): number {
  mkdirSync(dir, { recursive: true });
  let lines = 0;
  let seed = 1;
  const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
    const out: string[] = [];
    for (let visit = 0; visit < 300; visit++) {
      const time = new Date(day.getTime() + Math.floor(random() * 86_400_000)).toISOString();
      const map = `carte-${Math.floor(random() * random() * 200)}`;
      const embedded = random() < 0.1;
      out.push(JSON.stringify({ type: 'map-opened', time, map, embedded, ...(embedded ? { host: `https://partenaire-${Math.floor(random() * 12)}.fr` } : {}) }));
      out.push(JSON.stringify({ type: 'record-opened', time, map, layer: 'couche' }), JSON.stringify({ type: 'record-opened', time, map, layer: 'couche' }));
      out.push(JSON.stringify({ type: 'layer-shown', time, map, layer: 'couche' }));
      if (visit % 8 === 0) out.push(JSON.stringify({ type: 'download-followed', time, map, layer: 'couche', url: `https://donnees.example.fr/${map}.geojson` }));
    }
    writeFileSync(join(dir, `${day.toISOString().slice(0, 10)}.ndjson`), `${out.join('\n')}\n`);
    lines += out.length;
  }
  return lines;
}

function timed(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  return performance.now() - start;
}

function benchStats(): void {
  const events = join(work, 'events');
  const lines = writeYear(events, 2025);
  const floor = `const fs=require('fs'),p=require('path');let n=0;for(const f of fs.readdirSync(${JSON.stringify(events)}))for(const l of fs.readFileSync(p.join(${JSON.stringify(events)},f),'utf8').split('\\n'))if(l){JSON.parse(l);n++}`;
  const statsTimes: number[] = [];
  const floorTimes: number[] = [];
  const startupTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    floorTimes.push(timed(['-e', floor]));
    startupTimes.push(timed([join(ROOT, 'bin/cartable.js'), '--help']));
    statsTimes.push(timed([join(ROOT, 'bin/cartable.js'), 'stats', '--events', events, '--year', '2025', '--maps', join(ROOT, 'maps'), '-o', join(work, `report-${run}`)]));
  }
  const files = readdirSync(events).length;
  console.log(`cartable stats --year over ${lines.toLocaleString('en')} stored events in ${files} day files, median of 3`);
  console.log(`  cartable stats (report written):        ${median(statsTimes).toFixed(0)} ms`);
  console.log(`  cartable --help (the command's start):  ${median(startupTimes).toFixed(0)} ms`);
  console.log(`  node: read and parse every line only:   ${median(floorTimes).toFixed(0)} ms`);
  console.log(`  stats beyond its start: ${(median(statsTimes) - median(startupTimes)).toFixed(0)} ms, ${((median(statsTimes) - median(startupTimes)) / median(floorTimes)).toFixed(2)}× the floor`);
}

try {
  await benchCollector();
  benchStats();
} finally {
  rmSync(work, { recursive: true, force: true });
}
